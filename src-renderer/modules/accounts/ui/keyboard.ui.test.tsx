// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installBrowserStubs } from '../../../ui/testing/browser-stubs';
import { JournalEditor } from './JournalEditor';
import { CHART, nameOf } from './testing/keyboard';
import { fakeCore, mountPage } from './testing/kit';

/**
 * Issue 11 item 11: a picker takes the best match on Enter and moves on, keeps a filled value
 * on Enter, a new entry starts on its date, one Tab stop per field. Types as a clerk does.
 */

let core: ReturnType<typeof fakeCore>;

beforeAll(() => {
  installBrowserStubs();
  core = fakeCore();
});
beforeEach(() => {
  core.responses['accounts.getSetup'] = () => ({
    ready: true,
    baseCurrency: 'USD',
    accounts: CHART.length,
    settings: { defaultSalesAccount: '4100', receivableAccount: '1100', lockDate: null },
  });
  core.responses['accounts.listAccounts'] = () => CHART;
});
afterEach(() => {
  cleanup();
  core.reset();
});

const box = (name: string) => screen.getByRole('combobox', { name }) as HTMLInputElement;
const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

describe('journal editor keyboard', () => {
  it('starts on the date; typing "4100" and Enter picks 4100, not 41000, and moves to the debit', async () => {
    const user = userEvent.setup();
    mountPage(<JournalEditor initial={null} />);
    await waitFor(() => expect(document.activeElement).toBe(field('Date')));
    await screen.findByRole('combobox', { name: 'Account, line 1' });
    box('Account, line 1').focus();
    await user.keyboard('4100{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(field('Debit, line 1')));
    expect(box('Account, line 1').value).toBe('4100 Sales — consulting');
    // The next keystrokes land in the debit, not in the account's search.
    await user.keyboard('250');
    expect(field('Debit, line 1').value).toBe('250');
    expect(box('Account, line 1').value).toBe('4100 Sales — consulting');
  });

  it('a part of the name picks too; Enter on a filled account keeps it and moves on', async () => {
    const user = userEvent.setup();
    mountPage(<JournalEditor initial={null} />);
    await screen.findByRole('combobox', { name: 'Account, line 1' });
    box('Account, line 1').focus();
    await user.keyboard('charges{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(field('Debit, line 1')));
    expect(box('Account, line 1').value).toBe('6700 Bank charges');

    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(box('Account, line 1'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(field('Debit, line 1')));
    expect(box('Account, line 1').value).toBe('6700 Bank charges');
    // Opening the list and pressing Enter on the highlighted current account keeps it too.
    await user.click(box('Account, line 1'));
    await waitFor(() => expect(box('Account, line 1').getAttribute('aria-expanded')).toBe('true'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(field('Debit, line 1')));
    expect(box('Account, line 1').value).toBe('6700 Bank charges');
  });

  it('the list does not open on arrival, only when asked', async () => {
    const user = userEvent.setup();
    mountPage(<JournalEditor initial={null} />);
    await screen.findByRole('combobox', { name: 'Account, line 1' });
    await user.click(field('Memo'));
    await user.tab();
    expect(document.activeElement).toBe(box('Currency'));
    expect(box('Currency').getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{ArrowDown}');
    expect(box('Currency').getAttribute('aria-expanded')).toBe('true');
  });

  it('one Tab stop per field: date, reference, memo, currency, then the first line', async () => {
    const user = userEvent.setup();
    mountPage(<JournalEditor initial={null} />);
    await screen.findByRole('combobox', { name: 'Account, line 1' });
    await waitFor(() => expect(document.activeElement).toBe(field('Date')));
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      order.push(nameOf(document.activeElement));
    }
    expect(order).toEqual(['Reference', 'Memo', 'Currency', 'Account, line 1']);
  });
});
