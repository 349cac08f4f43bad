/**
 * vitest globalSetup: finds a Chromium once for the whole run (by launching it, see launch-chromium.mjs)
 * and hands the result to every test file through `inject('chromium')`, so each file launches the same
 * browser without searching again. When none launches, one loud line says so and names the command
 * that enables the browser tests.
 */
import type { TestProject } from 'vitest/node';
import { describeFound, describeMissing, findChromium, type ChromiumSearch } from './launch-chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumSearch;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const search = await findChromium();
  project.provide('chromium', search);
  if (search.found) {
    console.log(`browser tests: ${describeFound(search)}`);
  } else {
    console.warn(`\n*** ${describeMissing(search)} ***\n`);
  }
}
