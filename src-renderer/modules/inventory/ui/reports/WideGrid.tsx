import { DataGrid, type DataGridProps } from '../../../../ui/grid/DataGrid';

/**
 * A report grid with more columns than a laptop screen is wide (movement, ageing, reorder):
 * the grid takes the width its columns need and scrolls sideways inside the page, instead of
 * spilling past its border and off the right edge where the last columns could not be read.
 */
export function WideGrid<T extends object>(props: DataGridProps<T>) {
  return (
    <div data-testid="wide-grid" style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <DataGrid {...props} style={{ minWidth: 'max-content', ...props.style }} />
    </div>
  );
}
