import { Button } from '@mantine/core';
import type { GridColumn } from './types';

/**
 * The last column of an entry grid: a button that removes the line. Out of the tab order, so
 * Tab runs through the cells a clerk types into; its label names the line for a screen reader.
 */
export function removeRowColumn<T extends { key: unknown }>(
  remove: (key: T['key']) => void,
): GridColumn<T> {
  return {
    id: 'remove',
    header: '',
    width: '32px',
    cell: (r, i) => (
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        aria-label={`Remove line ${i + 1}`}
        onClick={() => remove(r.key)}
        tabIndex={-1}
      >
        ✕
      </Button>
    ),
  };
}
