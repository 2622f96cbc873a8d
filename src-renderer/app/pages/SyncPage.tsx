import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { formatDateTime } from '../../core/format';
import { typeWord } from '../type-words';
import { useState, type FormEvent } from 'react';
import type { AppState, ConnectionTestResult, SyncOverview } from '../../core/rpc/contract';
import { ConnectionChecks } from '../../ui/ConnectionChecks';
import { copyProgressPercent, copyProgressText, provisionText } from '../../ui/copy-progress';
import { errorFields, errorMessage, type FieldErrors } from '../../ui/form-errors';
import { dbLabel, lastSyncText, SYNC_STATE_COLOR, SYNC_STATE_TEXT } from '../../ui/status-text';
import {
  useAppStateQuery,
  useRefusedQuery,
  useResendRefusedMutation,
  useWithdrawnQuery,
  useWithdrawRefusedMutation,
  useSyncConnectMutation,
  useSyncPauseMutation,
  useSyncResumeMutation,
  useSyncStatusQuery,
  useTestConnectionMutation,
} from '../../client/api';
import { saveCredentials } from '../credentials';
import { usePlatform } from '../../client/platform-context';
import { HeldBackNotice, SignedInCard, SignedOutCard } from './SyncUser';
import { addressesText, ServerAddressesInput, withAddresses } from '../ServerAddressesInput';
import { SyncProblemNotice } from './SyncProblemNotice';

