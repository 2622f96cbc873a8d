import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../ui/form-errors';
import { useDiscardDraftMutation } from './api';

/**
 * Discards a saved draft after asking. The deletion syncs to the other offices and keeps who
 * discarded it and when; posted documents have no such button (they are reversed or credited).
 */
export function DiscardDraftButton({
  id,
  what,
  onDiscarded,
}: {
  id: string;
  what: string;
  onDiscarded: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [discard, state] = useDiscardDraftMutation();
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = async () => {
    setFailure(null);
    const res = await discard({ id });
    if ('error' in res) {
      setFailure(errorMessage(res.error));
      return;
    }
    setOpen(false);
    onDiscarded();
  };
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        Discard draft
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Discard this ${what}?`}>
        <Stack>
          <Text size="sm">
            The draft is removed from every office once this device syncs. Nothing was posted from
            it, so the books do not change.
          </Text>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Keep it
            </Button>
            <Button color="red" onClick={() => void confirm()} loading={state.isLoading}>
              Discard
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
