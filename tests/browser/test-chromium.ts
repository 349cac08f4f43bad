/** The Chromium that global-setup.ts found for this run, for test files: skip flag and launcher. */
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchFound } from './launch-chromium.mjs';

const search = inject('chromium');

/** True when a Chromium launched in global setup; browser suites use describe.skipIf(!hasChromium). */
export const hasChromium = search.found !== null;

/** A new headless instance of that Chromium. */
export function launchTestChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!search.found) throw new Error('no Chromium launched in global setup (see the warning at the start of the run)');
  return launchFound(search.found, extraArgs);
}
