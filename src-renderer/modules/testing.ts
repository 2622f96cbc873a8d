import { startTestDevice, type TestDevice } from '../core/testing/node-core';
import { MODULES } from './registry';

/**
 * A whole data core in Node with every module of this build (the one list in registry.ts), as
 * the worker runs it: what tests of more than one module, and of the platform, start from.
 */
export function startAppDevice(now?: () => Date): Promise<TestDevice> {
  return startTestDevice(now, MODULES);
}
