import {
  Alert,
  Button,
  Group,
  Kbd,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { todayLocal } from '../../../core/dates';
import type { FieldErrors } from '../../../ui/form-errors';
import { showServerError } from '../../../ui/form/server-error';
import { CURRENCIES } from '../../../ui/options';
import type { JournalEntry } from '../domain/schemas';
import {
  useAccountsQuery,
  useLedgerSetupQuery,
  usePostJournalMutation,
  useSaveJournalDraftMutation,
} from './api';
import { inputText, signedAmount } from './format';
import { emptyRow, gridLines, gridTotals, withTrailingBlank, type GridRow } from './journal-grid';
import { useSlips } from './typed-form';
import { useTableRate } from './use-table-rate';
import { DiscardDraftButton } from './DiscardDraftButton';
import { DataGrid } from '../../../ui/grid/DataGrid';
import { DateInput } from '../../../ui/inputs/DateInput';
import { RecordPicker } from '../../../ui/inputs/RecordPicker';
import { journalColumns } from './journal-columns';

function rowsOf(entry: JournalEntry | null): GridRow[] {
  if (!entry) return [emptyRow(), emptyRow()];
  return withTrailingBlank(
    entry.lines.map((l) => ({
      ...emptyRow(),
      account: l.account,
      debit: inputText(l.debit, entry.currency),
      credit: inputText(l.credit, entry.currency),
      memo: l.memo,
    })),
  );
}

/**
 * Keyboard-first entry on the shared DataGrid: arrows move, typing edits, Enter keeps the text
 * and moves to the next cell (a blank row always waits at the end), Escape undoes the cell; the
 * account picker filters as you type, Ctrl+Enter posts, Ctrl+S saves a draft. The difference is shown
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
  const slips = useSlips();

  const options = useMemo(
    () =>
      accounts
        .filter((a) => !a.isGroup && !a.archived)
        .map((a) => ({ value: a.code, label: `${a.code} ${a.name}` })),
    [accounts],
  );
  const setRate = useCallback((rate: string) => setHead((h) => ({ ...h, rate })), []);
  useTableRate(head.currency, base, head.date, head.rate, setRate);
  const totals = gridTotals(rows, head.currency);
  // Zero against zero is not "Balanced": nothing has been entered yet.
  const empty = totals.debit === 0 && totals.credit === 0;
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

  const columns = journalColumns({
    options,
    update,
    remove: (key) => setRows((rs) => withTrailingBlank(rs.filter((x) => x.key !== key))),
    errors,
    badAmounts: totals.badAmounts,
  });

  async function submit(kind: 'draft' | 'post') {
    setFailure(null);
    setErrors({});
    // The date input says why beside itself; sending it would only bring the core's refusal.
    if (slips.has('date')) {
      setFailure('The date does not read. Correct it, then save again.');
      return;
    }
    const input = {
      ...(initial ? { id: initial._id } : {}),
      ...head,
      lines: gridLines(rows, currency),
    };
    const res = kind === 'post' ? await post(input) : await saveDraft(input);
    if ('error' in res) {
      // As the shared FormScaffold shows it: on the field the core names, else in the alert.
      const shown = showServerError(res.error);
      setErrors(shown.fields);
      setFailure(shown.alert);
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
        <DateInput
          label="Date"
          // A new entry starts where a clerk starts: the date.
          autoFocus
          value={head.date || null}
          onChange={(date, text) => {
            slips.note('date', date, text);
            setHead({ ...head, date: date ?? '' });
          }}
          error={slips.error('date', errors.date)}
        />
        <TextInput
          label="Reference"
          value={head.reference}
          onChange={(e) => setHead({ ...head, reference: e.currentTarget.value })}
        />
        <TextInput
          label="Memo"
          value={head.memo}
          onChange={(e) => setHead({ ...head, memo: e.currentTarget.value })}
        />
        <RecordPicker
          label="Currency"
          data={CURRENCIES}
          value={head.currency}
          onChange={(c) =>
            setHead({ ...head, currency: c ?? base, rate: c === base ? '1' : head.rate })
          }
        />
        {head.currency !== base && (
          <TextInput
            label={`Rate (${base} per ${head.currency})`}
            value={head.rate}
            onChange={(e) => setHead({ ...head, rate: e.currentTarget.value })}
            error={errors.rate}
          />
        )}
      </SimpleGrid>

      <DataGrid
        label="Journal lines"
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.key)}
        rowTestId={(_r, i) => `journal-line-${i}`}
        restoreRow={(_i, row) =>
          setRows((rs) => withTrailingBlank(rs.map((r) => (r.key === row.key ? row : r))))
        }
        footer={[
          <Text key="t" size="sm" fw={600}>
            Totals
          </Text>,
          <Text key="d" size="sm" ta="right" fw={600} data-testid="journal-total-debit">
            {signedAmount(totals.debit, currency)}
          </Text>,
          <Text key="c" size="sm" ta="right" fw={600} data-testid="journal-total-credit">
            {signedAmount(totals.credit, currency)}
          </Text>,
          <Text
            key="x"
            size="sm"
            c={empty ? 'dimmed' : totals.difference === 0 ? 'teal' : 'red'}
            data-testid="journal-difference"
          >
            {empty
              ? 'No amounts yet'
              : totals.difference === 0
                ? 'Balanced'
                : `Difference: ${signedAmount(Math.abs(totals.difference), currency)} (${totals.difference > 0 ? 'debits' : 'credits'} higher)`}
          </Text>,
          null,
        ]}
      />

      {failure && <Alert color="red">{failure}</Alert>}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          <Kbd>Enter</Kbd> next cell · <Kbd>Esc</Kbd> undo cell · arrows move · <Kbd>Ctrl</Kbd>+
          <Kbd>Enter</Kbd> post · <Kbd>Ctrl</Kbd>+<Kbd>S</Kbd> save draft
        </Text>
        <Group>
          {initial && (
            <DiscardDraftButton
              id={initial._id}
              what="draft entry"
              onDiscarded={() => navigate('/accounts/journal', { replace: true })}
            />
          )}
          <Button
            variant="default"
            onClick={() => submit('draft')}
            loading={draftState.isLoading}
            disabled={busy}
          >
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
