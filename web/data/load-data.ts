/**
 * Where the explorer's graph comes from: the curated graph as the snapshot the library's loader made at
 * build time (scripts/vite-plugin-curated-graph.ts), files the user opens, or (only in the test build, see
 * vite.config.ts) a named fixture from tests/browser/fixtures. Opened YAML and fixtures go through the same
 * loader, loadGraphFromFiles, in the page (load-files.ts, loaded on demand); other formats through the
 * library's import pipeline (import-files.ts).
 */
import { graphFromSnapshot, type GraphFile, type KnowledgeGraph, type PositionsFile } from '../../src/index.js';
import positions from '../../graph/layout/positions.json';
import snapshotUrl from 'virtual:mechkg-curated-graph';

/** The curated graph's diagram positions (npm run layout), bundled: a few kilobytes, and no layout at start. */
export const BUNDLED_POSITIONS = positions as unknown as PositionsFile;

/** The curated graph, from its build-time snapshot (no YAML parsing or validation at start). */
export async function loadBundledGraph(): Promise<KnowledgeGraph> {
  const response = await fetch(snapshotUrl);
  if (!response.ok) throw new Error(`${snapshotUrl}: could not load the graph data (HTTP ${response.status}${response.status === 500 ? `: ${await response.text()}` : ''})`);
  return graphFromSnapshot(await response.json(), snapshotUrl);
}

const loader = () => import('./load-files.js');

/**
 * Reads files the user picked: mechkg YAML (sources.yaml plus module files) goes through the loader,
 * anything else (KGX, Cytoscape JSON, GraphML) through the library's importers.
 */
export async function loadUserFiles(list: FileList): Promise<KnowledgeGraph> {
  const files: GraphFile[] = [];
  for (const f of Array.from(list)) files.push({ path: f.webkitRelativePath || f.name, text: await f.text() });
  if (files.every((f) => /\.ya?ml$/i.test(f.path))) return (await loader()).loadYamlFiles(files, files.length === 1 ? files[0]!.path : `${files.length} opened files`);
  const { importUserFiles } = await import('./import-files.js');
  return importUserFiles(files);
}

// Test build only: __MECHKG_FIXTURES__ is the literal false in `npm run build`, so these lazy imports
// (and the fixture files) are dropped from the production bundle.
const FIXTURE_YAML: Record<string, () => Promise<unknown>> = __MECHKG_FIXTURES__
  ? import.meta.glob('../../tests/browser/fixtures/**/*.yaml', { query: '?raw', import: 'default' })
  : {};
const FIXTURE_GENERATORS: Record<string, () => Promise<unknown>> = __MECHKG_FIXTURES__ ? import.meta.glob('../../tests/browser/fixtures/*.ts') : {};

export const fixturesAvailable = __MECHKG_FIXTURES__;

/**
 * A named fixture (test build only): a folder tests/browser/fixtures/NAME/ of YAML files, or
 * "synthetic-N" for a generated graph of about N elements (tests/browser/fixtures/synthetic.ts).
 */
export async function loadFixtureGraph(name: string): Promise<KnowledgeGraph> {
  if (!__MECHKG_FIXTURES__) throw new Error(`data=${name}: fixtures exist only in the test build`);
  const synthetic = /^synthetic-(\d+)$/.exec(name);
  if (synthetic) {
    const load = FIXTURE_GENERATORS['../../tests/browser/fixtures/synthetic.ts'];
    if (!load) throw new Error('data: synthetic.ts fixture generator missing');
    const mod = (await load()) as { syntheticFiles(elements: number): GraphFile[] };
    return (await loader()).loadYamlFiles(mod.syntheticFiles(Number(synthetic[1])), name);
  }
  const prefix = `../../tests/browser/fixtures/${name}/`;
  const entries = Object.entries(FIXTURE_YAML).filter(([p]) => p.startsWith(prefix));
  if (!/^[a-z0-9-]+$/.test(name) || entries.length === 0) throw new Error(`data: no fixture named "${name}"`);
  const files = await Promise.all(entries.map(async ([p, load]) => ({ path: p.slice(prefix.length), text: String(await load()) })));
  return (await loader()).loadYamlFiles(files, name);
}
