import { configure } from '@testing-library/react';

/** How long a UI test waits on a condition before it fails. */
export const UI_WAIT_MS = 10_000;

/**
 * What Mantine and the virtualised lists need from a browser that jsdom does not have. UI tests
 * call this once before rendering; each stub is installed only where the API is missing.
 */
export function installBrowserStubs(): void {
  // Every waitFor/findBy waits on its condition for up to 10 s, not the library's 1 s: on a
  // busy 2-core CI machine a render can take longer than that, and the test must not fail
  // for it (the test itself may run 30 s, vite.config.ts).
  configure({ asyncUtilTimeout: UI_WAIT_MS });
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= () => {};
}
