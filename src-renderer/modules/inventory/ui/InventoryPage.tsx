import { ComingLater } from '../../../ui/ComingLater';

export function InventoryPage() {
  return (
    <ComingLater
      title="Inventory"
      intro="Items, warehouses and stock moves per branch."
      planned={[
        'Item catalogue and warehouses',
        'Stock moves and counts',
        'Stock on hand and valuation per warehouse',
      ]}
    />
  );
}
