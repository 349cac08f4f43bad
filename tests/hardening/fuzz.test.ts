/**
 * Seeded fuzzing of every reader of untrusted text: the YAML loader, each importer (KGX TSV, KGX JSON Lines,
 * Cytoscape JSON, GraphML) and the compact index. Inputs are mechkg's own exports of a small graph, mangled
 * (bytes deleted, hostile tokens inserted, lines swapped or repeated, the file cut short). The contract: a
 * list of problems or a graph, never an internal error (anything but a MechkgError) and never a hang (each
 * input is small, so each run is short; the whole file stays well under a minute on 2 cores).
 * Inputs that once crashed a reader are kept in tests/fixtures/fuzz/ and replayed first.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MechkgError } from '../../src/errors.js';
import { exportGraph } from '../../src/export/index.js';
import { tryImportGraph, type ImportFile, type ImportFormat } from '../../src/import/import-graph.js';
import { tryLoadGraphFromFiles } from '../../src/graph/load-graph.js';
import { readGraphDir } from '../../src/node/read-graph-dir.js';
import { loadKgxIndex } from '../../src/scale/kgx-index.js';
import { tempDir } from './cli.js';
import { mangle, mangleArb, TOKENS } from './mangle.js';

// MECHKG_FUZZ_SEED explores other inputs locally; CI runs the fixed seed.
const SEED = Number(process.env.MECHKG_FUZZ_SEED ?? 1313);
const FIXTURES = 'tests/fixtures/fuzz';

/** A reader's outcome: a result (problems or a graph) or a MechkgError; any other throw is a bug. */
function mustNotCrash(read: () => unknown): void {
  try {
    const r = read() as { ok?: boolean; problems?: { level: string; file: string; message: string }[] } | undefined;
    if (r && typeof r === 'object' && 'ok' in r) {
      if (!r.ok) expect(r.problems!.some((p) => p.level === 'error')).toBe(true);
      for (const p of r.problems ?? []) expect(typeof p.message).toBe('string');
    }
  } catch (err) {
    if (!(err instanceof MechkgError)) throw err;
  }
}

// A small real graph (the B12 -> autophagy neighbourhood) and its exports: realistic seeds for mangling.
const curated = readGraphDir('graph');
const small = (() => {
  const r = tryLoadGraphFromFiles(curated);
  if (!r.ok) throw new Error('the curated graph does not load');
  const g = r.graph.copy();
  const keep = new Set(['vitamin-b12', 'methionine-synthase', 'homocysteine', 'syntaxin-17', 'autophagy']);
  g.forEachNode((id) => void (keep.has(id) || g.dropNode(id)));
  return g as typeof r.graph;
})();

async function seedFiles(format: ImportFormat): Promise<ImportFile[]> {
  const out = await exportGraph(small, format, {}, {});
  if (typeof out === 'string') return [{ path: `g.${format === 'cyjs' ? 'cyjs' : 'graphml'}`, text: out }];
  const ext = format === 'kgx' ? 'tsv' : 'jsonl';
  return (out as { files: { name: string; content: string | Uint8Array }[] }).files.map((f) => ({ path: `g_${f.name.replace(/\.\w+$/, '')}.${ext}`, text: String(f.content) }));
}

describe('fuzz: the YAML loader', () => {
  it('returns problems or a graph for mangled module and sources files', () => {
    fc.assert(
      fc.property(fc.nat({ max: curated.length - 1 }), mangleArb, (file, ops) => {
        const files = curated.map((f, i) => (i === file ? { ...f, text: mangle(f.text, ops) } : f)).filter((f) => f.path === 'sources.yaml' || f === curated[file] || f.path.endsWith(curated[file]!.path));
        mustNotCrash(() => tryLoadGraphFromFiles(files));
      }),
      { seed: SEED, numRuns: 120 },
    );
  }, 120_000);

  it('returns problems for random text and deep nesting', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...TOKENS, 'a', ' ', '1'), maxLength: 200 }), (text) => {
        mustNotCrash(() => tryLoadGraphFromFiles([{ path: 'sources.yaml', text: 'sources: []\n' }, { path: 'modules/x.yaml', text }]));
      }),
      { seed: SEED, numRuns: 300 },
    );
    mustNotCrash(() => tryLoadGraphFromFiles([{ path: 'sources.yaml', text: '['.repeat(100_000) }]));
    mustNotCrash(() => tryLoadGraphFromFiles([{ path: 'sources.yaml', text: 'a:\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i + 1) + 'b:').join('\n') }]));
  }, 120_000);
});

describe('fuzz: every importer', () => {
  it.each(['kgx', 'kgx-jsonl', 'cyjs', 'graphml'] as const)('%s: mangled exports give problems or a graph', async (format) => {
    const seeds = await seedFiles(format);
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), mangleArb, (which, ops) => {
        const files = seeds.map((f, i) => (i === which ? { ...f, text: mangle(f.text, ops) } : f));
        mustNotCrash(() => tryImportGraph(files, format));
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 120_000);
});

describe('fuzz: the compact index', () => {
  it('mangled KGX TSV files load or fail with a located MechkgError', async () => {
    const seeds = await seedFiles('kgx');
    const dir = tempDir();
    const edges = seeds.find((f) => f.path.includes('edges'))!;
    const nodes = seeds.find((f) => f.path.includes('nodes'))!;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), mangleArb, async (mangleEdges, ops) => {
        writeFileSync(join(dir, 'k_edges.tsv'), mangleEdges ? mangle(edges.text, ops) : edges.text);
        writeFileSync(join(dir, 'k_nodes.tsv'), mangleEdges ? nodes.text : mangle(nodes.text, ops));
        try {
          const index = await loadKgxIndex(join(dir, 'k_edges.tsv'), { parallel: false, chunkSize: 97 });
          expect(index.edgeCount).toBeGreaterThanOrEqual(0);
        } catch (err) {
          if (!(err instanceof MechkgError)) throw err;
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  }, 120_000);
});

describe('fuzz fixtures: inputs that once crashed a reader', () => {
  const fixtures = readdirSync(FIXTURES).sort();
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(0));
  it.each(fixtures)('%s', async (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    if (name.endsWith('.yaml')) return mustNotCrash(() => tryLoadGraphFromFiles([{ path: 'sources.yaml', text: 'sources:\n  - {id: src, kind: textbook, title: T}\n' }, { path: `modules/${name}`, text }]));
    const format: ImportFormat = name.endsWith('.graphml') ? 'graphml' : name.endsWith('.cyjs') ? 'cyjs' : name.endsWith('.jsonl') ? 'kgx-jsonl' : 'kgx';
    mustNotCrash(() => tryImportGraph([{ path: name, text }], format));
    if (format === 'kgx') {
      const dir = tempDir();
      writeFileSync(join(dir, 'f_edges.tsv'), text);
      await loadKgxIndex(join(dir, 'f_edges.tsv'), { parallel: false }).catch((err: unknown) => {
        if (!(err instanceof MechkgError)) throw err;
      });
    }
  });
});
