import {
  createColumnHelper,
  tableFeatures,
  useTable,
  type Row,
  type RowData,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import type { CellEditorProps, DataGridProps, GridColumn } from './types';
import { useGridKeyboard, type CellPos } from './use-grid-keyboard';

export type { CellEditorProps, DataGridProps, GridColumn, GridEditor } from './types';

// Core rows only: sorting and filtering happen in the core (the index), not in the page.
const features = tableFeatures({});
const helper = createColumnHelper<typeof features, RowData>();

/**
 * The one data grid (WAI-ARIA grid pattern) on TanStack Table's row model, with TanStack
 * Virtual for long lists. Read-only grids have one tab stop and move with the arrow keys;
 * editable cells add spreadsheet entry (see grid-keys.ts). Rows carry aria-rowindex and the
 * grid aria-rowcount, so a screen reader knows the size of a list it only partly sees.
 */
export function DataGrid<T extends object>(props: DataGridProps<T>) {
  const {
    label,
    columns,
    rows,
    rowKey,
    rowTestId,
    onActivate,
    height,
    rowHeight = 36,
    footer,
    empty,
    restoreRow,
    style,
  } = props;
  const variant = props.variant ?? (columns.some((c) => c.editor) ? 'editor' : 'list');
  const root = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // TanStack gets column ids only; what a cell draws is read from `columns` at render time,
  // so callers can close over state without rebuilding the table's model.
  const ids = columns.map((c) => c.id).join('\u0000');
  const tableColumns = useMemo(
    () => ids.split('\u0000').map((id) => helper.display({ id })),
    [ids],
  );
  const byId = new Map(columns.map((c) => [c.id, c]));
  const data = rows as T[];
  const table = useTable({
    features,
    columns: tableColumns,
    data: data as RowData[],
    getRowId: (r, i) => rowKey(r as unknown as T, i),
  });
  const tableRows = table.getRowModel().rows;

  const virtual = useVirtualizer({
    count: height === undefined ? 0 : tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    getItemKey: (i) => tableRows[i]?.id ?? i,
  });
  const { active, editing, moveOn, handlers } = useGridKeyboard({
    root,
    rows,
    columns,
    onActivate,
    restoreRow,
    scrollTo: height === undefined ? undefined : (row) => virtual.scrollToIndex(row),
  });

  const template = columns.map((c) => c.width).join(' ');
  const items = height === undefined ? null : virtual.getVirtualItems();
  // The one tab stop of the read-only cells: the active cell, or the first row drawn when the
  // active row has scrolled out of the page.
  const drawn = items ? items.map((i) => i.index) : null;
  const stopRow = Math.min(active.row, rows.length - 1);
  const tabStop: CellPos = {
    row: drawn && !drawn.includes(stopRow) ? (drawn[0] ?? 0) : stopRow,
    col: Math.min(active.col, columns.length - 1),
  };

  const renderRow = (tRow: Row<typeof features, RowData>, i: number, extra?: CSSProperties) => {
    const row = tRow.original as unknown as T;
    const activate = onActivate
      ? (e: MouseEvent) => {
          if (!(e.target as HTMLElement).closest('a, button, input, textarea')) onActivate(row, i);
        }
      : undefined;
    return (
      <div
        key={tRow.id}
        role="row"
        aria-rowindex={i + 2}
        data-testid={rowTestId?.(row, i)}
        onClick={activate}
        style={{
          ...rowStyle(template, variant, false),
          ...(activate ? { cursor: 'pointer' } : {}),
          ...extra,
        }}
      >
        {tRow.getAllCells().map((cell, c) => {
          const col = byId.get(cell.column.id)!;
          const isEditing = editing?.row === i && editing.col === c;
          return (
            <div
              key={cell.id}
              role="gridcell"
              aria-colindex={c + 1}
              data-cell={`${i}-${c}`}
              data-editing={isEditing || undefined}
              tabIndex={col.editor ? undefined : tabStop.row === i && tabStop.col === c ? 0 : -1}
              style={cellStyle(col, variant)}
            >
              {col.editor
                ? col.editor.render(
                    editorProps(col, row, i, () => moveOn({ row: i, col: c })),
                    row,
                    i,
                  )
                : col.cell?.(row, i)}
            </div>
          );
        })}
      </div>
    );
  };

  const body: ReactNode =
    rows.length === 0 ? (
      empty !== undefined && (
        <div role="row" aria-rowindex={2}>
          <div role="gridcell" style={{ padding: 12 }}>
            {empty}
          </div>
        </div>
      )
    ) : items ? (
      <div ref={scroller} role="rowgroup" style={{ height, overflow: 'auto' }}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((item) =>
            renderRow(tableRows[item.index]!, item.index, {
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${item.start}px)`,
              height: rowHeight,
            }),
          )}
        </div>
      </div>
    ) : (
      <div role="rowgroup">{tableRows.map((r, i) => renderRow(r, i))}</div>
    );

  return (
    <div
      ref={root}
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1 + (footer ? 1 : 0)}
      aria-colcount={columns.length}
      {...handlers}
      style={{
        ...(variant === 'list'
          ? { border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }
          : {}),
        ...style,
      }}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} style={rowStyle(template, variant, true)}>
          {table.getHeaderGroups()[0]?.headers.map((h, c) => {
            const col = byId.get(h.column.id)!;
            return (
              <div
                key={h.id}
                role="columnheader"
                aria-colindex={c + 1}
                style={{ textAlign: col.align }}
              >
                {col.header}
              </div>
            );
          })}
        </div>
      </div>
      {body}
      {footer && (
        <div role="rowgroup">
          <div role="row" aria-rowindex={rows.length + 2} style={rowStyle(template, variant, true)}>
            {footer.map((node, c) => (
              <div
                key={c}
                role="gridcell"
                aria-colindex={c + 1}
                style={cellStyle(columns[c], variant)}
              >
                {node}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function editorProps<T>(
  col: GridColumn<T>,
  row: T,
  index: number,
  moveOn: () => void,
): CellEditorProps {
  const editor = col.editor!;
  return {
    value: editor.value(row),
    onChange: (v) => editor.set(row, index, v),
    // A picker commits from its own option handler; moving on once it has finished closing
    // its list keeps the list from taking the focus back.
    onCommit: () => setTimeout(moveOn, 0),
  };
}

function rowStyle(template: string, variant: 'list' | 'editor', header: boolean): CSSProperties {
  if (variant === 'editor')
    return {
      display: 'grid',
      gridTemplateColumns: template,
      gap: 6,
      alignItems: 'start',
      padding: '3px 0',
      fontSize: header ? 12 : undefined,
      fontWeight: header ? 600 : undefined,
    };
  return {
    display: 'grid',
    gridTemplateColumns: template,
    gap: 8,
    alignItems: 'center',
    minHeight: 36,
    padding: '0 10px',
    fontSize: 13,
    fontWeight: header ? 600 : undefined,
    borderBottom: '1px solid var(--mantine-color-gray-2)',
    background: header ? 'var(--mantine-color-gray-0)' : undefined,
  };
}

function cellStyle<T>(col: GridColumn<T> | undefined, variant: 'list' | 'editor'): CSSProperties {
  return {
    textAlign: col?.align,
    minWidth: 0,
    ...(variant === 'list' && !col?.editor
      ? {
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          fontVariantNumeric: col?.align === 'right' ? 'tabular-nums' : undefined,
        }
      : {}),
    outlineOffset: -2,
  };
}
