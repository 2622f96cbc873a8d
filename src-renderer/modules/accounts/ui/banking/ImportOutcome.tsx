import { Alert, List, Text } from '@mantine/core';
import type { ImportStatementResult } from '../../banking-contract';

/** What an import did: the lines refused (nothing saved), or how many were imported and skipped. */
export function ImportOutcome({
  fileName,
  result,
  onClose,
}: {
  fileName: string;
  result: ImportStatementResult;
  onClose: () => void;
}) {
  if (result.kind === 'refused') {
    return (
      <Alert
        color="red"
        title={`${fileName} was not imported`}
        withCloseButton
        onClose={onClose}
        closeButtonLabel="Dismiss"
      >
        <Text size="sm">
          Nothing was saved. Fix these lines in the file, or export it from the bank again:
        </Text>
        <List size="sm">
          {result.problems.slice(0, 50).map((p, i) => (
            <List.Item key={i}>
              Line {p.line}
              {p.column ? ` (${p.column})` : ''}: {p.message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  if (result.kind !== 'imported') return null;
  const text =
    result.imported === 0
      ? `Every line of ${fileName} had been imported before; nothing new was added.`
      : `Imported ${result.imported} line${result.imported === 1 ? '' : 's'} from ${fileName}${result.accounts ? ` into ${result.accounts.length} bank accounts` : ''}.${result.skipped ? ` ${result.skipped} line${result.skipped === 1 ? ' was' : 's were'} already imported and skipped.` : ''}`;
  return (
    <Alert
      color={result.imported === 0 ? 'yellow' : 'teal'}
      withCloseButton
      onClose={onClose}
      closeButtonLabel="Dismiss"
    >
      {text}
      {result.accounts && (
        <List size="sm" data-testid="import-accounts">
          {result.accounts.map((a) => (
            <List.Item key={a.account}>
              {a.account} {a.name}: {a.imported} new line{a.imported === 1 ? '' : 's'}
              {a.skipped ? `, ${a.skipped} imported before` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {result.warnings.length > 0 && (
        <List size="sm">
          {result.warnings.map((w, i) => (
            <List.Item key={i}>
              Line {w.line}: {w.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
