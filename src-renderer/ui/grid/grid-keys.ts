/**
 * What a key does in a data grid, decided apart from React so the rules are easy to read and
 * test. A cell is either being navigated (the focus is on it, its text selected) or edited (the
 * caret is in it). Navigating: arrows, Home/End and Page Up/Down move; Enter or typing starts
 * editing. Editing: Enter and Tab keep the text and move on, Escape puts the old value back.
 */
export type GridAction =
  | { kind: 'native' }
  | { kind: 'move'; rows: number; cols: number }
  /** Home/End: to the first/last cell of the row, or of the grid with Ctrl. */
  | { kind: 'edge'; to: 'start' | 'end'; wholeGrid: boolean }
  /** Tab / Enter while editing: the next (or previous) editable cell, wrapping to the next row. */
  | { kind: 'next'; back: boolean; fromEnter: boolean }
  | { kind: 'edit'; keepKey: boolean }
  | { kind: 'cancel' }
  | { kind: 'activate' };

export interface KeyInput {
  key: string;
  shift: boolean;
  /** Ctrl or ⌘: left to the page's own shortcuts (Ctrl+Enter posts, Ctrl+S saves). */
  mod: boolean;
  alt: boolean;
  editing: boolean;
  /** The cell has an editor (an input the grid may put into edit mode). */
  editable: boolean;
  /** The grid has editable cells at all; read-only grids leave Tab to the browser. */
  gridEditable: boolean;
  /** A picker's list is open: its own keys (arrows, Enter, Escape) come first. */
  listOpen: boolean;
  /** The cell's input is a picker (combobox): while editing, Up/Down browse its list. */
  picker: boolean;
  /** The focus is on the cell itself, not on a link or button inside it. */
  onCell: boolean;
}

export const PAGE_ROWS = 10;

const NATIVE: GridAction = { kind: 'native' };

export function gridKeyAction(k: KeyInput): GridAction {
  if (k.alt) return NATIVE;
  if (k.key === 'Tab' && !k.mod)
    return k.gridEditable ? { kind: 'next', back: k.shift, fromEnter: false } : NATIVE;
  if (k.mod) return ctrlMove(k);
  if (k.listOpen) return k.key === 'Escape' ? { kind: 'cancel' } : NATIVE;
  return k.editing ? whileEditing(k) : whileNavigating(k);
}

function ctrlMove(k: KeyInput): GridAction {
  if (k.editing) return NATIVE;
  if (k.key === 'Home') return { kind: 'edge', to: 'start', wholeGrid: true };
  if (k.key === 'End') return { kind: 'edge', to: 'end', wholeGrid: true };
  return NATIVE;
}

function whileEditing(k: KeyInput): GridAction {
  switch (k.key) {
    case 'Enter':
      return { kind: 'next', back: k.shift, fromEnter: true };
    case 'Escape':
      return { kind: 'cancel' };
    // Left/Right move the caret inside the text; Up/Down have nothing to do there, so they keep
    // the text and move to the cell above or below, as in a spreadsheet.
    case 'ArrowUp':
      return k.picker ? NATIVE : { kind: 'move', rows: -1, cols: 0 };
    case 'ArrowDown':
      return k.picker ? NATIVE : { kind: 'move', rows: 1, cols: 0 };
    default:
      return NATIVE;
  }
}

function whileNavigating(k: KeyInput): GridAction {
  switch (k.key) {
    case 'ArrowUp':
      return { kind: 'move', rows: -1, cols: 0 };
    case 'ArrowDown':
      return { kind: 'move', rows: 1, cols: 0 };
    case 'ArrowLeft':
      return { kind: 'move', rows: 0, cols: -1 };
    case 'ArrowRight':
      return { kind: 'move', rows: 0, cols: 1 };
    case 'PageUp':
      return { kind: 'move', rows: -PAGE_ROWS, cols: 0 };
    case 'PageDown':
      return { kind: 'move', rows: PAGE_ROWS, cols: 0 };
    case 'Home':
      return { kind: 'edge', to: 'start', wholeGrid: false };
    case 'End':
      return { kind: 'edge', to: 'end', wholeGrid: false };
    case 'Enter':
      // A filled picker has nothing to edit by hand: Enter keeps its choice and moves on.
      if (k.editable && k.picker) return { kind: 'next', back: k.shift, fromEnter: true };
      if (k.editable) return { kind: 'edit', keepKey: false };
      return k.onCell ? { kind: 'activate' } : NATIVE;
    case 'Backspace':
    case 'Delete':
      return k.editable ? { kind: 'edit', keepKey: true } : NATIVE;
    default:
      // A printable character starts editing and lands in the cell, replacing the selected text.
      return k.editable && k.key.length === 1 ? { kind: 'edit', keepKey: true } : NATIVE;
  }
}

/** Clamps a move to the grid. */
export function clampCell(
  row: number,
  col: number,
  rows: number,
  cols: number,
): { row: number; col: number } {
  return { row: Math.max(0, Math.min(rows - 1, row)), col: Math.max(0, Math.min(cols - 1, col)) };
}

/** The next editable cell in reading order, or null past the last one. */
export function nextEditable(
  row: number,
  col: number,
  back: boolean,
  rows: number,
  editableCols: readonly number[],
): { row: number; col: number } | null {
  if (editableCols.length === 0) return null;
  const step = back ? -1 : 1;
  let at = editableCols.indexOf(col);
  let r = row;
  if (at < 0) at = back ? editableCols.length : -1;
  at += step;
  if (at >= editableCols.length) {
    at = 0;
    r += 1;
  } else if (at < 0) {
    at = editableCols.length - 1;
    r -= 1;
  }
  if (r < 0 || r >= rows) return null;
  return { row: r, col: editableCols[at]! };
}
