import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { beansFields, delivery, inventoryCompany, receipt, storedMoves } from '../testing/setup';

/** The rules a stock move and the master data it names must meet: refused with words, nothing written. */
let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

async function company() {
  const c = await inventoryCompany('fifo');
  device = c.d;
  await c.d.call(
    'inventory.saveStockMove',
    receipt(c.main, '2026-03-02', c.beans, '5', 1000, 'PO-101'),
  );
  return c;
}

describe('negative stock policy', () => {
  it('refuses a delivery beyond stock by default, naming the item and what is on hand', async () => {
    const { d, main, beans } = await company();
    await expect(
      d.call('inventory.saveStockMove', delivery(main, '2026-03-03', beans, '7')),
    ).rejects.toThrow(
      'Not enough stock: BEAN-1KG Colombian coffee beans 1 kg: 7 bag taken, 5 on hand on 03/03/2026.',
    );
    expect(await storedMoves(d)).toHaveLength(1);
  });

  it('refuses a back-dated delivery that would leave a later day short', async () => {
    const { d, main, beans } = await company();
    await d.call('inventory.saveStockMove', receipt(main, '2026-03-10', beans, '5', 1000));
    await d.call('inventory.saveStockMove', delivery(main, '2026-03-11', beans, '8'));
    // On 3 March five are on hand, but after the 11th only two are left.
    await expect(
      d.call('inventory.saveStockMove', delivery(main, '2026-03-03', beans, '4')),
    ).rejects.toThrow(/4 bag taken, 5 on hand on 03\/03\/2026 \(and less on a later day\)/);
    expect(await storedMoves(d)).toHaveLength(3);
  });

  it('allows it and warns when the company allows negative stock; the balance shows below zero', async () => {
    const { d, main, beans } = await company();
    await d.call('inventory.saveSettings', { negativeStock: 'warn' });
    const saved = await d.call(
      'inventory.saveStockMove',
      delivery(main, '2026-03-03', beans, '7', 'SO-9'),
    );
    expect(saved.warnings).toEqual([
      'Stock goes below zero: BEAN-1KG Colombian coffee beans 1 kg: 7 bag taken, 5 on hand on 03/03/2026.',
    ]);
    const ledger = await d.call('inventory.itemStockLedger', { item: beans });
    expect(ledger.rows.at(-1)).toMatchObject({
      runningQty: '-2',
      wentNegative: true,
      runningValue: -2000,
    });
  });
});

describe('move numbers', () => {
  it("numbers each move in its kind's series of this branch and device; a refused move takes none", async () => {
    const { d, main, beans } = await company();
    const second = await d.call(
      'inventory.saveStockMove',
      receipt(main, '2026-03-04', beans, '2', 1000, 'PO-102'),
    );
    await expect(
      d.call('inventory.saveStockMove', delivery(main, '2026-03-05', beans, '70')),
    ).rejects.toThrow(/Not enough stock/);
    const sold = await d.call(
      'inventory.saveStockMove',
      delivery(main, '2026-03-05', beans, '3', 'SO-9'),
    );
    expect(second.move.number).toBe('NYC-A-GR-000002');
    expect(sold.move.number).toBe('NYC-A-DN-000001');
    expect((await storedMoves(d)).map((m) => (m as { number?: string }).number).sort()).toEqual([
      'NYC-A-DN-000001',
      'NYC-A-GR-000001',
      'NYC-A-GR-000002',
    ]);
  });
});

