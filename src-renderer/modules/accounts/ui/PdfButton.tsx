import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../ui/form-errors';
import type { PdfFile } from '../pdf-contract';
import { offerDownload } from './pdf-download';

/**
 * A button that has the worker make a PDF and offers it as a download. While the PDF is made
 * the button shows it is busy; a failure is said next to it in words.
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
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function click() {
    if (!make) return;
    setBusy(true);
    setFailure(null);
    try {
      offerDownload(await make());
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
