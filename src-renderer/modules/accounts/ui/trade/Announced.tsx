import { Alert } from '@mantine/core';
import { useLocation } from 'react-router';

/**
 * What the page before this one booked ("Receipt NYC-A-RC-000123 recorded — …"), passed in the
 * navigation's state: it stays on the list after the notification has gone, until the clerk
 * moves on.
 */
export function Announced() {
  const state = useLocation().state as { announce?: unknown } | null;
  const text = typeof state?.announce === 'string' ? state.announce : null;
  if (!text) return null;
  return (
    <Alert color="teal" role="status" mb="xs" data-testid="trade-announced">
      {text}
    </Alert>
  );
}