describe('bad stock moves are refused with a clear message and nothing is written', () => {
  it.each([
    [
      'an unknown item',
      (c: Ctx) => receipt(c.main, '2026-03-03', 'item:01NOSUCHITEM0000000000000', '1', 100),
      /Line 1: choose an item from the catalogue/,
    ],
    [
      'a zero quantity',
      (c: Ctx) => receipt(c.main, '2026-03-03', c.beans, '0', 100),
      /Line 1.*quantity other than zero|A line needs a quantity other than zero/,
    ],
    [
      'a receipt without a cost',
      (c: Ctx) => ({
        ...receipt(c.main, '2026-03-03', c.beans, '1', 0),
        lines: [{ item: c.beans, qty: '1' }],
      }),
      /enter the unit cost/,
    ],
    [
      'a signed delivery',
      (c: Ctx) => delivery(c.main, '2026-03-03', c.beans, '-1'),
      /without a sign; a delivery says the direction/,
    ],
    [
      'a unit the item is not counted in',
      (c: Ctx) => ({
        ...delivery(c.main, '2026-03-03', c.beans, '1'),
        lines: [{ item: c.beans, qty: '1', unit: 'pallet' }],
      }),
      /not counted in "pallet"\. Use bag, case/,
    ],
    [
      'a move between one warehouse and itself',
      (c: Ctx) => ({
        kind: 'internal' as const,
        date: '2026-03-03',
        warehouse: c.main,
        toWarehouse: c.main,
        lines: [{ item: c.beans, qty: '1' }],
      }),
      /a different one/,
    ],
    [
      'an impossible date',
      (c: Ctx) => receipt(c.main, '2026-02-30', c.beans, '1', 100),
      /Use a date like/,
    ],
  ])('%s', async (_what, input, message) => {
    const c = await company();
    await expect(c.d.call('inventory.saveStockMove', input(c))).rejects.toThrow(message);
    await expect(c.d.call('inventory.saveStockMove', input(c))).rejects.toThrow(
      /Nothing was saved|not saved/,
    );
    expect(await storedMoves(c.d)).toHaveLength(1);
  });

  it('refuses a warehouse of another branch, a service item and a batch item without its batch', async () => {
    const c = await company();
    const { d, beans } = c;
    await d.call('org.addBranch', { code: 'BOS', name: 'Boston', currency: 'USD' });
    const boston = await d.call('inventory.saveWarehouse', {
      fields: { code: 'BOS-1', name: 'Boston dock', branchCode: 'BOS' },
    });
    await expect(
      d.call('inventory.saveStockMove', receipt(boston._id, '2026-03-03', beans, '1', 100)),
    ).rejects.toThrow(
      'Warehouse BOS-1 belongs to branch BOS; this device books for NYC. Nothing was saved.',
    );
    const shut = await d.call('inventory.saveWarehouse', {
      fields: { code: 'NYC-OLD', name: 'Old Fulton St store', branchCode: 'NYC', archived: true },
    });
    await expect(
      d.call('inventory.saveStockMove', receipt(shut._id, '2026-03-03', beans, '1', 100)),
    ).rejects.toThrow(
      'Warehouse NYC-OLD is archived. Choose another one, or ask head office to reopen it. Nothing was saved.',
    );
    const roasting = await d.call('inventory.saveItem', {
      fields: { sku: 'SVC-ROAST', name: 'Roasting service', kind: 'service', baseUnit: 'hour' },
    });
    await expect(
      d.call('inventory.saveStockMove', receipt(c.main, '2026-03-03', roasting._id, '1', 100)),
    ).rejects.toThrow(
      'Line 1: SVC-ROAST Roasting service is not a stock item, so it has no stock to move. Nothing was saved.',
    );
    const milk = await d.call('inventory.saveItem', {
      fields: {
        sku: 'MILK-1L',
        name: 'Oat milk 1 l',
        kind: 'stock',
        baseUnit: 'carton',
        tracking: 'batch',
      },
    });
    await expect(
      d.call('inventory.saveStockMove', receipt(c.main, '2026-03-03', milk._id, '6', 180)),
    ).rejects.toThrow(
      'Line 1: MILK-1L is tracked by batch; enter the batch number. Nothing was saved.',
    );
    await d.call('inventory.saveStockMove', {
      ...receipt(c.main, '2026-03-03', milk._id, '6', 180),
      lines: [
        { item: milk._id, qty: '6', unitCost: 180, batch: 'L2026-031', expiry: '2026-06-30' },
      ],
    });
    expect(await storedMoves(d)).toHaveLength(2);
  });

  it('a serial-numbered item moves one unit per line, each serial once', async () => {
    const { d, main } = await company();
    const grinder = await d.call('inventory.saveItem', {
      fields: {
        sku: 'GRND-E65',
        name: 'Espresso grinder E65S',
        kind: 'stock',
        baseUnit: 'pcs',
        tracking: 'serial',
      },
    });
    const line = (serial: string, qty = '1') => ({
      item: grinder._id,
      qty,
      unitCost: 189_000,
      serial,
    });
    const move = (...lines: ReturnType<typeof line>[]) => ({
      kind: 'receipt' as const,
      date: '2026-03-03',
      warehouse: main,
      lines,
    });
    await expect(d.call('inventory.saveStockMove', move(line('')))).rejects.toThrow(
      'Line 1: GRND-E65 is tracked by serial number; enter it. Nothing was saved.',
    );
    await expect(d.call('inventory.saveStockMove', move(line('E65-0042', '2')))).rejects.toThrow(
      'Line 1: a serial number is one pcs; put each on its own line. Nothing was saved.',
    );
    await expect(
      d.call('inventory.saveStockMove', move(line('E65-0042'), line('E65-0042'))),
    ).rejects.toThrow('Line 2: serial number E65-0042 is already on this move. Nothing was saved.');
    await d.call('inventory.saveStockMove', move(line('E65-0042'), line('E65-0043')));
    expect(await storedMoves(d)).toHaveLength(2);
    expect(await d.call('inventory.stockOnHand', { item: grinder._id })).toEqual([
      expect.objectContaining({ qty: '2', value: 378_000 }),
    ]);
  });

  it('refuses a quantity too large to count exactly', async () => {
    const { d, main, beans } = await company();
    const huge = {
      ...receipt(main, '2026-03-03', beans, '900000000000', 1),
      lines: [{ item: beans, qty: '900000000000', unit: 'case', unitCost: 1 }],
    };
    await expect(d.call('inventory.saveStockMove', huge)).rejects.toThrow(
      'Line 1: 900000000000 case is more than Outpost can count in one line. Nothing was saved.',
    );
    expect(await storedMoves(d)).toHaveLength(1);
  });

  it('a replicated move with a line too large to count is left out, and the index keeps going', async () => {
    const { d, main, beans } = await company();
    const [good] = await storedMoves(d);
    const forged = {
      ...good!,
      _id: 'stockMove:01JZZFORGEDMOVE00000000000',
      _rev: '1-f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0',
      lines: [
        {
          item: beans,
          qty: '900000000000',
          unit: 'case',
          factor: '12',
          unitCost: 1,
          batch: '',
          serial: '',
          expiry: null,
        },
      ],
    };
    await d.core.session()!.dbs.get('branch-nyc')!.bulkDocs([forged], { new_edits: false });
    await d.call('inventory.saveStockMove', receipt(main, '2026-03-04', beans, '1', 1000));
    expect(await d.call('inventory.stockOnHand', { item: beans })).toEqual([
      expect.objectContaining({ qty: '6', value: 6000 }),
    ]);
  });

  it('counts a case as twelve bags', async () => {
    const { d, main, beans } = await company();
    await d.call('inventory.saveStockMove', {
      ...receipt(main, '2026-03-03', beans, '2', 11_400),
      lines: [{ item: beans, qty: '2', unit: 'case', unitCost: 11_400 }],
    });
    expect(await d.call('inventory.stockOnHand', { item: beans })).toEqual([
      expect.objectContaining({ qty: '29', value: 5000 + 22_800 }),
    ]);
  });
});

