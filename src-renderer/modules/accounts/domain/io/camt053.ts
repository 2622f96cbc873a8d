import { isIsoDate } from '../../../../core/dates';
import { problem, sortProblems, type ImportProblem } from './report';
import {
  emptyMeta,
  type StatementImportResult,
  type StatementLine,
  type StatementMeta,
} from './statement';
import { makeReferenceIdFactory } from './line-id';
import {
  mergeStatements,
  splitStatements,
  type SplitStatementsResult,
  type StatementPart,
} from './statement-merge';
import { amountMessage, formatMinor, makeLineIdFactory, parseAmountText } from './values';
import { at, child, childrenNamed, descendants, parseXml, textAt, type XmlNode } from './xml';

/**
 * ISO 20022 camt.053 (bank-to-customer statement), versions .001.02 onwards. Element paths
 * moved between versions (e.g. RltdPties/Dbtr/Nm became Dbtr/Pty/Nm in .08), so each lookup
 * tries the known spellings.
 */

type LineIdFactory = ReturnType<typeof makeLineIdFactory>;
type RefIdFactory = ReturnType<typeof makeReferenceIdFactory>;

function isoDay(node: XmlNode | undefined): string | null {
  // Dt is a plain date; DtTm carries a time and offset, but the booking day is its date part.
  const raw = textAt(node, 'Dt') || textAt(node, 'DtTm');
  const day = raw.slice(0, 10);
  return isIsoDate(day) ? day : null;
}

function signed(value: number, indicator: string): number | null {
  if (indicator === 'CRDT') return value;
  if (indicator === 'DBIT') return value === 0 ? 0 : -value;
  return null;
}

function partyName(parties: XmlNode | undefined, role: 'Dbtr' | 'Cdtr'): string {
  return (
    textAt(parties, `${role}/Nm`) ||
    textAt(parties, `${role}/Pty/Nm`) ||
    textAt(parties, `Ultmt${role}/Nm`) ||
    textAt(parties, `Ultmt${role}/Pty/Nm`)
  );
}

type PartsResult = { ok: true; parts: StatementPart[] } | { ok: false; problems: ImportProblem[] };

/** One account's statement; a file for several accounts is refused (see parseCamt053Accounts). */
export function parseCamt053(
  text: string,
  opts: { currency?: string } = {},
): StatementImportResult {
  const r = readParts(text, opts);
  return r.ok ? mergeStatements(r.parts) : r;
}

/** Every account's statement in the file, for routing each to its bank account by IBAN. */
export function parseCamt053Accounts(
  text: string,
  opts: { currency?: string } = {},
): SplitStatementsResult {
  const r = readParts(text, opts);
  return r.ok ? splitStatements(r.parts) : r;
}

function readParts(text: string, opts: { currency?: string }): PartsResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const root = parsed.root;
  const ns = root.attrs['xmlns'] ?? '';
  const container = root.name === 'Document' ? child(root, 'BkToCstmrStmt') : undefined;
  if (!container) {
    const other = /camt\.0(52|54)/.exec(ns);
    const hint = other
      ? ` It looks like camt.0${other[1]} (${other[1] === '52' ? 'intraday report' : 'notification'}); ask the bank for the end-of-day camt.053 statement.`
      : '';
    return {
      ok: false,
      problems: [
        problem(
          root.line,
          `This is not a camt.053 bank statement (no Document/BkToCstmrStmt).${hint}`,
        ),
      ],
    };
  }
  const statements = childrenNamed(container, 'Stmt');
  if (statements.length === 0)
    return {
      ok: false,
      problems: [
        problem(
          container.line,
          'The file contains no statement (Stmt). It may be truncated or empty.',
        ),
      ],
    };
  // Ids count repeated references across the whole file, so they do not depend on how the
  // bank split it into statements.
  const ids = {
    nextId: makeLineIdFactory(),
    nextRefId: makeReferenceIdFactory(),
    fallbackCurrency: opts.currency,
  };
  const parts: StatementPart[] = [];
  const problems: ImportProblem[] = [];
  for (const stmt of statements) {
    const r = readStatement(stmt, ids);
    if (r.ok) parts.push({ line: stmt.line, ...r });
    else problems.push(...r.problems);
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, parts };
}

