import {
  Alert,
  Button,
  Group,
  Kbd,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isIsoDate, todayLocal } from '../../../../core/dates';
import type { FieldErrors } from '../../../../ui/form-errors';
import { showServerError } from '../../../../ui/form/server-error';
import { CURRENCIES } from '../../../../ui/options';
import { DateInput } from '../../../../ui/inputs/DateInput';
import { formatIsoDate } from '../../../../ui/inputs/date-format';
import type { Account, Party, TaxCode, TaxMode, TradeDoc, TradeKind } from '../../domain/schemas';
import type { TradeInput } from '../../rpc-contract';
import { moneyText } from '../format';
import { useSlips } from '../typed-form';
import { useTableRate } from '../use-table-rate';
import { useTradeIssueMutation, useTradeSaveDraftMutation } from './api';
import { addDays } from './trade-head';
import { partiesFor, sideLabels, type TradeSideUi } from './trade-labels';
import {
  gridToLines,
  liveTotals,
  rowsFromLines,
  withTrailingTradeBlank,
  type TradeRow,
} from './trade-lines';
import { TradeLinesGrid } from './TradeLinesGrid';
import { DiscardDraftButton } from '../DiscardDraftButton';

export interface TradeEditorProps {
  side: TradeSideUi;
  kind: TradeKind;
  /** The draft being edited; null for a new document. */
  initial: TradeDoc | null;
  /** For a new credit: the issued invoice or bill it corrects (its party, currency and lines are copied). */
  creditFor: TradeDoc | null;
  parties: Party[];
  accounts: Account[];
  taxCodes: TaxCode[];
  baseCurrency: string;
  defaultAccount: string;
}

/**
 * New documents and drafts. Totals are computed as you type with the core's own rule
 * (documentTotals), so what is shown is what gets issued. Ctrl+Enter issues, Ctrl+S saves a draft.
 */
