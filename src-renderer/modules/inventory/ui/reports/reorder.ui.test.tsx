// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../../platform';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { ReorderRow } from '../../rpc-contract';
import { backRoom, beans, mainStore, readyState } from '../testing/fixtures';
import { ReorderReport } from './ReorderReport';
import { fakeCore, mountPage } from '../testing/kit';

/** Reorder suggestions: the worker's rows, CSV, a draft purchase order from a row, and the rules. */
const where = {
  item: beans._id,
  sku: 'BEAN-1KG',
  name: 'Coffee beans 1 kg',
  unit: 'bag',
  warehouse: mainStore._id,
  warehouseCode: 'NYC-MAIN',
  branch: 'NYC',
};
const reorder: ReorderRow[] = [
  {
    ...where,
    rule: 'reorderRule:01JRULE0000000000000000000',
    onHand: '4',
    onOrder: '16',
    committed: '3',
    projected: '17',
    level: '20',
    ruleQty: '24',
    suggested: '24',
    supplier: {
      id: 'party:01JANDES00000000000000000',
      name: 'Andes Coffee Importers',
      currency: 'USD',
      unitPrice: 1000,
    },
  },
];
const rule = {
  _id: 'reorderRule:01JRULE0000000000000000000',
  _rev: '1-r',
  type: 'reorderRule',
  v: 1,
  branch: '*',
  item: beans._id,
  warehouse: mainStore._id,
  level: '20',
  quantity: '24',
};

let core: ReturnType<typeof fakeCore>;
beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['app.getState'] = () => readyState;
  core.responses['org.listBranches'] = () => [{ code: 'NYC', name: 'New York' }];
  core.responses['inventory.reorderSuggestions'] = () => reorder;
  core.responses['inventory.listReorderRules'] = () => [rule];
  core.responses['inventory.listItems'] = () => [beans];
  core.responses['inventory.listWarehouses'] = () => [mainStore, backRoom];
});
afterEach(() => {
  cleanup();
  core.reset();
});

async function exported(saveFile: ReturnType<typeof vi.fn>) {
  fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  await waitFor(() => expect(saveFile).toHaveBeenCalled());
  const file = (saveFile.mock.calls[0] as unknown as [{ data: string; suggestedName: string }])[0];
  return { name: file.suggestedName, lines: file.data.split(/\r?\n/) };
}

function mount(page: React.ReactNode, where: { path?: string; route?: string } = {}) {
  const saveFile = vi.fn(async () => undefined);
  mountPage(page, {
    ...where,
    locale: 'en-US',
    platform: { files: { saveFile } } as unknown as Platform,
  });
  return saveFile;
}

describe('reorder suggestions', () => {
  it('reorder: what to order and from whom; the CSV has the projection', async () => {
    const saveFile = mount(<ReorderReport />);
    const grid = await screen.findByRole('grid', { name: 'Reorder suggestions' });
    await waitFor(() => expect(within(grid).getByText('24 bag')).toBeTruthy());
    expect(within(grid).getByText('Andes Coffee Importers')).toBeTruthy();
    const csv = await exported(saveFile);
    expect(csv.lines.slice(0, 2)).toEqual([
      'Branch,Warehouse,SKU,Item,Unit,On hand,On purchase orders,On sales orders,Projected,Reorder level,Reorder quantity,Suggested,Last supplier',
      'NYC,NYC-MAIN,BEAN-1KG,Coffee beans 1 kg,bag,4,16,3,17,20,24,24,Andes Coffee Importers',
    ]);
  });

  it('the suggestions scroll sideways inside the page: Order and Last supplier stay readable', async () => {
    mount(<ReorderReport />);
    const grid = await screen.findByRole('grid', { name: 'Reorder suggestions' });
    expect(grid.style.minWidth).toBe('max-content');
    expect(grid.parentElement!.style.overflowX).toBe('auto');
  });

  it('Create purchase order writes a draft from the last supplier and opens it to check', async () => {
    core.responses['inventory.saveOrder'] = () => ({
      _id: 'purchaseOrder:01JDRAFT00000000000000000',
    });
    mount(<ReorderReport />, {
      path: '/inventory/reports/reorder',
      route: '/inventory/reports/reorder',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Create purchase order' }));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe(
        '/inventory/orders/purchaseOrder%3A01JDRAFT00000000000000000/edit',
      ),
    );
    expect(core.last('inventory.saveOrder')).toMatchObject({
      side: 'purchase',
      partyId: 'party:01JANDES00000000000000000',
      currency: 'USD',
      warehouse: mainStore._id,
      lines: [{ item: beans._id, qty: '24', unitPrice: 1000 }],
    });
  });

  it('reorder rules: a rule opens for editing and saves with its id; a half-filled one is refused in words', async () => {
    core.responses['inventory.saveReorderRule'] = (p: { fields: object }) => ({
      ...rule,
      ...p.fields,
    });
    mount(<ReorderReport />);
    const rules = await screen.findByRole('grid', { name: 'Reorder rules' });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(
      await screen.findByText('Choose the item. The reorder rule was not saved.'),
    ).toBeTruthy();
    expect(core.last('inventory.saveReorderRule')).toBeUndefined();
    fireEvent.click(await within(rules).findByText('BEAN-1KG Coffee beans 1 kg'));
    const level = screen.getByRole('textbox', { name: 'Reorder at' });
    await waitFor(() => expect((level as HTMLInputElement).value).toBe('20'));
    fireEvent.change(level, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await waitFor(() =>
      expect(core.last('inventory.saveReorderRule')).toEqual({
        id: rule._id,
        fields: { item: beans._id, warehouse: mainStore._id, level: '30', quantity: '24' },
      }),
    );
  });
});
