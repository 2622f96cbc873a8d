import type { PdfColumn, PdfDocument, PdfRow, PdfTable } from '../../../core/pdf/document';
import type {
  BalanceSheet,
  GeneralLedgerPage,
  ProfitAndLoss,
  ReportSection,
  TaxSummary,
  TrialBalance,
} from '../rpc-contract';
import type { PdfFormat } from './pdf-format';

/**
 * Each report as a printable document: the same rows, totals and wording as its page. Pure:
 * the caller fetched the report and knows the company, branch and locale.
 */
export interface ReportHead {
  company: string;
  /** "NYC — New York" or "All branches (consolidated)". */
  branch: string;
  currency: string;
  f: PdfFormat;
}

export type Doc = Omit<PdfDocument, 'pageSize'>;
export const right = (header: string): PdfColumn => ({ header, align: 'right' });
const EMPTY = 'No postings in this period.';

export function base(
  h: ReportHead,
  title: string,
  period: string,
  blocks: PdfDocument['blocks'],
): Doc {
  return {
    title,
    company: h.company,
    branch: h.branch,
    period,
    notes: [`Amounts in ${h.currency}`],
    blocks,
  };
}

export function trialBalanceDoc(h: ReportHead, tb: TrialBalance): Doc {
  const a = (n: number) => h.f.amountOrBlank(n, h.currency);
  const t = (n: number) => h.f.amount(n, h.currency);
  return base(h, 'Trial balance', `As of ${h.f.date(tb.asOf)}`, [
    {
      kind: 'table',
      columns: [{ header: 'Code' }, { header: 'Account' }, right('Debit'), right('Credit')],
      rows: [
        ...tb.rows.map((r) => ({ cells: [r.code, r.name, a(r.debit), a(r.credit)] })),
        { cells: ['', 'Total', t(tb.totalDebit), t(tb.totalCredit)], style: 'total' },
      ],
      emptyText: EMPTY,
    },
  ]);
}

function sectionRows(h: ReportHead, s: ReportSection, compare: boolean): PdfRow[] {
  const a = (n: number) => h.f.amount(n, h.currency);
  return [
    { cells: [s.title], style: 'section' },
    ...s.rows.map((r) => ({
      cells: [r.code, r.name, a(r.amount), ...(compare ? [a(r.compare ?? 0)] : [])],
    })),
    {
      cells: [
        '',
        `Total ${s.title.toLowerCase()}`,
        a(s.total),
        ...(compare ? [a(s.compareTotal ?? 0)] : []),
      ],
      style: 'total',
    },
  ];
}

function statementColumns(current: string, previous: string | null): PdfColumn[] {
  return [
    { header: 'Code' },
    { header: 'Account' },
    right(current),
    ...(previous ? [right(previous)] : []),
  ];
}

export function profitAndLossDoc(h: ReportHead, pl: ProfitAndLoss): Doc {
  const a = (n: number) => h.f.amount(n, h.currency);
  const range = (from: string, to: string) => `${h.f.date(from)} – ${h.f.date(to)}`;
  const cmp = pl.compare !== null;
  const sections = pl.sections.filter((s) => s.rows.length > 0);
  const period = `${h.f.date(pl.from)} to ${h.f.date(pl.to)}${
    pl.compare ? ` compared with ${h.f.date(pl.compare.from)} to ${h.f.date(pl.compare.to)}` : ''
  }`;
  const table: PdfTable = {
    kind: 'table',
    columns: statementColumns(
      range(pl.from, pl.to),
      pl.compare ? range(pl.compare.from, pl.compare.to) : null,
    ),
    rows:
      sections.length === 0
        ? []
        : [
            ...sections.flatMap((s) => sectionRows(h, s, cmp)),
            {
              cells: [
                '',
                'Net profit',
                a(pl.netProfit),
                ...(cmp ? [a(pl.compareNetProfit ?? 0)] : []),
              ],
              style: 'total',
            },
          ],
    emptyText: EMPTY,
  };
  return base(h, 'Profit and loss', period, [table]);
}

