import { Alert, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { countOf } from '../../../core/format';
import { useState } from 'react';
import { usePlatform } from '../../../client/platform-context';
import { decodeTextFile } from '../../../core/text-file';
import { errorMessage } from '../../../ui/form-errors';
import { JOURNAL_CSV_COLUMNS, journalCsvTemplate } from '../domain/io/journal-csv';
import type { ImportOutcome } from '../rpc-contract';
import { useExportHledgerMutation, useImportJournalCsvMutation } from './api';
import { ChartImportCard } from './ChartImportCard';

const CSV = [{ name: 'CSV file', extensions: ['csv', 'txt'] }];

/** Spreadsheets in, a plain-text ledger out. Imports are all or nothing, with every problem listed by line. */
export function ImportExportPage() {
  const platform = usePlatform();
  const [importJournal, journalState] = useImportJournalCsvMutation();
  const [exportHledger, exportState] = useExportHledgerMutation();
  const [outcome, setOutcome] = useState<{ what: string; result: ImportOutcome } | null>(null);

  async function pickJournal() {
    const file = await platform.files.openFile(CSV);
    if (!file) return;
    // Journal and chart CSV are UTF-8 by definition; anything else is refused, never guessed.
    const decoded = decodeTextFile(file.data, { allowWindows1252: false });
    if (!decoded.ok) {
      setOutcome({
        what: file.name,
        result: {
          ok: false,
          written: 0,
          problems: [{ line: decoded.line, message: decoded.message }],
          warnings: [],
        },
      });
      return;
    }
    const csv = decoded.text;
    const res = await importJournal({ csv });
    if ('data' in res && res.data) setOutcome({ what: `${file.name}`, result: res.data });
  }

  return (
    <Stack>
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600}>Import journal entries (CSV)</Text>
          <Text size="sm">
            Columns: {JOURNAL_CSV_COLUMNS.map((c) => c.name).join(', ')}. Rows with the same entry
            reference form one entry, which must balance. If any line is wrong, nothing is imported
            and every problem is listed with its line number.
          </Text>
          <Group>
            <Button onClick={pickJournal} loading={journalState.isLoading}>
              Import journal CSV…
            </Button>
            <Button
              variant="default"
              onClick={() =>
                platform.files.saveFile({
                  suggestedName: 'journal-template.csv',
                  data: journalCsvTemplate(),
                  filters: CSV,
                })
              }
            >
              Download a template
            </Button>
          </Group>
        </Stack>
      </Card>
      <ChartImportCard onOutcome={(what, result) => setOutcome(result ? { what, result } : null)} />
      {journalState.error && <Alert color="red">{errorMessage(journalState.error)}</Alert>}
      {outcome && <Outcome name={outcome.what} result={outcome.result} />}
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600}>Export the ledger (hledger journal)</Text>
          <Text size="sm">
            Every posted entry as a plain-text accounting journal in the base currency, for
            cross-checking with hledger or ledger.
          </Text>
          <Group>
            <Button
              variant="default"
              loading={exportState.isLoading}
              onClick={async () => {
                const res = await exportHledger({});
                if ('data' in res && res.data !== undefined) {
                  await platform.files.saveFile({
                    suggestedName: 'outpost-ledger.journal',
                    data: res.data,
                    filters: [{ name: 'hledger journal', extensions: ['journal'] }],
                  });
                }
              }}
            >
              Export hledger journal…
            </Button>
          </Group>
          {exportState.error && <Alert color="red">{errorMessage(exportState.error)}</Alert>}
        </Stack>
      </Card>
    </Stack>
  );
}

function Outcome({ name, result }: { name: string; result: ImportOutcome }) {
  if (result.ok) {
    return (
      <Alert color="teal" title={`${name}: imported`} data-testid="import-outcome">
        {countOf(result.written, 'record')} imported. Reports include them once the status bar no
        longer shows “Updating reports”.
        {result.warnings.length > 0 &&
          ` ${countOf(result.warnings.length, 'warning')}: ${result.warnings.map((w) => `line ${w.line}: ${w.message}`).join('; ')}`}
      </Alert>
    );
  }
  return (
    <Alert color="red" title={`${name}: nothing was imported`} data-testid="import-outcome">
      <Text size="sm" mb="xs">
        Correct these lines in the file and import it again.
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>Column</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.problems.slice(0, 200).map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>{p.line}</Table.Td>
              <Table.Td>{p.column ?? ''}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {result.problems.length > 200 && (
        <Text size="sm">…and {result.problems.length - 200} more.</Text>
      )}
    </Alert>
  );
}
