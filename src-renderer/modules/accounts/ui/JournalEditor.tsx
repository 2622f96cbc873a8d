import { Alert, Button, Group, Kbd, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { todayLocal } from '../../../core/dates';
import { errorFields, errorMessage, type FieldErrors } from '../../../ui/form-errors';
import { CURRENCIES } from '../../../ui/options';
import type { JournalEntry } from '../domain/schemas';
import { useAccountsQuery, useLedgerSetupQuery, usePostJournalMutation, useSaveJournalDraftMutation } from './api';
import { inputText, signedAmount } from './format';
import { emptyRow, gridLines, gridTotals, withTrailingBlank, type GridRow } from './journal-grid';
import { useTableRate } from './use-table-rate';
import { DiscardDraftButton } from './DiscardDraftButton';

const COLS = ['account', 'debit', 'credit', 'memo'] as const;

function rowsOf(entry: JournalEntry | null): GridRow[] {
  if (!entry) return [emptyRow(), emptyRow()];
  return withTrailingBlank(
    entry.lines.map((l) => ({ ...emptyRow(), account: l.account, debit: inputText(l.debit, entry.currency), credit: inputText(l.credit, entry.currency), memo: l.memo })),
  );
}

/**
 * Keyboard-first entry: Enter moves to the next cell (and adds a row at the end), the account
 * picker filters as you type, Ctrl+Enter posts, Ctrl+S saves a draft. The difference is shown
 * as you type; the core refuses an unbalanced posting anyway.
 */
export function JournalEditor({ initial }: { initial: JournalEntry | null }) {
  const navigate = useNavigate();
  const { data: setup } = useLedgerSetupQuery();
  const { data: accounts = [] } = useAccountsQuery();
  const [saveDraft, draftState] = useSaveJournalDraftMutation();
  const [post, postState] = usePostJournalMutation();
  const base = setup?.baseCurrency ?? 'USD';
  const [head, setHead] = useState({
    date: initial?.date ?? todayLocal(),
    reference: initial?.reference ?? '',
    memo: initial?.memo ?? '',
    currency: initial?.currency ?? base,
    rate: initial?.rate ?? '1',
  });
  const [rows, setRows] = useState<GridRow[]>(() => rowsOf(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const grid = useRef<HTMLDivElement>(null);

  const options = useMemo(
    () => accounts.filter((a) => !a.isGroup && !a.archived).map((a) => ({ value: a.code, label: `${a.code} ${a.name}` })),
    [accounts],
  );
  const setRate = useCallback((rate: string) => setHead((h) => ({ ...h, rate })), []);
  useTableRate(head.currency, base, head.date, head.rate, setRate);
  const totals = gridTotals(rows, head.currency);
  const currency = head.currency;

  const update = (key: number, patch: Partial<GridRow>) =>
    setRows((rs) =>
      withTrailingBlank(
        rs.map((r) => {
          if (r.key !== key) return r;
          const next = { ...r, ...patch };
          // A line has a debit or a credit: typing one clears the other.
          if (patch.debit && patch.debit.trim()) next.credit = '';
          if (patch.credit && patch.credit.trim()) next.debit = '';
          return next;
        }),
      ),
    );

  const focusCell = (row: number, col: number) => {
    const el = grid.current?.querySelector<HTMLInputElement>(`[data-cell="${row}-${col}"]`);
    el?.focus();
    el?.select?.();
  };
  const moveOn = (row: number, col: number) => {
    if (col < COLS.length - 1) focusCell(row, col + 1);
    else setTimeout(() => focusCell(row + 1, 0), 0);
  };
  const onKey = (row: number, col: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      moveOn(row, col);
    }
  };

  async function submit(kind: 'draft' | 'post') {
    setFailure(null);
    setErrors({});
    const input = { ...(initial ? { id: initial._id } : {}), ...head, lines: gridLines(rows, currency) };
    const res = kind === 'post' ? await post(input) : await saveDraft(input);
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      return;
    }
    if (res.data) navigate(`/accounts/journal/${res.data._id}`, { replace: !!initial });
  }

  useHotkeys(
    [
      ['mod+Enter', () => void submit('post')],
      ['mod+S', () => void submit('draft')],
    ],
    [],
  );

  const busy = draftState.isLoading || postState.isLoading;
  return (
    <Stack gap="sm">
      <Title order={3}>{initial ? `Draft entry` : 'New journal entry'}</Title>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <TextInput type="date" label="Date" value={head.date} onChange={(e) => setHead({ ...head, date: e.currentTarget.value })} error={errors.date} />
        <TextInput label="Reference" value={head.reference} onChange={(e) => setHead({ ...head, reference: e.currentTarget.value })} />
        <TextInput label="Memo" value={head.memo} onChange={(e) => setHead({ ...head, memo: e.currentTarget.value })} />
        <Select label="Currency" data={CURRENCIES} value={head.currency} searchable allowDeselect={false} onChange={(c) => setHead({ ...head, currency: c ?? base, rate: c === base ? '1' : head.rate })} />
        {head.currency !== base && (
          <TextInput label={`Rate (${base} per ${head.currency})`} value={head.rate} onChange={(e) => setHead({ ...head, rate: e.currentTarget.value })} error={errors.rate} />
        )}
      </SimpleGrid>

      <div ref={grid} role="table" aria-label="Journal lines">
        <div role="row" style={gridRow}>
          <Text size="xs" fw={600} role="columnheader">
            Account
          </Text>
          <Text size="xs" fw={600} role="columnheader" ta="right">
            Debit
          </Text>
          <Text size="xs" fw={600} role="columnheader" ta="right">
            Credit
          </Text>
          <Text size="xs" fw={600} role="columnheader">
            Line memo
          </Text>
          <span />
        </div>
        {rows.map((r, i) => (
          <div role="row" key={r.key} style={gridRow} data-testid={`journal-line-${i}`}>
            <Select
              aria-label={`Account, line ${i + 1}`}
              data={options}
              value={r.account || null}
              searchable
              clearable
              placeholder="Type a code or name"
              limit={50}
              onChange={(v) => update(r.key, { account: v ?? '' })}
              onOptionSubmit={() => setTimeout(() => focusCell(i, 1), 0)}
              data-cell={`${i}-0`}
              error={errors[`lines.${i}.account`]}
              size="xs"
            />
            <TextInput
              aria-label={`Debit, line ${i + 1}`}
              value={r.debit}
              onChange={(e) => update(r.key, { debit: e.currentTarget.value })}
              onKeyDown={onKey(i, 1)}
              data-cell={`${i}-1`}
              inputMode="decimal"
              styles={{ input: { textAlign: 'right' } }}
              error={totals.badAmounts.includes(r.key) ? 'Not an amount' : errors[`lines.${i}.debit`]}
              size="xs"
            />
            <TextInput
              aria-label={`Credit, line ${i + 1}`}
              value={r.credit}
              onChange={(e) => update(r.key, { credit: e.currentTarget.value })}
              onKeyDown={onKey(i, 2)}
              data-cell={`${i}-2`}
              inputMode="decimal"
              styles={{ input: { textAlign: 'right' } }}
              size="xs"
            />
            <TextInput aria-label={`Memo, line ${i + 1}`} value={r.memo} onChange={(e) => update(r.key, { memo: e.currentTarget.value })} onKeyDown={onKey(i, 3)} data-cell={`${i}-3`} size="xs" />
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              aria-label={`Remove line ${i + 1}`}
              onClick={() => setRows((rs) => withTrailingBlank(rs.filter((x) => x.key !== r.key)))}
              tabIndex={-1}
            >
              ✕
            </Button>
          </div>
        ))}
        <div role="row" style={gridRow}>
          <Text size="sm" fw={600}>
            Totals
          </Text>
          <Text size="sm" ta="right" fw={600} data-testid="journal-total-debit">
            {signedAmount(totals.debit, currency)}
          </Text>
          <Text size="sm" ta="right" fw={600} data-testid="journal-total-credit">
            {signedAmount(totals.credit, currency)}
          </Text>
          <Text size="sm" c={totals.difference === 0 ? 'teal' : 'red'} data-testid="journal-difference">
            {totals.difference === 0 ? 'Balanced' : `Difference: ${signedAmount(Math.abs(totals.difference), currency)} ${currency} (${totals.difference > 0 ? 'debits' : 'credits'} higher)`}
          </Text>
        </div>
      </div>

      {failure && <Alert color="red">{failure}</Alert>}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          <Kbd>Enter</Kbd> next cell · <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> post · <Kbd>Ctrl</Kbd>+<Kbd>S</Kbd> save draft
        </Text>
        <Group>
          {initial && <DiscardDraftButton id={initial._id} what="draft entry" onDiscarded={() => navigate('/accounts/journal', { replace: true })} />}
          <Button variant="default" onClick={() => submit('draft')} loading={draftState.isLoading} disabled={busy}>
            Save draft
          </Button>
          <Button onClick={() => submit('post')} loading={postState.isLoading} disabled={busy}>
            Post entry
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

const gridRow: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(220px, 2fr) 130px 130px minmax(160px, 2fr) 32px',
  gap: 6,
  alignItems: 'start',
  padding: '3px 0',
};
