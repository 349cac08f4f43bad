/** Node host for exporters: Graphviz through the `dot` program and bundled scripts read from node_modules. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MechkgError } from '../errors.js';
import type { ExportEnv } from '../export/export-types.js';

const require = createRequire(import.meta.url);

/** Runs `dot -T<format>`; PNGs are rendered at 150 dpi for slides. Throws a clear error when dot is missing. */
export function renderDotWithGraphviz(dot: string, format: 'svg' | 'png'): string | Uint8Array {
  const args = format === 'png' ? ['-Tpng', '-Gdpi=150'] : ['-Tsvg'];
  const result = spawnSync(process.env.MECHKG_DOT ?? 'dot', args, { input: dot, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new MechkgError(`export: --format ${format} needs Graphviz: ${missing ? '`dot` is not on PATH (install graphviz, e.g. apt-get install graphviz)' : result.error.message}`);
  }
  if (result.status !== 0) throw new MechkgError(`export: dot -T${format} failed: ${result.stderr.toString().trim().split('\n')[0]}`);
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

export const nodeExportEnv: ExportEnv = { renderDot: renderDotWithGraphviz, asset: readAsset };
