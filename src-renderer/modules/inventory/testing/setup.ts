import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { startAppDevice } from '../../testing';
import type { ItemFields } from '../domain/schemas';
import type { StockMoveInput } from '../rpc-contract';

/** A New York branch device with a warehouse and a coffee item, as inventory tests start from. */
export async function inventoryCompany(valuation: 'fifo' | 'average' = 'average') {
  const d = await startAppDevice();
  await d.call('setup.createCompany', ACME_INPUT);
  const main = await d.call('inventory.saveWarehouse', {
    fields: { code: 'NYC-MAIN', name: 'Main store, Pier 17', branchCode: 'NYC' },
  });
  const back = await d.call('inventory.saveWarehouse', {
    fields: { code: 'NYC-BACK', name: 'Back room', branchCode: 'NYC' },
  });
  const beans = await d.call('inventory.saveItem', { fields: beansFields(valuation) });
  return { d, main: main._id, back: back._id, beans: beans._id };
}

export function beansFields(valuation: 'fifo' | 'average'): ItemFields {
  return {
    sku: 'BEAN-1KG',
    name: 'Colombian coffee beans 1 kg',
    group: 'Coffee',
    kind: 'stock',
    barcodes: ['5012345678900'],
    baseUnit: 'bag',
    units: [{ unit: 'case', factor: '12' }],
    valuation,
  };
}

export const receipt = (
  warehouse: string,
  date: string,
  item: string,
  qty: string,
  unitCost: number,
  reference = '',
): StockMoveInput => ({
  kind: 'receipt',
  date,
  warehouse,
  reference,
  lines: [{ item, qty, unitCost }],
});

export const delivery = (
  warehouse: string,
  date: string,
  item: string,
  qty: string,
  reference = '',
): StockMoveInput => ({
  kind: 'delivery',
  date,
  warehouse,
  reference,
  lines: [{ item, qty }],
});

/** Every stock move document in this device's branch database. */
export async function storedMoves(d: TestDevice) {
  const db = d.core.session()!.dbs.get('branch-nyc')!;
  const res = await db.allDocs({
    startkey: 'stockMove:',
    endkey: 'stockMove:\uffff',
    include_docs: true,
  });
  return res.rows.map((r) => r.doc!);
}
