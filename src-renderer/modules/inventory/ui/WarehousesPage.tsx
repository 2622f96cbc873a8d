import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useBranchesQuery } from '../../../client/api';
import { usePermissions } from '../../../client/permissions';
import { FormScaffold } from '../../../ui/form/FormScaffold';
import { errorMessage } from '../../../ui/form-errors';
import { DataGrid, type GridColumn } from '../../../ui/grid/DataGrid';
import { warehouseFieldsSchema, type Warehouse } from '../domain/schemas';
import { useSaveWarehouseMutation, useWarehousesQuery } from './api';

interface Draft {
  id?: string;
  code: string;
  name: string;
  branchCode: string;
  archived: boolean;
}
const EMPTY: Draft = { code: '', name: '', branchCode: '', archived: false };

/** Warehouses are company data: head office or an administrator keeps them; everyone sees them. */
export function WarehousesPage() {
  const { manageMaster } = usePermissions();
  const { data: warehouses, error } = useWarehousesQuery({});
  const { data: branches } = useBranchesQuery();
  const [draft, setDraft] = useState<Draft | null>(null);
  const branchName = (code: string) => branches?.find((b) => b.code === code)?.name ?? code;
  const columns: GridColumn<Warehouse>[] = [
    { id: 'code', header: 'Code', width: '140px', cell: (w) => w.code },
    { id: 'name', header: 'Name', width: 'minmax(200px, 2fr)', cell: (w) => w.name },
    {
      id: 'branch',
      header: 'Branch',
      width: 'minmax(140px, 1fr)',
      cell: (w) => branchName(w.branchCode),
    },
    { id: 'state', header: '', width: '90px', cell: (w) => (w.archived ? 'Archived' : '') },
  ];
  return (
    <Stack gap="sm">
      <Group>
        <Title order={3}>Warehouses</Title>
        {manageMaster && (
          <Button ml="auto" onClick={() => setDraft({ ...EMPTY })}>
            New warehouse
          </Button>
        )}
      </Group>
      {!manageMaster && (
        <Text size="sm" c="dimmed">
          Warehouses are company data: an administrator or head office adds and changes them.
        </Text>
      )}
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      <DataGrid
        label="Warehouses"
        columns={columns}
        rows={warehouses ?? []}
        rowKey={(w) => w._id}
        variant="list"
        onActivate={
          manageMaster
            ? (w) =>
                setDraft({
                  id: w._id,
                  code: w.code,
                  name: w.name,
                  branchCode: w.branchCode,
                  archived: w.archived,
                })
            : undefined
        }
        empty="No warehouses yet."
      />
      {manageMaster && draft && (
        <WarehouseForm
          key={draft.id ?? 'new'}
          draft={draft}
          branches={(branches ?? []).map((b) => ({ value: b.code, label: `${b.code} ${b.name}` }))}
          onDone={() => setDraft(null)}
        />
      )}
    </Stack>
  );
}

function WarehouseForm({
  draft,
  branches,
  onDone,
}: {
  draft: Draft;
  branches: { value: string; label: string }[];
  onDone(): void;
}) {
  const [v, setV] = useState(draft);
  const [save] = useSaveWarehouseMutation();
  const { id, ...fields } = v;
  return (
    <FormScaffold
      aria-label="Warehouse"
      schema={warehouseFieldsSchema}
      values={fields}
      submitLabel={id ? 'Save warehouse' : 'Add warehouse'}
      onSubmit={(f) => save({ ...(id ? { id } : {}), fields: f })}
      onSaved={onDone}
      actions={
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      }
    >
      {(form) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Code"
              value={v.code}
              onChange={(e) => setV({ ...v, code: e.currentTarget.value })}
              error={form.error('code')}
              autoFocus
            />
            <TextInput
              label="Name"
              value={v.name}
              onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
              error={form.error('name')}
            />
            <Select
              label="Branch"
              data={branches}
              value={v.branchCode || null}
              onChange={(b) => setV({ ...v, branchCode: b ?? '' })}
              error={form.error('branchCode')}
              searchable
            />
          </SimpleGrid>
          <Checkbox
            label="Archived (no new moves; its history stays)"
            checked={v.archived}
            onChange={(e) => setV({ ...v, archived: e.currentTarget.checked })}
          />
        </>
      )}
    </FormScaffold>
  );
}
