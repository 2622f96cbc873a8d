import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePlatform } from '../../../client/platform-context';
import { decodeTextFile } from '../../../core/text-file';
import { errorMessage } from '../../../ui/form-errors';
import { CHART_CSV_COLUMNS, parseChartCsv, type AccountFieldsInput } from '../domain/io/chart-csv';
import { ACCOUNT_SUBTYPES, type AccountSubtype } from '../domain/schemas';
import type { ImportOutcome } from '../rpc-contract';
import { useAccountsQuery, useImportChartCsvMutation, useLedgerSetupQuery } from './api';
import { kindWords, subtypeWords } from './words';

const CSV = [{ name: 'CSV file', extensions: ['csv', 'txt'] }];

interface Preview {
  name: string;
  csv: string;
  items: AccountFieldsInput[];
  guessed: Set<string>;
}

/**
 * Chart import in two steps: the file is read here and shown, with the sub-type of every
 * account (guessed ones marked) open to change; only "Import" sends it, with the clerk's
 * sub-types, and the worker reads it again and saves all of it or nothing.
 */
export function ChartImportCard({
  onOutcome,
}: {
  onOutcome(what: string, result: ImportOutcome | null): void;
}) {
  const platform = usePlatform();
  const { data: accounts = [] } = useAccountsQuery();
  const { data: setup } = useLedgerSetupQuery();
  const [importChart, state] = useImportChartCsvMutation();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [subtypes, setSubtypes] = useState<Record<string, string>>({});
  const [imported, setImported] = useState(false);

  const refuse = (what: string, problems: ImportOutcome['problems']) =>
    onOutcome(what, { ok: false, written: 0, problems, warnings: [] });

  async function open() {
    setImported(false);
    const file = await platform.files.openFile(CSV);
    if (!file) return;
    const decoded = decodeTextFile(file.data, { allowWindows1252: false });
    if (!decoded.ok) return refuse(file.name, [{ line: decoded.line, message: decoded.message }]);
    const read = parseChartCsv(decoded.text, new Set(accounts.map((a) => a.code)));
    if (!read.ok) return refuse(file.name, read.problems);
    onOutcome(file.name, null);
    setPreview({
      name: file.name,
      csv: decoded.text,
      items: read.items,
      guessed: new Set(read.guessed),
    });
    setSubtypes(Object.fromEntries(read.items.map((a) => [a.code, a.subtype])));
  }

  async function confirm() {
    if (!preview) return;
    const res = await importChart({ csv: preview.csv, subtypes });
    if ('data' in res && res.data) {
      onOutcome(preview.name, res.data);
      if (res.data.ok) {
        setPreview(null);
        setImported(true);
      }
    }
  }

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>Import a chart of accounts (CSV)</Text>
        <Text size="sm">
          Columns: {CHART_CSV_COLUMNS.map((c) => c.names[0]).join(', ')}. Accounts are added to the
          chart with their own codes; codes already in the chart are refused. The sub-type may be
          left out: it is guessed from the kind and the name, and you check it before anything is
          saved.
        </Text>
        {!preview && (
          <Group>
            <Button variant="default" onClick={open}>
              Import chart CSV…
            </Button>
          </Group>
        )}
        {preview && (
          <Stack gap="xs" data-testid="chart-preview">
            <Text size="sm">
              {preview.name}: {preview.items.length} accounts, nothing saved yet.{' '}
              {preview.guessed.size > 0 &&
                `Check the ${preview.guessed.size} sub-types marked “guessed”: they decide where invoices, tax and the year-end close post.`}
            </Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Code</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Sub-type</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.items.map((a) => (
                  <Table.Tr key={a.code}>
                    <Table.Td>{a.code}</Table.Td>
                    <Table.Td>
                      {a.name}
                      {a.isGroup && (
                        <Badge ml="xs" size="xs" variant="light">
                          group
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{kindWords(a.kind)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <NativeSelect
                          aria-label={`Sub-type of ${a.code} ${a.name}`}
                          size="xs"
                          data={subtypesOf(a.kind)}
                          value={subtypes[a.code] ?? a.subtype}
                          onChange={(e) =>
                            setSubtypes((s) => ({ ...s, [a.code]: e.currentTarget.value }))
                          }
                        />
                        {preview.guessed.has(a.code) && subtypes[a.code] === a.subtype && (
                          <Badge size="xs" color="yellow" variant="light">
                            guessed
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="flex-end">
              <Button variant="subtle" onClick={() => setPreview(null)}>
                Cancel
              </Button>
              <Button onClick={confirm} loading={state.isLoading}>
                Import {preview.items.length} accounts
              </Button>
            </Group>
          </Stack>
        )}
        {state.error && <Alert color="red">{errorMessage(state.error)}</Alert>}
        {imported && setup && !setup.settings && (
          <Alert color="blue" title="Next: choose the special accounts">
            Tell Accounts which of your accounts receive invoices, bills, tax and the year-end
            close. <Link to="/accounts/ledger-settings">Open ledger settings</Link>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function subtypesOf(kind: string): { value: AccountSubtype; label: string }[] {
  return (Object.keys(ACCOUNT_SUBTYPES) as AccountSubtype[])
    .filter((s) => ACCOUNT_SUBTYPES[s] === kind)
    .map((s) => ({ value: s, label: subtypeWords(s) }));
}
