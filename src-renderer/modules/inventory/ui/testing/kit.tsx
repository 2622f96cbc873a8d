import type { ReactNode } from 'react';
import type { Platform } from '../../../../platform';
import { mountPage as mountSharedPage, type MountOptions } from '../../../../ui/testing/page-kit';

export { errorBeside, fakeCore, refusal } from '../../../../ui/testing/page-kit';

/**
 * The shared page kit with an empty platform by default: Inventory's pages read the platform
 * (PDF and label saving) when they mount, and a test that saves nothing passes none.
 */
export function mountPage(element: ReactNode, options: MountOptions = {}) {
  return mountSharedPage(element, { platform: {} as Platform, ...options });
}
