import { Tabs, Title } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

const SECTIONS = [
  { value: 'stock', label: 'Stock on hand' },
  { value: 'moves', label: 'Receive, deliver, count' },
  { value: 'history', label: 'Past moves' },
  { value: 'items', label: 'Items' },
  { value: 'warehouses', label: 'Warehouses' },
  { value: 'transfers', label: 'Transfers between branches' },
  { value: 'orders', label: 'Purchase and sales orders' },
  { value: 'reports', label: 'Reports' },
  { value: 'settings', label: 'Settings' },
];

/**
 * Inventory's title and tabs. Transfers and orders are routes of their own (module.tsx), so
 * each page renders this header itself: every Inventory page looks and navigates the same.
 */
export function InventoryTabs() {
  const location = useLocation();
  const navigate = useNavigate();
  const section = location.pathname.split('/')[2] ?? 'stock';
  return (
    <>
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
    </>
  );
}
