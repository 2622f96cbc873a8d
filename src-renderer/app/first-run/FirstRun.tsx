import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CreateCompanyForm } from './CreateCompanyForm';
import { JoinCompanyForm } from './JoinCompanyForm';
import { RestoreFromBackup } from './RestoreFromBackup';

export function FirstRun() {
  const [mode, setMode] = useState<'choose' | 'create' | 'join' | 'restore'>('choose');
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={560}>
        <Stack>
          <Title order={1} size="h2">
            Welcome to Outpost
          </Title>
          {mode === 'choose' && (
            <>
              <Text>
                Outpost keeps your accounts, payroll, stock and files on this computer and works
                without a network. When a sync server can be reached, every office’s work meets
                there.
              </Text>
              <Group grow>
                <Button onClick={() => setMode('create')}>Create a company</Button>
                <Button variant="light" onClick={() => setMode('join')}>
                  Join an existing company
                </Button>
              </Group>
              <Button variant="subtle" onClick={() => setMode('restore')}>
                Restore from a backup
              </Button>
            </>
          )}
          {mode === 'create' && <CreateCompanyForm onBack={() => setMode('choose')} />}
          {mode === 'join' && <JoinCompanyForm onBack={() => setMode('choose')} />}
          {mode === 'restore' && <RestoreFromBackup onBack={() => setMode('choose')} />}
        </Stack>
      </Paper>
    </Center>
  );
}
