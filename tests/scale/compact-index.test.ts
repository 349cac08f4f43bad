/**
 * loadKgxIndex (the streamed compact index) against the KGX importer into graphology: the same generated
 * signed KGX files must give IDENTICAL answers (paths with every option, effects, regulators, neighbors),
 * evidence and ids included. And bad lines fail with the file and line named.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effects, findPaths, loadKgxIndex, neighbors, regulators, resolveNode, type KnowledgeGraph, type QueryInput } from '../../src/node.js';
import { importGraphFile } from '../../src/node/import-graph-file.js';
import type { CompactIndex } from '../../src/scale/compact-index.js';
// @ts-expect-error: a plain .mjs script without types
import { generateKgx } from '../../scripts/bench/generate-kgx.mjs';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mechkg-scale-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Fixture {
  graph: KnowledgeGraph;
  compact: CompactIndex;
  ids: string[];
}

async function fixture(seed: number, edges: number, nodes: number): Promise<Fixture> {
  const name = `g${seed}`;
  generateKgx({ edges, nodes, seed, out: dir, name });
  const path = join(dir, `${name}_edges.tsv`);
  const graph = importGraphFile(path);
  const compact = await loadKgxIndex(path, { onProgress: () => {} });
  return { graph, compact, ids: graph.nodes() };
}

/** Results as JSON (what the CLI prints), so class instances and undefined fields compare like the contract. */
const json = (x: unknown) => JSON.parse(JSON.stringify(x));

function same(f: Fixture, run: (g: QueryInput) => unknown): void {
  expect(json(run(f.compact))).toEqual(json(run(f.graph)));
}

describe('loadKgxIndex', () => {
  it('rejects a missing file and a header without subject and object, naming the file', async () => {
    await expect(loadKgxIndex(join(dir, 'nope_edges.tsv'))).rejects.toThrow(/nope_edges\.tsv: no such file/);
    const bad = join(dir, 'badheader_edges.tsv');
    writeFileSync(bad, 'id\tsubject\tpredicate\ne1\tA:1\tbiolink:causes\n');
    await expect(loadKgxIndex(bad)).rejects.toThrow(/badheader_edges\.tsv:1: .*missing column\(s\) "object"/);
  });

  it('reads rows that leave trailing empty fields off, and names the line of a row with an empty subject or object or too many fields', async () => {
    const short = join(dir, 'short_edges.tsv');
    writeFileSync(short, 'subject\tobject\tpredicate\tpublications\nA:1\tB:2\tbiolink:causes\nA:1\tB:2\n');
    const index = await loadKgxIndex(short);
    expect(index.edgeSummary(0)).toMatchObject({ source: 'A:1', target: 'B:2', predicate: 'biolink:causes', causal: true, sign: null });
    expect(index.edgeSummary(1)).toMatchObject({ predicate: 'biolink:related_to', causal: false });
    expect(index.problems.some((p) => p.code === 'unknown_predicate' && p.line === 3 && p.message.includes('no predicate'))).toBe(true);
    const noObject = join(dir, 'noobject_edges.tsv');
    writeFileSync(noObject, 'subject\tpredicate\tobject\nA:1\tbiolink:causes\tB:2\nA:1\tbiolink:causes\n');
    await expect(loadKgxIndex(noObject)).rejects.toThrow(/noobject_edges\.tsv:3: subject and object: is required \(empty object\)/);
    const empty = join(dir, 'empty_edges.tsv');
    writeFileSync(empty, 'subject\tpredicate\tobject\nA:1\tbiolink:causes\tB:2\n\nB:2\tbiolink:causes\tC:3\n\tbiolink:causes\tC:3\n');
    await expect(loadKgxIndex(empty)).rejects.toThrow(/empty_edges\.tsv:5: subject and object: is required \(empty subject\)/);
    const wide = join(dir, 'wide_edges.tsv');
    writeFileSync(wide, 'subject\tpredicate\tobject\nA:1\tbiolink:causes\tB:2\tX\n');
    await expect(loadKgxIndex(wide)).rejects.toThrow(/wide_edges\.tsv:2: 4 tab-separated fields, but the header has 3 columns/);
  });

  it('keeps the file\'s ids, merges a node listed twice and gives a missing endpoint a stub node, with warnings and their line', async () => {
    writeFileSync(join(dir, 'warn_nodes.tsv'), 'id\tcategory\tname\tsynonym\nA:1\tbiolink:Drug\tdrug a\tda\nA:1\tbiolink:Drug\tdrug a prime\tdap\n');
    writeFileSync(join(dir, 'warn_edges.tsv'), 'subject\tpredicate\tobject\r\nA:1\tbiolink:treats\tMONDO:9\r\n');
    const index = await loadKgxIndex(join(dir, 'warn_edges.tsv'));
    expect(index.problems.map((p) => [p.code, p.file.replace(/^.*[\\/]/, ''), p.line])).toEqual([
      ['duplicate_id', 'warn_nodes.tsv', 3],
      ['dangling_endpoint', 'warn_edges.tsv', 2],
    ]);
    expect(index.edgeSummary(0)).toMatchObject({ source: 'A:1', target: 'MONDO:9', predicate: 'biolink:treats', sign: '-', causal: true });
    expect(index.nodeSummary(index.indexOf('A:1'))).toEqual({ id: 'A:1', label: 'drug a prime', category: 'drug' });
    expect(index.getNodeAttribute('A:1', 'synonyms')).toEqual(['da', 'dap']);
    expect(resolveNode(index, 'drug a prime')).toBe('A:1');
    expect(resolveNode(index, 'A:1')).toBe('A:1');
  });

  it('reads lines split across read chunks (a file larger than one 1 MB chunk)', async () => {
    const f = await fixture(3, 12000, 1500);
    expect(f.compact.edgeCount).toBe(f.graph.size);
    for (let e = 0; e < f.compact.edgeCount; e += 997) {
      expect(json(f.compact.edgeSummary(e))).toEqual(json({ id: f.graph.edges()[e], ...pick(f.graph, f.graph.edges()[e]!) }));
    }
  });
});

