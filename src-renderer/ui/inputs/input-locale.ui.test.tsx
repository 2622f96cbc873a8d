// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installBrowserStubs } from '../testing/browser-stubs';
import { DateInput } from './DateInput';
import { InputLocale } from './input-locale';
import { MoneyInput } from './MoneyInput';

beforeAll(installBrowserStubs);
afterEach(cleanup);

describe('inputs inside an InputLocale', () => {
  it('show and read the provider’s locale, and tell the form what was typed', () => {
    const money = vi.fn();
    const date = vi.fn();
    render(
      <MantineProvider>
        <InputLocale.Provider value="de-DE">
          <MoneyInput label="Amount" currency="EUR" value={123_450} onChange={money} />
          <DateInput label="Date" value="2026-03-31" onChange={date} />
        </InputLocale.Provider>
      </MantineProvider>,
    );
    const amount = screen.getByLabelText('Amount') as HTMLInputElement;
    expect(amount.value).toBe('1.234,50');
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe('31.03.2026');
    fireEvent.change(amount, { target: { value: '9.876,5' } });
    expect(money).toHaveBeenLastCalledWith(987_650, '9.876,5');
    // A slip and an empty field both read as null; the text tells them apart.
    fireEvent.change(amount, { target: { value: '12,345' } });
    expect(money).toHaveBeenLastCalledWith(null, '12,345');
    fireEvent.change(amount, { target: { value: '' } });
    expect(money).toHaveBeenLastCalledWith(null, '');
  });
});