describe('items and warehouses', () => {
  it('refuses a second SKU or barcode, a zero unit factor, and a valuation change once the item has moves', async () => {
    const { d, beans } = await company();
    const other = { ...beansFields('fifo'), name: 'Decaf beans 1 kg' };
    await expect(d.call('inventory.saveItem', { fields: other })).rejects.toThrow(
      'SKU BEAN-1KG is already used by Colombian coffee beans 1 kg. The item was not saved.',
    );
    await expect(
      d.call('inventory.saveItem', { fields: { ...other, sku: 'DECAF-1KG' } }),
    ).rejects.toThrow(
      'Barcode 5012345678900 is already used by BEAN-1KG Colombian coffee beans 1 kg. The item was not saved.',
    );
    await expect(
      d.call('inventory.saveItem', {
        fields: {
          ...other,
          sku: 'DECAF-1KG',
          barcodes: [],
          units: [{ unit: 'case', factor: '0' }],
        },
      }),
    ).rejects.toThrow(/A unit factor must be more than zero/);
    await expect(
      d.call('inventory.saveItem', { id: beans, fields: beansFields('average') }),
    ).rejects.toThrow(
      'BEAN-1KG already has stock moves, so its valuation method stays FIFO. Create a new item to value it another way. The item was not saved.',
    );
    expect((await d.call('inventory.listItems', {})).map((i) => [i.sku, i.valuation])).toEqual([
      ['BEAN-1KG', 'fifo'],
    ]);
    // Search by SKU prefix, a word of the name, or a whole barcode.
    for (const text of ['bean', 'colombian', '5012345678900'])
      expect((await d.call('inventory.listItems', { search: text })).map((i) => i.sku)).toEqual([
        'BEAN-1KG',
      ]);
    expect(await d.call('inventory.listItems', { search: 'tea' })).toEqual([]);
  });
});

type Ctx = Awaited<ReturnType<typeof company>>;
