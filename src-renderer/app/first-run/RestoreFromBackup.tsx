import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupSummary } from '../../core/backup/backup-contract';
import { OutpostError } from '../../core/errors';
import { api, rpc } from '../../client/api';
import { usePlatform } from '../../client/platform-context';
import { describeBackup, formatWhen } from '../pages/BackupSection';
import { useDispatch } from 'react-redux';

/**
 * First run: restore a backup into this (empty) computer. The file is checked in full before
 * anything is written, and what it holds is shown before the clerk confirms.
 */
export function RestoreFromBackup({ onBack }: { onBack(): void }) {
  const platform = usePlatform();
  const dispatch = useDispatch();
  const [picked, setPicked] = useState<{ name: string; file: Blob; summary: BackupSummary } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(OutpostError.from(e).message);
    } finally {
      setBusy(false);
    }
  };

  const choose = () =>
    attempt(async () => {
      setPicked(null);
      const got = await platform.backups.open();
      if (!got) return;
      const summary = await rpc().call('backup.check', { file: got.file });
      setPicked({ ...got, summary });
    });

  const restore = () =>
    attempt(async () => {
      if (!picked) return;
      await rpc().call('backup.restore', { file: picked.file });
      // The app state is read again: the first-run screen gives way to the restored books.
      dispatch(api.util.invalidateTags(['app', 'sync']));
    });

  return (
    <Stack data-testid="restore-from-backup">
      <Text>
        Choose a backup file made by Outpost (it ends in .outpost-backup). It is checked in full
        before anything is copied to this computer.
      </Text>
      {problem && (
        <Alert color="red" title="This backup cannot be restored">
          {problem}
        </Alert>
      )}
      {picked && (
        <Alert color="blue" title={picked.name}>
          <List size="sm">
            <List.Item>
              Made {formatWhen(picked.summary.createdAt)} on {picked.summary.deviceLabel} (
              {picked.summary.branchCode}-{picked.summary.deviceLetter})
              {picked.summary.reason === 'before-upgrade' ? ', before an upgrade' : ''}
            </List.Item>
            <List.Item>{describeBackup(picked.summary)}</List.Item>
          </List>
          <Text size="sm" mt="xs">
            After restoring, sign in to the sync server again: passwords are never kept in a backup.
            Stop using the computer the backup came from, so two computers do not book as the same
            device.
          </Text>
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="subtle" onClick={onBack} disabled={busy}>
          Back
        </Button>
        <Group>
          <Button variant="light" onClick={() => void choose()} loading={busy && !picked}>
            {picked ? 'Choose another file' : 'Choose a backup file'}
          </Button>
          {picked && (
            <Button onClick={() => void restore()} loading={busy}>
              Restore this backup
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}
