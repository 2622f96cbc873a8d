import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter, parsePath, Route, Routes, useLocation } from 'react-router';
import { setRpcClient } from '../../client/api';
import { PlatformContext } from '../../client/platform-context';
import type { RpcClient } from '../../client/rpc-client';
import { createStore } from '../../client/store';
import type { Platform } from '../../platform';
import { InputLocale } from '../inputs/input-locale';

/**
 * A module's page on a stand-in core, for UI tests of any module: each RPC answers from
 * `responses` (a missing one is an error, so a page calling what it should not shows up),
 * every call is kept in `calls`.
 */
export function fakeCore() {
  const calls: { method: string; params: unknown }[] = [];
  const responses: Record<string, (params: never) => unknown> = {};
  setRpcClient({
    call: async (method: string, params: unknown) => {
      calls.push({ method, params });
      const f = responses[method];
      if (!f) throw new Error(`unexpected ${method}`);
      return f(params as never);
    },
  } as unknown as RpcClient);
  return {
    calls,
    responses,
    reset() {
      calls.length = 0;
      for (const k of Object.keys(responses)) delete responses[k];
    },
    last: (method: string) =>
      [...calls].reverse().find((c) => c.method === method)?.params as
        Record<string, unknown> | undefined,
    called: (method: string) => calls.some((c) => c.method === method),
  };
}

/** The core's refusal as the worker sends it: a message, and the fields it is about. */
export function refusal(message: string, fields?: Record<string, string>): Error {
  return Object.assign(new Error(message), { code: 'validation', fields });
}

function Where() {
  const l = useLocation();
  return <span data-testid="where">{l.pathname + l.search}</span>;
}

export interface MountOptions {
  path?: string;
  route?: string;
  locale?: string;
  /** Provided to the page only when given: a page that needs none must not ask for one. */
  platform?: Platform;
  /** The navigation state the page arrives with (a saved move's warnings). */
  state?: unknown;
}

/** Renders `element` at `path` (matched by `route`); any navigation away shows `where`. */
export function mountPage(
  element: ReactNode,
  { path = '/', route = '/', locale, platform, state }: MountOptions = {},
) {
  const page = (
    <MantineProvider>
      <InputLocale.Provider value={locale}>
        <MemoryRouter initialEntries={[{ ...parsePath(path), state }]}>
          <Routes>
            <Route path={route} element={element} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </InputLocale.Provider>
    </MantineProvider>
  );
  return render(
    <Provider store={createStore()}>
      {platform ? (
        <PlatformContext.Provider value={platform}>{page}</PlatformContext.Provider>
      ) : (
        page
      )}
    </Provider>,
  );
}

/** The error text Mantine shows under an input, found the way a screen reader finds it. */
export function errorBeside(input: HTMLElement): string | undefined {
  const id = input
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((x) => x.endsWith('-error'));
  return id ? (document.getElementById(id)?.textContent ?? undefined) : undefined;
}
