import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CreateCompanyForm } from './CreateCompanyForm';
import { readDemoOffer } from './demo-offer';
import { JoinCompanyForm } from './JoinCompanyForm';
import { RestoreFromBackup } from './RestoreFromBackup';

export function FirstRun() {
  const [mode, setMode] = useState<'choose' | 'create' | 'join' | 'restore'>('choose');
  const [offer] = useState(() => readDemoOffer());
  const [useDemo, setUseDemo] = useState(false);
  const demo = useDemo && offer ? offer : undefined;
  const choose = (next: typeof mode, withDemo: boolean) => {
    setUseDemo(withDemo);
    setMode(next);
  };
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
                <Button onClick={() => choose('create', false)}>Create a company</Button>
                <Button variant="light" onClick={() => choose('join', false)}>
                  Join an existing company
                </Button>
              </Group>
              <Button variant="subtle" onClick={() => setMode('restore')}>
                Restore from a backup
              </Button>
              {offer && (
                <Alert title="Try it with the demo sync server" color="teal">
                  <Stack gap="xs">
                    <Text size="sm">
                      A demo sync server is running on this computer ({offer.serverUrl}). Start the
                      demo company here as its head office; then open Outpost in a private window or
                      another browser and join it as the clerk, to watch two offices sync.
                    </Text>
                    <Group>
                      <Button size="xs" onClick={() => choose('create', true)}>
                        Start the demo company
                      </Button>
                      <Button size="xs" variant="light" onClick={() => choose('join', true)}>
                        Join the demo company
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              )}
            </>
          )}
          {mode === 'create' && (
            <CreateCompanyForm demo={demo} onBack={() => choose('choose', false)} />
          )}
          {mode === 'join' && (
            <JoinCompanyForm demo={demo} onBack={() => choose('choose', false)} />
          )}
          {mode === 'restore' && <RestoreFromBackup onBack={() => setMode('choose')} />}
        </Stack>
      </Paper>
    </Center>
  );
}
