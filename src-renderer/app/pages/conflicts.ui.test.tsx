// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diffVersions } from '../../core/conflicts/conflict-diff';
import type { ConflictRecord, ForgeryEntry } from '../../core/rpc/contract';
import { setRpcClient } from '../../client/api';
import type { RpcClient } from '../../client/rpc-client';
import { createStore } from '../../client/store';
import { ConflictsPage } from './ConflictsPage';
import { installBrowserStubs } from '../../ui/testing/browser-stubs';
import { formatDateTime } from '../../core/format';

const calls: { method: string; params: unknown }[] = [];
let list: ConflictRecord[] = [];
let forgeries: ForgeryEntry[] = [];

const base = {
  _id: 'party:1',
  type: 'party',
  v: 1,
  branch: '*',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'Alice',
  device: 'device:A',
};
const v1 = {
  ...base,
  code: 'C-001',
  name: 'Bayside Cafe & Bakery',
  phone: '555',
  updatedBy: 'Alice',
  updatedAt: '2026-01-02T10:00:00.000Z',
};
const v2 = {
  ...base,
  code: 'C-001',
  name: 'Bayside Coffee House',
  phone: '556',
  updatedBy: 'Carol',
  updatedAt: '2026-01-02T10:01:00.000Z',
  updatedOn: 'device:B',
};
const version = (doc: Record<string, unknown>, rev: string, winner: boolean) => ({
  rev,
  winner,
  doc,
  readable: 'current' as const,
  posted: false,
  editedBy: String(doc.updatedBy),
  editedAt: String(doc.updatedAt),
  editedOn: String(doc.updatedOn ?? 'device:A'),
  device: 'device:A',
});
const record: ConflictRecord = {
  db: 'master',
  id: 'party:1',
  type: 'party',
  title: 'Bayside Cafe & Bakery',
  revs: ['2-a', '2-b'],
  versions: [version(v1, '2-a', true), version(v2, '2-b', false)],
  fields: diffVersions([v1, v2]),
};

beforeAll(() => {
  installBrowserStubs();
  setRpcClient({
    call: async (method: string, params: unknown) => {
      calls.push({ method, params });
      if (method === 'conflicts.list') return list;
      if (method === 'conflicts.forgeries') return forgeries;
      if (method === 'org.listDevices') {
        return [
          { _id: 'device:A', branchCode: 'NYC', letter: 'A', label: 'Head office PC' },
          { _id: 'device:B', branchCode: 'NYC', letter: 'B', label: 'Front desk PC' },
        ];
      }
      if (method === 'org.getCompany') return { name: 'Acme', baseCurrency: 'USD' };
      if (method === 'org.listBranches')
        return [
          { _id: 'branch:1', code: 'NYC', name: 'New York' },
          { _id: 'branch:2', code: 'BOS', name: 'Boston' },
        ];
      if (method === 'conflicts.resolve') {
        list = [];
        return { id: 'party:1', rev: '3-x' };
      }
      throw new Error(`unexpected ${method}`);
    },
  } as unknown as RpcClient);
});

afterEach(() => {
  cleanup();
  calls.length = 0;
  forgeries = [];
});

function mount(path = '/conflicts') {
  return render(
    <Provider store={createStore()}>
      <MantineProvider>
        <MemoryRouter initialEntries={[path]}>
          <ConflictsPage />
        </MemoryRouter>
      </MantineProvider>
    </Provider>,
  );
}