export function TradeEditor({
  side,
  kind,
  initial,
  creditFor,
  parties,
  accounts,
  taxCodes,
  baseCurrency,
  defaultAccount,
}: TradeEditorProps) {
  const navigate = useNavigate();
  const labels = sideLabels(side);
  const source = initial ?? creditFor;
  const [saveDraft, draftState] = useTradeSaveDraftMutation();
  const [issue, issueState] = useTradeIssueMutation();
  const [head, setHead] = useState({
    partyId: source?.partyId ?? '',
    date: initial?.date ?? todayLocal(),
    dueDate: initial?.dueDate ?? '',
    currency: source?.currency ?? '',
    rate: source?.rate ?? '1',
    taxMode: (source?.taxMode ?? 'exclusive') as TaxMode,
    reference: initial?.reference ?? (creditFor?.number ? `Credit for ${creditFor.number}` : ''),
    memo: initial?.memo ?? '',
  });
  const defaults = { account: defaultAccount, taxCode: '' };
  const [rows, setRows] = useState<TradeRow[]>(() =>
    withTrailingTradeBlank(source ? rowsFromLines(source.lines, source.currency) : [], defaults),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [errorKeys, setErrorKeys] = useState<number[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const slips = useSlips();

  const choices = partiesFor(parties, side);
  const party = parties.find((p) => p._id === head.partyId) ?? null;
  // An empty currency follows the party's (else the company's) until the clerk picks one.
  const currency = head.currency || party?.currency || baseCurrency;
  const foreign = currency !== baseCurrency;
  const codes = useMemo(() => new Map(taxCodes.map((t) => [t.code, t])), [taxCodes]);
  const totals = liveTotals(rows, codes, head.taxMode, currency);
  const accountOptions = useMemo(
    () =>
      accounts
        .filter((a) => !a.isGroup && !a.archived)
        .map((a) => ({ value: a.code, label: `${a.code} ${a.name}` })),
    [accounts],
  );
  const taxOptions = useMemo(
    () =>
      taxCodes
        .filter((t) => !t.archived)
        .map((t) => ({ value: t.code, label: `${t.code} ${t.name} (${t.rateBp / 100} %)` })),
    [taxCodes],
  );
  const set = (patch: Partial<typeof head>) => setHead((h) => ({ ...h, ...patch }));
  const setRate = useCallback((rate: string) => setHead((h) => ({ ...h, rate })), []);
  useTableRate(currency, baseCurrency, head.date, head.rate, setRate);
  const dueFromTerms =
    party && isIsoDate(head.date) ? addDays(head.date, party.paymentTermsDays) : '';
  const isCredit = kind === 'credit';
  const title = `${initial ? 'Draft' : 'New'} ${(isCredit ? labels.credit : labels.invoice).toLowerCase()}`;
  const issueLabel = isCredit ? labels.issueCredit : labels.issueInvoice;

  async function submit(mode: 'draft' | 'issue') {
    setFailure(null);
    const grid = gridToLines(rows, currency);
    const local: FieldErrors = { ...grid.errors };
    if (!head.partyId) local.partyId = `Choose the ${labels.partyKind}.`;
    if (!isIsoDate(head.date)) local.date = 'Enter the document date.';
    if (head.dueDate && !isIsoDate(head.dueDate))
      local.dueDate = 'Enter a due date, or leave it empty.';
    // A due date that does not read is not "empty = from terms": the input says why.
    if (slips.has('dueDate')) local.dueDate = 'Not a date.';
    if (foreign && mode === 'issue' && !/^\d+(\.\d+)?$/.test(head.rate.trim()))
      local.rate = 'Enter the rate.';
    setErrorKeys(grid.keys);
    if (Object.keys(local).length) {
      setErrors(local);
      setFailure(local.lines ?? 'Check the highlighted fields.');
      return;
    }
    const input: TradeInput = {
      ...(initial ? { id: initial._id } : {}),
      side,
      kind,
      partyId: head.partyId,
      date: head.date,
      ...(head.dueDate ? { dueDate: head.dueDate } : {}),
      currency,
      rate: foreign ? head.rate.trim() : '1',
      taxMode: head.taxMode,
      lines: grid.lines,
      memo: head.memo,
      reference: head.reference,
      creditFor: initial?.creditFor ?? creditFor?._id ?? null,
    };
    const res = mode === 'issue' ? await issue(input) : await saveDraft(input);
    if ('error' in res) {
      // As the shared FormScaffold shows it: on the field the core names, else in the alert.
      const shown = showServerError(res.error);
      setErrors(shown.fields);
      setFailure(shown.alert);
      return;
    }
    setErrors({});
    if (res.data) navigate(`${labels.listPath}/${res.data._id}`, { replace: true });
  }

  useHotkeys(
    [
      ['mod+Enter', () => void submit('issue')],
      ['mod+S', () => void submit('draft')],
    ],
    [],
  );

  const busy = draftState.isLoading || issueState.isLoading;
  const creditSource = initial?.creditFor ?? creditFor?._id ?? null;
  return (
    <Stack gap="sm">
      <Title order={3}>{title}</Title>
      {creditSource && (
        <Text size="sm">
          Credit for{' '}
          <Link to={`${labels.listPath}/${creditSource}`}>
            {creditFor?.number ?? 'the original document'}
          </Link>
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Select
          label={labels.party}
          data={choices.map((p) => ({ value: p._id, label: `${p.code} ${p.name}` }))}
          value={head.partyId || null}
          onChange={(v) => set({ partyId: v ?? '', currency: creditSource ? head.currency : '' })}
          searchable
          error={errors.partyId}
          placeholder={`Choose a ${labels.partyKind}`}
          nothingFoundMessage={`No ${labels.partyKind} matches. Add one under Customers and suppliers.`}
          data-autofocus
        />
        <DateInput
          label="Date"
          value={head.date || null}
          onChange={(date, text) => {
            slips.note('date', date, text);
            set({ date: date ?? '' });
          }}
          error={slips.error('date', errors.date)}
        />
        <DateInput
          label="Due date"
          value={head.dueDate || null}
          onChange={(due, text) => {
            slips.note('dueDate', due, text);
            set({ dueDate: due ?? '' });
          }}
          error={slips.error('dueDate', errors.dueDate)}
          description={
            head.dueDate
              ? undefined
              : dueFromTerms
                ? `Empty = from terms: ${formatIsoDate(dueFromTerms)}`
                : 'Empty = from payment terms'
          }
        />
        <TextInput
          label="Reference"
          value={head.reference}
          onChange={(e) => set({ reference: e.currentTarget.value })}
          error={errors.reference}
        />
        <Select
          label="Currency"
          data={CURRENCIES}
          value={currency}
          searchable
          allowDeselect={false}
          onChange={(c) => set({ currency: c ?? '' })}
          error={errors.currency}
        />
        {foreign && (
          <TextInput
            label={`Rate (${baseCurrency} per ${currency})`}
            value={head.rate}
            onChange={(e) => set({ rate: e.currentTarget.value })}
            error={errors.rate}
            inputMode="decimal"
          />
        )}
        <div>
          <Text size="sm" fw={500} mb={2} id="trade-tax-mode">
            Tax mode
          </Text>
          <SegmentedControl
            aria-labelledby="trade-tax-mode"
            value={head.taxMode}
            onChange={(v) => set({ taxMode: v as TaxMode })}
            data={[
              { value: 'exclusive', label: 'Tax exclusive' },
              { value: 'inclusive', label: 'Tax inclusive' },
            ]}
          />
        </div>
        <TextInput
          label="Memo"
          value={head.memo}
          onChange={(e) => set({ memo: e.currentTarget.value })}
          error={errors.memo}
        />
      </SimpleGrid>

      <TradeLinesGrid
        rows={rows}
        onChange={setRows}
        currency={currency}
        taxMode={head.taxMode}
        taxCodes={codes}
        accountOptions={accountOptions}
        taxOptions={taxOptions}
        defaults={defaults}
        errors={errors}
        errorKeys={errorKeys}
      />

      <Group justify="flex-end" gap="xl" aria-label="Totals" role="group">
        <Total label="Net" testId="trade-net" value={moneyText(totals.net, currency)} />
        <Total label="Tax" testId="trade-tax" value={moneyText(totals.tax, currency)} />
        <Total
          label="Total"
          testId="trade-total"
          value={moneyText(totals.gross, currency)}
          strong
        />
      </Group>
      {totals.problem && (
        <Text size="sm" c="orange">
          {totals.problem}
        </Text>
      )}

      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          <Kbd>Enter</Kbd> next cell · <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> {issueLabel.toLowerCase()} ·{' '}
          <Kbd>Ctrl</Kbd>+<Kbd>S</Kbd> save draft
        </Text>
        <Group>
          {initial && (
            <DiscardDraftButton
              id={initial._id}
              what="draft"
              onDiscarded={() => navigate(labels.listPath, { replace: true })}
            />
          )}
          <Button variant="default" onClick={() => navigate(labels.listPath)} disabled={busy}>
            Cancel
          </Button>
          <Button
            variant="default"
            onClick={() => submit('draft')}
            loading={draftState.isLoading}
            disabled={busy}
          >
            Save draft
          </Button>
          <Button onClick={() => submit('issue')} loading={issueState.isLoading} disabled={busy}>
            {issueLabel}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function Total({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: string;
  testId: string;
  strong?: boolean;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed" ta="right">
        {label}
      </Text>
      <Text
        size={strong ? 'lg' : 'sm'}
        fw={strong ? 700 : 500}
        ta="right"
        data-testid={testId}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
    </div>
  );
}
