import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { usePlatform } from '../../../../client/platform-context';
import { errorMessage } from '../../../../ui/form-errors';
import type { CsvMapping, ImportStatementResult } from '../../banking-contract';
import { useBankingImportMutation } from './api';
import { ImportOutcome } from './ImportOutcome';
import { MappingDialog } from './MappingDialog';
import { decodeStatement } from './selection';

const STATEMENT_FILES = [
  {
    name: 'Bank statement (OFX, QFX, CAMT.053, CSV)',
    extensions: ['ofx', 'qfx', 'xml', 'csv', 'txt'],
  },
];

/** Picks a statement file, reads its bytes (UTF-8, or Windows-1252 said so), and sends it; a CSV the account has no columns for opens the mapping dialog. */
export function ImportButton({ account }: { account: string }) {
  const platform = usePlatform();
  const [importStatement, { isLoading, error }] = useBankingImportMutation();
  const [outcome, setOutcome] = useState<{
    fileName: string;
    result: ImportStatementResult;
  } | null>(null);
  const [pending, setPending] = useState<{
    fileName: string;
    text: string;
    note: string | null;
    result: Extract<ImportStatementResult, { kind: 'needs-mapping' }>;
  } | null>(null);

  /** `note`: how the file's bytes were read when they were not UTF-8, shown with the outcome. */
  async function send(fileName: string, text: string, note: string | null, mapping?: CsvMapping) {
    const res = await importStatement({ account, fileName, text, ...(mapping ? { mapping } : {}) });
    if (!('data' in res) || !res.data) return;
    if (res.data.kind === 'needs-mapping') {
      setPending({ fileName, text, note, result: res.data });
      return;
    }
    setPending(null);
    const result =
      note && res.data.kind === 'imported'
        ? { ...res.data, warnings: [{ line: 1, message: note }, ...res.data.warnings] }
        : res.data;
    setOutcome({ fileName, result });
  }

  async function pick() {
    setOutcome(null);
    const file = await platform.files.openFile(STATEMENT_FILES);
    if (!file) return;
    const decoded = decodeStatement(file.data);
    if (!decoded.ok) {
      setOutcome({
        fileName: file.name,
        result: { kind: 'refused', problems: [{ line: decoded.line, message: decoded.message }] },
      });
      return;
    }
    await send(file.name, decoded.text, decoded.note);
  }

  return (
    <Stack gap={4} align="flex-end">
      <Button onClick={pick} loading={isLoading && !pending}>
        Import statement…
      </Button>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {outcome && (
        <ImportOutcome
          fileName={outcome.fileName}
          result={outcome.result}
          onClose={() => setOutcome(null)}
        />
      )}
      {pending && (
        <MappingDialog
          fileName={pending.fileName}
          text={pending.text}
          header={pending.result.header}
          guess={pending.result.guess}
          problems={pending.result.problems}
          busy={isLoading}
          onCancel={() => setPending(null)}
          onConfirm={(mapping) => send(pending.fileName, pending.text, pending.note, mapping)}
        />
      )}
    </Stack>
  );
}
