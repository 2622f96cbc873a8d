import { formatMinor } from './io/values';

/**
 * Bank reconciliation rules, pure: which book entries a bank line probably is, whether a
 * chosen match adds up, and where the account stands. Amounts are minor units; a statement
 * amount is positive for money in, a ledger amount is debit − credit on the bank account, so
 * the two compare directly (the bank account is kept in the base currency for now).
 */

export interface StatementCandidate {
  /** `<statementId>#<externalId>` */
  id: string;
  date: string;
  amount: number;
  description: string;
  reference: string;
  counterparty: string;
}

export interface LedgerCandidate {
  /** Ledger row id `<docId>#<line>` */
  id: string;
  date: string;
  /** Debit − credit on the bank account. */
  amount: number;
  memo: string;
  /** Number of the document that posted it (INV-…, RCPT-…, JE-…). */
  number: string;
  reference: string;
  /** Numbers of the documents it settles (the invoices a receipt paid), which banks often quote. */
  related?: string[];
}

export interface MatchSuggestion {
  statementLine: string;
  /** One ledger line, or two whose sum is the bank amount (a receipt covering two invoices paid separately). */
  ledgerLines: string[];
  /** Higher is better; only comparable between suggestions of one statement line. */
  score: number;
  reason: string;
}

export interface SuggestOptions {
  /** Furthest apart a bank line and its entry may be dated; banks clear within days. */
  maxDays?: number;
  /** Alternatives kept per statement line after the best one. */
  perLine?: number;
  /** Pair search is quadratic in the candidates of one amount window; this bounds it. */
  maxPairCandidates?: number;
}

export interface LineSuggestions {
  statementLine: string;
  /** Best first. The first one never claims a ledger line another statement line's first one claims. */
  suggestions: MatchSuggestion[];
}

const DAY = 86_400_000;

export function daysBetween(a: string, b: string): number {
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY);
}

/**
 * Words a bank and a clerk both write. Numbers lose leading zeros and also pair with the word
 * before them, so "INV 42", "inv42" and "NYC-A-INV-000042" all share "inv42".
 */
export function matchTokens(text: string): Set<string> {
  const out = new Set<string>();
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  let lastWord = '';
  for (const group of folded.match(/[a-z]+|\d+/g) ?? []) {
    if (/^\d/.test(group)) {
      const n = group.replace(/^0+(?=\d)/, '');
      // Lone short numbers are too common (days, counts) to say anything.
      if (n.length >= 2) out.add(n);
      if (lastWord) out.add(`${lastWord}${n}`);
    } else {
      lastWord = group;
      if (group.length >= 3 && !STOP_WORDS.has(group)) out.add(group);
    }
  }
  return out;
}

const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'from',
  'payment',
  'receipt',
  'transfer',
  'bank',
  'pos',
  'purchase',
  'ltd',
  'llc',
  'inc',
  'gmbh',
]);

function overlap(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((t) => b.has(t));
}

function dayText(days: number): string {
  return days === 0 ? 'same day' : days === 1 ? '1 day apart' : `${days} days apart`;
}

/** The reference or document number a bank line quotes, judged by a shared number. */
function referenceHit(c: LedgerCandidate, lineTokens: Set<string>): string | undefined {
  return [c.reference, ...(c.related ?? []), c.number].find(
    (r) => r && overlap(matchTokens(r), lineTokens).some((t) => /\d/.test(t)),
  );
}

interface Scored {
  suggestion: MatchSuggestion;
  days: number;
}

function scoreSingle(
  line: StatementCandidate,
  lineTokens: Set<string>,
  c: LedgerCandidate,
  maxDays: number,
): Scored | null {
  if (c.amount !== line.amount) return null;
  const days = daysBetween(line.date, c.date);
  if (days > maxDays) return null;
  const shared = overlap(
    lineTokens,
    matchTokens(`${c.memo} ${c.number} ${c.reference} ${(c.related ?? []).join(' ')}`),
  );
  // A shared document number or reference is the strongest hint a bank line gives.
  const refHit = referenceHit(c, lineTokens);
  const reasons = ['Same amount', dayText(days)];
  if (refHit) reasons.push(`reference ${refHit}`);
  else if (shared.length) reasons.push(`"${shared.slice(0, 2).join(' ')}" in both`);
  const score = 100 - days * 8 + (refHit ? 40 : 0) + Math.min(shared.length, 3) * 10;
  return {
    suggestion: { statementLine: line.id, ledgerLines: [c.id], score, reason: reasons.join(', ') },
    days,
  };
}

/**
 * For each statement line, the book entries it most probably is. Only exact amounts are
 * suggested (a match must add up anyway); nearer dates and shared words rank higher. Best
 * suggestions are assigned greedily over all lines, so two identical coffees on different
 * days are each paired with their own entry instead of both with the closer one.
 */
