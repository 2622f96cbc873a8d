import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { clampCell, gridKeyAction, nextEditable } from './grid-keys';
import type { GridColumn } from './types';

export interface CellPos {
  row: number;
  col: number;
}

interface Editing extends CellPos {
  /** The cell's text and the whole row when editing began, for Escape. */
  value: string;
  original: unknown;
}

interface Options<T> {
  root: RefObject<HTMLDivElement | null>;
  rows: readonly T[];
  columns: readonly GridColumn<T>[];
  /** Brings a row into the page before it is focused (virtualised bodies). */
  scrollTo?(row: number): void;
  onActivate?(row: T, index: number): void;
  restoreRow?(index: number, row: T): void;
}

const cellOf = (target: EventTarget | null): { el: HTMLElement; pos: CellPos } | null => {
  const el = target instanceof HTMLElement ? target.closest<HTMLElement>('[data-cell]') : null;
  const m = el ? /^(\d+)-(\d+)$/.exec(el.dataset.cell ?? '') : null;
  return el && m ? { el, pos: { row: Number(m[1]), col: Number(m[2]) } } : null;
};

/** The element that takes the focus in a cell: its input, link or button, else the cell itself. */
export function focusTarget(cell: HTMLElement): HTMLElement {
  return cell.querySelector<HTMLElement>('input, textarea, a[href], button') ?? cell;
}

const isText = (el: Element): el is HTMLInputElement | HTMLTextAreaElement =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;

/**
 * The grid's keyboard: which cell is active (the one tab stop of a read-only grid), which one
 * is being edited, and moving the focus — also to a row a virtualised body has not drawn yet
 * (the move waits for the render that draws it).
 */
export function useGridKeyboard<T>({
  root,
  rows,
  columns,
  scrollTo,
  onActivate,
  restoreRow,
}: Options<T>) {
  const [active, setActive] = useState<CellPos>({ row: 0, col: 0 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const pending = useRef<CellPos | null>(null);
  const latest = useRef({ rows, columns, scrollTo, onActivate, restoreRow });
  useLayoutEffect(() => {
    latest.current = { rows, columns, scrollTo, onActivate, restoreRow };
  });

  const setEditing = useCallback((e: Editing | null) => {
    editingRef.current = e;
    setEditingState(e);
  }, []);

  const tryFocus = useCallback(
    (pos: CellPos): boolean => {
      const cell = root.current?.querySelector<HTMLElement>(`[data-cell="${pos.row}-${pos.col}"]`);
      if (!cell) return false;
      const target = focusTarget(cell);
      target.focus();
      if (isText(target)) target.select();
      return true;
    },
    [root],
  );

  const focusCell = useCallback(
    (pos: CellPos, now = true) => {
      pending.current = pos;
      latest.current.scrollTo?.(pos.row);
      if (now && tryFocus(pos)) pending.current = null;
    },
    [tryFocus],
  );

  // A move to a cell that was not in the page yet lands once a render has drawn it.
  useLayoutEffect(() => {
    const p = pending.current;
    if (!p) return;
    if (p.row >= rows.length || tryFocus(p)) pending.current = null;
  });

  const startEditing = useCallback(
    (pos: CellPos) => {
      const { rows: rs, columns: cols } = latest.current;
      const row = rs[pos.row];
      const editor = cols[pos.col]?.editor;
      if (row === undefined || !editor) return;
      setEditing({ ...pos, value: editor.value(row), original: row });
    },
    [setEditing],
  );

  const editableCols = (cols: readonly GridColumn<T>[]) =>
    cols.flatMap((c, i) => (c.editor ? [i] : []));

  /** Keeps what was typed and moves to the next editable cell (Enter, Tab, a picker's choice). */
  const moveOn = useCallback(
    (from: CellPos, back = false): boolean => {
      const { rows: rs, columns: cols } = latest.current;
      const next = nextEditable(from.row, from.col, back, rs.length, editableCols(cols));
      setEditing(null);
      if (next) focusCell(next);
      return next !== null;
    },
    [focusCell, setEditing],
  );

  const cancel = useCallback(
    (e: Editing) => {
      const { rows: rs, columns: cols, restoreRow: restore } = latest.current;
      if (restore) restore(e.row, e.original as T);
      else {
        const row = rs[e.row];
        if (row !== undefined) cols[e.col]?.editor?.set(row, e.row, e.value);
      }
      setEditing(null);
      // Focus (and select the restored text) after the render that puts it back.
      focusCell({ row: e.row, col: e.col }, false);
    },
    [focusCell, setEditing],
  );

  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    const hit = cellOf(e.target);
    if (!hit || !root.current?.contains(hit.el)) return;
    const { pos } = hit;
    const { rows: rs, columns: cols } = latest.current;
    const target = e.target as HTMLElement;
    const current = editingRef.current;
    const isEditing = !!current && current.row === pos.row && current.col === pos.col;
    const editable = !!cols[pos.col]?.editor;
    const action = gridKeyAction({
      key: e.key,
      shift: e.shiftKey,
      mod: e.ctrlKey || e.metaKey,
      alt: e.altKey,
      editing: isEditing,
      editable,
      gridEditable: cols.some((c) => c.editor),
      listOpen: target.getAttribute('aria-expanded') === 'true',
      picker: target.getAttribute('role') === 'combobox',
      onCell: target === hit.el,
    });
    const stop = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    switch (action.kind) {
      case 'native':
        return;
      case 'move':
        stop();
        setEditing(null);
        focusCell(clampCell(pos.row + action.rows, pos.col + action.cols, rs.length, cols.length));
        return;
      case 'edge': {
        stop();
        const row = action.wholeGrid ? (action.to === 'start' ? 0 : rs.length - 1) : pos.row;
        focusCell({ row, col: action.to === 'start' ? 0 : cols.length - 1 });
        return;
      }
      case 'next':
        // Tab past the last cell leaves the grid as usual; Enter there just keeps the text.
        if (moveOn(pos, action.back) || action.fromEnter) stop();
        return;
      case 'edit':
        startEditing(pos);
        if (!action.keepKey) {
          stop();
          if (isText(target)) target.setSelectionRange(target.value.length, target.value.length);
        }
        return;
      case 'cancel':
        // An open list closes on its own; the cell goes back to what it was before editing.
        if (current && isEditing) cancel(current);
        return;
      case 'activate': {
        stop();
        const row = rs[pos.row];
        if (row !== undefined) latest.current.onActivate?.(row, pos.row);
        return;
      }
    }
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const hit = cellOf(e.target);
    if (!hit) return;
    const { pos } = hit;
    setActive((a) => (a.row === pos.row && a.col === pos.col ? a : pos));
    const current = editingRef.current;
    const here = !!current && current.row === pos.row && current.col === pos.col;
    if (current && !here) setEditing(null);
    // Arriving on a cell (not clicking into it) selects its text, so typing replaces it.
    if (!here && isText(e.target)) e.target.select();
  };

  // A click puts the caret where it lands, so the clicked cell is being edited straight away.
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const hit = cellOf(e.target);
    if (hit && latest.current.columns[hit.pos.col]?.editor) startEditing(hit.pos);
  };

  return {
    active,
    editing,
    focusCell,
    moveOn,
    handlers: { onKeyDownCapture, onFocus, onPointerDown },
  };
}
