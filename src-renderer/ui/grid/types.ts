import type { ReactNode } from 'react';

/** What an editable cell's input gets from the grid. Spread-free on purpose: Mantine inputs want different prop shapes. */
export interface CellEditorProps {
  value: string;
  onChange(value: string): void;
  /** A picker calls this when an option is chosen: the grid keeps the value and moves to the next cell. */
  onCommit(): void;
}

export interface GridEditor<T> {
  value(row: T): string;
  set(row: T, index: number, value: string): void;
  /** Draws the input (TextInput, Select, MoneyInput…); it must carry its own aria-label. */
  render(props: CellEditorProps, row: T, index: number): ReactNode;
}

export interface GridColumn<T> {
  id: string;
  header: ReactNode;
  /** A CSS grid track: '120px', 'minmax(200px, 2fr)', '1fr'. */
  width: string;
  align?: 'left' | 'right';
  /** Read-only content. */
  cell?(row: T, index: number): ReactNode;
  /** Makes the cell editable: the grid runs the keyboard around the input `render` draws. */
  editor?: GridEditor<T>;
}

export interface DataGridProps<T> {
  /** The grid's accessible name. */
  label: string;
  columns: readonly GridColumn<T>[];
  rows: readonly T[];
  rowKey(row: T, index: number): string;
  rowTestId?(row: T, index: number): string | undefined;
  /** Enter on a read-only cell, or a click on the row: open it. */
  onActivate?(row: T, index: number): void;
  /** When set the body scrolls within this height and only the rows in view are in the page. */
  height?: number | string;
  /** Row height in pixels for the virtualised body. */
  rowHeight?: number;
  /** One node per column, shown under the rows (totals). */
  footer?: readonly ReactNode[];
  /** Shown instead of the rows when there are none. */
  empty?: ReactNode;
  /**
   * Escape while editing puts back the whole row as it was when editing began; without this
   * only the cell's own value is put back (enough unless one cell changes others).
   */
  restoreRow?(index: number, row: T): void;
  /** 'list': dense rows with lines between; 'editor': room for inputs. Default: editor when a column is editable. */
  variant?: 'list' | 'editor';
  /** Extra style for the outer element (a border, a width). */
  style?: React.CSSProperties;
}
