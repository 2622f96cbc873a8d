import { TextInput, type TextInputProps } from '@mantine/core';
import { useMemo } from 'react';
import { editableMinor, formatMinor, moneyProblem, parseMinor } from './number-format';
import { useInputLocale } from './input-locale';
import { useDraftText } from './use-draft-text';

export interface MoneyInputProps extends Omit<
  TextInputProps,
  'value' | 'defaultValue' | 'onChange'
> {
  /** Minor units (cents), or null for empty. */
  value: number | null;
  /**
   * Minor units, or null when the text is empty or not an amount (the input then says why).
   * `text` is what was typed, so a form can tell an empty field from a slip.
   */
  onChange(minor: number | null, text: string): void;
  currency: string;
  /** Defaults to the nearest `InputLocale`, else the browser's. */
  locale?: string;
}

/** An amount of money typed in the clerk's locale, with the currency's own number of decimals. */
export function MoneyInput({
  value,
  onChange,
  currency,
  locale: localeProp,
  error,
  onFocus,
  onBlur,
  ...rest
}: MoneyInputProps) {
  const locale = useInputLocale(localeProp);
  const codec = useMemo(
    () => ({
      show: (v: number) => formatMinor(v, currency, locale),
      edit: (v: number) => editableMinor(v, currency, locale),
      read: (t: string) => parseMinor(t, currency, locale),
    }),
    [currency, locale],
  );
  const draft = useDraftText(value, onChange, codec);
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...rest}
      value={draft.text}
      error={error ?? (draft.unreadable ? moneyProblem(currency) : undefined)}
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
