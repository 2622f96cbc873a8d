import {
  Select,
  isOptionsGroup,
  type ComboboxItem,
  type ComboboxParsedItem,
  type OptionsFilter,
  type SelectProps,
} from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import { nextField, rankOptions } from './record-match';

export interface RecordPickerProps extends Omit<
  SelectProps,
  | 'value'
  | 'onChange'
  | 'searchable'
  | 'allowDeselect'
  | 'openOnFocus'
  | 'selectFirstOptionOnChange'
  | 'filter'
  | 'onOptionSubmit'
> {
  value: string | null;
  onChange(value: string | null): void;
  /**
   * Where the focus goes once a record is chosen, or on Enter over a filled picker: a grid
   * passes its "next cell"; by default the next field of the form or dialog.
   */
  onMoveOn?(): void;
}

const ranked: OptionsFilter = ({ options, search, limit }) => {
  const items: ComboboxItem[] = [];
  const groups: ComboboxParsedItem[] = [];
  for (const o of options) {
    if (isOptionsGroup(o)) groups.push({ ...o, items: rankOptions(o.items, search) });
    else items.push(o);
  }
  return [...rankOptions(items, search, limit), ...groups];
};

/**
 * The one picker for accounts, customers and suppliers, bank accounts, currencies: type a
 * code or part of a name and the best match is highlighted at once, so Enter takes it and the
 * focus moves on. It opens only when asked (typing, Arrow Down, a click), never on arrival,
 * so a dialog's buttons stay visible. Enter on a filled picker keeps its value and moves on
 * (choosing the value it already has never clears it); emptying a clearable picker and
 * pressing Enter clears it. Its clear button is out of the tab order: one Tab stop per field.
 */
export function RecordPicker({
  value,
  onChange,
  onMoveOn,
  clearable,
  onFocus,
  onBlur,
  ...rest
}: RecordPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const moveOn = () => {
    if (onMoveOn) onMoveOn();
    // After the list has closed, or it takes the focus back.
    else
      setTimeout(() => {
        if (input.current) nextField(input.current)?.focus();
      }, 0);
  };

  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLInputElement;
    if (target !== input.current || e.key !== 'Enter') return;
    if (e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
    // Enter in a form would otherwise submit it half filled.
    e.preventDefault();
    const open = target.getAttribute('aria-expanded') === 'true';
    const text = target.value.trim();
    // With something typed the highlighted match is taken (by the list itself) and the
    // choice moves on; nothing highlighted means nothing matched, and the text stays to fix.
    if (open && text !== '') return;
    e.stopPropagation();
    if (text === '' && clearable && value !== null) onChange(null);
    moveOn();
  };

  return (
    <div style={{ display: 'contents' }} onKeyDownCapture={onKeyDownCapture}>
      <Select
        ref={input}
        searchable
        selectFirstOptionOnChange
        openOnFocus={false}
        allowDeselect={false}
        clearable={clearable}
        clearButtonProps={{ tabIndex: -1 }}
        filter={ranked}
        {...rest}
        value={value}
        onChange={(v) => onChange(v)}
        onOptionSubmit={() => {
          // Only a choice made here moves on; one made as the focus left stays behind.
          if (document.activeElement === input.current) moveOn();
        }}
        onFocus={(e) => {
          // Arriving on a filled picker selects its text, so typing a code replaces it.
          e.currentTarget.select();
          onFocus?.(e);
        }}
        onBlur={(e) => {
          // Tabbing out of an emptied clearable picker (no tax) clears it, as Enter does.
          if (clearable && value !== null && e.currentTarget.value.trim() === '') onChange(null);
          onBlur?.(e);
        }}
      />
    </div>
  );
}
