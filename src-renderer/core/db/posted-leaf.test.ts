import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseAsSeen, couchWinner, isPostedLeaf, type Leaf } from './posted-leaf';

const entry = {
  _id: 'journalEntry:01J8Z3Q4R5S6T7V8W9X0Y1Z2A3',
  type: 'journalEntry',
  branch: 'NYC',
  createdAt: '2026-03-02T09:14:00.000Z',
  createdBy: 'Maria Lopez',
  device: 'device:01J8Z3Q4R5S6T7V8W9X0Y1Z2D1',
};
const posted: Leaf = {
  ...entry,
  _rev: '2-9f1c',
  status: 'posted',
  postedAt: '2026-03-02T09:20:00.000Z',
  lines: [{ account: '1000', debit: 125000 }],
};
const forgedDraft: Leaf = {
  ...entry,
  _rev: '50-0a0a',
  status: 'draft',
  postedAt: null,
  updatedBy: 'Tom Clerk',
  lines: [{ account: '1000', debit: 1 }],
};
const forgedTombstone: Leaf = { _id: entry._id, _rev: '60-ffff', _deleted: true };

describe('chooseAsSeen: a posted leaf wins', () => {
  it('picks the posted leaf over a draft with a longer invented history, and names the draft as forged', () => {
    expect(couchWinner([posted, forgedDraft])).toBe(forgedDraft);
    const seen = chooseAsSeen([forgedDraft, posted])!;
    expect(seen.doc).toBe(posted);
    expect(seen.postedWins).toBe(true);
    expect(seen.forged).toEqual([forgedDraft]);
  });

  it('a deleted leaf never hides a posted one, and is not itself reported as forged', () => {
    const seen = chooseAsSeen([forgedTombstone, posted])!;
    expect(seen.doc).toBe(posted);
    expect(seen.forged).toEqual([]);
    expect(isPostedLeaf({ ...posted, _deleted: true })).toBe(false);
  });

  it('of two posted leaves the one posted first stands; the other is forged', () => {
    const repost: Leaf = {
      ...posted,
      _rev: '3-aaaa',
      postedAt: '2026-03-05T10:00:00.000Z',
      lines: [{ account: '1000', debit: 5 }],
    };
    const seen = chooseAsSeen([repost, posted])!;
    expect(seen.doc).toBe(posted);
    expect(seen.forged).toEqual([repost]);
  });

  it("without a posted leaf it is CouchDB's own winner (drafts conflict as before)", () => {
    const a: Leaf = { ...entry, _rev: '2-aaaa', status: 'draft' };
    const b: Leaf = { ...entry, _rev: '2-bbbb', status: 'draft' };
    expect(chooseAsSeen([a, b])).toEqual({ doc: b, postedWins: false, forged: [] });
    expect(chooseAsSeen([])).toBeNull();
  });
});

// Leaves of one document: unique revisions, some posted, some drafts, some deleted.
const leafArb = fc
  .record({
    gen: fc.integer({ min: 1, max: 60 }),
    hash: fc.stringMatching(/^[0-9a-f]{4,8}$/),
    kind: fc.constantFrom('posted', 'draft', 'deleted'),
    postedAt: fc.option(
      fc.integer({ min: 0, max: 5 }).map((d) => `2026-03-0${d + 1}T09:00:00.000Z`),
      { nil: null },
    ),
  })
  .map(({ gen, hash, kind, postedAt }): Leaf => {
    const _rev = `${gen}-${hash}`;
    if (kind === 'deleted') return { _id: entry._id, _rev, _deleted: true };
    return { ...entry, _rev, status: kind, postedAt: kind === 'posted' ? postedAt : null };
  });
const leavesArb = fc.uniqueArray(leafArb, { minLength: 1, maxLength: 7, selector: (l) => l._rev });

describe('chooseAsSeen properties', () => {
  it('is the same whatever the order of the leaves (so whichever CouchDB put first as winner)', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), (leaves, seed) => {
        const shuffled = [...leaves];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seed + i * 7919) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        // The caller may put CouchDB's winner first (as PouchDB's get + _conflicts does).
        const winner = couchWinner(leaves)!;
        const winnerFirst = [winner, ...leaves.filter((l) => l !== winner)];
        const a = chooseAsSeen(leaves)!;
        expect(chooseAsSeen(shuffled)!.doc._rev).toBe(a.doc._rev);
        expect(chooseAsSeen(winnerFirst)!.doc._rev).toBe(a.doc._rev);
        expect(new Set(chooseAsSeen(shuffled)!.forged.map((l) => l._rev))).toEqual(
          new Set(a.forged.map((l) => l._rev)),
        );
      }),
    );
  });

  it('shows a posted leaf whenever one exists, and reports every other live leaf as forged', () => {
    fc.assert(
      fc.property(leavesArb, (leaves) => {
        const seen = chooseAsSeen(leaves)!;
        const anyPosted = leaves.some(isPostedLeaf);
        expect(isPostedLeaf(seen.doc)).toBe(anyPosted);
        if (anyPosted) {
          const live = leaves.filter((l) => !l._deleted && l._rev !== seen.doc._rev);
          expect(seen.forged.map((l) => l._rev).sort()).toEqual(live.map((l) => l._rev).sort());
          expect(seen.postedWins).toBe(live.length > 0);
        } else {
          expect(seen.doc).toBe(couchWinner(leaves));
        }
      }),
    );
  });
});
