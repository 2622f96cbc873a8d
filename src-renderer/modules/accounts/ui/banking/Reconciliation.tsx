import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { formatDate } from '../../../../core/format';
import { useState } from 'react';
import { errorMessage } from '../../../../ui/form-errors';
import type { BankLineView } from '../../banking-contract';
import type { Account } from '../../domain/schemas';
import { moneyText } from '../format';
import {
  useBankingMatchMutation,
  useBankingReconciliationQuery,
  useBankingUnmatchMutation,
} from './api';
import { BookLabel } from './BookLabel';
import { CreateEntryDialog } from './CreateEntryDialog';
import { MatchedList } from './MatchedList';
import { selectionState } from './selection';
import { SummaryBar } from './SummaryBar';

/**
 * Pairs each unmatched statement line with the entries in the books it stands for: one click
 * for a suggestion, or tick both sides until they add up. Lines the books lack get an entry.
 */
export function Reconciliation({ account, accounts }: { account: string; accounts: Account[] }) {
  const { data: view, error, isLoading } = useBankingReconciliationQuery({ account });
  const [match, matchState] = useBankingMatchMutation();
  const [unmatch, unmatchState] = useBankingUnmatchMutation();
  const [bankTicks, setBankTicks] = useState<Set<string>>(new Set());
  const [bookTicks, setBookTicks] = useState<Set<string>>(new Set());
  const [entryFor, setEntryFor] = useState<BankLineView | null>(null);

  if (isLoading) return <Text c="dimmed">Loading the reconciliation…</Text>;
  if (error || !view) return <Alert color="red">{errorMessage(error)}</Alert>;

  const currency = view.account.currency;
  const unmatchedBank = view.statementLines.filter((l) => l.matchId === null);
  const bookById = new Map(view.unmatchedBook.map((l) => [l.id, l]));
  const bestFor = new Map(view.suggestions.map((s) => [s.statementLine, s.suggestions[0]]));
  // Ticks of lines that have since been matched elsewhere no longer count.
  const bankSel = unmatchedBank.filter((l) => bankTicks.has(l.id));
  const bookSel = view.unmatchedBook.filter((l) => bookTicks.has(l.id));
  const sel = selectionState(
    bankSel.map((l) => l.amount),
    bookSel.map((l) => l.amount),
  );
  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const mutationError = matchState.error ?? unmatchState.error;

  async function doMatch(statementLines: string[], ledgerLines: string[]) {
    const res = await match({ account, statementLines, ledgerLines });
    if ('data' in res) {
      setBankTicks(new Set());
      setBookTicks(new Set());
    }
  }

  return (
    <Stack gap="sm">
      <Title order={4}>
        Reconcile {view.account.code} {view.account.name}
      </Title>
      <SummaryBar view={view} />
      {mutationError && <Alert color="red">{errorMessage(mutationError)}</Alert>}
      <Paper withBorder p="xs">
        <Group justify="space-between">
          <Text size="sm" aria-live="polite">
            Bank {moneyText(sel.bankTotal, currency)} · Books {moneyText(sel.bookTotal, currency)} ·
            Difference{' '}
            <Text
              span
              fw={600}
              c={sel.difference === 0 ? 'teal' : 'red'}
              data-testid="bank-selection-difference"
            >
              {moneyText(sel.difference, currency)}
            </Text>
            {sel.hint && (bankSel.length > 0 || bookSel.length > 0) ? ` — ${sel.hint}` : ''}
          </Text>
          <Button
            size="xs"
            disabled={!sel.canMatch}
            loading={matchState.isLoading}
            onClick={() =>
              doMatch(
                bankSel.map((l) => l.id),
                bookSel.map((l) => l.id),
              )
            }
          >
            Match selected
          </Button>
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text fw={600}>Statement lines</Text>
          {view.statementLines.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="bank-no-statement">
              No bank statement imported for this account yet. Import the bank's file to start
              matching.
            </Text>
          ) : (
            unmatchedBank.length === 0 && (
              <Text size="sm" c="dimmed">
                Every statement line is matched.
              </Text>
            )
          )}
          {unmatchedBank.map((l) => {
            const best = bestFor.get(l.id);
            const label = `${formatDate(l.date)} ${l.description || l.counterparty} ${moneyText(l.amount, currency)}`;
            return (
              <Paper key={l.id} withBorder p="xs" data-testid={`bank-line-${l.id}`}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Checkbox
                    aria-label={`Select bank line ${label}`}
                    checked={bankTicks.has(l.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setBankTicks((s) => toggle(s, l.id, on));
                    }}
                    label={
                      <span>
                        {formatDate(l.date)} · {l.description || l.counterparty || '—'}
                        {l.reference ? ` · ${l.reference}` : ''}
                      </span>
                    }
                  />
                  <Text
                    size="sm"
                    fw={600}
                    c={l.amount < 0 ? 'red' : undefined}
                    style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                  >
                    {moneyText(l.amount, currency)}
                  </Text>
                </Group>
                <Group gap="xs" mt={4} justify="space-between">
                  {best ? (
                    <Text size="xs" c="dimmed">
                      Suggested:{' '}
                      {best.ledgerLines
                        .map((id) => bookById.get(id)?.number || bookById.get(id)?.memo || id)
                        .join(' + ')}{' '}
                      — {best.reason}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Nothing in the books matches yet.
                    </Text>
                  )}
                  <Group gap={4}>
                    {best && (
                      <Button
                        size="compact-xs"
                        aria-label={`Match ${label} with the suggestion`}
                        onClick={() => doMatch([l.id], best.ledgerLines)}
                        loading={matchState.isLoading}
                      >
                        Match
                      </Button>
                    )}
                    <Button
                      size="compact-xs"
                      variant="default"
                      aria-label={`Create entry for ${label}`}
                      onClick={() => setEntryFor(l)}
                    >
                      Create entry…
                    </Button>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>In the books</Text>
          {view.unmatchedBook.length === 0 && (
            <Text size="sm" c="dimmed">
              Nothing in the books is waiting to be matched.
            </Text>
          )}
          {view.unmatchedBook.map((l) => (
            <Paper key={l.id} withBorder p="xs" data-testid={`book-line-${l.id}`}>
              <Group justify="space-between" wrap="nowrap">
                <Checkbox
                  aria-label={`Select book entry ${formatDate(l.date)} ${l.number} ${moneyText(l.amount, currency)}`}
                  checked={bookTicks.has(l.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setBookTicks((s) => toggle(s, l.id, on));
                  }}
                  label={<BookLabel line={l} />}
                />
                <Text
                  size="sm"
                  fw={600}
                  c={l.amount < 0 ? 'red' : undefined}
                  style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                >
                  {moneyText(l.amount, currency)}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      </SimpleGrid>
      <MatchedList
        view={view}
        busy={unmatchState.isLoading}
        onUnmatch={(matchId) => unmatch({ matchId })}
      />
      {entryFor && (
        <CreateEntryDialog
          account={account}
          currency={currency}
          line={entryFor}
          accounts={accounts}
          onClose={() => setEntryFor(null)}
        />
      )}
    </Stack>
  );
}
