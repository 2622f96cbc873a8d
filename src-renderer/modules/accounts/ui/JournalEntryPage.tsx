import { DeviceName } from '../../../ui/DeviceName';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { Link, useNavigate, useParams } from 'react-router';
import { todayLocal } from '../../../core/dates';
import { errorMessage } from '../../../ui/form-errors';
import { FormScaffold } from '../../../ui/form/FormScaffold';
import { DateInput } from '../../../ui/inputs/DateInput';
import { isoDateSchema, type JournalEntry } from '../domain/schemas';
import type { JournalView } from '../rpc-contract';
import {
  useAccountsQuery,
  useJournalQuery,
  useLedgerSetupQuery,
  useReverseJournalMutation,
} from './api';
import { formatDate, formatDateTime } from '../../../core/format';
import { journalKindWords } from './words';
import { amountCell } from './format';
import { JournalEditor } from './JournalEditor';
import { useSlips, withEmptyMessages } from './typed-form';

export function JournalEntryPage() {
  const { id } = useParams();
  // currentData, not data: moving from one entry to another must not show the previous one meanwhile.
  const {
    currentData: data,
    isLoading,
    isFetching,
    error,
  } = useJournalQuery({ id: id ?? '' }, { skip: !id });
  if (!id) return <JournalEditor key="new" initial={null} />;
  if (isLoading || (isFetching && !data)) return <Loader aria-label="Loading entry" />;
  if (error || !data)
    return <Alert color="red">{error ? errorMessage(error) : 'Entry not found.'}</Alert>;
  if (data.readOnly) return <PostedJournal key={data.entry._id} view={data} />;
  return <JournalEditor key={data.entry._id} initial={data.entry} />;
}

function PostedJournal({ view }: { view: JournalView }) {
  const { entry } = view;
  const { data: accounts = [] } = useAccountsQuery();
  const names = new Map(accounts.map((a) => [a.code, a.name]));
  const [reversing, setReversing] = useState(false);
  const foreign = entry.rate !== '1';
  const { data: setup } = useLedgerSetupQuery();
  const base = setup?.baseCurrency ?? entry.currency;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group>
          <Title order={3}>{entry.number ?? 'Entry'}</Title>
          <Badge color={entry.status === 'posted' ? 'teal' : 'gray'}>
            {entry.status === 'posted' ? 'Posted' : 'Read-only'}
          </Badge>
          {entry.kind !== 'manual' && (
            <Badge variant="outline">{journalKindWords(entry.kind)}</Badge>
          )}
        </Group>
        {entry.status === 'posted' && view.reversedBy.length === 0 && (
          <Button variant="default" onClick={() => setReversing(true)}>
            Reverse entry
          </Button>
        )}
      </Group>
      {entry.status !== 'posted' && (
        <Alert color="yellow">
          This entry was saved by a newer version of Outpost. It is shown read-only; update Outpost
          to change it.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Field label="Date" value={formatDate(entry.date)} />
        <Field label="Reference" value={entry.reference || '—'} />
        <Field
          label="Currency"
          value={foreign ? `${entry.currency} at ${entry.rate}` : entry.currency}
        />
        <Field label="Memo" value={entry.memo || '—'} />
      </SimpleGrid>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th>Memo</Table.Th>
            <Table.Th ta="right">Debit</Table.Th>
            <Table.Th ta="right">Credit</Table.Th>
            {foreign && <Table.Th ta="right">Base debit</Table.Th>}
            {foreign && <Table.Th ta="right">Base credit</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.lines.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <Link to={`/accounts/reports/ledger/${l.account}`}>{l.account}</Link>{' '}
                {names.get(l.account) ?? ''}
              </Table.Td>
              <Table.Td>{l.memo}</Table.Td>
              <Table.Td ta="right">{amountCell(l.debit, entry.currency)}</Table.Td>
              <Table.Td ta="right">{amountCell(l.credit, entry.currency)}</Table.Td>
              {foreign && <Table.Td ta="right">{amountCell(l.baseDebit, base)}</Table.Td>}
              {foreign && <Table.Td ta="right">{amountCell(l.baseCredit, base)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <History entry={entry} view={view} />
      <Modal
        opened={reversing}
        onClose={() => setReversing(false)}
        title={`Reverse ${entry.number}`}
      >
        {reversing && <ReverseForm entry={entry} onDone={() => setReversing(false)} />}
      </Modal>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** The audit trail: who, when, on which device, and the entries that point at this one. */
function History({ entry, view }: { entry: JournalEntry; view: JournalView }) {
  return (
    <Card withBorder>
      <Text fw={600} mb={4}>
        History
      </Text>
      <Stack gap={2}>
        <Text size="sm">
          Created {formatDateTime(entry.createdAt)} by {entry.createdBy} on device{' '}
          <DeviceName id={entry.device} />
        </Text>
        {entry.postedAt && (
          <Text size="sm">
            Posted {formatDateTime(entry.postedAt)} by {entry.postedBy}
          </Text>
        )}
        {entry.reverses && (
          <Text size="sm">
            Reverses{' '}
            <Link to={`/accounts/journal/${entry.reverses}`}>
              {entry.reference || 'the original entry'}
            </Link>
          </Text>
        )}
        {view.reversedBy.map((r) => (
          <Text size="sm" key={r.id}>
            Reversed by <Link to={`/accounts/journal/${r.id}`}>{r.number}</Link> on{' '}
            {formatDate(r.date)}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

const reverseForm = withEmptyMessages(z.object({ date: isoDateSchema, memo: z.string() }), {
  date: 'Enter the date of the reversal.',
});

function ReverseForm({ entry, onDone }: { entry: JournalEntry; onDone(): void }) {
  const navigate = useNavigate();
  const [reverse] = useReverseJournalMutation();
  const [date, setDate] = useState<string | null>(todayLocal());
  const [memo, setMemo] = useState('');
  const slips = useSlips();
  return (
    <FormScaffold
      schema={reverseForm}
      values={{ date, memo }}
      onSubmit={async (v) => {
        const res = await reverse({
          id: entry._id,
          date: v.date,
          ...(v.memo ? { memo: v.memo } : {}),
        });
        if ('data' in res && res.data) {
          onDone();
          navigate(`/accounts/journal/${res.data._id}`);
        }
        return res;
      }}
      submitLabel="Post reversal"
    >
      {(form) => (
        <>
          <Text size="sm">
            Posted entries never change. Reversing posts a new entry with every debit and credit
            swapped, pointing at {entry.number}.
          </Text>
          <DateInput
            label="Reversal date"
            value={date}
            onChange={(d, text) => {
              slips.note('date', d, text);
              setDate(d);
            }}
            error={slips.error('date', form.error('date'))}
          />
          <TextInput
            label="Memo"
            placeholder={`Reversal of ${entry.number}`}
            value={memo}
            onChange={(e) => setMemo(e.currentTarget.value)}
            error={form.error('memo')}
          />
        </>
      )}
    </FormScaffold>
  );
}
