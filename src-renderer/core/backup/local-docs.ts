/**
 * Which `_local/` documents a backup keeps. They never replicate, so what is only here is lost
 * with the device unless the backup carries it:
 *
 * - `outpost-sync`: refused and withdrawn records and the last completed sync (refusals must
 *   never disappear silently);
 * - `outpost-sync-pending` and its numbered logs: the pending list, so a restored device
 *   shows its unsent changes as waiting (the push itself re-reads the whole database);
 * - `series-<branch>-<letter>-<kind>`: the number series of this device, so a restored device
 *   never hands out a number it already used. Raised to past the highest number in the
 *   documents, in case the counter was behind.
 *
 * Left out on purpose: replication checkpoints and the first-copy marker. Restored documents get
 * new local sequence numbers, so an old checkpoint could make the push skip them; without one
 * the replication compares everything with the server once (revs_diff) and sends what is missing.
 */
import { readLocal, type Db } from '../db/pouch';
import { seriesDocId } from '../db/series';
import type { LocalLine } from './format';

export const SYNC_STATE_DOC = 'outpost-sync';
export const PENDING_DOC = 'outpost-sync-pending';

const SERIES_NUMBER = /^([A-Z0-9]+)-([A-Z])-([A-Z][A-Z0-9]*)-(\d+)$/;

/** Remembers the highest number of each series of this device seen in the documents. */
export class SeriesSeen {
  readonly highest = new Map<string, number>();

  constructor(
    readonly branchCode: string,
    readonly letter: string,
  ) {}

  see(doc: Record<string, unknown>): void {
    for (const value of Object.values(doc)) {
      if (typeof value !== 'string' || value.length > 40) continue;
      const m = SERIES_NUMBER.exec(value);
      if (!m || m[1] !== this.branchCode || m[2] !== this.letter) continue;
      const kind = m[3]!;
      const n = Number(m[4]);
      if (n > (this.highest.get(kind) ?? 0)) this.highest.set(kind, n);
    }
  }
}

/** The kept `_local/` documents of one database, as lines of the backup. */
export async function readKeptLocals(
  db: Db,
  name: string,
  series: SeriesSeen | null,
): Promise<LocalLine[]> {
  const out: LocalLine[] = [];
  const push = (local: string, doc: Record<string, unknown> | null) => {
    if (!doc) return;
    const { _rev: _r, _id: _i, ...body } = doc;
    out.push({ d: name, local, doc: body });
  };
  push(SYNC_STATE_DOC, await readLocal<Record<string, unknown>>(db, SYNC_STATE_DOC));
  const base = await readLocal<Record<string, unknown> & { logFrom?: unknown }>(db, PENDING_DOC);
  push(PENDING_DOC, base);
  // The logs written since the base, read the way the pending list reads them: until one is missing.
  for (let n = typeof base?.logFrom === 'number' ? base.logFrom : 0; ; n++) {
    const log = await readLocal<Record<string, unknown>>(db, `${PENDING_DOC}-${n}`);
    if (!log) break;
    push(`${PENDING_DOC}-${n}`, log);
  }
  if (series) {
    for (const [kind, highest] of series.highest) {
      const id = seriesDocId({ branchCode: series.branchCode, deviceLetter: series.letter, kind });
      const counter = await readLocal<{ next?: number }>(db, id);
      const next = Math.max(typeof counter?.next === 'number' ? counter.next : 1, highest + 1);
      out.push({ d: name, local: id, doc: { next } });
    }
  }
  return out;
}
