// @vitest-environment jsdom
import { MantineProvider, TextInput } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MoneyInput } from '../inputs/MoneyInput';
import { installBrowserStubs } from '../testing/browser-stubs';
import { FormScaffold } from './FormScaffold';

const partySchema = z.object({
  code: z.string().regex(/^[A-Z0-9-]+$/, 'Use capital letters, digits or dashes.'),
  name: z.string().min(1, 'Enter a name.'),
  creditLimit: z.number().int().nonnegative('A credit limit cannot be negative.'),
});

function PartyForm({
  save,
}: {
  save: (v: z.output<typeof partySchema>) => Promise<{ error: unknown } | { data: unknown }>;
}) {
  const [values, setValues] = useState({
    code: 'c-001',
    name: 'Bayside Cafe',
    creditLimit: 500_000 as number | null,
  });
  return (
    <FormScaffold schema={partySchema} values={values} onSubmit={save} submitLabel="Save">
      {(f) => (
        <>
          <TextInput
            label="Code"
            value={values.code}
            onChange={(e) => setValues({ ...values, code: e.currentTarget.value })}
            error={f.error('code')}
          />
          <TextInput
            label="Name"
            value={values.name}
            onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
            error={f.error('name')}
          />
          <MoneyInput
            label="Credit limit"
            currency="USD"
            locale="en-US"
            value={values.creditLimit}
            onChange={(v) => setValues({ ...values, creditLimit: v })}
            error={f.error('creditLimit')}
          />
        </>
      )}
    </FormScaffold>
  );
}

const errorOf = (label: string) => {
  const input = screen.getByLabelText(label);
  const id = input
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((x) => x.endsWith('-error'));
  return id ? document.getElementById(id)?.textContent : undefined;
};

beforeAll(installBrowserStubs);
afterEach(cleanup);

describe('FormScaffold', () => {
  it('shows the schema’s message beside its field and sends nothing until it is fixed', async () => {
    const save = vi.fn(async () => ({ data: { ok: true } }));
    render(
      <MantineProvider>
        <PartyForm save={save} />
      </MantineProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(errorOf('Code')).toBe('Use capital letters, digits or dashes.'));
    expect(save).not.toHaveBeenCalled();
    // The message follows the correction.
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: 'C-001' } });
    await waitFor(() => expect(errorOf('Code')).toBeUndefined());
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(save).toHaveBeenCalledWith({
        code: 'C-001',
        name: 'Bayside Cafe',
        creditLimit: 500_000,
      }),
    );
  });

  it('disables submit while saving, and shows the core’s refusal on its field or as an alert', async () => {
    let answer: (r: { error: unknown }) => void = () => {};
    const save = vi.fn(() => new Promise<{ error: unknown }>((resolve) => (answer = resolve)));
    render(
      <MantineProvider>
        <PartyForm save={save} />
      </MantineProvider>,
    );
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: 'C-001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(
        true,
      ),
    );
    answer({
      error: {
        code: 'conflict',
        message: 'Code C-001 is already used by Bolt Ltd.',
        field: 'code',
      },
    });
    await waitFor(() => expect(errorOf('Code')).toBe('Code C-001 is already used by Bolt Ltd.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(
      false,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    answer({
      error: {
        code: 'network',
        message: 'The server did not answer. Nothing was saved; try again.',
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The server did not answer. Nothing was saved; try again.',
    );
    expect(errorOf('Code')).toBeUndefined();
  });
});

describe('MoneyInput', () => {
  function Money({
    locale,
    currency,
    start,
    seen,
  }: {
    locale: string;
    currency: string;
    start: number;
    seen: (v: number | null) => void;
  }) {
    const [v, setV] = useState<number | null>(start);
    return (
      <MoneyInput
        label="Amount"
        locale={locale}
        currency={currency}
        value={v}
        onChange={(x) => {
          setV(x);
          seen(x);
        }}
      />
    );
  }

  it.each([
    ['en-US', 'USD', '1,234.50', '9876.5', 987_650, '9,876.50'],
    ['de-DE', 'EUR', '1.234,50', '9876,5', 987_650, '9.876,50'],
  ])(
    'in %s shows minor units the locale’s way and reads typing back exactly',
    async (locale, currency, shown, typed, minor, reshown) => {
      const seen = vi.fn();
      render(
        <MantineProvider>
          <Money locale={locale} currency={currency} start={123_450} seen={seen} />
        </MantineProvider>,
      );
      const input = screen.getByLabelText('Amount') as HTMLInputElement;
      expect(input.value).toBe(shown);
      fireEvent.focus(input);
      fireEvent.change(input, { target: { value: typed } });
      expect(seen).toHaveBeenLastCalledWith(minor);
      fireEvent.blur(input);
      expect(input.value).toBe(reshown);
      // A slip stays on screen with a reason; the value reads as "no amount".
      fireEvent.focus(input);
      fireEvent.change(input, { target: { value: '12.345,678' } });
      fireEvent.blur(input);
      expect(seen).toHaveBeenLastCalledWith(null);
      expect(input.value).toBe('12.345,678');
      expect(errorOf('Amount')).toContain(`Not an amount in ${currency}`);
    },
  );
});