function readStatement(
  stmt: XmlNode,
  {
    nextId,
    nextRefId,
    fallbackCurrency,
  }: { nextId: LineIdFactory; nextRefId: RefIdFactory; fallbackCurrency: string | undefined },
): StatementImportResult {
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const acct = child(stmt, 'Acct');
  const iban = textAt(acct, 'Id/IBAN');
  const currencyDeclared = textAt(acct, 'Ccy');
  const firstAmount = descendants(stmt, 'Amt')[0];
  const named = (currencyDeclared || firstAmount?.attrs['Ccy'] || '').toUpperCase();
  const currency = named || fallbackCurrency || '';
  if (named === '' && currency !== '')
    warnings.push(
      problem(
        acct?.line ?? stmt.line,
        `The statement names no currency (Acct/Ccy or Amt Ccy); the bank account's currency ${currency} was assumed.`,
      ),
    );
  if (!/^[A-Z]{3}$/.test(currency))
    return {
      ok: false,
      problems: [
        problem(
          acct?.line ?? stmt.line,
          'The statement names no currency (Acct/Ccy or Amt Ccy). The file is incomplete.',
        ),
      ],
    };

  const meta: StatementMeta = emptyMeta(currency);
  meta.iban = iban || null;
  meta.accountId = iban || textAt(acct, 'Id/Othr/Id');
  meta.periodStart = textAt(stmt, 'FrToDt/FrDtTm').slice(0, 10) || null;
  meta.periodEnd = textAt(stmt, 'FrToDt/ToDtTm').slice(0, 10) || null;

  const readAmount = (
    amt: XmlNode | undefined,
    indicator: string,
    where: XmlNode,
    what: string,
  ): number | null => {
    if (!amt) {
      problems.push(
        problem(where.line, `${what} has no amount (Amt). The file is incomplete.`, 'Amt'),
      );
      return null;
    }
    // An amount without Ccy is in the statement's currency (files that name none at all).
    const ccy = (amt.attrs['Ccy'] ?? '').toUpperCase() || (named === '' ? currency : '');
    if (ccy !== currency) {
      problems.push(
        problem(
          amt.line,
          `${what} is in ${ccy || 'no currency'}, but the statement is in ${currency}. The file is inconsistent.`,
          'Amt',
        ),
      );
      return null;
    }
    const p = parseAmountText(amt.text, currency, { trimExtraZeros: true });
    if (!p.ok) {
      problems.push(
        problem(amt.line, `${what}: ${amountMessage(amt.text, currency, p.reason)}`, 'Amt'),
      );
      return null;
    }
    const value = signed(p.value, indicator);
    if (value === null)
      problems.push(
        problem(
          where.line,
          `${what} has credit/debit indicator "${indicator}"; expected CRDT or DBIT.`,
          'CdtDbtInd',
        ),
      );
    return value;
  };

  for (const bal of childrenNamed(stmt, 'Bal')) {
    const code = textAt(bal, 'Tp/CdOrPrtry/Cd') || textAt(bal, 'Tp/CdOrPrtry/Prtry');
    const isOpening = code === 'OPBD' || code === 'PRCD';
    const isClosing = code === 'CLBD';
    if (!isOpening && !isClosing) continue;
    if (
      (isOpening && meta.openingBalance !== null && code === 'PRCD') ||
      (isClosing && meta.closingBalance !== null)
    )
      continue;
    if (textAt(bal, 'Amt') === '') {
      warnings.push(
        problem(
          bal.line,
          `The statement gives no ${isOpening ? 'opening' : 'closing'} balance amount; the lines were imported without it.`,
          'Amt',
        ),
      );
      continue;
    }
    const value = readAmount(
      child(bal, 'Amt'),
      textAt(bal, 'CdtDbtInd'),
      bal,
      isOpening ? 'The opening balance' : 'The closing balance',
    );
    if (value === null) continue;
    if (isOpening) meta.openingBalance = value;
    else {
      meta.closingBalance = value;
      meta.closingDate = isoDay(child(bal, 'Dt'));
    }
  }

  const items: StatementLine[] = [];
  let bookedTotal = 0;
  for (const ntry of childrenNamed(stmt, 'Ntry')) {
    const before = problems.length;
    const status = textAt(ntry, 'Sts') || textAt(ntry, 'Sts/Cd');
    if (status !== '' && status !== 'BOOK') {
      warnings.push(
        problem(
          ntry.line,
          `An entry with status ${status} (not yet booked) was skipped; it will come in a later statement once booked.`,
          'Sts',
        ),
      );
      continue;
    }
    const date = isoDay(child(ntry, 'BookgDt')) ?? isoDay(child(ntry, 'ValDt'));
    if (date === null)
      problems.push(
        problem(
          (child(ntry, 'BookgDt') ?? ntry).line,
          'An entry has no valid booking date (BookgDt/Dt, YYYY-MM-DD). The file is damaged.',
          'BookgDt',
        ),
      );
    const indicator = textAt(ntry, 'CdtDbtInd');
    const amount = readAmount(child(ntry, 'Amt'), indicator, ntry, 'An entry');
    if (problems.length > before || date === null || amount === null) continue;
    if (amount === 0) {
      warnings.push(
        problem(ntry.line, 'An entry of zero was skipped; there is nothing to reconcile.'),
      );
      continue;
    }
    const txs = descendants(ntry, 'TxDtls');
    const ustrd = txs
      .flatMap((tx) => childrenNamed(child(tx, 'RmtInf'), 'Ustrd').map((u) => u.text))
      .filter(Boolean);
    const description =
      ustrd.join(' ') ||
      textAt(ntry, 'AddtlNtryInf') ||
      txs.map((tx) => textAt(tx, 'AddtlTxInf')).find(Boolean) ||
      '';
    const role = indicator === 'CRDT' ? 'Dbtr' : 'Cdtr';
    const counterparty =
      txs.map((tx) => partyName(child(tx, 'RltdPties'), role)).find(Boolean) ?? '';
    const endToEnd =
      txs.map((tx) => textAt(tx, 'Refs/EndToEndId')).find((r) => r !== '' && r !== 'NOTPROVIDED') ??
      '';
    const creditorRef =
      txs.map((tx) => textAt(at(tx, 'RmtInf/Strd'), 'CdtrRefInf/Ref')).find(Boolean) ?? '';
    const acctSvcrRef = textAt(ntry, 'AcctSvcrRef');
    items.push({
      date,
      amount,
      description,
      reference: creditorRef || endToEnd || textAt(ntry, 'NtryRef'),
      counterparty,
      balanceAfter: null,
      externalId: acctSvcrRef
        ? nextRefId(acctSvcrRef, date, amount)
        : nextId(date, amount, description),
    });
    bookedTotal += amount;
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  if (
    meta.openingBalance !== null &&
    meta.closingBalance !== null &&
    meta.openingBalance + bookedTotal !== meta.closingBalance
  ) {
    const diff = meta.closingBalance - meta.openingBalance - bookedTotal;
    // Not fatal: some banks omit entries booked on the closing day; the clerk should look.
    warnings.push(
      problem(
        stmt.line,
        `Opening balance ${formatMinor(meta.openingBalance, currency)} plus the entries does not equal the closing balance ${formatMinor(meta.closingBalance, currency)} (difference ${formatMinor(diff, currency)}). Some entries may be missing from the file.`,
      ),
    );
  }
  return { ok: true, items, warnings, meta };
}
