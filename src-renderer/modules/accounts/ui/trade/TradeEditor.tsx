import { Alert, Button, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isIsoDate } from '../../../../core/dates';
import type { FieldErrors } from '../../../../ui/form-errors';
import { showServerError } from '../../../../ui/form/server-error';
import type { Account, Party, TaxCode, TradeDoc, TradeKind } from '../../domain/schemas';
import { useSlips } from '../typed-form';
import { useTableRate } from '../use-table-rate';
import { useTradeIssueMutation, useTradeSaveDraftMutation } from './api';
import { addDays, headErrors, initialHead, toTradeInput, type TradeHead } from './trade-head';
import { partiesFor, sideLabels, type TradeSideUi } from './trade-labels';
import {
  gridToLines,
  liveTotals,
  rowsFromLines,
  withTrailingTradeBlank,
  type TradeRow,
} from './trade-lines';
import { TradeHeadFields } from './TradeHeadFields';
import { TradeLinesGrid } from './TradeLinesGrid';
import { TradeTotals } from './TradeTotals';
import { DiscardDraftButton } from '../DiscardDraftButton';
import { announce, tradeIssuedText } from './announce';

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
  const [saveDraft, draftState] = useTradeSaveDraftMutation();
  const [issue, issueState] = useTradeIssueMutation();
  const [head, setHead] = useState(() => initialHead(initial, creditFor));
  const defaults = { account: defaultAccount, taxCode: '' };
  const [rows, setRows] = useState<TradeRow[]>(() => {
    const source = initial ?? creditFor;
    return withTrailingTradeBlank(
      source ? rowsFromLines(source.lines, source.currency) : [],
      defaults,
    );
  });
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
  const set = (patch: Partial<TradeHead>) => setHead((h) => ({ ...h, ...patch }));
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
    const local: FieldErrors = {
      ...grid.errors,
      ...headErrors(head, {
        partyKind: labels.partyKind,
        foreign,
        mode,
        dueDateSlipped: slips.has('dueDate'),
      }),
    };
    setErrorKeys(grid.keys);
    if (Object.keys(local).length) {
      setErrors(local);
      setFailure(local.lines ?? 'Check the highlighted fields.');
      return;
    }
    const input = toTradeInput({
      side,
      kind,
      head,
      currency,
      foreign,
      lines: grid.lines,
      initial,
      creditFor,
    });
    const res = mode === 'issue' ? await issue(input) : await saveDraft(input);
    if ('error' in res) {
      // As the shared FormScaffold shows it: on the field the core names, else in the alert.
      const shown = showServerError(res.error);
      setErrors(shown.fields);
      setFailure(shown.alert);
      return;
    }
    setErrors({});
    if (res.data && mode === 'issue') announce(tradeIssuedText(res.data, party?.name ?? ''));
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
      <TradeHeadFields
        head={head}
        set={set}
        errors={errors}
        slips={slips}
        labels={labels}
        choices={choices}
        currency={currency}
        baseCurrency={baseCurrency}
        foreign={foreign}
        dueFromTerms={dueFromTerms}
        creditSource={creditSource}
      />

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

      <TradeTotals totals={totals} currency={currency} />

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
