import { describe, expect, it } from 'vitest';
import { gridKeyAction, nextEditable, type KeyInput } from './grid-keys';

const key = (k: string, over: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shift: false,
  mod: false,
  alt: false,
  editing: false,
  editable: true,
  gridEditable: true,
  listOpen: false,
  picker: false,
  onCell: false,
  ...over,
});

describe('grid keys', () => {
  it('navigating: arrows move, typing and Enter start editing, Escape does nothing', () => {
    expect(gridKeyAction(key('ArrowDown'))).toEqual({ kind: 'move', rows: 1, cols: 0 });
    expect(gridKeyAction(key('PageUp'))).toEqual({ kind: 'move', rows: -10, cols: 0 });
    expect(gridKeyAction(key('7'))).toEqual({ kind: 'edit', keepKey: true });
    expect(gridKeyAction(key('Enter'))).toEqual({ kind: 'edit', keepKey: false });
    expect(gridKeyAction(key('Escape'))).toEqual({ kind: 'native' });
    expect(gridKeyAction(key('Enter', { editable: false, onCell: true }))).toEqual({
      kind: 'activate',
    });
    // A button in a read-only cell keeps its own Enter.
    expect(gridKeyAction(key('Enter', { editable: false }))).toEqual({ kind: 'native' });
  });

  it('editing: the caret owns Left/Right, Enter keeps and moves on, Escape cancels', () => {
    const editing = { editing: true };
    expect(gridKeyAction(key('ArrowLeft', editing))).toEqual({ kind: 'native' });
    expect(gridKeyAction(key('ArrowDown', editing))).toEqual({ kind: 'move', rows: 1, cols: 0 });
    expect(gridKeyAction(key('Enter', editing))).toEqual({
      kind: 'next',
      back: false,
      fromEnter: true,
    });
    expect(gridKeyAction(key('Escape', editing))).toEqual({ kind: 'cancel' });
    // A picker being edited browses its list with Up/Down; an open list keeps Enter.
    expect(gridKeyAction(key('ArrowDown', { ...editing, picker: true }))).toEqual({
      kind: 'native',
    });
    expect(gridKeyAction(key('Enter', { ...editing, picker: true, listOpen: true }))).toEqual({
      kind: 'native',
    });
  });

  it('Tab moves on in an editable grid, leaves a read-only one; Ctrl shortcuts reach the page', () => {
    expect(gridKeyAction(key('Tab', { shift: true }))).toEqual({
      kind: 'next',
      back: true,
      fromEnter: false,
    });
    expect(gridKeyAction(key('Tab', { gridEditable: false }))).toEqual({ kind: 'native' });
    expect(gridKeyAction(key('Enter', { mod: true, editing: true }))).toEqual({ kind: 'native' });
    expect(gridKeyAction(key('s', { mod: true }))).toEqual({ kind: 'native' });
  });

  it('the next editable cell skips read-only columns and wraps rows', () => {
    const editable = [0, 1, 3];
    expect(nextEditable(0, 1, false, 3, editable)).toEqual({ row: 0, col: 3 });
    expect(nextEditable(0, 3, false, 3, editable)).toEqual({ row: 1, col: 0 });
    expect(nextEditable(1, 0, true, 3, editable)).toEqual({ row: 0, col: 3 });
    expect(nextEditable(2, 3, false, 3, editable)).toBeNull();
    expect(nextEditable(0, 0, true, 3, editable)).toBeNull();
  });
});
