import { Alert, List, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { ConnectionTestResult } from '../core/rpc/contract';

export function ConnectionChecks({ result }: { result: ConnectionTestResult }) {
  return (
    <Alert
      color={result.ok ? 'teal' : 'red'}
      title={result.message}
      data-testid="connection-result"
    >
      <List spacing={4} size="sm">
        {result.checks.map((c) => (
          <List.Item
            key={c.label}
            icon={
              <ThemeIcon size={16} radius="xl" color={c.ok ? 'teal' : 'red'}>
                {c.ok ? <IconCheck size={12} /> : <IconX size={12} />}
              </ThemeIcon>
            }
          >
            <strong>{c.label}:</strong> {c.detail}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
