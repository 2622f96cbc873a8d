import { Alert, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { countOf, formatDateTime } from '../../core/format';
import { useCallback, useEffect, useState } from 'react';
import type { Platform } from '../../platform';
import type { BackupSummary } from '../../core/backup/backup-contract';
import { OutpostError } from '../../core/errors';
import { rpc } from '../../client/api';
import { usePlatform } from '../../client/platform-context';

/** "2.4 MB": sizes a clerk reads. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString()} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}

export function formatWhen(iso: string): string {
  return formatDateTime(iso);
}

export function describeBackup(s: BackupSummary): string {
  const records = s.databases.reduce((n, d) => n + d.docs, 0);
  return `${countOf(records, 'record')} in ${countOf(s.databases.length, 'database')}`;
}

/**
 * Electron keeps automatic backups in main's backups folder: each one the core made is handed
 * over, then dropped from the core's own store. Harmless to run twice (main names the file).
 */
export async function handOffAutomaticBackups(platform: Platform): Promise<void> {
  const folder = platform.backups.folder;
  if (!folder) return;
  for (const b of await rpc().call('backup.listAutomatic', undefined)) {
    const { file, summary } = await rpc().call('backup.readAutomatic', { id: b.id });
    await folder.keep(file, {
      createdAt: summary.createdAt,
      orgCode: summary.orgCode,
      branchCode: summary.branchCode,
      letter: summary.deviceLetter,
    });
    await rpc().call('backup.forgetAutomatic', { id: b.id });
  }
}

interface Row {
  key: string;
  when: string;
  size: number;
  save(): Promise<boolean>;
}

export function BackupSection() {
  const platform = usePlatform();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [rows, setRows] = useState<Row[]>([]);

  const load = useCallback(async () => {
    const folder = platform.backups.folder;
    if (folder) {
      await handOffAutomaticBackups(platform);
      setRows(
        (await folder.list()).map((b) => ({
          key: b.name,
          when: b.modifiedAt,
          size: b.bytes,
          save: () => folder.export(b.name),
        })),
      );
    } else {
      const kept = await rpc().call('backup.listAutomatic', undefined);
      setRows(
        kept.map((b) => ({
          key: String(b.id),
          when: b.createdAt,
          size: b.bytes,
          save: async () => {
            const { file, name } = await rpc().call('backup.readAutomatic', { id: b.id });
            return platform.backups.save(file, name);
          },
        })),
      );
    }
  }, [platform]);

  useEffect(() => {
    load().catch((e: unknown) => setMessage({ ok: false, text: OutpostError.from(e).message }));
  }, [load]);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await work();
      if (done) setMessage({ ok: true, text: done });
    } catch (e) {
      setMessage({ ok: false, text: OutpostError.from(e).message });
    } finally {
      setBusy(false);
    }
  };

  const backUpNow = () =>
    run(async () => {
      const made = await rpc().call('backup.create', undefined);
      if (!(await platform.backups.save(made.file, made.name))) return null;
      return `Backup saved: ${describeBackup(made.summary)}, ${formatSize(made.file.size)}. Keep it somewhere other than this computer.`;
    });

  return (
    <Card withBorder data-testid="backup-section">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Backup</Text>
        <Button size="xs" onClick={() => void backUpNow()} loading={busy}>
          Back up now
        </Button>
      </Group>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          One file with everything this computer holds, including changes not yet sent to the
          server. To restore it, open Outpost on a computer that has not been set up and choose
          “Restore from a backup”.
        </Text>
        {message && (
          <Alert color={message.ok ? 'green' : 'red'} data-testid="backup-message">
            {message.text}
          </Alert>
        )}
        <Text size="sm" fw={500}>
          Automatic backups (taken before each upgrade)
        </Text>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet. Outpost makes one by itself before an update changes how your records are
            stored.
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Made</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{formatWhen(r.when)}</Table.Td>
                  <Table.Td>{formatSize(r.size)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      disabled={busy}
                      onClick={() =>
                        void run(async () => ((await r.save()) ? 'Copy saved.' : null))
                      }
                    >
                      Save a copy…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
