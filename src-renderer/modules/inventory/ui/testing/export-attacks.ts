import type { ItemLedgerRow, NegativeStockRow, StockOnHandRow } from '../../rpc-contract';
import type { MovementPart } from '../../data/report-types';
import { itemLedgerCsv, negativeStockCsv, stockOnHandCsv, valuationCsv } from '../reports/csv';
import { ageingCsv, movementCsv, openOrdersCsv, reorderCsv } from '../reports/csv-more';
import { transitCsv } from '../transfers/transit-csv';

/** An item × warehouse as the new reports name it, with a hostile name. */
const place = (name: string) => ({
  item: 'item:1',
  sku: 'BEAN-1KG',
  name,
  unit: 'bag',
  warehouse: 'warehouse:1',
  warehouseCode: 'NYC-MAIN',
  branch: 'NYC',
});
const PARTS: MovementPart[] = [
  'receiptsIn',
  'transfersIn',
  'adjustmentsIn',
  'deliveriesOut',
  'transfersOut',
  'adjustmentsOut',
];

/**
 * Inventory's CSV writers fed a hostile item name or reference, for the app-wide check that
 * every CSV export defuses formula cells (modules/accounts/csv-exports.test.ts).
 */
export const INVENTORY_EXPORTS: Record<string, (evil: string) => string> = {
  stockOnHandCsv: (evil) =>
    stockOnHandCsv(
      [
        {
          item: 'item:1',
          sku: 'BEAN-1KG',
          name: evil,
          unit: 'bag',
          warehouse: 'warehouse:1',
          warehouseCode: 'NYC-MAIN',
          branch: 'NYC',
          qty: '-2.5',
          value: -1250,
        } satisfies StockOnHandRow,
      ],
      'USD',
    ),
  itemLedgerCsv: (evil) =>
    itemLedgerCsv(
      [
        {
          moveId: 'stockMove:1',
          line: 'stockMove:1#0',
          date: '2026-03-02',
          kind: 'delivery',
          reference: evil,
          warehouse: 'warehouse:1',
          warehouseCode: 'NYC-MAIN',
          qty: '-2',
          value: -1000,
          cogsAdjustment: 0,
          wentNegative: true,
          runningQty: '-2',
          runningValue: -1000,
        } satisfies ItemLedgerRow,
      ],
      'USD',
    ),
  valuationCsv: (evil) =>
    valuationCsv(
      {
        asOf: '2026-03-31',
        rows: [
          { item: 'item:1', sku: 'BEAN-1KG', name: evil, method: 'fifo', qty: '10', value: 10_000 },
        ],
        total: 10_000,
      },
      'USD',
    ),
  negativeStockCsv: (evil) =>
    negativeStockCsv(
      [
        {
          item: 'item:1',
          sku: 'BEAN-1KG',
          name: evil,
          warehouse: 'warehouse:1',
          warehouseCode: 'NYC-MAIN',
          branch: 'NYC',
          qty: '-1',
          value: -500,
          moves: [
            {
              moveId: 'stockMove:1',
              date: '2026-03-02',
              kind: 'delivery',
              reference: evil,
              qty: '-3',
            },
          ],
        } satisfies NegativeStockRow,
      ],
      'USD',
    ),
  movementCsv: (evil) =>
    movementCsv(
      {
        from: '2026-03-01',
        to: '2026-03-31',
        rows: [
          {
            ...place(evil),
            openingQty: '-1',
            openingValue: -500,
            inQty: '10',
            inValue: 5_000,
            outQty: '2',
            outValue: 1_000,
            closingQty: '7',
            closingValue: 3_500,
            parts: Object.fromEntries(PARTS.map((p) => [p, { qty: '1', value: 500 }])) as never,
          },
        ],
        totals: { opening: -500, in: 5_000, out: 1_000, closing: 3_500 },
      },
      'USD',
    ),
  ageingCsv: (evil) =>
    ageingCsv(
      {
        asOf: '2026-03-31',
        slowDays: 90,
        rows: [
          {
            ...place(evil),
            method: 'fifo',
            qty: '-2',
            value: -1_000,
            buckets: [{ qty: '-2', value: -1_000 }],
            oldest: '2026-01-02',
            lastOut: null,
            slow: true,
          },
        ],
        totals: { buckets: [-1_000], value: -1_000 },
      },
      'USD',
    ),
  reorderCsv: (evil) =>
    reorderCsv([
      {
        ...place(evil),
        rule: 'reorderRule:1',
        onHand: '-3',
        onOrder: '0',
        committed: '2',
        projected: '-5',
        level: '10',
        ruleQty: '20',
        suggested: '20',
        supplier: { id: 'party:1', name: evil, currency: 'USD', unitPrice: 450 },
      },
    ]),
  openOrdersCsv: (evil) =>
    openOrdersCsv({
      asOf: '2026-03-10',
      rows: [
        {
          ...place(evil),
          order: 'order:1',
          side: 'purchase',
          number: evil,
          party: evil,
          date: '2026-03-02',
          expectedDate: null,
          late: false,
          line: 0,
          ordered: '10',
          open: '-4',
          currency: 'USD',
          openValue: -1_800,
        },
      ],
      totals: [{ side: 'purchase', currency: 'USD', value: -1_800 }],
    }),
  transitCsv: (evil) =>
    transitCsv(
      {
        rows: [
          {
            transfer: 'transferDispatch:1',
            number: evil,
            date: '2026-03-02',
            from: 'NYC',
            to: 'MNL',
            fromName: evil,
            toName: evil,
            sku: 'BEAN-1KG',
            name: evil,
            unit: 'bag',
            qty: '2',
            value: 3200,
          },
        ],
        total: 3200,
      },
      'USD',
    ),
};
