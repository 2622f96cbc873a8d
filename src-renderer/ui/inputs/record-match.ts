/**
 * Which options a picker offers for what the clerk typed, best first. A clerk types an account
 * code ("4100"), a party code ("C-1") or a word of the name ("rent"), and Enter takes the first
 * option, so the order decides what Enter picks: the exact code before a longer code that
 * merely starts with it ("4100" before "41000"), codes before names, a name's first word before a
 * word in the middle. No React here, so the ranking is unit-tested on its own.
 */

export interface MatchOption {
  value: string;
  label: string;
}

/** Lower is better; null = not a match. */
export function matchRank(label: string, search: string): number | null {
  const text = label.toLowerCase();
  const words = search.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  // Every word typed must be found somewhere ("off sup" finds "6100 Office supplies").
  if (!words.every((w) => text.includes(w))) return null;
  const whole = words.join(' ');
  const tokens = text.split(/[\s—–-]+/).filter(Boolean);
  const code = text.split(/\s/)[0] ?? '';
  if (code === whole || text === whole) return 0;
  if (code.startsWith(whole)) return 1;
  if (text.startsWith(whole)) return 2;
  if (tokens.some((t) => t.startsWith(words[0]!))) return 3;
  return 4;
}

/** The matching options, best first, the list's own order among equals, at most `limit`. */
export function rankOptions<T extends MatchOption>(
  options: readonly T[],
  search: string,
  limit?: number,
): T[] {
  const ranked = options
    .map((option, i) => ({ option, i, rank: matchRank(option.label, search) }))
    .filter((x): x is { option: T; i: number; rank: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.option);
  return limit === undefined ? ranked : ranked.slice(0, limit);
}

const FIELD =
  'input:not([type="hidden"]), select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * The next field a Tab would reach after `from`, within its form or dialog: what Enter on a
 * picker moves to. Radio groups count once (their checked button), as the browser tabs them.
 */
export function nextField(from: HTMLElement): HTMLElement | null {
  const scope = from.closest('form, [role="dialog"]') ?? from.ownerDocument.body;
  const fields = Array.from(scope.querySelectorAll<HTMLElement>(FIELD)).filter((el) => {
    if (el.tabIndex < 0 || (el as HTMLInputElement).disabled) return false;
    if (el.closest('[aria-hidden="true"], [hidden]')) return false;
    if (el instanceof HTMLInputElement && el.type === 'radio') return el.checked;
    return true;
  });
  return (
    fields.find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? null
  );
}
