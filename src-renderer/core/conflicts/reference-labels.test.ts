import { describe, expect, it } from 'vitest';
import type { IndexDb } from '../index/index-db';
import { referenceLabels } from './reference-labels';

const PARTY = 'party:01M8SPZ3Q4X7K2N9R5T6V8W0YA';
const DEVICE = 'device:01M8SP0000000000000000000A';

describe('names of the records a conflicted version points to', () => {
  it('reads each id, nested in lines too, from the catalogue once; unknown ids are left out', async () => {
    const asked: string[][] = [];
    const titles: Record<string, string> = { [PARTY]: 'C-1 Acme Ltd', [DEVICE]: 'HQ-A Front desk' };
    const index = {
      catalog: {
        bulkGet: async (ids: string[]) => {
          asked.push(ids);
          return ids.map((id) => (titles[id] ? { id, title: titles[id] } : undefined));
        },
      },
    } as unknown as Pick<IndexDb, 'catalog'>;
    const labels = await referenceLabels(index, [
      { partyId: PARTY, device: DEVICE, lines: [{ account: '4000', taxCode: null }] },
      { partyId: PARTY, note: 'party:not-an-id', other: 'tradeDoc:01M8SPZ3Q4X7K2N9R5T6V8W0YB' },
    ]);
    expect(labels).toEqual({ [PARTY]: 'C-1 Acme Ltd', [DEVICE]: 'HQ-A Front desk' });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toHaveLength(3);
  });
});
