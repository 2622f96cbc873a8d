import { Alert, Card, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { FormScaffold } from '../../../ui/form/FormScaffold';
import { DateInput } from '../../../ui/inputs/DateInput';
import { formatIsoDate } from '../../../ui/inputs/date-format';
import { isoDateSchema } from '../domain/schemas';
import {
  accountsApi,
  useCloseYearMutation,
  useLedgerSetupQuery,
  useSetLockDateMutation,
} from './api';
import { usePermissions } from '../../../client/permissions';
import { useSlips, withEmptyMessages } from './typed-form';

// An empty lock date removes the lock; a date that does not read must never do that.
const lockForm = z
  .object({ lockDate: isoDateSchema.nullable(), unreadable: z.literal(false) })
  .transform(({ lockDate }) => ({ lockDate }));

const closeForm = withEmptyMessages(z.object({ yearEnd: isoDateSchema }), {
  yearEnd: 'Enter the last day of the year to close.',
});

/** Lock date and year-end close: the two controls that stop changes to finished periods. */
export function PeriodClosePage() {
  const { data: setup } = useLedgerSetupQuery();
  const { manageMaster } = usePermissions();
  const current = setup?.settings?.lockDate ?? null;

  return (
    <Stack>
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600}>Lock date</Text>
          <Text size="sm">
            Nothing can be posted on or before the lock date, in any office. Current lock date:{' '}
            <strong>{current ? formatIsoDate(current) : 'none'}</strong>.
          </Text>
          {/* Keyed: the field starts from the saved date once it has loaded, and after each save. */}
          {manageMaster && <LockForm key={current ?? ''} current={current} />}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600}>Year-end close</Text>
          <Text size="sm">
            Posts one entry on the last day of the year that brings this branch’s income and expense
            accounts to zero against retained earnings. Head office can close every branch at once:
            each branch gets its own entry in its own books. An entry can be reversed like any
            other. Lock the year afterwards so nothing more is posted into it.
          </Text>
          <CloseYearForm />
        </Stack>
      </Card>
    </Stack>
  );
}

function LockForm({ current }: { current: string | null }) {
  const [setLock] = useSetLockDateMutation();
  const [lockDate, setLockDate] = useState<string | null>(current);
  const slips = useSlips();
  return (
    <FormScaffold
      schema={lockForm}
      values={{ lockDate, unreadable: slips.has('lockDate') }}
      onSubmit={(input) => setLock(input)}
      submitLabel="Save lock date"
      aria-label="Lock date"
    >
      {(form) => (
        <DateInput
          label="Lock the books up to"
          description="Leave empty to remove the lock."
          value={lockDate}
          onChange={(date, text) => {
            slips.note('lockDate', date, text);
            setLockDate(date);
          }}
          error={slips.error('lockDate', form.error('lockDate'))}
          maw={260}
        />
      )}
    </FormScaffold>
  );
}

function CloseYearForm() {
  const [closeYear] = useCloseYearMutation();
  const [yearEnd, setYearEnd] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const slips = useSlips();
  return (
    <>
      <FormScaffold
        schema={closeForm}
        values={{ yearEnd }}
        onSubmit={async (input) => {
          setClosed(null);
          const res = await closeYear(input);
          if ('data' in res && res.data) setClosed(res.data.number);
          return res;
        }}
        submitLabel="Close the year"
        aria-label="Year-end close"
      >
        {(form) => (
          <DateInput
            label="Last day of the year"
            value={yearEnd}
            onChange={(date, text) => {
              slips.note('yearEnd', date, text);
              setYearEnd(date);
            }}
            error={slips.error('yearEnd', form.error('yearEnd'))}
            maw={260}
          />
        )}
      </FormScaffold>
      {closed && <Alert color="teal">Closing entry {closed} posted.</Alert>}
      {yearEnd && <BranchesClose yearEnd={yearEnd} />}
    </>
  );
}

const allForm = z.object({ yearEnd: isoDateSchema });

/** Head office (a device holding several branches): each branch's state, and one close for all. */
function BranchesClose({ yearEnd }: { yearEnd: string }) {
  const { data: branches } = accountsApi.endpoints['accounts.yearCloseStatus'].useQuery({
    yearEnd,
  });
  const [closeAll] = accountsApi.endpoints['accounts.closeYearAllBranches'].useMutation();
  const [done, setDone] = useState<string | null>(null);
  if (!branches || branches.length < 2) return null;
  return (
    <Stack gap="xs" aria-label="Branches closed">
      <Text size="sm" fw={600}>
        Branches on {formatIsoDate(yearEnd)}
      </Text>
      <List size="sm">
        {branches.map((b) => (
          <List.Item key={b.branch}>
            {b.name} ({b.branch}): {b.closed ? `closed by ${b.number}` : 'not closed yet'}
          </List.Item>
        ))}
      </List>
      {branches.some((b) => !b.closed) && (
        <FormScaffold
          schema={allForm}
          values={{ yearEnd }}
          onSubmit={async (input) => {
            setDone(null);
            const res = await closeAll(input);
            if ('data' in res && res.data)
              setDone(res.data.closed.map((c) => `${c.branch} (${c.number})`).join(', '));
            return res;
          }}
          submitLabel="Close for all branches"
          aria-label="Year-end close for all branches"
        >
          {() => null}
        </FormScaffold>
      )}
      {done && <Alert color="teal">The year is closed for {done}.</Alert>}
    </Stack>
  );
}
