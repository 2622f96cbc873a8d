import type { Item, Warehouse } from '../../domain/schemas';

/** A small roastery's catalogue and stores, as the worker returns them. */
const base = {
  branch: '*' as const,
  v: 1 as const,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  createdBy: 'maria',
};

export const beans = {
  ...base,
  _id: 'item:01JBEANS000000000000000000',
  _rev: '1-a',
  type: 'item',
  sku: 'BEAN-1KG',
  name: 'Coffee beans 1 kg',
  group: 'Coffee',
  kind: 'stock',
  barcodes: ['4006381333931'],
  baseUnit: 'bag',
  units: [{ unit: 'case', factor: '12' }],
  incomeAccount: '4000',
  expenseAccount: '5000',
  inventoryAccount: '1400',
  taxCode: '',
  valuation: 'fifo',
  tracking: 'none',
  reorderLevel: '10',
  reorderQty: '48',
  archived: false,
} as unknown as Item;

export const filters = {
  ...beans,
  _id: 'item:01JFILTERS0000000000000000',
  sku: 'FILT-100',
  name: 'Paper filters (100)',
  barcodes: ['96385074'],
  baseUnit: 'pack',
  units: [],
} as unknown as Item;

export const mainStore = {
  ...base,
  _id: 'warehouse:01JNYCMAIN0000000000000000',
  _rev: '1-b',
  type: 'warehouse',
  code: 'NYC-MAIN',
  name: 'Brooklyn main store',
  branchCode: 'NYC',
  locations: [],
  archived: false,
} as unknown as Warehouse;

export const backRoom = {
  ...mainStore,
  _id: 'warehouse:01JNYCBACK0000000000000000',
  code: 'NYC-BACK',
  name: 'Back room',
} as unknown as Warehouse;

export const readyState = {
  phase: 'ready',
  company: { name: 'Harbour Roasters', orgCode: 'harbour', baseCurrency: 'USD' },
  branch: { code: 'NYC', name: 'New York' },
  device: { letter: 'A' },
  userName: 'maria',
  user: null,
  signedOut: false,
  serverUrl: null,
};
