import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { missingStockAccounts } from '../domain/stock-postings';
import type { InventorySettings } from '../domain/schemas';
import { useInventorySettingsQuery } from './api';

/**
 * Said on the pages that move stock while Inventory settings lacks an account the ledger
 * postings need (domain/stock-postings.ts); nothing when all are chosen. `link` is off on the
 * settings page itself.
 */
export function MissingStockAccounts({
  settings,
  link = true,
}: {
  settings: InventorySettings | null | undefined;
  link?: boolean;
}) {
  const missing = missingStockAccounts(settings);
  if (missing.length === 0) return null;
  return (
    // A standing note, not an alert: a page's refusal stays the one alert a screen reader announces.
    <Alert
      color="yellow"
      role="note"
      title="Choose the stock accounts"
      data-testid="missing-stock-accounts"
    >
      <Stack gap="xs">
        <Text size="sm">
          Stock moves cannot reach the ledger until Inventory settings names these accounts:
        </Text>
        <List size="sm">
          {missing.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
        {link && (
          <div>
            <Button component={Link} to="/inventory/settings" size="xs">
              Open inventory settings
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}

/** For a page that moves stock: reads the settings itself and says nothing until they are read. */
export function StockAccountsNotice() {
  const { data } = useInventorySettingsQuery(undefined);
  // undefined: not read (or unreadable); null: never saved, so every account is missing.
  return data === undefined ? null : <MissingStockAccounts settings={data} />;
}
