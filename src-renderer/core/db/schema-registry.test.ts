import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { docBaseSchema } from '../org/schemas';
import { SchemaRegistry } from './schema-registry';

const noteV2 = docBaseSchema.extend({
  type: z.literal('note'),
  v: z.literal(2),
  text: z.string(),
  pinned: z.boolean(),
});
type NoteV2 = z.infer<typeof noteV2>;

function registry() {
  const r = new SchemaRegistry();
  r.register<NoteV2>({
    type: 'note',
    version: 2,
    schema: noteV2,
    home: 'branch',
    // v1 notes had `body` and no `pinned`.
    upcast: { 1: ({ body, ...rest }) => ({ ...rest, text: body, pinned: false }) },
    title: (n) => n.text,
  });
  return r;
}

const base = {
  _id: 'note:01J0000000000000000000000A',
  branch: 'NYC',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'Mia',
  device: 'device:X',
};

describe('schema versions', () => {
  it('upcasts older documents in memory', () => {
    const d = registry().decode<NoteV2>({ ...base, type: 'note', v: 1, body: 'Call the bank' });
    expect(d).toMatchObject({
      kind: 'current',
      readOnly: false,
      doc: { v: 2, text: 'Call the bank', pinned: false },
    });
  });

  it('shows documents from a newer version read-only, untouched', () => {
    const raw = { ...base, type: 'note', v: 3, text: 'x', pinned: true, colour: 'red' };
    const d = registry().decode(raw);
    expect(d.kind).toBe('newer');
    expect(d.readOnly).toBe(true);
    expect(d.doc).toEqual(raw);
  });

  it('marks unreadable documents instead of dropping them', () => {
    expect(registry().decode({ ...base, type: 'note', v: 2, text: 5 }).kind).toBe('invalid');
    expect(registry().decode({ ...base, type: 'mystery', v: 1 }).kind).toBe('invalid');
  });
});
