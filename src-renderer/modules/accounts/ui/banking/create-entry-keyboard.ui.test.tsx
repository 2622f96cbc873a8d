// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../../ui/testing/browser-stubs';
import type { Account } from '../../domain/schemas';
import { CHART } from '../testing/keyboard';
import { fakeCore, mountPage } from '../testing/kit';
import { CreateEntryDialog } from './CreateEntryDialog';

/**
 * Issue 11 items 11 and 12 in the bank's "Create entry" dialog: it opens with the account
 * picker focused but closed (an open list covered the buttons), and Enter on the proposed
 * bank charges account 6700 keeps it (it used to clear it) and moves on to the memo.
 */

let core: ReturnType<typeof fakeCore>;

beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
afterEach(() => {
  cleanup();
  core.reset();
});

const fee = {
  id: 'bankStatement:01#7',
  statementId: 'bankStatement:01',
  date: '2026-03-31',
  amount: -1250,
  description: 'MONTHLY SERVICE FEE',
  reference: 'NONREF',
  counterparty: '',
  matchId: null,
};

function mountDialog() {
  core.responses['banking.createEntry'] = () => ({ _id: 'journalEntry:9' });
  mountPage(
    <CreateEntryDialog
      account="1200"
      currency="USD"
      line={fee}
      accounts={CHART as unknown as Account[]}
      onClose={() => {}}
    />,
  );
}

describe('create an entry for a bank line', () => {
  it('opens on the account picker with its list closed, so the buttons stay in view', async () => {
    mountDialog();
    const picker = (await screen.findByRole('combobox', {
      name: 'Other account',
    })) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(picker));
    expect(picker.value).toBe('6700 Bank charges');
    expect(picker.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('Enter keeps 6700 and moves to the memo; typing "6100" and Enter picks office supplies', async () => {
    const user = userEvent.setup();
    mountDialog();
    const picker = (await screen.findByRole('combobox', {
      name: 'Other account',
    })) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(picker));
    await user.keyboard('{Enter}');
    const memo = screen.getByLabelText('Memo');
    await waitFor(() => expect(document.activeElement).toBe(memo));
    expect(picker.value).toBe('6700 Bank charges');

    picker.focus();
    await user.keyboard('6100{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(memo));
    expect(picker.value).toBe('6100 Office supplies');
    await user.click(screen.getByRole('button', { name: 'Post and match' }));
    await waitFor(() =>
      expect(core.last('banking.createEntry')).toMatchObject({ contraAccount: '6100' }),
    );
  });
});
