import { Group, Text } from '@mantine/core';
import { formatCount } from '../core/format';
import { useEffect, useState } from 'react';
import { useSelector } from 'react-redux';
import { Link } from 'react-router';
import { useConflictCountQuery, useSyncStatusQuery } from '../client/api';
import type { RootState } from '../client/store';
import { lastSyncText, SYNC_STATE_COLOR, syncProblemOf, syncStateText } from './status-text';
import { copyProgressText } from './copy-progress';

/** Online/offline, sync state, pending local changes, last sync, refusals and conflicts, always visible. */
export function StatusBar() {
  const online = useSelector((s: RootState) => s.ui.online);
  const { data: sync } = useSyncStatusQuery();
  const { data: conflicts = 0 } = useConflictCountQuery();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(t);
  }, []);
  const indexing = useSelector((s: RootState) => s.ui.progress['index-catch-up']);
  const state = sync?.state ?? 'not-configured';
  // The first database still being copied for the first time, if any.
  const initial = sync?.databases.find((d) => d.progress)?.progress ?? null;
  return (
    <Group
      h="100%"
      px="md"
      gap="lg"
      data-testid="status-bar"
      role="status"
      aria-label="Sync status"
    >
      <Text size="xs" c={online ? 'teal' : 'orange'} fw={600} data-testid="status-online">
        {online ? 'Online' : 'Offline'}
      </Text>
      <Text
        size="xs"
        c={SYNC_STATE_COLOR[state]}
        data-testid="status-sync"
        title={syncProblemOf(sync ?? { state, databases: [] })?.message}
      >
        {syncStateText(sync)}
      </Text>
      {initial && (
        <Text size="xs" c="blue" data-testid="status-progress">
          Copying {copyProgressText(initial, now)}
        </Text>
      )}
      {indexing && (
        <Text size="xs" c="blue" data-testid="status-indexing">
          {indexing.label} {formatCount(indexing.done)}
          {indexing.total !== null ? ` of ${formatCount(indexing.total)}` : ''}
        </Text>
      )}
      <Text size="xs" data-testid="status-pending">
        {sync?.pending ?? 0} pending
      </Text>
      <Text size="xs" c="dimmed" data-testid="status-last-sync">
        {lastSyncText(sync?.lastSyncedAt ?? null, now)}
      </Text>
      {sync && sync.refused > 0 && (
        <Text size="xs" c="red" fw={600} component={Link} to="/sync" data-testid="status-refused">
          {sync.refused} refused
        </Text>
      )}
      {conflicts > 0 && (
        <Text
          size="xs"
          c="orange"
          fw={600}
          component={Link}
          to="/conflicts"
          data-testid="status-conflicts"
        >
          {conflicts} {conflicts === 1 ? 'conflict' : 'conflicts'}
        </Text>
      )}
    </Group>
  );
}
