import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';

export function LockedElsewhere() {
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" maw={520}>
        <Stack>
          <Title order={2}>Outpost is already open in another tab or window</Title>
          <Text>
            Only one window at a time may work with this computer’s Outpost data, so that nothing
            you type is lost. Switch to the window that is already open, or close it and reload this
            one.
          </Text>
          <Button variant="light" onClick={() => location.reload()}>
            Reload this window
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
