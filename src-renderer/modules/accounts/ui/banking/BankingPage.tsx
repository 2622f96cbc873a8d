import { Alert, Badge, Button, Checkbox, Group, List, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { usePlatform } from '../../../../app/platform-context';
import { errorMessage } from '../../../../ui/form-errors';
import type { BankLineView, BookLineView, CsvMapping, ImportStatementResult, ReconciliationView } from '../../banking-contract';
import { cell, readCsv, normalizeHeader } from '../../domain/io/csv';
import type { Account } from '../../domain/schemas';
import { moneyText } from '../format';
import {
  useBankingAccountsQuery,
  useBankingCreateEntryMutation,
  useBankingImportMutation,
  useBankingMatchMutation,
  useBankingReconciliationQuery,
  useBankingStatementsQuery,
  useBankingUnmatchMutation,
} from './api';
import { DATE_FORMAT_OPTIONS, decodeStatement, initialMapping, selectionState } from './selection';

const STATEMENT_FILES = [{ name: 'Bank statement (OFX, QFX, CAMT.053, CSV)', extensions: ['ofx', 'qfx', 'xml', 'csv', 'txt'] }];

/**
 * Bank reconciliation: import what the bank says, then pair each bank line with the entries in
 * the books it stands for. Lines the books lack (fees, interest) get an entry posted from here.
 */
export function BankingPage() {
  const { data: accounts = [] } = useBankingAccountsQuery();
  const banks = useMemo(() => accounts.filter((a) => !a.isGroup && !a.archived && (a.subtype === 'bank' || a.subtype === 'cash')), [accounts]);
  const [chosen, setChosen] = useState<string | null>(null);
  const account = chosen ?? banks[0]?.code ?? null;

  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <Select
          label="Bank or cash account"
          data={banks.map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
          value={account}
          onChange={setChosen}
          allowDeselect={false}
          nothingFoundMessage="No bank or cash accounts"
          w={320}
        />
        {account && <ImportButton account={account} />}
      </Group>
      {banks.length === 0 && accounts.length > 0 && <Alert color="yellow">There is no bank or cash account in the chart of accounts yet. Add one under Chart of accounts first.</Alert>}
      {account && <Statements account={account} />}
      {account && <Reconciliation key={account} account={account} accounts={accounts} />}
    </Stack>
  );
}

// ── Import ───────────────────────────────────────────────────────────────────

function ImportButton({ account }: { account: string }) {
  const platform = usePlatform();
  const [importStatement, { isLoading, error }] = useBankingImportMutation();
  const [outcome, setOutcome] = useState<{ fileName: string; result: ImportStatementResult } | null>(null);
  const [pending, setPending] = useState<{ fileName: string; text: string; note: string | null; result: Extract<ImportStatementResult, { kind: 'needs-mapping' }> } | null>(null);

  /** `note`: how the file's bytes were read when they were not UTF-8, shown with the outcome. */
  async function send(fileName: string, text: string, note: string | null, mapping?: CsvMapping) {
    const res = await importStatement({ account, fileName, text, ...(mapping ? { mapping } : {}) });
    if (!('data' in res) || !res.data) return;
    if (res.data.kind === 'needs-mapping') {
      setPending({ fileName, text, note, result: res.data });
      return;
    }
    setPending(null);
    const result = note && res.data.kind === 'imported' ? { ...res.data, warnings: [{ line: 1, message: note }, ...res.data.warnings] } : res.data;
    setOutcome({ fileName, result });
  }

  async function pick() {
    setOutcome(null);
    const file = await platform.files.openFile(STATEMENT_FILES);
    if (!file) return;
    const decoded = decodeStatement(file.data);
    if (!decoded.ok) {
      setOutcome({ fileName: file.name, result: { kind: 'refused', problems: [{ line: decoded.line, message: decoded.message }] } });
      return;
    }
    await send(file.name, decoded.text, decoded.note);
  }

  return (
    <Stack gap={4} align="flex-end">
      <Button onClick={pick} loading={isLoading && !pending}>
        Import statement…
      </Button>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {outcome && <ImportOutcome fileName={outcome.fileName} result={outcome.result} onClose={() => setOutcome(null)} />}
      {pending && (
        <MappingDialog
          fileName={pending.fileName}
          text={pending.text}
          header={pending.result.header}
          guess={pending.result.guess}
          problems={pending.result.problems}
          busy={isLoading}
          onCancel={() => setPending(null)}
          onConfirm={(mapping) => send(pending.fileName, pending.text, pending.note, mapping)}
        />
      )}
    </Stack>
  );
}

function ImportOutcome({ fileName, result, onClose }: { fileName: string; result: ImportStatementResult; onClose: () => void }) {
  if (result.kind === 'refused') {
    return (
      <Alert color="red" title={`${fileName} was not imported`} withCloseButton onClose={onClose} closeButtonLabel="Dismiss">
        <Text size="sm">Nothing was saved. Fix these lines in the file, or export it from the bank again:</Text>
        <List size="sm">
          {result.problems.slice(0, 50).map((p, i) => (
            <List.Item key={i}>
              Line {p.line}
              {p.column ? ` (${p.column})` : ''}: {p.message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  if (result.kind !== 'imported') return null;
  const text =
    result.imported === 0
      ? `Every line of ${fileName} had been imported before; nothing new was added.`
      : `Imported ${result.imported} line${result.imported === 1 ? '' : 's'} from ${fileName}.${result.skipped ? ` ${result.skipped} line${result.skipped === 1 ? ' was' : 's were'} already imported and skipped.` : ''}`;
  return (
    <Alert color={result.imported === 0 ? 'yellow' : 'teal'} withCloseButton onClose={onClose} closeButtonLabel="Dismiss">
      {text}
      {result.warnings.length > 0 && (
        <List size="sm">
          {result.warnings.map((w, i) => (
            <List.Item key={i}>
              Line {w.line}: {w.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

type AmountMode = 'one' | 'two';

function MappingDialog(props: {
  fileName: string;
  text: string;
  header: string[];
  guess: Partial<CsvMapping>;
  problems: { line: number; message: string }[];
  busy: boolean;
  onCancel: () => void;
  onConfirm: (mapping: CsvMapping) => void;
}) {
  const { header, text } = props;
  const samples = useMemo(() => {
    const rows = readCsv(text).rows.slice(1, 21);
    const col = (name: string | undefined) => {
      const i = name ? props.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(name)) : -1;
      return i < 0 ? [] : rows.map((r) => cell(r, i));
    };
    return { dates: col(props.guess.date), amounts: [...col(props.guess.amount), ...col(props.guess.debit), ...col(props.guess.credit)] };
  }, [text, props.header, props.guess]);
  const [m, setM] = useState<CsvMapping>(() => initialMapping(props.guess, samples.dates, samples.amounts));
  const [mode, setMode] = useState<AmountMode>(props.guess.debit && props.guess.credit ? 'two' : 'one');
  const columns = header.filter((h) => h !== '').map((h) => ({ value: h, label: h }));
  const set = (patch: Partial<CsvMapping>) => setM((x) => ({ ...x, ...patch }));
  const optional = (key: 'reference' | 'counterparty' | 'balance', label: string) => (
    <Select label={label} data={columns} value={m[key] ?? null} onChange={(v) => set({ [key]: v ?? undefined })} clearable placeholder="Not in this file" />
  );
  const missing = !m.date || !m.description || (mode === 'one' ? !m.amount : !m.debit || !m.credit);

  function confirm() {
    const mapping: CsvMapping = mode === 'one' ? { ...m, debit: undefined, credit: undefined } : { ...m, amount: undefined };
    props.onConfirm(Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined && v !== '')) as CsvMapping);
  }

  return (
    <Modal opened onClose={props.onCancel} title={`Columns of ${props.fileName}`} size="lg">
      <Stack gap="sm">
        <Text size="sm">Tell Outpost which column holds what. It is remembered for this account, so the next statement from this bank imports straight away.</Text>
        {props.problems.length > 0 && (
          <Alert color="yellow" title="The remembered columns no longer fit this file">
            {props.problems[0]!.message}
          </Alert>
        )}
        <SimpleGrid cols={2}>
          <Select label="Date" data={columns} value={m.date || null} onChange={(v) => set({ date: v ?? '' })} allowDeselect={false} />
          <Select label="Date format" data={DATE_FORMAT_OPTIONS} value={m.dateFormat} onChange={(v) => v && set({ dateFormat: v as CsvMapping['dateFormat'] })} allowDeselect={false} />
          <Select label="Description" data={columns} value={m.description || null} onChange={(v) => set({ description: v ?? '' })} allowDeselect={false} />
          <Select
            label="Decimal separator"
            data={[
              { value: '.', label: 'Point (1,234.56)' },
              { value: ',', label: 'Comma (1.234,56)' },
            ]}
            value={m.decimalSeparator}
            onChange={(v) => v && set({ decimalSeparator: v as '.' | ',' })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} id="amount-mode-label">
            Amounts
          </Text>
          <SegmentedControl
            aria-labelledby="amount-mode-label"
            value={mode}
            onChange={(v) => setMode(v as AmountMode)}
            data={[
              { value: 'one', label: 'One amount column (minus = money out)' },
              { value: 'two', label: 'Separate money out / money in' },
            ]}
          />
        </div>
        <SimpleGrid cols={2}>
          {mode === 'one' ? (
            <Select label="Amount" data={columns} value={m.amount ?? null} onChange={(v) => set({ amount: v ?? undefined })} allowDeselect={false} />
          ) : (
            <>
              <Select label="Money out (debit)" data={columns} value={m.debit ?? null} onChange={(v) => set({ debit: v ?? undefined })} allowDeselect={false} />
              <Select label="Money in (credit)" data={columns} value={m.credit ?? null} onChange={(v) => set({ credit: v ?? undefined })} allowDeselect={false} />
            </>
          )}
          {optional('reference', 'Reference')}
          {optional('counterparty', 'Payer or payee')}
          {optional('balance', 'Balance')}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={missing} loading={props.busy}>
            Import with these columns
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// ── Statements ───────────────────────────────────────────────────────────────

function Statements({ account }: { account: string }) {
  const { data: statements = [] } = useBankingStatementsQuery({ account });
  if (statements.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No statements imported for this account yet. Press “Import statement…” and choose the OFX, CAMT.053 or CSV file your bank lets you download.
      </Text>
    );
  }
  return (
    <Table withTableBorder aria-label="Imported statements" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Statement date</Table.Th>
          <Table.Th>File</Table.Th>
          <Table.Th>Period</Table.Th>
          <Table.Th ta="right">Lines</Table.Th>
          <Table.Th ta="right">Closing balance</Table.Th>
          <Table.Th>Imported by</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {statements.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{s.statementDate}</Table.Td>
            <Table.Td>
              {s.fileName || '—'} <Badge size="xs" variant="light">{s.format.toUpperCase()}</Badge>
            </Table.Td>
            <Table.Td>
              {s.from} – {s.to}
            </Table.Td>
            <Table.Td ta="right">{s.lines}</Table.Td>
            <Table.Td ta="right">{s.closingBalance === null ? '—' : moneyText(s.closingBalance, s.currency)}</Table.Td>
            <Table.Td>{s.createdBy}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

// ── Reconciliation ───────────────────────────────────────────────────────────

function Reconciliation({ account, accounts }: { account: string; accounts: Account[] }) {
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
      <Title order={4}>Reconcile {view.account.code} {view.account.name}</Title>
      <SummaryBar view={view} />
      {mutationError && <Alert color="red">{errorMessage(mutationError)}</Alert>}
      <Paper withBorder p="xs">
        <Group justify="space-between">
          <Text size="sm" aria-live="polite">
            Bank {moneyText(sel.bankTotal, currency)} · Books {moneyText(sel.bookTotal, currency)} · Difference{' '}
            <Text span fw={600} c={sel.difference === 0 ? 'teal' : 'red'} data-testid="bank-selection-difference">
              {moneyText(sel.difference, currency)}
            </Text>
            {sel.hint && (bankSel.length > 0 || bookSel.length > 0) ? ` — ${sel.hint}` : ''}
          </Text>
          <Button size="xs" disabled={!sel.canMatch} loading={matchState.isLoading} onClick={() => doMatch(bankSel.map((l) => l.id), bookSel.map((l) => l.id))}>
            Match selected
          </Button>
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text fw={600}>Statement lines</Text>
          {unmatchedBank.length === 0 && (
            <Text size="sm" c="dimmed">
              Every statement line is matched.
            </Text>
          )}
          {unmatchedBank.map((l) => {
            const best = bestFor.get(l.id);
            const label = `${l.date} ${l.description || l.counterparty} ${moneyText(l.amount, currency)}`;
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
                        {l.date} · {l.description || l.counterparty || '—'}
                        {l.reference ? ` · ${l.reference}` : ''}
                      </span>
                    }
                  />
                  <Text size="sm" fw={600} c={l.amount < 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {moneyText(l.amount, currency)}
                  </Text>
                </Group>
                <Group gap="xs" mt={4} justify="space-between">
                  {best ? (
                    <Text size="xs" c="dimmed">
                      Suggested: {best.ledgerLines.map((id) => bookById.get(id)?.number || bookById.get(id)?.memo || id).join(' + ')} — {best.reason}
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Nothing in the books matches yet.
                    </Text>
                  )}
                  <Group gap={4}>
                    {best && (
                      <Button size="compact-xs" aria-label={`Match ${label} with the suggestion`} onClick={() => doMatch([l.id], best.ledgerLines)} loading={matchState.isLoading}>
                        Match
                      </Button>
                    )}
                    <Button size="compact-xs" variant="default" aria-label={`Create entry for ${label}`} onClick={() => setEntryFor(l)}>
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
                  aria-label={`Select book entry ${l.date} ${l.number} ${moneyText(l.amount, currency)}`}
                  checked={bookTicks.has(l.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setBookTicks((s) => toggle(s, l.id, on));
                  }}
                  label={<BookLabel line={l} />}
                />
                <Text size="sm" fw={600} c={l.amount < 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {moneyText(l.amount, currency)}
                </Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      </SimpleGrid>
      <MatchedList view={view} busy={unmatchState.isLoading} onUnmatch={(matchId) => unmatch({ matchId })} />
      {entryFor && <CreateEntryDialog account={account} currency={currency} line={entryFor} accounts={accounts} onClose={() => setEntryFor(null)} />}
    </Stack>
  );
}

function BookLabel({ line }: { line: BookLineView }) {
  return (
    <span>
      {line.date} · {line.number || 'Entry'}
      {line.memo ? ` · ${line.memo}` : ''}
      {line.reference ? ` · ${line.reference}` : ''}
    </span>
  );
}

function SummaryBar({ view }: { view: ReconciliationView }) {
  const c = view.account.currency;
  const s = view.summary;
  const stat = (label: string, value: string, testId: string, color?: string) => (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed" id={`${testId}-label`}>
        {label}
      </Text>
      <Text fw={700} c={color} data-testid={testId} aria-labelledby={`${testId}-label`} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} role="group" aria-label={`Reconciliation summary as of ${view.asOf}`}>
      {stat('Statement balance', s.statementBalance === null ? '—' : moneyText(s.statementBalance, c), 'bank-statement-balance')}
      {stat(`Balance in the books (${view.asOf})`, moneyText(s.bookBalance, c), 'bank-book-balance')}
      {stat('Reconciled', moneyText(s.reconciled, c), 'bank-reconciled')}
      {stat('Difference', s.difference === null ? '—' : moneyText(s.difference, c), 'bank-difference', s.difference === 0 ? 'teal' : 'red')}
    </SimpleGrid>
  );
}

function MatchedList({ view, busy, onUnmatch }: { view: ReconciliationView; busy: boolean; onUnmatch: (matchId: string) => void }) {
  const c = view.account.currency;
  if (view.matches.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600}>Matched</Text>
      <Table withTableBorder aria-label="Matched bank lines and entries" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Bank</Table.Th>
            <Table.Th>Books</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.matches.map((m) => {
            const total = m.statementLines.reduce((n, l) => n + l.amount, 0);
            return (
              <Table.Tr key={m.id} data-testid={`bank-match-${m.id}`}>
                <Table.Td>
                  {m.statementLines.map((l) => (
                    <div key={l.id}>
                      {l.date} · {l.description || l.counterparty}
                    </div>
                  ))}
                </Table.Td>
                <Table.Td>
                  {m.ledgerLines.map((l) => (
                    <div key={l.id}>
                      <BookLabel line={l} /> ({moneyText(l.amount, c)})
                    </div>
                  ))}
                </Table.Td>
                <Table.Td ta="right">{moneyText(total, c)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-xs" variant="subtle" color="red" loading={busy} aria-label={`Unmatch ${m.statementLines[0]?.date ?? ''} ${moneyText(total, c)}`} onClick={() => onUnmatch(m.id)}>
                    Unmatch
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function CreateEntryDialog({ account, currency, line, accounts, onClose }: { account: string; currency: string; line: BankLineView; accounts: Account[]; onClose: () => void }) {
  const [create, { isLoading, error }] = useBankingCreateEntryMutation();
  const [contra, setContra] = useState<string | null>(line.amount < 0 ? (accounts.some((a) => a.code === '6700') ? '6700' : null) : null);
  const [memo, setMemo] = useState(line.description || line.counterparty);
  const options = accounts.filter((a) => !a.isGroup && !a.archived && a.code !== account).map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }));

  async function submit() {
    if (!contra) return;
    const res = await create({ account, statementLine: line.id, contraAccount: contra, memo });
    if ('data' in res) onClose();
  }

  return (
    <Modal opened onClose={onClose} title="Create an entry for this bank line">
      <Stack gap="sm">
        <Text size="sm">
          {line.date} · {line.description || line.counterparty} · <b>{moneyText(line.amount, currency)}</b>
        </Text>
        <Text size="xs" c="dimmed">
          Posts a journal entry dated {line.date}: {line.amount < 0 ? 'the account below is debited and the bank credited' : 'the bank is debited and the account below credited'}. It is matched to this line at once.
        </Text>
        <Select label="Other account" placeholder="e.g. 6700 Bank charges" data={options} value={contra} onChange={setContra} searchable data-autofocus />
        <TextInput label="Memo" value={memo} onChange={(e) => setMemo(e.currentTarget.value)} maxLength={500} />
        {error && <Alert color="red">{errorMessage(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!contra} loading={isLoading}>
            Post and match
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
