import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { countOf, formatDateTime } from '../../core/format';
import { useState, type FormEvent } from 'react';
import { useSelector } from 'react-redux';
import { Link } from 'react-router';
import { addBranchInputSchema } from '../../core/org/org-service';
import { errorFields, errorMessage, zodFieldErrors, type FieldErrors } from '../../ui/form-errors';
import { CURRENCIES } from '../../ui/options';
import {
  useAddBranchMutation,
  useAppStateQuery,
  useBranchActivityQuery,
  useBranchesQuery,
  useDevicesQuery,
  useIndexStatusQuery,
  useRebuildIndexMutation,
} from '../../client/api';
import type { RootState } from '../../client/store';
import type { BranchActivity } from '../../core/rpc/contract';
import { usePermissions } from '../../client/permissions';
import { BackupSection } from './BackupSection';

export function SettingsPage() {
  return (
    <Stack>
      <Title order={2}>Settings</Title>
      <BranchesCard />
      <DevicesCard />
      <IndexCard />
      <BackupSection />
    </Stack>
  );
}

function BranchesCard() {
  const { manageMaster } = usePermissions();
  const { data: branches } = useBranchesQuery();
  const { data: activity } = useBranchActivityQuery();
  const heard = new Map((activity ?? []).map((a) => [a.code, a]));
  const { data: state } = useAppStateQuery();
  const [open, setOpen] = useState(false);
  const base = state?.phase === 'ready' ? state.company.baseCurrency : 'USD';
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Branches</Text>
        {manageMaster && (
          <Button size="xs" onClick={() => setOpen(true)}>
            Add branch
          </Button>
        )}
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Currency</Table.Th>
            <Table.Th>Last heard from</Table.Th>
            <Table.Th>Conflicts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {branches?.map((b) => (
            <Table.Tr key={b._id} data-testid={`branch-${b.code}`}>
              <Table.Td>{b.code}</Table.Td>
              <Table.Td>{b.name}</Table.Td>
              <Table.Td>{b.currency}</Table.Td>
              <Table.Td data-testid={`heard-${b.code}`}>{heardText(heard.get(b.code))}</Table.Td>
              <Table.Td data-testid={`conflicts-${b.code}`}>
                <BranchConflicts activity={heard.get(b.code)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={open} onClose={() => setOpen(false)} title="Add branch">
        {open && <AddBranchForm baseCurrency={base} onDone={() => setOpen(false)} />}
      </Modal>
    </Card>
  );
}

function AddBranchForm({ baseCurrency, onDone }: { baseCurrency: string; onDone(): void }) {
  const [addBranch, { isLoading }] = useAddBranchMutation();
  const [v, setV] = useState({ code: '', name: '', currency: baseCurrency });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = addBranchInputSchema.safeParse({ ...v, code: v.code.trim() });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    const res = await addBranch(parsed.data);
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      return;
    }
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Branch code"
          description="2–6 capital letters or digits, e.g. BOS"
          value={v.code}
          onChange={(e) => setV({ ...v, code: e.currentTarget.value.toUpperCase() })}
          error={errors.code}
          data-autofocus
        />
        <TextInput
          label="Branch name"
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={errors.name}
        />
        <Select
          label="Currency"
          data={CURRENCIES}
          value={v.currency}
          onChange={(c) => setV({ ...v, currency: c ?? baseCurrency })}
          searchable
          allowDeselect={false}
          error={errors.currency}
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={isLoading}>
            Save branch
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DevicesCard() {
  const { data: devices } = useDevicesQuery();
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        Devices
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Registered by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {devices?.map((d) => (
            <Table.Tr key={d._id} data-testid={`device-${d.branchCode}-${d.letter}`}>
              <Table.Td>
                <Badge variant="light">
                  {d.branchCode}-{d.letter}
                </Badge>
              </Table.Td>
              <Table.Td>{d.label}</Table.Td>
              <Table.Td>{d.createdBy}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function IndexCard() {
  const { data: status } = useIndexStatusQuery();
  const [rebuild, { isLoading }] = useRebuildIndexMutation();
  const progress = useSelector((s: RootState) => s.ui.progress['index-rebuild']);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <div>
          <Text fw={600}>Search and report index</Text>
          <Text size="sm" c="dimmed">
            Built from the records on this computer. Rebuilding it is safe at any time; no record is
            changed.
          </Text>
        </div>
        <Button size="xs" variant="default" onClick={() => rebuild()} loading={isLoading}>
          Rebuild index
        </Button>
      </Group>
      {progress && (
        <Progress
          value={progress.total ? (100 * progress.done) / progress.total : 0}
          aria-label="Rebuilding the index"
          animated
          mb="xs"
        />
      )}
      <Text size="sm" data-testid="index-status">
        {status
          ? `${countOf(
              status.sources.reduce((n, s) => n + s.rows, 0),
              'record',
            )} indexed${status.lastRebuiltAt ? ` · last rebuilt ${formatDateTime(status.lastRebuiltAt)}` : ''}`
          : ''}
      </Text>
    </Card>
  );
}

/** Records of the branch in conflict, linking to the Conflicts page filtered by that branch. */
function BranchConflicts({ activity }: { activity: BranchActivity | undefined }) {
  if (!activity?.held) return null;
  if (activity.conflicts === 0) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Text
      size="sm"
      c="orange"
      fw={600}
      component={Link}
      to={`/conflicts?branch=${encodeURIComponent(activity.code)}`}
    >
      {activity.conflicts} to resolve
    </Text>
  );
}

function heardText(a: BranchActivity | undefined): string {
  if (!a) return '';
  if (!a.held) return 'Not synced on this computer';
  if (!a.lastHeardFrom) return 'Nothing yet';
  return `${formatDateTime(a.lastHeardFrom)} · ${countOf(a.records, 'record')}`;
}
