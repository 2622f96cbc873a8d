import { List, Paper, Stack, Text, Title } from '@mantine/core';

/**
 * What a module that is not built yet shows: an honest statement and what it will do, with
 * no fake screens or sample numbers.
 */
export function ComingLater({
  title,
  intro,
  planned,
}: {
  title: string;
  intro: string;
  planned: string[];
}) {
  return (
    <Stack maw={720}>
      <Title order={2}>{title}</Title>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Text fw={600}>{title} is coming in a later release.</Text>
          <Text>{intro}</Text>
          <Text size="sm" c="dimmed">
            What it will cover:
          </Text>
          <List size="sm">
            {planned.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            Nothing is stored for this module yet, so there is nothing to lose by waiting.
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
