import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { mergeFields } from '../../core/conflicts/conflict-diff';
import { branchCodeOfDb, MASTER_DB } from '../../core/db/names';
import type { Device } from '../../core/org/schemas';
import type { ConflictRecord, ConflictVersion } from '../../core/rpc/contract';
import { errorFields, errorMessage } from '../../ui/form-errors';
import {
  useBranchesQuery,
  useCompanyQuery,
  useConflictsQuery,
  useDevicesQuery,
  useResolveConflictMutation,
} from '../../client/api';
import { formatDateTime } from '../../core/format';
import { typeWord } from '../type-words';
import { ForgeriesSection } from './ForgeriesSection';
import { deviceText, humanise, showValue, type ValueContext } from './conflict-values';

/**
 * Conflicts (issue 4 §3): every draft or master-data record two offices changed while apart,
 * its versions side by side, field by field. Keep one version, or pick field by field and
 * save the merge; the decision syncs to every office like any edit. Route: /conflicts.
 */
export function ConflictsPage() {
  const { data: all, isLoading, error, refetch } = useConflictsQuery();
  const { data: devices = [] } = useDevicesQuery();
  const [params, setParams] = useSearchParams();
  const branch = params.get('branch') ?? '';
  const conflicts = all?.filter((c) => inBranch(c.db, branch));
  return (
    <Stack>
      <Title order={2}>Conflicts</Title>
      <Text size="sm" maw={820}>
        When two offices change the same record while they are apart (offline, or before their
        changes have synced), Outpost keeps both changes and lists the record here. Nothing is lost:
        until someone decides, every office shows the same version (marked “shown now”) and keeps
        the others here. Compare the versions field by field, then press “Keep this version”, or
        choose the value you want in each highlighted row and press “Save merged version”. Your
        decision reaches every office at the next sync. Posted documents never change, so only
        drafts and master data (customers, suppliers, accounts, settings) can be in conflict.
      </Text>
      {error && (
        <Alert color="red" title="The conflicts could not be read">
          {errorMessage(error)}
        </Alert>
      )}
      <BranchFilter branch={branch} onChange={(b) => setParams(b ? { branch: b } : {})} />
      {isLoading && <Text c="dimmed">Loading…</Text>}
      {all && all.length === 0 && (
        <Text c="teal" fw={600} data-testid="conflicts-empty">
          No conflicts: every office agrees.
        </Text>
      )}
      {all && all.length > 0 && conflicts && conflicts.length < all.length && (
        <Text size="sm" data-testid="conflicts-filtered">
          {conflicts.length === 0
            ? `No conflicts in ${scopeText(branch)}`
            : `Showing ${conflicts.length} of ${all.length} conflicts (${scopeText(branch)})`}
          {' · '}
          <Anchor component="button" type="button" size="sm" onClick={() => setParams({})}>
            Show every branch
          </Anchor>
        </Text>
      )}
      {conflicts?.map((c) => (
        <ConflictCard
          key={`${c.db}|${c.id}|${c.revs.join(',')}`}
          conflict={c}
          devices={devices}
          onStale={() => void refetch()}
        />
      ))}
      <ForgeriesSection devices={devices} />
    </Stack>
  );
}

/** '' = everything; '*' = company data (master); otherwise a branch code. */
function inBranch(db: string, branch: string): boolean {
  if (!branch) return true;
  if (branch === '*') return db === MASTER_DB;
  return branchCodeOfDb(db) === branch;
}

function scopeText(branch: string): string {
  return branch === '*' ? 'company data' : `branch ${branch}`;
}

function BranchFilter({ branch, onChange }: { branch: string; onChange(branch: string): void }) {
  const { data: branches = [] } = useBranchesQuery();
  const data = [
    { value: 'all', label: 'Every branch and company data' },
    { value: '*', label: 'Company data (customers, accounts, settings…)' },
    ...branches.map((b) => ({ value: b.code, label: `Branch ${b.code} — ${b.name}` })),
  ];
  // A branch in the address that is not (yet) in the list still filters, and says so.
  if (branch && !data.some((d) => d.value === branch))
    data.push({ value: branch, label: `Branch ${branch}` });
  return (
    <Select
      label="Show"
      data={data}
      value={branch || 'all'}
      onChange={(v) => onChange(!v || v === 'all' ? '' : v)}
      allowDeselect={false}
      maw={420}
      data-testid="conflicts-branch"
    />
  );
}

function typeLabel(type: string): string {
  return typeWord(type);
}

function when(iso: string): string {
  return formatDateTime(iso);
}

