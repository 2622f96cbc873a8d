import { stableHash } from './values';

/**
 * A statement line's identity, used to skip lines already imported when exports overlap.
 * Banks reuse references (camt.053 `AcctSvcrRef` = "NONREF" on every line, FITIDs repeated
 * by some OFX exporters), so the reference alone would merge different lines. The identity is
 * the reference plus date and amount plus the position among lines sharing all three; it never
 * uses the line number, so the same file with an extra header line gives the same ids.
 */
export function referenceLineId(
  reference: string,
  date: string,
  amount: number,
  position: number,
): string {
  // externalId is capped at 200 characters; a bank reference is rarely longer than 35.
  const ref = reference.length > 120 ? `#${stableHash(reference)}` : reference;
  return `r:${ref}|${date}|${amount}${position > 0 ? `|${position}` : ''}`;
}

/** Hands out referenceLineId for each line in file order, counting repeats. */
export function makeReferenceIdFactory(): (
  reference: string,
  date: string,
  amount: number,
) => string {
  const seen = new Map<string, number>();
  return (reference, date, amount) => {
    const key = `${reference}\u0000${date}\u0000${amount}`;
    const position = seen.get(key) ?? 0;
    seen.set(key, position + 1);
    return referenceLineId(reference, date, amount, position);
  };
}
