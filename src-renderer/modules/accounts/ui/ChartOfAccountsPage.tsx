import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { FormScaffold } from '../../../ui/form/FormScaffold';
import {
  ACCOUNT_KINDS,
  ACCOUNT_SUBTYPES,
  accountFieldsSchema,
  type Account,
  type AccountKind,
} from '../domain/schemas';
import { subtypeWords } from './words';
import { useAccountsQuery, useSaveAccountMutation } from './api';
import { useSpecialRoles } from './special-roles';
import { usePermissions } from '../../../client/permissions';
import { RecordPicker } from '../../../ui/inputs/RecordPicker';

const KIND_LABEL: Record<AccountKind, string> = {
  asset: 'Asset',
  liability: 'Liability',
  equity: 'Equity',
  income: 'Income',
  expense: 'Expense',
};

/** Depth of each account under its groups, for indentation; cycles cannot occur (parents must be groups that exist). */
function depthOf(a: Account, byCode: Map<string, Account>): number {
  let depth = 0;
  let p = a.parentCode;
  while (p && depth < 10) {
    depth++;
    p = byCode.get(p)?.parentCode ?? null;
  }
  return depth;
}

export function ChartOfAccountsPage() {
  const { data: accounts = [] } = useAccountsQuery();
  const { manageMaster } = usePermissions();
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const byCode = useMemo(() => new Map(accounts.map((a) => [a.code, a])), [accounts]);
  const visible = accounts.filter((a) => showArchived || !a.archived);
  const special = useSpecialRoles();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Checkbox
          label="Show archived accounts"
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
        {manageMaster && (
          <Button size="xs" onClick={() => setEditing('new')}>
            Add account
          </Button>
        )}
      </Group>
      {accounts.length === 0 && (
        <Text size="sm" c="dimmed">
          No accounts yet. Import your own chart in <Link to="/accounts/io">Import and export</Link>{' '}
          or add accounts one by one, then choose the special accounts in{' '}
          <Link to="/accounts/ledger-settings">Ledger settings</Link>.
        </Text>
      )}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Sub-type</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((a) => (
            <Table.Tr key={a._id} data-testid={`account-${a.code}`}>
              <Table.Td>{a.code}</Table.Td>
              <Table.Td
                style={{
                  paddingLeft: 12 + depthOf(a, byCode) * 18,
                  fontWeight: a.isGroup ? 600 : undefined,
                }}
              >
                {a.isGroup ? (
                  a.name
                ) : (
                  <Link to={`/accounts/reports/ledger/${a.code}`}>{a.name}</Link>
                )}
                {a.archived && (
                  <Badge ml="xs" size="xs" color="gray">
                    archived
                  </Badge>
                )}
                {special.get(a.code)?.map((role) => (
                  <Badge key={role} ml="xs" size="xs" variant="light" title="Ledger settings">
                    {role}
                  </Badge>
                ))}
              </Table.Td>
              <Table.Td>{KIND_LABEL[a.kind]}</Table.Td>
              <Table.Td>{a.isGroup ? 'Group' : subtypeWords(a.subtype)}</Table.Td>
              <Table.Td>
                {manageMaster && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEditing(a)}
                    aria-label={`Edit ${a.code}`}
                  >
                    Edit
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add account' : 'Edit account'}
      >
        {editing !== null && (
          <AccountForm
            account={editing === 'new' ? null : editing}
            accounts={accounts}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function AccountForm({
  account,
  accounts,
  onDone,
}: {
  account: Account | null;
  accounts: Account[];
  onDone(): void;
}) {
  const [save] = useSaveAccountMutation();
  const [v, setV] = useState({
    code: account?.code ?? '',
    name: account?.name ?? '',
    kind: (account?.kind ?? 'expense') as AccountKind,
    subtype: account?.subtype ?? 'expense',
    parentCode: account?.parentCode ?? '',
    isGroup: account?.isGroup ?? false,
    description: account?.description ?? '',
    archived: account?.archived ?? false,
    iban: account?.iban ?? '',
    bankId: account?.bankId ?? '',
    bankAccountId: account?.bankAccountId ?? '',
  });
  const isBank = !v.isGroup && (v.subtype === 'bank' || v.subtype === 'cash');
  const subtypes = Object.entries(ACCOUNT_SUBTYPES)
    .filter(([, k]) => k === v.kind)
    .map(([s]) => ({ value: s, label: subtypeWords(s) }));
  const groups = accounts.filter((a) => a.isGroup && a.kind === v.kind && a.code !== v.code);

  return (
    <FormScaffold
      schema={accountFieldsSchema}
      values={{
        ...v,
        code: v.code.trim().toUpperCase(),
        parentCode: v.parentCode || null,
        currency: account?.currency ?? null,
        ...(isBank ? {} : { iban: '', bankId: '', bankAccountId: '' }),
      }}
      onSubmit={(fields) => save({ ...(account ? { id: account._id } : {}), fields })}
      onSaved={onDone}
      submitLabel="Save account"
    >
      {(form) => (
        <>
          <Group grow>
            <TextInput
              label="Account code"
              value={v.code}
              onChange={(e) => setV({ ...v, code: e.currentTarget.value })}
              error={form.error('code')}
              data-autofocus
            />
            <TextInput
              label="Account name"
              value={v.name}
              onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
              error={form.error('name')}
            />
          </Group>
          <Group grow>
            <Select
              label="Kind"
              data={ACCOUNT_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
              value={v.kind}
              allowDeselect={false}
              onChange={(k) => {
                const kind = (k ?? 'expense') as AccountKind;
                const first =
                  Object.entries(ACCOUNT_SUBTYPES).find(([, x]) => x === kind)?.[0] ?? 'expense';
                setV({ ...v, kind, subtype: first as Account['subtype'], parentCode: '' });
              }}
              error={form.error('kind')}
            />
            <Select
              label="Sub-type"
              data={subtypes}
              value={v.subtype}
              allowDeselect={false}
              onChange={(s) => setV({ ...v, subtype: (s ?? v.subtype) as Account['subtype'] })}
              error={form.error('subtype')}
            />
          </Group>
          <RecordPicker
            label="Group"
            placeholder="Top level"
            clearable
            data={groups.map((g) => ({ value: g.code, label: `${g.code} ${g.name}` }))}
            value={v.parentCode || null}
            onChange={(p) => setV({ ...v, parentCode: p ?? '' })}
            error={form.error('parentCode')}
          />
          {isBank && (
            <BankIdFields v={v} onChange={(ids) => setV({ ...v, ...ids })} error={form.error} />
          )}
          <Textarea
            label="Description"
            value={v.description}
            onChange={(e) => setV({ ...v, description: e.currentTarget.value })}
            autosize
            minRows={2}
            error={form.error('description')}
          />
          <Group>
            <Checkbox
              label="Group account (totals only, no postings)"
              checked={v.isGroup}
              onChange={(e) => setV({ ...v, isGroup: e.currentTarget.checked })}
            />
            <Checkbox
              label="Archived"
              checked={v.archived}
              onChange={(e) => setV({ ...v, archived: e.currentTarget.checked })}
            />
          </Group>
          <Text size="xs" c="dimmed">
            Accounts are company master data; only an administrator or head office can change them.
          </Text>
        </>
      )}
    </FormScaffold>
  );
}

type BankIdValues = { iban: string; bankId: string; bankAccountId: string };

/** How the bank names this account in its files: one file can then hold several accounts. */
function BankIdFields({
  v,
  onChange,
  error,
}: {
  v: BankIdValues;
  onChange(ids: Partial<BankIdValues>): void;
  error(field: string): string | undefined;
}) {
  return (
    <Stack gap={4}>
      <TextInput
        label="IBAN"
        description="As on the bank statement; bank files for several accounts are sorted by it."
        value={v.iban}
        onChange={(e) => onChange({ iban: e.currentTarget.value })}
        error={error('iban')}
      />
      <Group grow>
        <TextInput
          label="Bank id (OFX)"
          description="Routing number or sort code"
          value={v.bankId}
          onChange={(e) => onChange({ bankId: e.currentTarget.value })}
          error={error('bankId')}
        />
        <TextInput
          label="Account number (OFX)"
          description="Or card number"
          value={v.bankAccountId}
          onChange={(e) => onChange({ bankAccountId: e.currentTarget.value })}
          error={error('bankAccountId')}
        />
      </Group>
    </Stack>
  );
}
