/**
 * Where the explorer's graph comes from: the curated YAML bundled at build time, files the user opens,
 * or (only in the test build, see vite.config.ts) a named fixture from tests/browser/fixtures. Every
 * path goes through the library's one loader, loadGraphFromFiles.
 */
import { loadGraphFromFiles, type GraphFile, type KnowledgeGraph, type PositionsFile } from '../../src/index.js';
import positions from '../../graph/layout/positions.json';

/** The curated graph's diagram positions (npm run layout), bundled: a few kilobytes, and no layout at start. */
export const BUNDLED_POSITIONS = positions as unknown as PositionsFile;

// The curated YAML ships as static files next to the bundle (URLs resolved at build time), not inside
// the JavaScript: the code stays small and cacheable, and the data is fetched in parallel at start.
const BUNDLED = import.meta.glob('../../graph/**/*.yaml', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** The curated graph/ files, with paths relative to graph/ ('sources.yaml', 'modules/x.yaml'). */
export async function bundledFiles(): Promise<GraphFile[]> {
  const files = await Promise.all(
    Object.entries(BUNDLED).map(async ([path, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: could not load the graph data (HTTP ${response.status})`);
      return { path: path.replace(/^(\.\.\/)+graph\//, ''), text: await response.text() };
    }),
  );
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

export async function loadBundledGraph(): Promise<KnowledgeGraph> {
  return loadGraphFromFiles(await bundledFiles(), 'mechkg curated graph');
}

/**
 * Reads files the user picked: mechkg YAML (sources.yaml plus module files) goes through the loader,
 * anything else (KGX, Cytoscape JSON, GraphML) through the library's importers.
 */
export async function loadUserFiles(list: FileList): Promise<KnowledgeGraph> {
  const files: GraphFile[] = [];
  for (const f of Array.from(list)) files.push({ path: f.webkitRelativePath || f.name, text: await f.text() });
  if (files.every((f) => /\.ya?ml$/i.test(f.path))) return loadGraphFromFiles(files, files.length === 1 ? files[0]!.path : `${files.length} opened files`);
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
    return loadGraphFromFiles(mod.syntheticFiles(Number(synthetic[1])), name);
  }
  const prefix = `../../tests/browser/fixtures/${name}/`;
  const entries = Object.entries(FIXTURE_YAML).filter(([p]) => p.startsWith(prefix));
  if (!/^[a-z0-9-]+$/.test(name) || entries.length === 0) throw new Error(`data: no fixture named "${name}"`);
  const files = await Promise.all(entries.map(async ([p, load]) => ({ path: p.slice(prefix.length), text: String(await load()) })));
  return loadGraphFromFiles(files, name);
}
