import { TextInput, type TextInputProps } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useScanner, type ScannerOptions } from './use-scanner';

export interface ScanFieldProps extends Omit<
  TextInputProps,
  'value' | 'onChange' | 'onKeyDown' | 'defaultValue'
> {
  /** A code scanned (anywhere on the page, unless `anywhere` is false) or typed and Entered. */
  onScan: (code: string) => void;
  /**
   * Take scans wherever the focus is (the receipt's quantity field, a button), so a clerk can
   * scan the next item without first clicking back here. Off where two fields would both hear it.
   */
  anywhere?: boolean;
  scanner?: Pick<ScannerOptions, 'maxGap' | 'minLength' | 'suffixes'>;
}

/**
 * The field a receipt, delivery or count screen puts at its top: scan, or type a code off a
 * torn label and press Enter. Either way the field empties for the next one.
 */
export function ScanField({
  onScan,
  anywhere = true,
  scanner,
  label = 'Barcode or SKU',
  placeholder = 'Scan, or type a code and press Enter',
  ...rest
}: ScanFieldProps) {
  const [text, setText] = useState('');
  useScanner({ ...scanner, enabled: anywhere, onScan });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    // Enter here never submits the screen's form: it hands over the code.
    e.preventDefault();
    const code = text.trim();
    if (code === '') return;
    setText('');
    onScan(code);
  };

  return (
    <TextInput
      {...rest}
      label={label}
      placeholder={placeholder}
      value={text}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={onKeyDown}
    />
  );
}