function ConflictCard({
  conflict,
  devices,
  onStale,
}: {
  conflict: ConflictRecord;
  devices: Device[];
  onStale(): void;
}) {
  const [resolve, { isLoading }] = useResolveConflictMutation();
  const { data: company } = useCompanyQuery();
  const first = conflict.versions[0]?.doc;
  const ctx: ValueContext = {
    currency: typeof first?.currency === 'string' ? first.currency : null,
    baseCurrency: company?.baseCurrency ?? null,
    labels: conflict.labels ?? {},
    devices,
  };
  // A record is created once: its device is said once, not as if each version came from it.
  const createdOn = [...new Set(conflict.versions.map((v) => v.device).filter(Boolean))];
  const [picks, setPicks] = useState<Record<string, number>>({});
  const [failure, setFailure] = useState<{
    message: string;
    fields: Record<string, string>;
  } | null>(null);
  const fields = useMemo(() => conflict.fields.filter((f) => !f.audit), [conflict.fields]);
  const differing = fields.filter((f) => f.differs);
  const anyPosted = conflict.versions.some((v) => v.posted);
  const canMerge = !anyPosted && conflict.versions.every((v) => v.readable === 'current');

  async function send(decision: { keepRev: string } | { merged: Record<string, unknown> }) {
    setFailure(null);
    const res = await resolve({
      db: conflict.db,
      id: conflict.id,
      revs: conflict.revs,
      ...decision,
    });
    if ('error' in res) {
      setFailure({ message: errorMessage(res.error), fields: errorFields(res.error) });
      if ((res.error as { code?: string }).code === 'conflict') onStale();
    }
  }

  return (
    <Card withBorder data-testid={`conflict-${conflict.id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>{conflict.title}</Title>
            <Badge variant="light">{typeLabel(conflict.type)}</Badge>
          </Group>
          <Text size="xs" c="dimmed" data-testid={`conflict-summary-${conflict.id}`}>
            {createdOn.length > 0 &&
              `Created on device ${createdOn.map((d) => deviceText(d, ctx)).join(' / ')} · `}
            {conflict.versions.length} versions · {differing.length}{' '}
            {differing.length === 1 ? 'field differs' : 'fields differ'}
          </Text>
        </Group>
        <Table withTableBorder withColumnBorders aria-label={`Versions of ${conflict.title}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              {conflict.versions.map((v, i) => (
                <Table.Th key={v.rev}>
                  <VersionHeader version={v} n={i + 1} ctx={ctx} />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr
                key={f.field}
                data-differs={f.differs || undefined}
                data-testid={`conflict-field-${f.field}`}
                bg={f.differs ? 'var(--mantine-color-yellow-light)' : undefined}
              >
                <Table.Td fw={f.differs ? 600 : undefined}>
                  {humanise(f.field)}
                  {failure?.fields[f.field] && (
                    <Text size="xs" c="red">
                      {failure.fields[f.field]}
                    </Text>
                  )}
                </Table.Td>
                {f.values.map((value, i) => (
                  <Table.Td key={conflict.versions[i]!.rev}>
                    {f.differs && canMerge ? (
                      <Radio
                        name={`pick-${conflict.id}-${f.field}`}
                        checked={(picks[f.field] ?? 0) === i}
                        onChange={() => setPicks((p) => ({ ...p, [f.field]: i }))}
                        aria-label={`Use version ${i + 1} for ${humanise(f.field)}`}
                        label={<ValueText field={f.field} value={value} ctx={ctx} />}
                      />
                    ) : (
                      <ValueText field={f.field} value={value} ctx={ctx} />
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Td />
              {conflict.versions.map((v, i) => (
                <Table.Td key={v.rev}>
                  <Button
                    size="xs"
                    variant="light"
                    loading={isLoading}
                    disabled={
                      v.readable !== 'current' ||
                      (anyPosted && !(v.posted && v.winner)) ||
                      v.forged === true
                    }
                    onClick={() => void send({ keepRev: v.rev })}
                    aria-label={`Keep version ${i + 1}`}
                  >
                    Keep this version
                  </Button>
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        {failure && <Alert color="red">{failure.message}</Alert>}
        {anyPosted && (
          <Text size="xs" c="dimmed">
            {conflict.versions.some((v) => v.forged)
              ? 'One version is posted and the others were forged: every office shows and counts the posted version. Keep it to remove the forged ones (see “Forged changes to posted records” below).'
              : 'One version is posted: posted records never change, so only the posted version can be kept.'}
          </Text>
        )}
        <Group justify="flex-end">
          <Text size="xs" c="dimmed">
            The merged version takes, in each highlighted row, the value you chose (version 1 unless
            you pick another).
          </Text>
          <Button
            size="xs"
            loading={isLoading}
            disabled={!canMerge}
            onClick={() => void send({ merged: mergeFields(conflict.fields, picks) })}
          >
            Save merged version
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function VersionHeader({
  version,
  n,
  ctx,
}: {
  version: ConflictVersion;
  n: number;
  ctx: ValueContext;
}) {
  const who = version.editedBy || 'someone';
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <Text fw={700} size="sm">
          Version {n}
        </Text>
        {version.winner && (
          <Badge size="xs" color="blue" variant="light">
            shown now
          </Badge>
        )}
        {version.posted && (
          <Badge size="xs" color="gray">
            posted
          </Badge>
        )}
        {version.forged && (
          <Badge size="xs" color="red">
            forged, ignored
          </Badge>
        )}
        {version.readable === 'newer' && (
          <Badge size="xs" color="orange">
            newer Outpost
          </Badge>
        )}
        {version.readable === 'invalid' && (
          <Badge size="xs" color="red">
            unreadable
          </Badge>
        )}
      </Group>
      <Text size="xs" fw={400} data-testid="conflict-version-made">
        {version.editedOn
          ? `Made on ${deviceText(version.editedOn, ctx)} by ${who}, ${when(version.editedAt)}`
          : `Made by ${who}, ${when(version.editedAt)}, on a device an older Outpost did not record`}
      </Text>
    </Stack>
  );
}

function ValueText({ field, value, ctx }: { field: string; value: unknown; ctx: ValueContext }) {
  return (
    <Text
      size="sm"
      component={typeof value === 'object' && value !== null ? 'pre' : 'span'}
      style={{ whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' }}
    >
      {showValue(field, value, ctx)}
    </Text>
  );
}
