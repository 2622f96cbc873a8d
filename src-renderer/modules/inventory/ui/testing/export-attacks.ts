import type { ItemLedgerRow, NegativeStockRow, StockOnHandRow } from '../../rpc-contract';
import { itemLedgerCsv, negativeStockCsv, stockOnHandCsv, valuationCsv } from '../reports/csv';

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
};
