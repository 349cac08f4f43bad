/**
 * Node-only: the diagram's stored node positions (graph/layout/positions.json, written by `npm run layout`) for
 * exports that carry coordinates. Only a graph directory has them; an imported file or a folder without the
 * file gives null (the exporter then places nodes itself). A file that is there but broken is an error naming it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MechkgError } from '../errors.js';
import type { PositionsFile } from '../layout/place-diagram.js';
import { bundledGraphDir } from './read-graph-dir.js';

export const POSITIONS_FILE = 'layout/positions.json';

export function readLayoutPositions(graphPath?: string): PositionsFile | null {
  const dir = graphPath ?? bundledGraphDir();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
  const file = join(dir, POSITIONS_FILE);
  if (!existsSync(file)) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MechkgError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)}); run \`npm run layout\` to rewrite it`);
  }
  const d = doc as Partial<PositionsFile> | null;
  if (!d || typeof d !== 'object' || d.version !== 1 || typeof d.compartments !== 'object' || d.compartments === null) {
    throw new MechkgError(`${file}: expected {"version": 1, "compartments": {...}} as \`npm run layout\` writes it`);
  }
  return d as PositionsFile;
}
