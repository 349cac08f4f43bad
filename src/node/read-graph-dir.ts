/** Node-only: reads a mechkg graph directory (sources.yaml plus module YAML files) into GraphFile[]. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MechkgError } from '../errors.js';
import type { GraphFile } from '../model/types.js';

/** Absolute paths of every *.yaml / *.yml file under dir, sorted (hidden folders and node_modules skipped). */
export function listGraphFiles(dir: string): string[] {
  const root = resolve(dir);
  if (!existsSync(root)) throw new MechkgError(`${dir}: no such file or directory`);
  if (!statSync(root).isDirectory()) throw new MechkgError(`${dir}: not a directory`);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (/\.ya?ml$/i.test(entry.name)) {
        files.push(full);
      }
    }
  };
  walk(root);
  return files;
}

/** All *.yaml / *.yml files under dir (paths relative to dir with forward slashes). */
export function readGraphDir(dir: string): GraphFile[] {
  const root = resolve(dir);
  return listGraphFiles(dir).map((full) => ({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') }));
}

/** The curated graph directory shipped with the package (found by walking up from this file). */
export function bundledGraphDir(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(d, 'graph', 'sources.yaml')) && existsSync(join(d, 'package.json'))) return join(d, 'graph');
    d = dirname(d);
  }
  throw new MechkgError('mechkg: cannot find the bundled graph directory (graph/sources.yaml)');
}
