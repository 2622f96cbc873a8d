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

  it('a date that does not read asks for the format the field shows, ahead of the form’s own message', () => {
    function Dates({ locale }: { locale: string }) {
      return (
        <MantineProvider>
          <InputLocale.Provider value={locale}>
            <DateInput label="Due date" value={null} onChange={() => {}} error="Enter a date." />
          </InputLocale.Provider>
        </MantineProvider>
      );
    }
    for (const [locale, placeholder, hint] of [
      ['en-US', 'MM/DD/YYYY', 'Use the format MM/DD/YYYY, e.g. 12/31/2026'],
      ['de-DE', 'DD.MM.YYYY', 'Use the format DD.MM.YYYY, e.g. 31.12.2026'],
    ] as const) {
      render(<Dates locale={locale} />);
      const due = screen.getByLabelText('Due date') as HTMLInputElement;
      expect(due.placeholder).toBe(placeholder);
      fireEvent.change(due, { target: { value: '30/02/2026' } });
      expect(screen.getByText(`Not a date. ${hint}`)).toBeTruthy();
      cleanup();
    }
  });
});
