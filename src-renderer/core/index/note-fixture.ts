import { z } from 'zod';
import { SchemaRegistry } from '../db/schema-registry';
import { docBaseSchema } from '../org/schemas';
import type { Projection } from './index-db';

/**
 * For the projector's tests: a minimal document type (a delivery note) and a projection that
 * keeps each note's text, which is what a report would read.
 */
const noteSchema = docBaseSchema.extend({
  type: z.literal('note'),
  v: z.literal(1),
  text: z.string().min(1),
});

export const noteRegistry = new SchemaRegistry();
noteRegistry.register<z.infer<typeof noteSchema>>({
  type: 'note',
  version: 1,
  schema: noteSchema,
  home: 'branch',
  title: (d) => d.text,
});

export const noteTexts: Projection = {
  stores: { noteTexts: 'id' },
  async apply(index, _db, changes) {
    const t = index.table('noteTexts');
    for (const c of changes)
      if (c.doc) await t.put({ id: c.id, text: c.doc.text });
      else await t.delete(c.id);
  },
};

export const note = (n: number, text = `Delivery note ${n} for Harbour Supplies`) => ({
  _id: `note:${String(n).padStart(5, '0')}`,
  type: 'note',
  v: 1,
  branch: 'NYC',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  createdBy: 'Bea',
  device: 'device:01NYCA',
  text,
});
