import { useEffect, useRef, type RefObject } from 'react';

/**
 * Barcode scanners on a shop counter are keyboards: a scan arrives as the code's characters typed
 * a few milliseconds apart, then Enter. A person never types that fast (even a quick typist
 * leaves 60 ms or more between keys), so a burst of keys with every gap under `maxGap` that ends
 * in Enter is a scan. The keys of a burst still reach the focused field as they come (a slower
 * burst may be a person, and holding their keys back would make typing lag); when the burst
 * turns out to be a scan, the field is put back as it was before it, the Enter is kept from the
 * page (no form submits, no grid moves on) and `onScan` gets the code.
 */

export interface ScannerOptions {
  onScan: (code: string) => void;
  /** The longest pause between two keys of one scan, in milliseconds. */
  maxGap?: number;
  /** Shorter bursts are a person's quick "ok" + Enter, not a scan. */
  minLength?: number;
  /** Keys a scanner ends a code with (most send Enter; some are set up for Tab). */
  suffixes?: readonly string[];
  /** Listen on this element (a screen) only; the whole window when not given. */
  target?: RefObject<HTMLElement | null>;
  enabled?: boolean;
}

export const SCAN_DEFAULTS = { maxGap: 30, minLength: 3, suffixes: ['Enter'] } as const;

interface Snapshot {
  field: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  start: number | null;
  end: number | null;
}

/** What the detector needs of a key: the browser's KeyboardEvent has all of it. */
type Key = Pick<
  KeyboardEvent,
  'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target' | 'preventDefault' | 'stopPropagation'
>;

const MODIFIERS = new Set(['Shift', 'CapsLock', 'AltGraph']);

function textField(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (
    target instanceof HTMLInputElement &&
    /^(text|search|number|tel|email|url|)$/.test(target.type)
  ) {
    return target;
  }
  return null;
}

/**
 * Sets a field's text the way typing does, so React's controlled input (which ignores a plain
 * `value =`) sees the change and its state follows.
 */
function putBack(s: Snapshot): void {
  if (!s.field.isConnected || s.field.value === s.value) return;
  const proto = s.field instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  Object.getOwnPropertyDescriptor(proto.prototype, 'value')?.set?.call(s.field, s.value);
  s.field.dispatchEvent(new Event('input', { bubbles: true }));
  if (s.start !== null && s.end !== null) {
    try {
      s.field.setSelectionRange(s.start, s.end);
    } catch {
      // Number fields have no selection; the text is what matters.
    }
  }
}

/** The detector without React: feed it every keydown; it says whether the key ended a scan. */
export function createScanDetector(
  options: Omit<ScannerOptions, 'target' | 'enabled'>,
  now: () => number = Date.now,
) {
  const maxGap = options.maxGap ?? SCAN_DEFAULTS.maxGap;
  const minLength = options.minLength ?? SCAN_DEFAULTS.minLength;
  const suffixes = options.suffixes ?? SCAN_DEFAULTS.suffixes;
  let code = '';
  let last = -Infinity;
  let snapshot: Snapshot | null = null;

  return (e: Key): boolean => {
    if (MODIFIERS.has(e.key)) return false; // a scanner presses Shift for capitals
    const t = now();
    const fast = t - last <= maxGap;
    if (suffixes.includes(e.key)) {
      const scanned = fast && code.length >= minLength ? code : null;
      const before = snapshot;
      code = '';
      last = -Infinity;
      snapshot = null;
      if (scanned === null) return false;
      e.preventDefault();
      e.stopPropagation();
      if (before) putBack(before);
      options.onScan(scanned);
      return true;
    }
    if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) {
      // Arrows, Backspace, shortcuts: a person is at the keyboard.
      code = '';
      last = -Infinity;
      snapshot = null;
      return false;
    }
    if (!fast || code === '') {
      const field = textField(e.target);
      snapshot = field
        ? { field, value: field.value, start: field.selectionStart, end: field.selectionEnd }
        : null;
      code = '';
    }
    code += e.key;
    last = t;
    return false;
  };
}

/** Calls `onScan` for every scan while the component is on screen (see the file's comment). */
export function useScanner(options: ScannerOptions): void {
  const latest = useRef(options);
  latest.current = options;
  const { target, enabled = true, maxGap, minLength, suffixes } = options;
  const suffixKey = (suffixes ?? SCAN_DEFAULTS.suffixes).join('\n');

  useEffect(() => {
    if (!enabled) return;
    const node: HTMLElement | Window | null = target ? target.current : window;
    if (!node) return;
    const detect = createScanDetector({
      maxGap,
      minLength,
      suffixes: suffixKey.split('\n'),
      onScan: (code) => latest.current.onScan(code),
    });
    const listener = (e: Event) => detect(e as KeyboardEvent);
    // Capture: the scan's Enter is taken before the focused field or a form sees it.
    node.addEventListener('keydown', listener, true);
    return () => node.removeEventListener('keydown', listener, true);
  }, [enabled, target, maxGap, minLength, suffixKey]);
}
