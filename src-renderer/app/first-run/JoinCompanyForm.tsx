import {
  Alert,
  Button,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSelector } from 'react-redux';
import type { ConnectionTestResult, ServerCompanyPreview } from '../../core/rpc/contract';
import { freeDeviceLetters } from '../../core/org/org-service';
import { formatCount } from '../../core/format';
import { ConnectionChecks } from '../../ui/ConnectionChecks';
import { errorFields, errorMessage, type FieldErrors } from '../../ui/form-errors';
import {
  useInspectServerMutation,
  useJoinCompanyMutation,
  useTestConnectionMutation,
} from '../../client/api';
import { saveCredentials } from '../credentials';
import { ServerAddressesInput, withAddresses } from '../ServerAddressesInput';
import { usePlatform } from '../../client/platform-context';
import type { RootState } from '../../client/store';
import type { DemoOffer } from './demo-offer';

export function JoinCompanyForm({ onBack, demo }: { onBack(): void; demo?: DemoOffer }) {
  const platform = usePlatform();
  const [inspect, inspecting] = useInspectServerMutation();
  const [testConnection, testing] = useTestConnectionMutation();
  const [join, joining] = useJoinCompanyMutation();
  const progress = useSelector((s: RootState) => s.ui.progress.join);
  const [server, setServer] = useState({
    serverUrl: demo?.serverUrl ?? 'http://127.0.0.1:5984',
    orgCode: demo?.orgCode ?? '',
    username: demo?.branchOffice.username ?? '',
    password: demo?.branchOffice.password ?? '',
  });
  const [preview, setPreview] = useState<ServerCompanyPreview | null>(null);
  const [check, setCheck] = useState<ConnectionTestResult | null>(null);
  const [device, setDevice] = useState({ branchCode: '', letter: '', label: '', userName: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  /** The server fields with the addresses read (several: the first is used, the others stand in); null when one is not an address. */
  function serverInput() {
    const creds = withAddresses(server);
    if (creds.ok) return creds.value;
    setErrors({ serverUrl: creds.error });
    return null;
  }

  async function connect(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    setCheck(null);
    const input = serverInput();
    if (!input) return;
    const res = await inspect(input);
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      return;
    }
    setErrors({});
    setPreview(res.data);
  }

  async function runTest() {
    setFailure(null);
    const input = serverInput();
    if (!input) return;
    const res = await testConnection(input);
    if ('data' in res && res.data) setCheck(res.data);
    else if ('error' in res) setFailure(errorMessage(res.error));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const input = serverInput();
    if (!input) return;
    const res = await join({
      ...input,
      branchCode: device.branchCode,
      device: { letter: device.letter.trim(), label: device.label },
      userName: device.userName,
    });
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      return;
    }
    await saveCredentials(platform.vault, server.orgCode.trim(), input).catch(() => undefined);
  }

  if (!preview) {
    return (
      <form onSubmit={connect} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Ask your administrator for the sync server address, the organisation code and your user.
          </Text>
          <ServerAddressesInput
            value={server.serverUrl}
            onChange={(serverUrl) => setServer({ ...server, serverUrl })}
            error={errors.serverUrl}
          />
          <TextInput
            label="Organisation code"
            value={server.orgCode}
            onChange={(e) => setServer({ ...server, orgCode: e.currentTarget.value })}
            error={errors.orgCode}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label="Username"
              autoComplete="username"
              value={server.username}
              onChange={(e) => setServer({ ...server, username: e.currentTarget.value })}
              error={errors.username}
            />
            <TextInput
              label="Password"
              type="password"
              autoComplete="current-password"
              value={server.password}
              onChange={(e) => setServer({ ...server, password: e.currentTarget.value })}
              error={errors.password}
            />
          </SimpleGrid>
          {check && <ConnectionChecks result={check} />}
          {failure && <Alert color="red">{failure}</Alert>}
          <Group justify="space-between">
            <Button variant="subtle" onClick={onBack}>
              Back
            </Button>
            <Group>
              <Button variant="default" onClick={runTest} loading={testing.isLoading}>
                Test connection
              </Button>
              <Button type="submit" loading={inspecting.isLoading}>
                Connect
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    );
  }

  const free = device.branchCode ? freeDeviceLetters(preview.devices, device.branchCode) : [];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text>
          Joining <strong>{preview.company.name}</strong> ({preview.company.baseCurrency}).
        </Text>
        <Select
          label="Branch"
          placeholder="Choose the branch this device works for"
          data={preview.branches.map((b) => ({ value: b.code, label: `${b.code} — ${b.name}` }))}
          value={device.branchCode || null}
          onChange={(code) => {
            const letters = code ? freeDeviceLetters(preview.devices, code) : [];
            setDevice((d) => ({
              ...d,
              branchCode: code ?? '',
              letter: d.letter || letters[0] || '',
            }));
          }}
          error={errors.branchCode}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="This device's letter"
            description={
              device.branchCode
                ? `Free letters: ${free.slice(0, 8).join(' ')}${free.length > 8 ? '…' : ''}`
                : undefined
            }
            maxLength={1}
            value={device.letter}
            onChange={(e) => setDevice({ ...device, letter: e.currentTarget.value.toUpperCase() })}
            error={errors['device.letter']}
          />
          <TextInput
            label="Device name"
            value={device.label}
            onChange={(e) => setDevice({ ...device, label: e.currentTarget.value })}
            error={errors['device.label']}
          />
        </SimpleGrid>
        <TextInput
          label="Your name"
          value={device.userName}
          onChange={(e) => setDevice({ ...device, userName: e.currentTarget.value })}
          error={errors.userName}
        />
        {joining.isLoading && progress && (
          <Stack gap={4}>
            <Text size="sm">
              Copying {progress.label.toLowerCase()} to this computer… {formatCount(progress.done)}
              {progress.total !== null ? ` of ${formatCount(progress.total)}` : ''}{' '}
              {(progress.total ?? progress.done) === 1 ? 'record' : 'records'}
            </Text>
            <Progress
              value={progress.total ? (100 * progress.done) / progress.total : 0}
              aria-label={`Copying ${progress.label}`}
              animated
            />
          </Stack>
        )}
        {joining.isLoading && !progress && (
          <Progress value={100} animated aria-label="Connecting" />
        )}
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => setPreview(null)}>
            Back
          </Button>
          <Button type="submit" loading={joining.isLoading}>
            Join company
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
