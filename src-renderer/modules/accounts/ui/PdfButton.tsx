import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { usePlatform } from '../../../client/platform-context';
import { errorMessage } from '../../../ui/form-errors';
import type { PdfFile } from '../pdf-contract';

/**
 * A button that has the worker make a PDF and saves it through the platform, as the CSV exports
 * do: Electron's save dialog (PDF filter), a browser's download. While the PDF is made the
 * button shows it is busy; a failure is said next to it in words.
 */
export function PdfButton({
  label,
  make,
  disabled,
}: {
  label: string;
  /** null while there is nothing to make (the report has not loaded, a date is wrong). */
  make: (() => Promise<PdfFile>) | null;
  disabled?: boolean;
}) {
  const platform = usePlatform();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function click() {
    if (!make) return;
    setBusy(true);
    setFailure(null);
    try {
      const file = await make();
      await platform.files.saveFile({
        suggestedName: file.fileName,
        data: file.bytes,
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
    } catch (e) {
      setFailure(`The PDF could not be made: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button variant="default" onClick={click} disabled={disabled || !make} loading={busy}>
        {label}
      </Button>
      {failure && (
        <Text c="red" size="sm" role="alert">
          {failure}
        </Text>
      )}
    </>
  );
}
