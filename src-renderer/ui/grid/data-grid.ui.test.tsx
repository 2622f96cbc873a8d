// @vitest-environment jsdom
import { MantineProvider, TextInput } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installBrowserStubs } from '../testing/browser-stubs';
import { DataGrid, type GridColumn } from './DataGrid';

interface Line {
  key: string;
  description: string;
  quantity: string;
}

const START: Line[] = [
  { key: 'a', description: 'Espresso beans 1 kg', quantity: '3' },
  { key: 'b', description: 'Paper cups (box of 50)', quantity: '12' },
];

function textColumn(
  id: 'description' | 'quantity',
  header: string,
  update: (i: number, patch: Partial<Line>) => void,
): GridColumn<Line> {
  return {
    id,
    header,
    width: '1fr',
    editor: {
      value: (r) => r[id],
      set: (_r, i, v) => update(i, { [id]: v }),
      render: (p, _r, i) => (
        <TextInput
          aria-label={`${header}, line ${i + 1}`}
          value={p.value}
          onChange={(e) => p.onChange(e.currentTarget.value)}
        />
      ),
    },
  };
}

function Editor() {
  const [rows, setRows] = useState(START);
  const update = (i: number, patch: Partial<Line>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const columns: GridColumn<Line>[] = [
    textColumn('description', 'Description', update),
    textColumn('quantity', 'Quantity', update),
    { id: 'note', header: 'Note', width: '80px', cell: (r) => `#${r.key}` },
  ];
  return <DataGrid label="Lines" columns={columns} rows={rows} rowKey={(r) => r.key} />;
}

const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

beforeAll(() => {
  installBrowserStubs();
  // jsdom lays nothing out; the virtualiser reads the scroller's height from clientHeight.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 400,
  });
});
afterEach(cleanup);

describe('DataGrid', () => {
  it('moves with the arrow keys, edits on typing, keeps the text on Enter and moves on', async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider>
        <Editor />
      </MantineProvider>,
    );
    const grid = screen.getByRole('grid', { name: 'Lines' });
    expect(grid.getAttribute('aria-rowcount')).toBe('3');
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Description', 'Quantity', 'Note']);

    box('Description, line 1').focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(box('Quantity, line 1'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(box('Quantity, line 2'));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(box('Description, line 2'));

    // Typing replaces the cell's text; Enter keeps it and goes to the next editable cell, on the next row.
    await user.keyboard('{ArrowUp}{ArrowRight}24{Enter}');
    expect(box('Quantity, line 1').value).toBe('24');
    expect(document.activeElement).toBe(box('Description, line 2'));
    // Enter on a cell not being edited starts editing (caret at the end) instead of moving.
    await user.keyboard('{Enter}{Backspace}{Backspace}{Backspace}100){Enter}');
    expect(box('Description, line 2').value).toBe('Paper cups (box of 100)');
    expect(document.activeElement).toBe(box('Quantity, line 2'));
    // From the last editable cell of the last row Enter keeps the text and stays.
    await user.keyboard('7{Enter}');
    expect(box('Quantity, line 2').value).toBe('7');
    expect(document.activeElement).toBe(box('Quantity, line 2'));
  });

  it('Escape puts back what the cell held before editing; Tab moves on to the next cell and row', async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider>
        <Editor />
      </MantineProvider>,
    );
    box('Quantity, line 1').focus();
    await user.keyboard('99');
    expect(box('Quantity, line 1').value).toBe('99');
    await user.keyboard('{Escape}');
    expect(box('Quantity, line 1').value).toBe('3');
    expect(document.activeElement).toBe(box('Quantity, line 1'));

    // Tab skips the read-only note column and wraps to the next row.
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(box('Description, line 2'));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(box('Quantity, line 1'));
  });

  it('a read-only list has one tab stop, moves by row and opens a row with Enter', async () => {
    const user = userEvent.setup();
    const open = vi.fn();
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      id: `je-${i}`,
      number: `SYD-A-JE-${String(i + 1).padStart(6, '0')}`,
    }));
    render(
      <MantineProvider>
        <button type="button">before</button>
        <DataGrid
          label="Journal entries"
          height={400}
          columns={[{ id: 'number', header: 'Number', width: '1fr', cell: (r) => r.number }]}
          rows={rows}
          rowKey={(r) => r.id}
          onActivate={open}
        />
      </MantineProvider>,
    );
    const grid = screen.getByRole('grid', { name: 'Journal entries' });
    // Virtualised: the grid says how many rows there are though only a few are in the page.
    expect(grid.getAttribute('aria-rowcount')).toBe('5001');
    expect(within(grid).getAllByRole('row').length).toBeLessThan(100);
    expect(
      within(grid)
        .getAllByRole('gridcell')
        .filter((c) => c.tabIndex === 0),
    ).toHaveLength(1);

    screen.getByRole('button', { name: 'before' }).focus();
    await user.keyboard('{Tab}');
    expect(document.activeElement?.textContent).toBe('SYD-A-JE-000001');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('SYD-A-JE-000003');
    expect(document.activeElement?.closest('[role=row]')?.getAttribute('aria-rowindex')).toBe('4');
    await user.keyboard('{Enter}');
    expect(open).toHaveBeenCalledWith(rows[2], 2);
  });
});
