import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { usePermissions } from '../../../../client/permissions';
import { useState } from 'react';
import { errorMessage } from '../../../../ui/form-errors';
import { FormScaffold } from '../../../../ui/form/FormScaffold';
import { CURRENCIES } from '../../../../ui/options';
import { partyFieldsSchema, type Party } from '../../domain/schemas';
import { useTradePartiesQuery, useTradeSavePartyMutation, useTradeSetupQuery } from './api';

type KindFilter = 'all' | 'customer' | 'supplier';
const KIND_LABEL: Record<Party['kind'], string> = {
  customer: 'Customer',
  supplier: 'Supplier',
  both: 'Both',
};

/** Customers and suppliers: company master data, searchable, edited in a modal. Route: /accounts/parties. */
export function PartiesPage() {
  const { data: parties = [], isLoading, error } = useTradePartiesQuery();
  const [kind, setKind] = useState<KindFilter>('all');
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<Party | 'new' | null>(null);
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const visible = parties
    .filter((p) => kind === 'all' || p.kind === kind || p.kind === 'both')
    .filter((p) => {
      const hay = `${p.code} ${p.name} ${p.email} ${p.phone} ${p.taxId}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const { manageMaster } = usePermissions();

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group>
          <TextInput
            aria-label="Search customers and suppliers"
            placeholder="Search code, name, e-mail"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={280}
          />
          <SegmentedControl
            size="xs"
            aria-label="Show customers or suppliers"
            value={kind}
            onChange={(v) => setKind(v as KindFilter)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'customer', label: 'Customers' },
              { value: 'supplier', label: 'Suppliers' },
            ]}
          />
        </Group>
        {manageMaster && (
          <Button size="xs" onClick={() => setEditing('new')}>
            Add customer or supplier
          </Button>
        )}
      </Group>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <Table striped highlightOnHover aria-label="Customers and suppliers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Currency</Table.Th>
            <Table.Th>Terms</Table.Th>
            <Table.Th>E-mail</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((p) => (
            <Table.Tr key={p._id} data-testid={`party-${p.code}`}>
              <Table.Td>{p.code}</Table.Td>
              <Table.Td>
                {p.name}
                {p.archived && (
                  <Badge ml="xs" size="xs" color="gray">
                    archived
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{KIND_LABEL[p.kind]}</Table.Td>
              <Table.Td>{p.currency}</Table.Td>
              <Table.Td>{p.paymentTermsDays} days</Table.Td>
              <Table.Td>{p.email}</Table.Td>
              <Table.Td>
                {manageMaster && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEditing(p)}
                    aria-label={`Edit ${p.code}`}
                  >
                    Edit
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {visible.length === 0 && (
        <Text c="dimmed" size="sm">
          {isLoading
            ? 'Loading…'
            : parties.length
              ? 'Nobody matches the search.'
              : 'No customers or suppliers yet. Press “Add customer or supplier”.'}
        </Text>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add customer or supplier' : 'Edit customer or supplier'}
        size="lg"
      >
        {editing !== null && (
          <PartyForm
            party={editing === 'new' ? null : editing}
            defaultKind={kind === 'supplier' ? 'supplier' : 'customer'}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function PartyForm({
  party,
  defaultKind,
  onDone,
}: {
  party: Party | null;
  defaultKind: Party['kind'];
  onDone(): void;
}) {
  const { data: setup } = useTradeSetupQuery();
  const [save] = useTradeSavePartyMutation();
  const [v, setV] = useState({
    code: party?.code ?? '',
    name: party?.name ?? '',
    kind: party?.kind ?? defaultKind,
    email: party?.email ?? '',
    phone: party?.phone ?? '',
    address: party?.address ?? '',
    taxId: party?.taxId ?? '',
    paymentTermsDays: party?.paymentTermsDays ?? 30,
    currency: party?.currency ?? '',
    archived: party?.archived ?? false,
  });
  const currency = v.currency || setup?.baseCurrency || 'USD';
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));

  return (
    <FormScaffold
      schema={partyFieldsSchema}
      values={{ ...v, code: v.code.trim().toUpperCase(), currency }}
      onSubmit={(fields) => save({ ...(party ? { id: party._id } : {}), fields })}
      onSaved={onDone}
      submitLabel="Save"
      actions={
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      }
    >
      {(form) => (
        <>
          <SimpleGrid cols={2}>
            <TextInput
              label="Code"
              value={v.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
              error={form.error('code')}
              data-autofocus
            />
            <Select
              label="Kind"
              allowDeselect={false}
              data={[
                { value: 'customer', label: 'Customer' },
                { value: 'supplier', label: 'Supplier' },
                { value: 'both', label: 'Both' },
              ]}
              value={v.kind}
              onChange={(k) => set({ kind: (k ?? 'customer') as Party['kind'] })}
              error={form.error('kind')}
            />
          </SimpleGrid>
          <TextInput
            label="Name"
            value={v.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={form.error('name')}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label="Email"
              type="email"
              value={v.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
              error={form.error('email')}
            />
            <TextInput
              label="Phone"
              value={v.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              error={form.error('phone')}
            />
          </SimpleGrid>
          <Textarea
            label="Address"
            value={v.address}
            onChange={(e) => set({ address: e.currentTarget.value })}
            error={form.error('address')}
            minRows={2}
          />
          <SimpleGrid cols={3}>
            <TextInput
              label="Tax ID"
              value={v.taxId}
              onChange={(e) => set({ taxId: e.currentTarget.value })}
              error={form.error('taxId')}
            />
            <NumberInput
              label="Payment terms (days)"
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              value={v.paymentTermsDays}
              onChange={(n) =>
                set({ paymentTermsDays: typeof n === 'number' ? n : Number(n) || 0 })
              }
              error={form.error('paymentTermsDays')}
            />
            <Select
              label="Currency"
              data={CURRENCIES}
              searchable
              allowDeselect={false}
              value={currency}
              onChange={(c) => set({ currency: c ?? '' })}
              error={form.error('currency')}
            />
          </SimpleGrid>
          {party && (
            <Select
              label="Status"
              allowDeselect={false}
              data={[
                { value: 'active', label: 'Active' },
                { value: 'archived', label: 'Archived (hidden from new documents)' },
              ]}
              value={v.archived ? 'archived' : 'active'}
              onChange={(s) => set({ archived: s === 'archived' })}
            />
          )}
          <Text size="xs" c="dimmed">
            Customers and suppliers are company master data: an administrator or head office edits
            them, and every branch sees the change after sync.
          </Text>
        </>
      )}
    </FormScaffold>
  );
}
