/** Types for launch-chromium.mjs (plain JavaScript so node scripts can import it without a compiler). */
import type { Browser } from 'playwright-core';

export type ChromiumSource = 'system' | 'bundled' | 'playwright';
export interface FoundChromium {
  source: ChromiumSource;
  executablePath?: string;
  channel?: string;
  env?: Record<string, string>;
  version: string;
}
export interface FailedCandidate {
  source: string;
  what: string;
  error: string;
}
export interface ChromiumSearch {
  found: FoundChromium | null;
  tried: FailedCandidate[];
}
export const ENABLE_COMMAND: string;
export const CHROMIUM_ARGS: string[];
export function requestedSources(value?: string): ChromiumSource[];
export function findChromium(sources?: ChromiumSource[]): Promise<ChromiumSearch>;
export function launchFound(found: FoundChromium, extraArgs?: string[]): Promise<Browser>;
export function launchChromium(extraArgs?: string[]): Promise<Browser>;
export function describeFound(search: ChromiumSearch & { found: FoundChromium }): string;
export function describeMissing(search: ChromiumSearch): string;
export function privateDir(base?: string, uid?: number): string;
export function unpackBundledChromium(): Promise<{ executablePath: string; libDir: string }>;
