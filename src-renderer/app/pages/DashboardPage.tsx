import { Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../core/format';
import { typeWord } from '../type-words';
import { Suspense } from 'react';
import { useDashboardQuery, useSyncStatusQuery } from '../../client/api';
import type { LoadedModuleUi } from '../../ui/module-ui';
import { lastSyncText, SYNC_STATE_TEXT } from '../../ui/status-text';

export function DashboardPage({ modules }: { modules: readonly LoadedModuleUi[] }) {
  const { data } = useDashboardQuery();
  const { data: sync } = useSyncStatusQuery();
  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Branches
          </Text>
          <Text size="xl" fw={700} data-testid="dashboard-branches">
            {data?.branches ?? '–'}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Devices
          </Text>
          <Text size="xl" fw={700}>
            {data?.devices ?? '–'}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Sync
          </Text>
          <Text size="xl" fw={700}>
            {sync ? SYNC_STATE_TEXT[sync.state] : '–'}
          </Text>
          <Text size="xs" c="dimmed">
            {sync ? `${sync.pending} pending · ${lastSyncText(sync.lastSyncedAt)}` : ''}
          </Text>
        </Card>
      </SimpleGrid>
      {modules.map(({ name, ui: { nav, dashboardCards: Cards } }) =>
        Cards ? (
          <Suspense key={name} fallback={<Loader size="sm" aria-label={`Loading ${nav.label}`} />}>
            <Cards />
          </Suspense>
        ) : null,
      )}
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Recently changed</Text>
        </Group>
        {data && data.recent.length === 0 ? (
          <Text c="dimmed">Nothing yet.</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Changed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.recent.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.title}</Table.Td>
                  <Table.Td>{typeWord(r.type)}</Table.Td>
                  <Table.Td>{r.updatedAt ? formatDateTime(r.updatedAt) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
