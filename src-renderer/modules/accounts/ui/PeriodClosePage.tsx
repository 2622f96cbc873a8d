import { Alert, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../ui/form-errors';
import { useCloseYearMutation, useLedgerSetupQuery, useSetLockDateMutation } from './api';
import { usePermissions } from '../../../client/permissions';

/** Lock date and year-end close: the two controls that stop changes to finished periods. */
export function PeriodClosePage() {
  const { data: setup } = useLedgerSetupQuery();
  const [setLock, lock] = useSetLockDateMutation();
  const [closeYear, close] = useCloseYearMutation();
  const [lockDate, setLockDate] = useState(setup?.settings?.lockDate ?? '');
  const [yearEnd, setYearEnd] = useState('');
  const [closed, setClosed] = useState<string | null>(null);
  const { manageMaster } = usePermissions();

  return (
    <Stack>
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600}>Lock date</Text>
          <Text size="sm">
            Nothing can be posted on or before the lock date, in any office. Current lock date:{' '}
            <strong>{setup?.settings?.lockDate ?? 'none'}</strong>.
          </Text>
          {manageMaster && (
            <Group align="flex-end">
              <TextInput
                type="date"
                label="Lock the books up to"
                value={lockDate}
                onChange={(e) => setLockDate(e.currentTarget.value)}
              />
              <Button
                variant="default"
                loading={lock.isLoading}
                onClick={() => setLock({ lockDate: lockDate || null })}
              >
                Save lock date
              </Button>
            </Group>
          )}
          {lock.error && <Alert color="red">{errorMessage(lock.error)}</Alert>}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600}>Year-end close</Text>
          <Text size="sm">
            Posts one entry on the last day of the year that brings this branch’s income and expense
            accounts to zero against retained earnings. The entry can be reversed like any other.
            Lock the year afterwards so nothing more is posted into it.
          </Text>
          <Group align="flex-end">
            <TextInput
              type="date"
              label="Last day of the year"
              value={yearEnd}
              onChange={(e) => setYearEnd(e.currentTarget.value)}
            />
            <Button
              loading={close.isLoading}
              disabled={!yearEnd}
              onClick={async () => {
                const res = await closeYear({ yearEnd });
                if ('data' in res && res.data) setClosed(res.data.number);
              }}
            >
              Close the year
            </Button>
          </Group>
          {close.error && <Alert color="red">{errorMessage(close.error)}</Alert>}
          {closed && <Alert color="teal">Closing entry {closed} posted.</Alert>}
        </Stack>
      </Card>
    </Stack>
  );
}
