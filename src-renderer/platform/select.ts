import type { OutpostPreloadApi } from '../../src-main/preload-api';
import type { Platform } from './index';
import { createElectronPlatform } from './platform.electron';
import { createWebPlatform } from './platform.web';

declare global {
  interface Window {
    outpost?: OutpostPreloadApi;
  }
}

/** Electron when the preload exposed its API, the browser otherwise. */
export function detectPlatform(version: string): Platform {
  return typeof window !== 'undefined' && window.outpost
    ? createElectronPlatform(window.outpost)
    : createWebPlatform(version);
}