export function SyncPage({ orgCode }: { orgCode: string }) {
  const { data: sync } = useSyncStatusQuery();
  const { data: state } = useAppStateQuery();
  const { data: refused } = useRefusedQuery();
  const [pause] = useSyncPauseMutation();
  const [resume] = useSyncResumeMutation();
  const ready = state?.phase === 'ready' ? state : null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Sync</Title>
        {sync?.configured && (
          <Group>
            {sync.paused ? (
              <Button variant="light" onClick={() => resume()}>
                Resume sync
              </Button>
            ) : (
              <Button variant="default" onClick={() => pause()}>
                Pause sync
              </Button>
            )}
          </Group>
        )}
      </Group>

      {sync && <SyncProblemNotice sync={sync} />}
      {sync && ready && <WhoCard state={ready} sync={sync} orgCode={orgCode} />}
      {sync && <HeldBackNotice sync={sync} />}

      <Card withBorder>
        <Text fw={600} mb="xs">
          Databases on this device
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Database</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Pending</Table.Th>
              <Table.Th>Last sync</Table.Th>
              <Table.Th>Refused</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sync?.databases.map((d) => (
              <Table.Tr key={d.db} data-testid={`sync-db-${d.db}`}>
                <Table.Td>
                  <Text size="sm">{dbLabel(d.db)}</Text>
                  <Text size="xs" c="dimmed">
                    {d.remote}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={SYNC_STATE_COLOR[d.state]} variant="light">
                    {SYNC_STATE_TEXT[d.state]}
                  </Badge>
                  {d.progress && (
                    <>
                      <Progress
                        mt={4}
                        value={copyProgressPercent(d.progress)}
                        aria-label={`Initial sync of ${dbLabel(d.db)}`}
                      />
                      <Text size="xs" c="dimmed" data-testid={`sync-progress-${d.db}`}>
                        {copyProgressText(d.progress)}
                      </Text>
                    </>
                  )}
                  {d.error && (
                    <Text size="xs" c="red" mt={4} data-testid={`sync-error-${d.db}`}>
                      {d.error.message}
                    </Text>
                  )}
                  {d.error?.kind === 'not-found' && (
                    <Text size="xs" mt={4} data-testid={`sync-provision-${d.db}`}>
                      {provisionText(orgCode, d.db)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.pending}</Table.Td>
                <Table.Td>{lastSyncText(d.lastSyncedAt)}</Table.Td>
                <Table.Td>{d.refused}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          Refused by the server
        </Title>
        {!refused || refused.length === 0 ? (
          <Text c="dimmed" size="sm">
            The server has accepted everything this device sent.
          </Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm">
              These records are kept on this computer but the server would not accept them. Nothing
              has been deleted; ask your administrator if the reason is unclear.
            </Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Record</Table.Th>
                  <Table.Th>Database</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {refused.map((r) => (
                  <Table.Tr key={`${r.db}/${r.docId}`} data-testid={`refused-${r.docId}`}>
                    <Table.Td>
                      {typeWord(r.docType)}{' '}
                      <Text span size="xs" c="dimmed">
                        {r.docId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{dbLabel(r.db)}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                    <Table.Td>{formatDateTime(r.refusedAt)}</Table.Td>
                    <Table.Td>
                      <RefusedActions db={r.db} docId={r.docId} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
        <WithdrawnList />
      </Card>
    </Stack>
  );
}

/**
 * Who syncs from this computer: the signed-in user (Switch user, Sign out); after a sign-out,
 * a sign-in for the next person; on a device that never connected, the server form.
 */
function WhoCard({
  state,
  sync,
  orgCode,
}: {
  state: Extract<AppState, { phase: 'ready' }>;
  sync: SyncOverview;
  orgCode: string;
}) {
  if (sync.configured) return <SignedInCard state={state} sync={sync} orgCode={orgCode} />;
  if (state.signedOut) return <SignedOutCard state={state} orgCode={orgCode} />;
  return (
    <ServerForm
      orgCode={orgCode}
      serverUrl={addressesText(state.serverUrls, state.serverUrl)}
      username={state.user?.name ?? ''}
    />
  );
}

/** First connection of this device (works offline too: it connects once the server can be reached). */
function ServerForm({
  orgCode,
  serverUrl,
  username,
}: {
  orgCode: string;
  serverUrl: string | null;
  username: string;
}) {
  const platform = usePlatform();
  const [connect, connecting] = useSyncConnectMutation();
  const [testConnection, testing] = useTestConnectionMutation();
  const [form, setForm] = useState({
    serverUrl: serverUrl ?? 'http://127.0.0.1:5984',
    username,
    password: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [check, setCheck] = useState<ConnectionTestResult | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const creds = withAddresses(form);
    if (!creds.ok) {
      setErrors({ serverUrl: creds.error });
      return;
    }
    const res = await connect(creds.value);
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      return;
    }
    setErrors({});
    try {
      await saveCredentials(platform.vault, orgCode, creds.value);
    } catch {
      setFailure(
        'Sync started, but the password could not be stored safely on this computer; you will be asked again next time.',
      );
    }
  }

  async function runTest() {
    const creds = withAddresses(form);
    if (!creds.ok) {
      setErrors({ serverUrl: creds.error });
      return;
    }
    const res = await testConnection({ ...creds.value, orgCode });
    if ('data' in res && res.data) setCheck(res.data);
  }

  return (
    <Card withBorder>
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <Text fw={600}>Sync server</Text>
          <Text size="sm" c="dimmed">
            The password is kept encrypted on this computer (
            {platform.kind === 'electron' ? 'by the operating system' : 'by the browser'}) and never
            written in plain text.
          </Text>
          <ServerAddressesInput
            value={form.serverUrl}
            onChange={(serverUrl) => setForm({ ...form, serverUrl })}
            error={errors.serverUrl}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label="Username"
              autoComplete="username"
              value={form.username}
              onChange={(e) => setForm({ ...form, username: e.currentTarget.value })}
              error={errors.username}
            />
            <TextInput
              label="Password"
              type="password"
              autoComplete="current-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
              error={errors.password}
            />
          </SimpleGrid>
          {check && <ConnectionChecks result={check} />}
          {failure && <Alert color="red">{failure}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={runTest} loading={testing.isLoading}>
              Test connection
            </Button>
            <Button type="submit" loading={connecting.isLoading}>
              Save and connect
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** "Send again" once the record is fixed or the user's rights changed; "Withdraw" removes it here, on the record. */
function RefusedActions({ db, docId }: { db: string; docId: string }) {
  const [resend, resending] = useResendRefusedMutation();
  const [withdraw, withdrawing] = useWithdrawRefusedMutation();
  const [confirm, setConfirm] = useState(false);
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="default"
        loading={resending.isLoading}
        onClick={() => resend({ db, docId })}
      >
        Send again
      </Button>
      {confirm ? (
        <Button
          size="compact-xs"
          color="red"
          loading={withdrawing.isLoading}
          onClick={() => withdraw({ db, docId })}
        >
          Remove it from this computer
        </Button>
      ) : (
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirm(true)}>
          Withdraw
        </Button>
      )}
    </Group>
  );
}

function WithdrawnList() {
  const { data: withdrawn } = useWithdrawnQuery();
  if (!withdrawn || withdrawn.length === 0) return null;
  return (
    <Stack gap={4} mt="md">
      <Text size="sm" fw={600}>
        Withdrawn
      </Text>
      {withdrawn.map((w) => (
        <Text size="xs" c="dimmed" key={`${w.db}/${w.docId}`} data-testid={`withdrawn-${w.docId}`}>
          {typeWord(w.docType)} {w.docId} — withdrawn by {w.withdrawnBy} on{' '}
          {formatDateTime(w.withdrawnAt)}; the server had refused it: {w.reason}
        </Text>
      ))}
    </Stack>
  );
}
