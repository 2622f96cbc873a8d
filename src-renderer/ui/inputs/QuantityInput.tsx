import { TextInput, type TextInputProps } from '@mantine/core';
import { useMemo } from 'react';
import { formatQuantity, parseQuantity, separators } from './number-format';
import { useInputLocale } from './input-locale';
import { useDraftText } from './use-draft-text';

export interface QuantityInputProps extends Omit<
  TextInputProps,
  'value' | 'defaultValue' | 'onChange'
> {
  /** Decimal text ("12.5"), or null for empty. Text, so 0.1 + 0.2 never comes into it. */
  value: string | null;
  /**
   * Decimal text with at most `precision` decimals, or null when empty or not a quantity.
   * `text` is what was typed, so a form can tell an empty field from a slip.
   */
  onChange(value: string | null, text: string): void;
  /** Decimals allowed (a unit of measure's precision). */
  precision: number;
  /** Defaults to the nearest `InputLocale`, else the browser's. */
  locale?: string;
}

/** A quantity typed in the clerk's locale, exact to the decimals its unit allows. */
export function QuantityInput({
  value,
  onChange,
  precision,
  locale: localeProp,
  error,
  onFocus,
  onBlur,
  ...rest
}: QuantityInputProps) {
  const locale = useInputLocale(localeProp);
  const codec = useMemo(
    () => ({
      show: (v: string) => formatQuantity(v, precision, locale),
      edit: (v: string) => v.replace('.', separators(locale).decimal),
      read: (t: string) => parseQuantity(t, precision, locale),
    }),
    [precision, locale],
  );
  const draft = useDraftText(value, onChange, codec);
  const problem =
    precision === 0
      ? 'Not a quantity (whole numbers only)'
      : `Not a quantity (up to ${precision} decimals)`;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...rest}
      value={draft.text}
      error={error ?? (draft.unreadable ? problem : undefined)}
      onFocus={(e) => {
        draft.onFocus(e);
        onFocus?.(e);
      }}
      onChange={(e) => draft.onChange(e.currentTarget.value)}
      onBlur={(e) => {
        draft.onBlur();
        onBlur?.(e);
      }}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