export function suggestMatches(
  statementLines: StatementCandidate[],
  ledgerCandidates: LedgerCandidate[],
  opts: SuggestOptions = {},
): LineSuggestions[] {
  const maxDays = opts.maxDays ?? 7;
  const perLine = opts.perLine ?? 2;
  const maxPair = opts.maxPairCandidates ?? 60;
  const byAmount = new Map<number, LedgerCandidate[]>();
  for (const c of ledgerCandidates) byAmount.set(c.amount, [...(byAmount.get(c.amount) ?? []), c]);

  const ranked = new Map<string, MatchSuggestion[]>();
  for (const line of statementLines) {
    const tokens = matchTokens(`${line.description} ${line.reference} ${line.counterparty}`);
    const singles = (byAmount.get(line.amount) ?? [])
      .map((c) => scoreSingle(line, tokens, c, maxDays))
      .filter((s): s is Scored => s !== null)
      .map((s) => s.suggestion);
    if (singles.length === 0)
      singles.push(...pairSuggestions(line, tokens, ledgerCandidates, maxDays, maxPair));
    ranked.set(
      line.id,
      singles.sort(
        (a, b) => b.score - a.score || a.ledgerLines[0]!.localeCompare(b.ledgerLines[0]!),
      ),
    );
  }

  // Greedy one-to-one: the strongest pairs anywhere claim their ledger lines first.
  const all = [...ranked.values()]
    .flat()
    .sort((a, b) => b.score - a.score || a.statementLine.localeCompare(b.statementLine));
  const claimed = new Set<string>();
  const best = new Map<string, MatchSuggestion>();
  for (const s of all) {
    if (best.has(s.statementLine) || s.ledgerLines.some((l) => claimed.has(l))) continue;
    best.set(s.statementLine, s);
    s.ledgerLines.forEach((l) => claimed.add(l));
  }
  return statementLines.map((line) => {
    const first = best.get(line.id);
    const rest = (ranked.get(line.id) ?? []).filter(
      (s) => s !== first && !s.ledgerLines.some((l) => claimed.has(l)),
    );
    return {
      statementLine: line.id,
      suggestions: first ? [first, ...rest.slice(0, perLine)] : rest.slice(0, perLine),
    };
  });
}

function pairSuggestions(
  line: StatementCandidate,
  tokens: Set<string>,
  candidates: LedgerCandidate[],
  maxDays: number,
  maxPair: number,
): MatchSuggestion[] {
  const near = candidates
    .filter(
      (c) =>
        daysBetween(line.date, c.date) <= maxDays && Math.sign(c.amount) === Math.sign(line.amount),
    )
    .slice(0, maxPair);
  const out: MatchSuggestion[] = [];
  for (let i = 0; i < near.length; i++) {
    for (let j = i + 1; j < near.length; j++) {
      const a = near[i]!;
      const b = near[j]!;
      if (a.amount + b.amount !== line.amount) continue;
      const days = Math.max(daysBetween(line.date, a.date), daysBetween(line.date, b.date));
      const refs = [a, b]
        .map((c) => referenceHit(c, tokens))
        .filter((r): r is string => r !== undefined);
      const reason = ['Two entries add up to the amount', dayText(days)];
      if (refs.length) reason.push(`reference ${refs.join(' and ')}`);
      out.push({
        statementLine: line.id,
        ledgerLines: [a.id, b.id],
        score: 60 - days * 8 + refs.length * 20,
        reason: reason.join(', '),
      });
    }
  }
  return out;
}

export type MatchCheck =
  { ok: true; total: number } | { ok: false; difference: number; message: string };

/**
 * A match pairs one bank line with several entries or several bank lines with one entry;
 * either way the two sides must add up to the same money, to the cent.
 */
export function validateMatch(
  statementAmounts: number[],
  ledgerAmounts: number[],
  currency = '',
): MatchCheck {
  const fmt = (n: number) => (currency ? formatMinor(n, currency) : String(n));
  if (statementAmounts.length === 0 || ledgerAmounts.length === 0) {
    return {
      ok: false,
      difference: 0,
      message: 'Choose at least one bank line and at least one entry in the books to match.',
    };
  }
  if (statementAmounts.length > 1 && ledgerAmounts.length > 1) {
    return {
      ok: false,
      difference: 0,
      message:
        'Match one bank line with several entries, or several bank lines with one entry — not several with several. Split it into smaller matches.',
    };
  }
  const bank = statementAmounts.reduce((n, a) => n + a, 0);
  const books = ledgerAmounts.reduce((n, a) => n + a, 0);
  const difference = bank - books;
  if (difference !== 0) {
    return {
      ok: false,
      difference,
      message: `The bank lines add up to ${fmt(bank)} but the entries in the books to ${fmt(books)}: a difference of ${fmt(Math.abs(difference))}. Choose lines whose totals are equal, or create an entry for the difference.`,
    };
  }
  return { ok: true, total: bank };
}

export interface ReconciliationSummary {
  /** Closing balance on the latest statement; null when the bank gave none. */
  statementBalance: number | null;
  bookBalance: number;
  /** Money on the statement lines already matched to the books. */
  reconciled: number;
  /** Money on statement lines not yet matched (fees, interest, receipts not yet recorded). */
  unreconciled: number;
  /** Statement balance − balance in the books; null when there is no statement balance. */
  difference: number | null;
  balanced: boolean;
}

export function reconciliationSummary(input: {
  statementClosing: number | null;
  matched: number;
  unmatchedStatement: number;
  bookBalance: number;
}): ReconciliationSummary {
  const difference =
    input.statementClosing === null ? null : input.statementClosing - input.bookBalance;
  return {
    statementBalance: input.statementClosing,
    bookBalance: input.bookBalance,
    reconciled: input.matched,
    unreconciled: input.unmatchedStatement,
    difference,
    balanced: difference === 0,
  };
}
