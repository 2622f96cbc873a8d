import { TextInput, type TextInputProps } from '@mantine/core';
import { useMemo } from 'react';
import { dateFormatHint, datePlaceholder, formatIsoDate, parseLocaleDate } from './date-format';
import { useInputLocale } from './input-locale';
import { useDraftText } from './use-draft-text';

export interface DateInputProps extends Omit<
  TextInputProps,
  'value' | 'defaultValue' | 'onChange'
> {
  /** `YYYY-MM-DD`, or null for empty. */
  value: string | null;
  /**
   * `YYYY-MM-DD`, or null when empty or not a real date (the input then says how to write one).
   * `text` is what was typed, so a form can tell an empty field from a slip.
   */
  onChange(iso: string | null, text: string): void;
  /** Defaults to the nearest `InputLocale`, else the browser's. */
  locale?: string;
}

/** A calendar date shown and typed the clerk's way, kept as an ISO accounting date. */
export function DateInput({
  value,
  onChange,
  locale: localeProp,
  error,
  onFocus,
  onBlur,
  ...rest
}: DateInputProps) {
  const locale = useInputLocale(localeProp);
  const codec = useMemo(
    () => ({
      show: (v: string) => formatIsoDate(v, locale),
      edit: (v: string) => formatIsoDate(v, locale),
      read: (t: string) => parseLocaleDate(t, locale),
    }),
    [locale],
  );
  const draft = useDraftText(value, onChange, codec);
  const placeholder = datePlaceholder(locale);
  return (
    <TextInput
      autoComplete="off"
      placeholder={placeholder}
      {...rest}
      value={draft.text}
      // Text that does not read gets the format it must take, ahead of a form's own message
      // ("Enter a date."), which would not say what is wrong with what was typed.
      error={draft.unreadable ? `Not a date. ${dateFormatHint(locale)}` : error}
      onFocus={(e) => {
        draft.onFocus(e);
        onFocus?.(e);
      }}
      onChange={(e) => draft.onChange(e.currentTarget.value)}
      onBlur={(e) => {
        draft.onBlur();
        onBlur?.(e);
      }}
    />
  );
}