export function balanceSheetDoc(h: ReportHead, bs: BalanceSheet): Doc {
  const a = (n: number) => h.f.amount(n, h.currency);
  const cmp = bs.compareAsOf !== null;
  const extra = (n: number | undefined) => (cmp ? [a(n ?? 0)] : []);
  const rows: PdfRow[] = [];
  for (const s of bs.sections) {
    if (s.title !== 'Equity') {
      rows.push(...sectionRows(h, s, cmp));
      continue;
    }
    // Earnings not yet closed into retained earnings show as their own equity lines, as on screen.
    const prior = bs.unclosedRetainedEarnings ?? 0;
    const comparePrior = bs.compareUnclosedRetainedEarnings ?? 0;
    rows.push({ cells: [s.title], style: 'section' });
    rows.push(
      ...s.rows.map((r) => ({ cells: [r.code, r.name, a(r.amount), ...extra(r.compare)] })),
    );
    if (prior !== 0 || comparePrior !== 0)
      rows.push({
        cells: ['', 'Retained earnings (years not closed)', a(prior), ...extra(comparePrior)],
      });
    rows.push({
      cells: [
        '',
        'Current year earnings',
        a(bs.currentEarnings),
        ...extra(bs.compareCurrentEarnings),
      ],
    });
    rows.push({
      cells: [
        '',
        'Total equity',
        a(s.total + bs.currentEarnings + prior),
        ...extra((s.compareTotal ?? 0) + (bs.compareCurrentEarnings ?? 0) + comparePrior),
      ],
      style: 'total',
    });
  }
  // Assets already end with their own total; liabilities and equity are added up here, as on screen.
  const compareLe =
    bs.sections.filter((x) => x.title !== 'Assets').reduce((n, x) => n + (x.compareTotal ?? 0), 0) +
    (bs.compareCurrentEarnings ?? 0) +
    (bs.compareUnclosedRetainedEarnings ?? 0);
  rows.push({
    cells: [
      '',
      'Total liabilities and equity',
      a(bs.totalLiabilitiesAndEquity),
      ...extra(compareLe),
    ],
    style: 'total',
  });
  const asOf = `As of ${h.f.date(bs.asOf)}`;
  const compareAsOf = bs.compareAsOf ? `As of ${h.f.date(bs.compareAsOf)}` : null;
  return base(
    h,
    'Balance sheet',
    `${asOf}${compareAsOf ? ` compared with ${h.f.date(bs.compareAsOf ?? '')}` : ''}`,
    [{ kind: 'table', columns: statementColumns(asOf, compareAsOf), rows }],
  );
}

/** Every line of the period (the caller asks for all of them, not one screen's page). */
export function generalLedgerDoc(
  h: ReportHead,
  gl: GeneralLedgerPage,
  partyName: (id: string) => string,
): Doc {
  const a = (n: number) => h.f.amountOrBlank(n, h.currency);
  const b = (n: number) => h.f.amount(n, h.currency);
  const title = `General ledger — ${gl.account.code} ${gl.account.name}`;
  const rows: PdfRow[] = [
    { cells: [h.f.date(gl.from), '', 'Opening balance', '', '', b(gl.opening)], style: 'total' },
    ...gl.rows.map((r) => ({
      cells: [
        h.f.date(r.date),
        r.number,
        [r.party ? partyName(r.party) : '', r.memo].filter(Boolean).join(' — '),
        a(r.debit),
        a(r.credit),
        b(r.balance),
      ],
    })),
    { cells: [h.f.date(gl.to), '', 'Closing balance', '', '', b(gl.closing)], style: 'total' },
  ];
  return {
    ...base(h, title, `${h.f.date(gl.from)} to ${h.f.date(gl.to)}`, [
      {
        kind: 'table',
        columns: [
          { header: 'Date' },
          { header: 'Number' },
          { header: 'Memo' },
          right('Debit'),
          right('Credit'),
          right('Balance'),
        ],
        rows,
      },
    ]),
  };
}

export function taxSummaryDoc(h: ReportHead, tax: TaxSummary): Doc {
  const a = (n: number) => h.f.amount(n, h.currency);
  const pct = (bp: number) =>
    `${new Intl.NumberFormat(h.f.locale, { maximumFractionDigits: 2 }).format(bp / 100)} %`;
  const blocks: PdfDocument['blocks'] = [
    {
      kind: 'table',
      columns: [
        { header: 'Tax code' },
        right('Rate'),
        right('Sales net'),
        right('Output tax'),
        right('Purchases net'),
        right('Input tax'),
      ],
      rows: [
        ...tax.rows.map((r) => ({
          cells: [
            r.code,
            pct(r.rateBp),
            a(r.salesNet),
            a(r.salesTax),
            a(r.purchaseNet),
            a(r.purchaseTax),
          ],
        })),
        {
          cells: ['Total', '', '', a(tax.totalSalesTax), '', a(tax.totalPurchaseTax)],
          style: 'total',
        },
        {
          cells: [
            tax.netTax >= 0 ? 'Net tax payable' : 'Net tax reclaimable',
            '',
            '',
            a(Math.abs(tax.netTax)),
            '',
            '',
          ],
          style: 'total',
        },
      ],
    },
  ];
  if (tax.ledgerMovement.length > 0)
    blocks.push({
      kind: 'table',
      title: 'Tax accounts in the ledger',
      columns: [{ header: 'Code' }, { header: 'Account' }, right('Movement')],
      rows: tax.ledgerMovement.map((m) => ({ cells: [m.code, m.name, a(m.amount)] })),
    });
  return base(h, 'Tax summary', `${h.f.date(tax.from)} to ${h.f.date(tax.to)}`, blocks);
}
