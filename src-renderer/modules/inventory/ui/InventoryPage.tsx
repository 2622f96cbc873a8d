import { Stack } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { InventoryTabs } from './InventoryTabs';
import { ItemFormPage } from './items/ItemFormPage';
import { ItemsPage } from './items/ItemsPage';
import { MoveEntryPage } from './moves/MoveEntryPage';
import { MoveViewPage } from './moves/MoveViewPage';
import { MovesListPage } from './moves/MovesListPage';
import { NewMoveMenu } from './moves/NewMoveMenu';
import { ItemLedgerReport } from './reports/ItemLedgerReport';
import { NegativeStockReport } from './reports/NegativeStockReport';
import { ReportsHome } from './reports/ReportsHome';
import { StockOnHandReport } from './reports/StockOnHandReport';
import { ValuationReport } from './reports/ValuationReport';
import { AgeingReport } from './reports/AgeingReport';
import { MovementReport } from './reports/MovementReport';
import { OpenOrdersReport } from './reports/OpenOrdersReport';
import { ReorderReport } from './reports/ReorderReport';
import { SettingsPage } from './SettingsPage';
import { WarehousesPage } from './WarehousesPage';

export function InventoryPage() {
  return (
    <Stack gap="sm">
      <InventoryTabs />
      <Routes>
        <Route index element={<Navigate to="stock" replace />} />
        <Route path="stock" element={<StockOnHandReport />} />
        <Route path="moves" element={<NewMoveMenu />} />
        <Route path="moves/new/:kind" element={<MoveEntryPage />} />
        <Route path="moves/:id" element={<MoveViewPage />} />
        <Route path="history" element={<MovesListPage />} />
        <Route path="items" element={<ItemsPage />} />
        <Route path="items/new" element={<ItemFormPage key="new" />} />
        <Route path="items/:id" element={<ItemFormPage />} />
        <Route path="warehouses" element={<WarehousesPage />} />
        <Route path="reports" element={<ReportsHome />} />
        <Route path="reports/stock" element={<StockOnHandReport />} />
        <Route path="reports/ledger" element={<ItemLedgerReport />} />
        <Route path="reports/valuation" element={<ValuationReport />} />
        <Route path="reports/negative" element={<NegativeStockReport />} />
        <Route path="reports/movement" element={<MovementReport />} />
        <Route path="reports/ageing" element={<AgeingReport />} />
        <Route path="reports/reorder" element={<ReorderReport />} />
        <Route path="reports/open-orders" element={<OpenOrdersReport />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="stock" replace />} />
      </Routes>
    </Stack>
  );
}
