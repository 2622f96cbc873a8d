import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { createCore, type Core } from '../create-core';
import { nodePouchEnv } from '../db/pouch-node';
import type { CoreEvent, CoreMethods } from '../rpc/contract';
import type { CoreModule } from '../module';

/**
 * The methods a test device's `call` is typed by: core's own here; modules/contracts.ts adds
 * every module's by declaration merging, so core names no module and tests stay typed.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- widened by declaration merging
export interface TestDeviceMethods extends CoreMethods {}

let counter = 0;

export interface TestDevice {
  core: Core;
  events: CoreEvent[];
  call<M extends keyof TestDeviceMethods>(
    method: M,
    params: TestDeviceMethods[M]['params'],
  ): Promise<TestDeviceMethods[M]['result']>;
  close(): Promise<void>;
}

/**
 * A whole data core in Node, as the worker runs it but on in-memory PouchDB and
 * fake-indexeddb. Each call is a separate "device" with its own databases.
 */
export async function startTestDevice(
  now?: () => Date,
  modules: readonly CoreModule[] = [],
): Promise<TestDevice> {
  const events: CoreEvent[] = [];
  const prefix = `dev${++counter}-${Date.now()}-`;
  const core = await createCore({
    env: nodePouchEnv(prefix),
    dexie: { indexedDB, IDBKeyRange },
    emit: (e) => events.push(e),
    now,
    modules,
  });
  return {
    core,
    events,
    call: (method, params) => (core.handlers[method] as (p: unknown) => Promise<never>)(params),
    close: () => core.close(),
  };
}

export const ACME_INPUT = {
  company: {
    name: 'Acme Trading Ltd',
    orgCode: 'acme',
    baseCurrency: 'USD',
    fiscalYearStartMonth: 4,
  },
  branch: { code: 'NYC', name: 'New York', currency: 'USD' },
  device: { letter: 'A', label: 'Head office PC' },
  userName: 'Alice Admin',
};