describe('Conflicts page', () => {
  it('says so when every office agrees', async () => {
    list = [];
    mount();
    expect(await screen.findByText('No conflicts: every office agrees.')).toBeTruthy();
  });

  it('shows the versions side by side, highlights differences and saves a merge field by field', async () => {
    list = [record];
    mount();
    const card = await screen.findByTestId('conflict-party:1');
    // Each version says the device it was made on, by name, and who made it when.
    const made = within(card).getAllByTestId('conflict-version-made');
    expect(made.map((m) => m.textContent)).toEqual([
      expect.stringMatching(/^Made on NYC-A Head office PC by Alice, .*\d/),
      expect.stringMatching(/^Made on NYC-B Front desk PC by Carol, .*\d/),
    ]);
    expect(card.textContent).not.toMatch(/device:/);
    expect(within(card).getByTestId('conflict-field-name').getAttribute('data-differs')).toBe(
      'true',
    );
    expect(within(card).getByTestId('conflict-field-code').getAttribute('data-differs')).toBeNull();
    expect(within(card).queryByTestId('conflict-field-updatedBy')).toBeNull();

    fireEvent.click(within(card).getByRole('radio', { name: 'Use version 2 for Name' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Save merged version' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'conflicts.resolve')).toBe(true));
    expect(calls.find((c) => c.method === 'conflicts.resolve')!.params).toEqual({
      db: 'master',
      id: 'party:1',
      revs: ['2-a', '2-b'],
      merged: { code: 'C-001', name: 'Bayside Coffee House', phone: '555' },
    });
    expect(await screen.findByText('No conflicts: every office agrees.')).toBeTruthy();
  });

  it('a draft invoice shows names, money and lines, and says once which device created it', async () => {
    const party = 'party:01M8SPZ3Q4X7K2N9R5T6V8W0YA';
    const inv = (unitPrice: number, by: string) => ({
      ...base,
      _id: 'tradeDoc:1',
      type: 'tradeDoc',
      branch: 'NYC',
      partyId: party,
      currency: 'USD',
      lines: [{ description: 'Consulting', quantity: '3', unitPrice, account: '4000' }],
      updatedBy: by,
      updatedAt: '2026-01-02T10:00:00.000Z',
    });
    const a = inv(9900, 'Alice');
    const b = inv(12500, 'Carol');
    list = [
      {
        db: 'branch-nyc',
        id: 'tradeDoc:1',
        type: 'tradeDoc',
        title: 'Draft invoice',
        revs: ['2-a', '2-b'],
        versions: [version(a, '2-a', true), version(b, '2-b', false)],
        fields: diffVersions([a, b]),
        labels: { [party]: 'C-1 Acme Ltd' },
      },
    ];
    mount();
    const card = await screen.findByTestId('conflict-tradeDoc:1');
    await waitFor(() => expect(card.textContent).toContain('$99.00'));
    expect(card.textContent).toContain('$125.00');
    expect(card.textContent).toContain('Description: Consulting');
    expect(screen.getByTestId('conflict-field-partyId').textContent).toContain('C-1 Acme Ltd');
    expect(card.textContent).not.toMatch(/party:|"unitPrice"|9900/);
    expect(card.textContent).not.toMatch(/created on device/);
    await waitFor(() =>
      expect(screen.getByTestId('conflict-summary-tradeDoc:1').textContent).toContain(
        'Created on device NYC-A Head office PC',
      ),
    );
  });

  it('filters by branch from the address (the head-office link from Settings)', async () => {
    const bosDraft: ConflictRecord = {
      ...record,
      db: 'branch-bos',
      id: 'journalEntry:1',
      type: 'journalEntry',
      title: 'BOS draft',
    };
    list = [record, bosDraft];
    mount('/conflicts?branch=BOS');
    expect(await screen.findByTestId('conflict-journalEntry:1')).toBeTruthy();
    expect(screen.queryByTestId('conflict-party:1')).toBeNull();
    expect(screen.getByTestId('conflicts-filtered').textContent).toMatch(
      /Showing 1 of 2 conflicts \(branch BOS\)/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show every branch' }));
    expect(await screen.findByTestId('conflict-party:1')).toBeTruthy();
    expect(screen.getByTestId('conflict-journalEntry:1')).toBeTruthy();
  });

  it('says so when the chosen branch has no conflicts', async () => {
    list = [record];
    mount('/conflicts?branch=NYC');
    expect((await screen.findByTestId('conflicts-filtered')).textContent).toMatch(
      /No conflicts in branch NYC/,
    );
    expect(screen.queryByTestId('conflict-party:1')).toBeNull();
  });

  it('keeps one version as it is', async () => {
    list = [record];
    mount();
    const card = await screen.findByTestId('conflict-party:1');
    fireEvent.click(within(card).getByRole('button', { name: 'Keep version 2' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'conflicts.resolve')).toBe(true));
    expect(calls.find((c) => c.method === 'conflicts.resolve')!.params).toEqual({
      db: 'master',
      id: 'party:1',
      revs: ['2-a', '2-b'],
      keepRev: '2-b',
    });
  });
});

describe('Forged changes to posted records', () => {
  const forged: ForgeryEntry = {
    db: 'branch-nyc',
    id: 'journalEntry:1',
    type: 'journalEntry',
    title: 'NYC-A-JE-000001 Owner invests capital',
    postedRev: '1-a',
    forgedRev: '50-f',
    claimed: { by: 'Tom Clerk', device: 'device:B', at: '2026-04-03T17:45:00.000Z' },
    changes: [
      { field: 'status', posted: 'posted', forged: 'draft' },
      {
        field: 'memo',
        posted: 'Owner invests capital',
        forged: 'Owner invests capital (corrected)',
      },
    ],
    state: 'corrected',
    detectedAt: '2026-04-04T08:10:00.000Z',
    correctedBy: 'Alice Admin',
    correctedOn: 'device:A',
  };

  it('lists who the forged version claims to be, with names and local dates, and what it changed', async () => {
    list = [];
    forgeries = [
      forged,
      {
        ...forged,
        id: 'journalEntry:2',
        forgedRev: '7-g',
        title: 'NYC-A-JE-000002 Rent',
        state: 'waiting',
        detectedAt: null,
        correctedBy: null,
        correctedOn: null,
      },
    ];
    mount();
    const card = await screen.findByTestId('forgery-journalEntry:1');
    expect(screen.getByRole('heading', { name: 'Forged changes to posted records' })).toBeTruthy();
    expect(within(card).getByText('Posted version restored')).toBeTruthy();
    expect(
      within(card).getByText(
        `Claims to be from Tom Clerk on NYC-B (Front desk PC), ${formatDateTime('2026-04-03T17:45:00.000Z')}.`,
      ),
    ).toBeTruthy();
    expect(
      within(card).getByText(
        `Found and corrected by Alice Admin on NYC-A (Head office PC), ${formatDateTime('2026-04-04T08:10:00.000Z')}.`,
      ),
    ).toBeTruthy();
    const rows = within(within(card).getByRole('table'))
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'FieldPosted (kept)Forged (ignored)',
      'StatusPostedDraft',
      'MemoOwner invests capitalOwner invests capital (corrected)',
    ]);
    expect(card.textContent).not.toMatch(/device:/);
    const waiting = screen.getByTestId('forgery-journalEntry:2');
    expect(within(waiting).getByText('Waiting for someone allowed to correct it')).toBeTruthy();
    // The conflicts themselves are settled: every office agrees on the posted version.
    expect(screen.getByText('No conflicts: every office agrees.')).toBeTruthy();
  });

  it('shows no such section when nothing was forged', async () => {
    list = [];
    mount();
    expect(await screen.findByText('No conflicts: every office agrees.')).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.method === 'conflicts.forgeries')).toBe(true));
    expect(screen.queryByTestId('forgeries')).toBeNull();
  });

  it('marks a forged version beside a posted one, and only the posted version can be kept', async () => {
    const posted = {
      ...base,
      _id: 'journalEntry:1',
      type: 'journalEntry',
      branch: 'NYC',
      status: 'posted',
      memo: 'Owner invests capital',
    };
    const draft = {
      ...posted,
      status: 'draft',
      memo: 'Owner invests capital (corrected)',
      updatedBy: 'Tom Clerk',
      updatedAt: '2026-04-03T17:45:00.000Z',
    };
    list = [
      {
        db: 'branch-nyc',
        id: 'journalEntry:1',
        type: 'journalEntry',
        title: 'NYC-A-JE-000001 Owner invests capital',
        revs: ['1-a', '50-f'],
        versions: [
          { ...version(posted, '1-a', true), posted: true },
          { ...version(draft, '50-f', false), forged: true },
        ],
        fields: diffVersions([posted, draft]),
      },
    ];
    mount();
    const card = await screen.findByTestId('conflict-journalEntry:1');
    expect(within(card).getByText('forged, ignored')).toBeTruthy();
    expect(
      (within(card).getByRole('button', { name: 'Keep version 2' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(
      (within(card).getByRole('button', { name: 'Keep version 1' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });
});
