/**
 * Graphviz compiled to WebAssembly (@viz-js/viz), the one layout engine of the teaching figures in both
 * the CLI and the explorer. The package (1.2 MB of JavaScript with the WebAssembly inlined) is imported on
 * the first figure, so commands and pages that draw none never load it. Browser-safe: no `node:` imports.
 */
import type { Viz } from '@viz-js/viz';
import { MechkgError } from '../errors.js';

export interface GraphvizResult {
  output: string;
  /** Graphviz's warnings, as it words them ("Warning: " dropped). */
  warnings: string[];
}

let loading: Promise<Viz> | undefined;

/** The WebAssembly instance, created once. A failed load is not cached, so a later call tries again. */
function graphviz(): Promise<Viz> {
  loading ??= import('@viz-js/viz')
    .then((m) => m.instance())
    .catch((err: unknown) => {
      loading = undefined;
      throw new MechkgError(`export: cannot load the WebAssembly Graphviz (@viz-js/viz): ${err instanceof Error ? err.message : String(err)}`);
    });
  return loading;
}

/** Lays out DOT with `dot` and writes it as format (svg, or json / canon for checks). Throws on a DOT error. */
export async function runGraphviz(dot: string, format: 'svg' | 'json' | 'canon' = 'svg'): Promise<GraphvizResult> {
  const result = (await graphviz()).render(dot, { format, engine: 'dot' });
  const text = (m: string) => m.replace(/^(Warning|Error):\s*/, '').trim();
  if (result.status !== 'success') {
    throw new MechkgError(`export: Graphviz rejected the DOT: ${result.errors.map((e) => text(e.message)).join('; ') || 'no message'}`);
  }
  return { output: result.output, warnings: result.errors.filter((e) => e.level !== 'error').map((e) => text(e.message)) };
}

/**
 * True for the warning the WebAssembly build gives for a character it has no width for (outside ASCII,
 * or a control character such as a tab): it has no fonts to measure text with, so it sizes such a
 * character like a space (or as nothing); the system `dot` measures them with its fonts.
 */
export function isTextWidthEstimate(warning: string): boolean {
  return /^no value for width of (non-)?ASCII character \d+/.test(warning);
}
