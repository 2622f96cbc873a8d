import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { MoveKind } from '../../domain/schemas';
import { MOVE_WORDS } from '../format';

const WHAT: Record<MoveKind, string> = {
  receipt: 'Goods arrived from a supplier: quantities and what they cost.',
  delivery: 'Goods left for a customer or were used up.',
  adjustment: 'Damage, loss or a find: add or take away stock with a reason.',
  count: 'Count the shelves: enter what is there and the difference is booked.',
  internal: 'Goods moved from one of this branch’s warehouses to another.',
};

/** Where a storeroom clerk starts: one button per kind of move, the scanner ready on the next page. */
export function NewMoveMenu() {
  const navigate = useNavigate();
  return (
    <Stack gap="sm">
      <Title order={3}>Receive, deliver, count</Title>
      <Text size="sm" c="dimmed">
        A saved move cannot be changed. To fix one, open it from Past moves and choose Correct: a
        new move records the difference.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {(Object.keys(WHAT) as MoveKind[]).map((k) => (
          <Card withBorder key={k}>
            <Stack gap="xs">
              <Text fw={600}>{MOVE_WORDS[k]}</Text>
              <Text size="sm">{WHAT[k]}</Text>
              <Button variant="light" onClick={() => navigate(`/inventory/moves/new/${k}`)}>
                New {MOVE_WORDS[k].toLowerCase()}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
