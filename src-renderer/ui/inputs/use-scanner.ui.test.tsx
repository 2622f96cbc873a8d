// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installBrowserStubs } from '../testing/browser-stubs';
import { ScanField } from './ScanField';
import { useScanner, type ScannerOptions } from './use-scanner';

beforeAll(installBrowserStubs);
beforeEach(() => {
  vi.useFakeTimers();
  // Testing Library's async wrapper ends every user-event call with a setTimeout(0) and moves
  // fake timers past it only through a global `jest`: without this it waits forever.
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

// The clock moves only when user-event pauses between keys: a hand scanner sends a key every
// few milliseconds, a person one every 100 ms or more.
const scanner = () => userEvent.setup({ delay: 4, advanceTimers: vi.advanceTimersByTime });
const person = () => userEvent.setup({ delay: 120, advanceTimers: vi.advanceTimersByTime });

/** A goods receipt line: a quantity the clerk types, in a form that Enter would submit. */
function Receipt(props: { onScan: (code: string) => void; onSubmit: () => void; maxGap?: number }) {
  const [qty, setQty] = useState('');
  useScanner({ onScan: props.onScan, maxGap: props.maxGap } satisfies ScannerOptions);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <label>
        Quantity
        <input value={qty} onChange={(e) => setQty(e.target.value)} />
      </label>
      <output aria-label="saved quantity">{qty}</output>
      <button type="submit">Save</button>
    </form>
  );
}

describe('useScanner', () => {
  it('takes a scan from the focused quantity field, puts the field back and keeps Enter from the form', async () => {
    const onScan = vi.fn();
    const onSubmit = vi.fn();
    render(<Receipt onScan={onScan} onSubmit={onSubmit} />);
    const qty = screen.getByLabelText('Quantity') as HTMLInputElement;
    await person().click(qty);
    await person().keyboard('12');
    await scanner().keyboard('4006381333931{Enter}');
    expect(onScan).toHaveBeenCalledExactlyOnceWith('4006381333931');
    expect(qty.value).toBe('12');
    expect(screen.getByLabelText('saved quantity').textContent).toBe('12'); // React's state too
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('leaves a person’s typing alone: the same keys at typing speed stay in the field and Enter submits', async () => {
    const onScan = vi.fn();
    const onSubmit = vi.fn();
    render(<Receipt onScan={onScan} onSubmit={onSubmit} />);
    const qty = screen.getByLabelText('Quantity') as HTMLInputElement;
    await person().click(qty);
    await person().keyboard('4006381333931{Enter}');
    expect(onScan).not.toHaveBeenCalled();
    expect(qty.value).toBe('4006381333931');
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('needs every gap short and a few characters: "ok" + Enter fast is not a scan', async () => {
    const onScan = vi.fn();
    render(<Receipt onScan={onScan} onSubmit={() => {}} />);
    await person().click(screen.getByLabelText('Quantity'));
    await scanner().keyboard('ok{Enter}');
    expect(onScan).not.toHaveBeenCalled();
    // A pause in the middle splits a burst: only what follows the pause could be a scan.
    const user = scanner();
    await user.keyboard('KAF');
    vi.advanceTimersByTime(200);
    await user.keyboard('-1000{Enter}');
    expect(onScan).toHaveBeenCalledExactlyOnceWith('-1000');
  });

  it('takes a slower scanner when told its gap', async () => {
    const slow = userEvent.setup({ delay: 50, advanceTimers: vi.advanceTimersByTime });
    const onScan = vi.fn();
    const { unmount } = render(<Receipt onScan={onScan} onSubmit={() => {}} />);
    await slow.keyboard('96385074{Enter}');
    expect(onScan).not.toHaveBeenCalled();
    unmount();
    render(<Receipt onScan={onScan} onSubmit={() => {}} maxGap={60} />);
    await slow.keyboard('96385074{Enter}');
    expect(onScan).toHaveBeenCalledExactlyOnceWith('96385074');
  });
});

describe('ScanField', () => {
  function Screen({ onScan }: { onScan: (code: string) => void }) {
    return (
      <MantineProvider>
        <ScanField onScan={onScan} />
        <label>
          Note
          <input defaultValue="" />
        </label>
      </MantineProvider>
    );
  }

  it('hands over a code typed and Entered, and empties for the next one', async () => {
    const onScan = vi.fn();
    render(<Screen onScan={onScan} />);
    const field = screen.getByLabelText('Barcode or SKU') as HTMLInputElement;
    await person().click(field);
    await person().keyboard(' KAF-1000 {Enter}');
    expect(onScan).toHaveBeenCalledExactlyOnceWith('KAF-1000');
    expect(field.value).toBe('');
    await person().keyboard('{Enter}');
    expect(onScan).toHaveBeenCalledOnce(); // an empty Enter hands over nothing
  });

  it('takes a scan once, whether the focus is in it or in another field', async () => {
    const onScan = vi.fn();
    render(<Screen onScan={onScan} />);
    await person().click(screen.getByLabelText('Barcode or SKU'));
    await scanner().keyboard('036000291452{Enter}');
    const note = screen.getByLabelText('Note') as HTMLInputElement;
    await person().click(note);
    await person().keyboard('torn');
    await scanner().keyboard('4006381333931{Enter}');
    expect(onScan.mock.calls).toEqual([['036000291452'], ['4006381333931']]);
    expect(note.value).toBe('torn');
    expect((screen.getByLabelText('Barcode or SKU') as HTMLInputElement).value).toBe('');
  });
});