function pick(graph: KnowledgeGraph, key: string) {
  const a = graph.getEdgeAttributes(key);
  return { source: graph.source(key), target: graph.target(key), predicate: a.predicate, sign: a.sign, causal: a.causal, relation: a.relation, ...(a.arc ? { arc: a.arc } : {}), evidence: a.evidence, ...(a.provenance ? { provenance: a.provenance } : {}) };
}

describe('compact index and graphology give identical answers', () => {
  const seeds = [11, 12, 13];
  const fixtures = new Map<number, Fixture>();
  beforeAll(async () => {
    for (const seed of seeds) fixtures.set(seed, await fixture(seed, 700, 90));
  });

  it.each(seeds)('has the same nodes, edges, ids, signs and strengths (seed %i)', (seed) => {
    const { graph, compact } = fixtures.get(seed)!;
    expect(compact.nodeCount).toBe(graph.order);
    expect(compact.edgeCount).toBe(graph.size);
    graph.forEachNode((id, a) => {
      const n = compact.indexOf(id);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(compact.nodeSummary(n)).toEqual({ id, label: a.label, category: a.category });
      expect(compact.getNodeAttribute(id, 'identifiers')).toEqual(a.identifiers);
      expect(compact.getNodeAttribute(id, 'synonyms')).toEqual(a.synonyms);
    });
    graph.edges().forEach((key, e) => {
      expect(compact.edgeId(e)).toBe(key);
      expect(json(compact.edgeSummary(e))).toEqual(json({ id: key, ...pick(graph, key) }));
      expect(compact.edgeStrength(e)).toBe(graph.getEdgeAttribute(key, 'strength'));
    });
  });

  const pathOptions = [
    {},
    { limit: 1 },
    { maxLength: 4, limit: 200 },
    { sign: '+' },
    { sign: '-', maxLength: 5 },
    { includeAssociations: true, maxLength: 4 },
    { minEvidence: 'observational_human' as const },
    { rank: 'evidence' as const, limit: 20 },
    { avoid: ['disease'] },
  ];

  it.each(seeds)('findPaths with every option (seed %i)', (seed) => {
    const f = fixtures.get(seed)!;
    let found = 0;
    for (let k = 0; k < 12; k++) {
      const from = f.ids[(k * 7 + seed) % f.ids.length]!;
      const to = f.ids[(k * 13 + 5) % f.ids.length]!;
      if (from === to) continue;
      for (const options of pathOptions) same(f, (g) => findPaths(g, from, to, options));
      found += findPaths(f.compact, from, to).paths.length;
      const via = f.ids[(k * 17 + 3) % f.ids.length]!;
      if (via !== from && via !== to) {
        same(f, (g) => findPaths(g, from, to, { via: [via] }));
        same(f, (g) => findPaths(g, from, to, { avoid: [via] }));
      }
    }
    expect(found).toBeGreaterThan(20); // the comparisons above are about real paths, not empty results
  });

  it.each(seeds)('effects, regulators and neighbors (seed %i)', (seed) => {
    const f = fixtures.get(seed)!;
    for (let k = 0; k < 15; k++) {
      const node = f.ids[(k * 11 + seed) % f.ids.length]!;
      same(f, (g) => effects(g, node, { direction: 'up' }));
      same(f, (g) => effects(g, node, { direction: 'down', depth: 2 }));
      same(f, (g) => regulators(g, node));
      same(f, (g) => neighbors(g, node, { depth: 2 }));
      same(f, (g) => neighbors(g, node, { depth: 1, direction: 'in' }));
      same(f, (g) => neighbors(g, node, { depth: 3, direction: 'out' }));
    }
  });
});
