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
import { amountMessage, makeLineIdFactory, parseAmountText } from './values';
import { allNodes, child, descendants, parseXml, textAt, type XmlNode } from './xml';

/**
 * OFX bank and credit-card statements: 1.x (SGML with unclosed leaf tags, after a
 * "KEY:VALUE" header) and 2.x (XML). Only what reconciliation needs is read.
 */

/** OFX dates are YYYYMMDD[HHMMSS[.XXX]][[±h:TZ]]; the bank's calendar day is the first 8 digits. */
export function ofxDate(raw: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(raw.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}

function ofxAmount(raw: string, currency: string): ReturnType<typeof parseAmountText> {
  // The spec says "." but some banks write ","; a lone comma with no point is a decimal mark.
  const dec = !raw.includes('.') && raw.includes(',') ? ',' : '.';
  return parseAmountText(raw, currency, { decimalSeparator: dec, trimExtraZeros: true });
}

interface OfxContext {
  L: (node: XmlNode | undefined) => number;
  nextId: ReturnType<typeof makeLineIdFactory>;
  nextRefId: ReturnType<typeof makeReferenceIdFactory>;
  seenFitids: Map<string, number>;
  /** The bank account's currency, used when the file names none. */
  currency: string | undefined;
}

/** Parses as the header says; banks also send an OFX 2 XML header over an SGML 1.x body. */
function parseBody(body: string, header: string) {
  const isXml = /<\?xml|<\?OFX|OFXHEADER="2/i.test(header);
  const parsed = parseXml(body, { sgml: !isXml });
  if (parsed.ok) return parsed;
  const other = parseXml(body, { sgml: isXml });
  return other.ok ? other : parsed;
}

type PartsResult = { ok: true; parts: StatementPart[] } | { ok: false; problems: ImportProblem[] };

/** One account's statement; a file for several accounts is refused (see parseOfxAccounts). */
export function parseOfx(text: string, opts: { currency?: string } = {}): StatementImportResult {
  const r = readParts(text, opts);
  return r.ok ? mergeStatements(r.parts) : r;
}

/** Every account's statement in the file (bank, credit card), for routing each by account id. */
export function parseOfxAccounts(
  text: string,
  opts: { currency?: string } = {},
): SplitStatementsResult {
  const r = readParts(text, opts);
  return r.ok ? splitStatements(r.parts) : r;
}

function readParts(text: string, opts: { currency?: string }): PartsResult {
  const start = text.search(/<OFX>/i);
  if (start < 0)
    return {
      ok: false,
      problems: [
        problem(
          1,
          'This is not an OFX file: there is no <OFX> element. Export the statement again as OFX, QFX or Money format.',
        ),
      ],
    };
  const linesBefore = text.slice(0, start).split('\n').length - 1;
  const parsed = parseBody(text.slice(start), text.slice(0, start + 5));
  if (!parsed.ok)
    return {
      ok: false,
      problems: [{ ...parsed.problem, line: parsed.problem.line + linesBefore }],
    };
  const L = (node: XmlNode | undefined) => (node?.line ?? 1) + linesBefore;
  const problems: ImportProblem[] = [];
  const root = parsed.root;
  // Tags are case-insensitive in OFX 1.x; most files are upper case already.
  upperCaseNames(root);

  for (const rs of [...descendants(root, 'STMTTRNRS'), ...descendants(root, 'CCSTMTTRNRS')]) {
    const code = textAt(rs, 'STATUS/CODE');
    if (code !== '' && code !== '0') {
      const msg = textAt(rs, 'STATUS/MESSAGE');
      problems.push(
        problem(
          L(rs),
          `The bank reported an error for this statement (code ${code}${msg ? `: ${msg}` : ''}). Download it again.`,
        ),
      );
    }
  }
  // An investment statement's cash movements (INVBANKTRAN) are ordinary bank transactions.
  const statements = [
    ...descendants(root, 'STMTRS'),
    ...descendants(root, 'CCSTMTRS'),
    ...descendants(root, 'INVSTMTRS').filter((rs) => descendants(rs, 'STMTTRN').length > 0),
  ];
  if (statements.length === 0) {
    problems.push(
      problem(
        L(root),
        'The OFX file contains no bank or credit-card statement (no STMTRS) and no cash transactions. It may be an investment or bill-pay file.',
      ),
    );
    return { ok: false, problems: sortProblems(problems) };
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  // A file missing </BANKTRANLIST> leaves the transactions directly under the statement, so
  // they are looked for anywhere in it; any still unaccounted for refuse the file.
  const found = statements.reduce((n, st) => n + descendants(st, 'STMTTRN').length, 0);
  const written = text.match(/<STMTTRN>/gi)?.length ?? 0;
  if (written !== found)
    return {
      ok: false,
      problems: [
        problem(
          L(statements[0]),
          `The file lists ${written} transactions but only ${found} could be read; closing tags are missing or out of place. Download the statement again.`,
        ),
      ],
    };
  const ctx: OfxContext = {
    L,
    nextId: makeLineIdFactory(),
    nextRefId: makeReferenceIdFactory(),
    seenFitids: new Map(),
    currency: opts.currency,
  };
  const parts: StatementPart[] = [];
  for (const stmt of statements) {
    const r = readStatement(stmt, ctx);
    if (r.ok) parts.push({ line: L(stmt), ...r });
    else problems.push(...r.problems);
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, parts };
}

function readStatement(stmt: XmlNode, ctx: OfxContext): StatementImportResult {
  const { L, nextId, nextRefId, seenFitids } = ctx;
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const declared = textAt(stmt, 'CURDEF').toUpperCase();
  let currency = declared;
  if (!/^[A-Z]{3}$/.test(declared)) {
    if (declared === '' && ctx.currency) {
      currency = ctx.currency;
      warnings.push(
        problem(
          L(stmt),
          `The statement names no currency (CURDEF); the bank account's currency ${currency} was assumed.`,
          'CURDEF',
        ),
      );
    } else
      return {
        ok: false,
        problems: [
          problem(
            L(child(stmt, 'CURDEF') ?? stmt),
            `The statement currency (CURDEF) "${declared}" is missing or not an ISO code. The file is incomplete.`,
            'CURDEF',
          ),
        ],
      };
  }
  const acct =
    child(stmt, 'BANKACCTFROM') ?? child(stmt, 'CCACCTFROM') ?? child(stmt, 'INVACCTFROM');
  const meta: StatementMeta = emptyMeta(currency);
  meta.accountId = textAt(acct, 'ACCTID');
  const bankId = textAt(acct, 'BANKID');
  if (bankId) meta.bankId = bankId;
  const tranList = child(stmt, 'BANKTRANLIST');
  meta.periodStart = ofxDate(textAt(tranList, 'DTSTART') || textAt(stmt, 'DTSTART'));
  meta.periodEnd = ofxDate(textAt(tranList, 'DTEND') || textAt(stmt, 'DTEND'));
  const ledger = child(stmt, 'LEDGERBAL');
  if (ledger) {
    const raw = textAt(ledger, 'BALAMT');
    const bal = ofxAmount(raw, currency);
    if (bal.ok) meta.closingBalance = bal.value;
    else if (bal.reason === 'empty')
      warnings.push(
        problem(
          L(child(ledger, 'BALAMT') ?? ledger),
          'The statement gives no closing balance (BALAMT is empty); the lines were imported without it.',
          'BALAMT',
        ),
      );
    else
      problems.push(
        problem(
          L(child(ledger, 'BALAMT') ?? ledger),
          `Closing balance: ${amountMessage(raw, currency, bal.reason)}`,
          'BALAMT',
        ),
      );
    meta.closingDate = ofxDate(textAt(ledger, 'DTASOF'));
  }

  const items: StatementLine[] = [];
  const transactions = descendants(stmt, 'STMTTRN');
  for (const trn of transactions) {
    const line = L(trn);
    const before = problems.length;
    const rawDate = textAt(trn, 'DTPOSTED');
    const date = ofxDate(rawDate);
    if (date === null)
      problems.push(
        problem(
          L(child(trn, 'DTPOSTED') ?? trn),
          rawDate === ''
            ? 'A transaction has no date (DTPOSTED). The file is incomplete.'
            : `The transaction date "${rawDate}" is not a valid OFX date (YYYYMMDD).`,
          'DTPOSTED',
        ),
      );
    const rawAmount = textAt(trn, 'TRNAMT');
    const amt = ofxAmount(rawAmount, currency);
    if (!amt.ok)
      problems.push(
        problem(
          L(child(trn, 'TRNAMT') ?? trn),
          amt.reason === 'empty'
            ? 'A transaction has no amount (TRNAMT). The file is incomplete.'
            : amountMessage(rawAmount, currency, amt.reason),
          'TRNAMT',
        ),
      );
    if (child(trn, 'CURRENCY') || child(trn, 'ORIGCURRENCY')) {
      warnings.push(
        problem(
          line,
          'This transaction was in a foreign currency; the converted amount in the statement currency was used.',
        ),
      );
    }
    if (problems.length > before || date === null || !amt.ok) continue;
    if (amt.value === 0) {
      // Banks list zero lines for fee waivers and card checks; there is nothing to reconcile.
      warnings.push(
        problem(
          L(child(trn, 'TRNAMT') ?? trn),
          `This transaction's amount is zero ("${rawAmount}"), so it was skipped; there is nothing to reconcile.`,
          'TRNAMT',
        ),
      );
      continue;
    }
    const name = textAt(trn, 'NAME') || textAt(trn, 'PAYEE/NAME');
    const memo = textAt(trn, 'MEMO');
    const description = memo || name;
    const fitid = textAt(trn, 'FITID');
    if (fitid !== '') {
      const dup = seenFitids.get(fitid);
      if (dup !== undefined)
        warnings.push(
          problem(
            line,
            `The bank used transaction id ${fitid} twice (also on line ${dup}); both lines were kept.`,
            'FITID',
          ),
        );
      else seenFitids.set(fitid, line);
    }
    const externalId =
      fitid !== '' ? nextRefId(fitid, date, amt.value) : nextId(date, amt.value, description);
    items.push({
      date,
      amount: amt.value,
      description,
      reference: textAt(trn, 'CHECKNUM') || textAt(trn, 'REFNUM'),
      counterparty: name,
      balanceAfter: null,
      externalId,
    });
  }
  if (!tranList && transactions.length === 0)
    warnings.push(
      problem(
        L(stmt),
        'The statement has no transaction list (BANKTRANLIST); only the balance was read.',
      ),
    );
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, items, warnings, meta };
}

function upperCaseNames(node: XmlNode): void {
  for (const n of allNodes(node)) n.name = n.name.toUpperCase();
}
