import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { missingSpecialAccounts } from '../domain/ledger-settings';
import type { LedgerSettings } from '../domain/schemas';

/**
 * Shown instead of a page that posts (sales, purchases, journal, banking, close) while the
 * company that started from its own chart has not chosen its special accounts yet.
 */
export function MissingSettings({ settings }: { settings: LedgerSettings | null }) {
  const missing = missingSpecialAccounts(settings);
  return (
    <Alert color="yellow" title="Choose the special accounts first" data-testid="missing-settings">
      <Stack gap="xs">
        <Text size="sm">
          Nothing can be posted until Accounts knows which of your accounts to use for these:
        </Text>
        <List size="sm">
          {missing.map((m) => (
            <List.Item key={m.field}>
              {m.label}: {m.help}
            </List.Item>
          ))}
        </List>
        <div>
          <Button component={Link} to="/accounts/ledger-settings" size="xs">
            Open ledger settings
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
