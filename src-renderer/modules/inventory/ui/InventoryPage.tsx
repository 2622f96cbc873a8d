import { Stack, Tabs, Title } from '@mantine/core';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ItemFormPage } from './items/ItemFormPage';
import { ItemsPage } from './items/ItemsPage';
import { MoveEntryPage } from './moves/MoveEntryPage';
import { MoveViewPage } from './moves/MoveViewPage';
import { NewMoveMenu } from './moves/NewMoveMenu';
import { ItemLedgerReport } from './reports/ItemLedgerReport';
import { NegativeStockReport } from './reports/NegativeStockReport';
import { ReportsHome } from './reports/ReportsHome';
import { StockOnHandReport } from './reports/StockOnHandReport';
import { ValuationReport } from './reports/ValuationReport';
import { SettingsPage } from './SettingsPage';
import { WarehousesPage } from './WarehousesPage';

const SECTIONS = [
  { value: 'stock', label: 'Stock on hand' },
  { value: 'moves', label: 'Receive, deliver, count' },
  { value: 'items', label: 'Items' },
  { value: 'warehouses', label: 'Warehouses' },
  // Its own route (ui/transfers/TransfersPage.tsx, inventory/transfers/*), linked from here.
  { value: 'transfers', label: 'Transfers between branches' },
  // Its own route too (ui/orders/OrdersPage.tsx, inventory/orders/*).
  { value: 'orders', label: 'Purchase and sales orders' },
  { value: 'reports', label: 'Reports' },
  { value: 'settings', label: 'Settings' },
];

export function InventoryPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const section = location.pathname.split('/')[2] ?? 'stock';
  return (
    <Stack gap="sm">
      <Title order={2}>Inventory</Title>
      <Tabs value={section} onChange={(v) => v && navigate(`/inventory/${v}`)} className="no-print">
        <Tabs.List>
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<Navigate to="stock" replace />} />
        <Route path="stock" element={<StockOnHandReport />} />
        <Route path="moves" element={<NewMoveMenu />} />
        <Route path="moves/new/:kind" element={<MoveEntryPage />} />
        <Route path="moves/:id" element={<MoveViewPage />} />
        <Route path="items" element={<ItemsPage />} />
        <Route path="items/new" element={<ItemFormPage key="new" />} />
        <Route path="items/:id" element={<ItemFormPage />} />
        <Route path="warehouses" element={<WarehousesPage />} />
        <Route path="reports" element={<ReportsHome />} />
        <Route path="reports/stock" element={<StockOnHandReport />} />
        <Route path="reports/ledger" element={<ItemLedgerReport />} />
        <Route path="reports/valuation" element={<ValuationReport />} />
        <Route path="reports/negative" element={<NegativeStockReport />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="stock" replace />} />
      </Routes>
    </Stack>
  );
}
