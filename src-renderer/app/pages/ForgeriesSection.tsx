import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../core/format';
import type { Device } from '../../core/org/schemas';
import type { ForgeryEntry } from '../../core/rpc/contract';
import { useForgeriesQuery } from '../../client/api';

/**
 * "Forged changes to posted records" on the Conflicts page (DESIGN §10): versions of posted
 * records that someone wrote around the rules. Every office keeps showing and counting the
 * posted version; this lists what the forged one said and who it claims to be from.
 */
export function ForgeriesSection({ devices }: { devices: Device[] }) {
  const { data = [], error } = useForgeriesQuery();
  if (error) {
    return (
      <Alert color="red" title="The forged changes could not be read">
        Try again in a moment. The posted records themselves are shown and counted as posted.
      </Alert>
    );
  }
  if (data.length === 0) return null;
  return (
    <Stack data-testid="forgeries">
      <Title order={3}>Forged changes to posted records</Title>
      <Text size="sm" maw={820}>
        Posted records never change. Someone saved a different version of the records below anyway,
        bypassing Outpost. Every office still shows and counts the posted version. The names below
        are what the forged version says about itself, so they may not be true: tell your
        administrator.
      </Text>
      {data.map((f) => (
        <ForgeryCard key={`${f.db}|${f.id}|${f.forgedRev}`} forgery={f} devices={devices} />
      ))}
    </Stack>
  );
}

function when(iso: string | null): string {
  if (!iso) return 'an unknown time';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDateTime(iso);
}

function deviceName(devices: Device[], id: string): string {
  if (!id) return 'an unknown computer';
  const d = devices.find((x) => x._id === id);
  return d ? `${d.branchCode}-${d.letter} (${d.label})` : 'a computer this company does not know';
}

/** "postedAt" → "Posted at". */
function humanise(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (v === 'posted') return 'Posted';
  if (v === 'draft') return 'Draft';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, null, 1);
}

function ForgeryCard({ forgery: f, devices }: { forgery: ForgeryEntry; devices: Device[] }) {
  return (
    <Card withBorder data-testid={`forgery-${f.id}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{f.title}</Title>
          {f.state === 'corrected' ? (
            <Badge color="teal" variant="light">
              Posted version restored
            </Badge>
          ) : (
            <Badge color="orange" variant="light">
              Waiting for someone allowed to correct it
            </Badge>
          )}
        </Group>
        <Text size="sm">
          Claims to be from {f.claimed.by || 'nobody named'} on{' '}
          {deviceName(devices, f.claimed.device)}, {when(f.claimed.at)}.
        </Text>
        <Text size="sm" c="dimmed">
          {f.state === 'corrected'
            ? `Found and corrected by ${f.correctedBy ?? 'someone'} on ${deviceName(devices, f.correctedOn ?? '')}, ${when(f.detectedAt)}.`
            : 'Found on this computer. Your sign-in may not change these records; the posted version is shown until someone who may opens this page.'}
        </Text>
        {f.changes.length > 0 && (
          <Table withTableBorder aria-label={`What the forged version of ${f.title} changes`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Posted (kept)</Table.Th>
                <Table.Th>Forged (ignored)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.changes.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Td>{humanise(c.field)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{show(c.posted)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{show(c.forged)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
