import { useState, type FocusEvent } from 'react';

interface Codec<V> {
  /** What the input shows while the clerk is not typing in it. */
  show(value: V): string;
  /** What it holds when the clerk starts typing (no grouping, nothing to trip over). */
  edit(value: V): string;
  /** Typed text → value; null when the text is empty or not readable. */
  read(text: string): V | null;
}

/**
 * The text of a typed-value input (money, date, quantity): shown formatted, typed freely, and
 * read back on every keystroke. What was typed stays on screen (with the input's error) until it
 * reads, so a slip is never silently replaced; a new value from outside replaces it.
 */
export function useDraftText<V>(
  value: V | null,
  onChange: (v: V | null, text: string) => void,
  codec: Codec<V>,
) {
  const [draft, setDraft] = useState<{ text: string; emitted: V | null } | null>(null);
  const current = draft && Object.is(draft.emitted, value) ? draft.text : null;
  const text = current ?? (value === null ? '' : codec.show(value));
  const unreadable = current !== null && current.trim() !== '' && codec.read(current) === null;
  return {
    text,
    unreadable,
    onFocus: (e: FocusEvent<HTMLInputElement>) => {
      if (current === null)
        setDraft({ text: value === null ? '' : codec.edit(value), emitted: value });
      // Selected, so typing replaces the whole amount.
      const el = e.currentTarget;
      queueMicrotask(() => el.select());
    },
    onChange: (t: string) => {
      const v = codec.read(t);
      setDraft({ text: t, emitted: v });
      onChange(v, t);
    },
    onBlur: () => {
      if (!unreadable) setDraft(null);
    },
  };
}
