/**
 * Node host for exporters: figures laid out by the WebAssembly Graphviz and rasterised by resvg (both from
 * npm), or by the system `dot` program when asked (--graphviz system); bundled scripts read from node_modules.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MechkgError, UsageError } from '../errors.js';
import type { ExportEnv } from '../export/export-types.js';
import { runGraphviz } from '../export/graphviz-wasm.js';
import { svgToPng } from './svg-to-png.js';

const require = createRequire(import.meta.url);

/** Where figures are laid out: `bundled` (the WebAssembly Graphviz from npm, the default) or `system` (`dot`). */
export type GraphvizChoice = 'bundled' | 'system';
export const GRAPHVIZ_CHOICES: readonly GraphvizChoice[] = ['bundled', 'system'];

/** Lays out with the WebAssembly Graphviz; PNGs are rasterised from its SVG at 150 dpi for slides. */
export async function renderDotBundled(dot: string, format: 'svg' | 'png'): Promise<string | Uint8Array> {
  const { output } = await runGraphviz(dot, 'svg');
  return format === 'svg' ? output : svgToPng(output, 150);
}

/** Runs the system `dot -T<format>` (MECHKG_DOT names another program); PNGs at 150 dpi. Throws a clear error when dot is missing. */
export function renderDotWithGraphviz(dot: string, format: 'svg' | 'png'): string | Uint8Array {
  const args = format === 'png' ? ['-Tpng', '-Gdpi=150'] : ['-Tsvg'];
  const result = spawnSync(process.env.MECHKG_DOT ?? 'dot', args, { input: dot, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    const program = process.env.MECHKG_DOT ?? 'dot';
    throw new MechkgError(`export: --graphviz system: ${missing ? `\`${program}\` is not on PATH (install Graphviz, or leave out --graphviz system to use the bundled one)` : result.error.message}`);
  }
  if (result.status !== 0) throw new MechkgError(`export: --graphviz system: dot -T${format} failed: ${result.stderr.toString().trim().split('\n')[0]}`);
  return format === 'svg' ? result.stdout.toString('utf8') : new Uint8Array(result.stdout);
}

const ASSETS = { cytoscape: 'cytoscape/dist/cytoscape.min.js' } as const;

export function readAsset(name: keyof typeof ASSETS): string {
  try {
    return readFileSync(require.resolve(ASSETS[name]), 'utf8');
  } catch (err) {
    throw new MechkgError(`export: cannot read ${ASSETS[name]} (${err instanceof Error ? err.message : String(err)}); is the cytoscape package installed?`);
  }
}

/** The Node export host; `graphviz` chooses the figure renderer. */
export function createNodeExportEnv(graphviz: string = 'bundled'): ExportEnv {
  if (!(GRAPHVIZ_CHOICES as readonly string[]).includes(graphviz)) throw new UsageError(`export: --graphviz ${graphviz}: expected ${GRAPHVIZ_CHOICES.join(' or ')}`);
  return { renderDot: graphviz === 'system' ? renderDotWithGraphviz : renderDotBundled, asset: readAsset };
}

export const nodeExportEnv: ExportEnv = createNodeExportEnv('bundled');
