#!/usr/bin/env node
/**
 * Seeded generator of signed, scale-free KGX TSV graphs for the benchmark and the scale tests.
 *
 *   node scripts/bench/generate-kgx.mjs --edges 100000 [--shape scalefree] [--seed 7] [--out /tmp/mechkg-bench]
 *
 * Writes <out>/<shape>-<edges>_edges.tsv, _nodes.tsv and _queries.json (query pairs chosen by BFS over
 * causal edges, so every benchmark query has an answer). Same seed, size and shape, same bytes.
 *
 * Shapes (one topology, different files; see kgx-shapes.mjs): `scalefree` (10 columns, the shape the scale
 * tests use), `plain` (4 columns, arbitrary edge ids, shuffled N:<n> node ids, biolink:NamedThing nodes),
 * `wide` (16 columns: qualifiers, qualified predicates, publication lists, sources), `unicode` (long CURIEs
 * and non-ASCII names), `quirks` (what KGX's own writer leaves: trailing empty fields dropped, raw quotes,
 * empty list cells, CRLF line ends).
 *
 * The graph: edges/10 nodes; sources and targets picked by preferential attachment (a node is picked in
 * proportion to 1 + the edges it already has on that side), which gives the heavy-tailed degrees of real
 * literature KGs (a few hubs, many leaves). Rows mix every way KGX states a sign: a direction qualifier on
 * biolink:affects, signed predicates (preventative_for_condition, treats...), causes without a direction, unsigned causal
 * predicates, and non-causal associations; a few rows repeat a pair with another predicate (parallel edges).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHAPES, shapeWriter, writeQueries, writeRows } from './kgx-shapes.mjs';

/** mulberry32: small, fast, good enough for test data; returns floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** [biolink category, CURIE prefix, name stem] for generated nodes. */
const NODE_KINDS = [
  ['biolink:SmallMolecule', 'CHEBI', 'metabolite'],
  ['biolink:Protein', 'UniProtKB', 'enzyme'],
  ['biolink:Gene', 'HGNC', 'gene'],
  ['biolink:BiologicalProcess', 'GO', 'process'],
  ['biolink:Disease', 'MONDO', 'disease'],
  ['biolink:PhenotypicFeature', 'HP', 'phenotype'],
  ['biolink:Drug', 'DRUGBANK', 'drug'],
];

/** [predicate, object_direction_qualifier, weight]: the mix of edge statements. */
export const EDGE_KINDS = [
  ['biolink:affects', 'increased', 22],
  ['biolink:affects', 'decreased', 18],
  ['biolink:regulates', 'upregulated', 10],
  ['biolink:regulates', 'downregulated', 8],
  ['biolink:affects', 'upregulated', 3],
  ['biolink:affects', 'downregulated', 3],
  ['biolink:causes', '', 6],
  ['biolink:contributes_to', '', 5],
  ['biolink:preventative_for_condition', '', 3],
  ['biolink:treats', '', 2],
  ['biolink:affects', '', 4],
  ['biolink:associated_with', '', 8],
  ['biolink:positively_correlated_with', '', 4],
  ['biolink:negatively_correlated_with', '', 2],
  ['biolink:related_to', '', 2],
];
const NON_CAUSAL = new Set(['biolink:associated_with', 'biolink:positively_correlated_with', 'biolink:negatively_correlated_with', 'biolink:related_to']);

const KNOWLEDGE = [
  ['knowledge_assertion', 'manual_agent', 'infores:ctd'],
  ['knowledge_assertion', 'text_mining_agent', 'infores:semmeddb'],
  ['statistical_association', 'data_analysis_pipeline', 'infores:gwas-catalog'],
  ['prediction', 'computational_model', 'infores:hetionet'],
  ['observation', 'manual_validation_of_automated_agent', 'infores:drugcentral'],
];

const SYLLABLES = ['ka', 'lo', 'mi', 'nu', 'pe', 'ra', 'si', 'to', 'va', 'ze', 'bri', 'glu', 'tha', 'xo', 'dre', 'phy'];

export const EDGE_COLUMNS = [
  'id', 'subject', 'predicate', 'object', 'object_direction_qualifier', 'knowledge_level', 'agent_type',
  'primary_knowledge_source', 'publications', 'category',
];
export const NODE_COLUMNS = ['id', 'category', 'name', 'synonym', 'xref', 'provided_by'];

/**
 * Generates the graph in memory as plain arrays (for tests) and, when out is given, writes the KGX files.
 * @param {{edges: number, seed?: number, nodes?: number, out?: string, name?: string, queries?: number, shape?: string}} options
 */
export function generateKgx(options) {
  const edgeTotal = options.edges;
  const seed = options.seed ?? 7;
  const shape = shapeWriter(options.shape ?? 'scalefree');
  const nodeTotal = options.nodes ?? Math.max(10, Math.round(edgeTotal / 10));
  const random = rng(seed);
  const pick = (n) => Math.floor(random() * n);

  // Nodes: kind, CURIE id, a pronounceable unique name.
  const nodeIds = new Array(nodeTotal);
  const nodeKind = new Uint8Array(nodeTotal);
  const nodeNames = new Array(nodeTotal);
  for (let i = 0; i < nodeTotal; i++) {
    const k = pick(NODE_KINDS.length);
    nodeKind[i] = k;
    nodeIds[i] = `${NODE_KINDS[k][1]}:${100000 + i}`;
    nodeNames[i] = `${SYLLABLES[pick(16)]}${SYLLABLES[pick(16)]}${SYLLABLES[pick(16)]} ${NODE_KINDS[k][2]} ${i}`;
  }
  // Other shapes rename every node (and shuffle which number gets which id), from their own seeded stream,
  // so the topology and the query pairs stay the same across shapes.
  shape.renameNodes?.(nodeIds, nodeNames, nodeKind, rng(seed ^ 0x5eed));

  // Edges by preferential attachment: urns hold one entry per edge end already placed.
  const weightTotal = EDGE_KINDS.reduce((s, k) => s + k[2], 0);
  const src = new Int32Array(edgeTotal);
  const dst = new Int32Array(edgeTotal);
  const kind = new Uint8Array(edgeTotal);
  const know = new Uint8Array(edgeTotal);
  const pubs = new Int32Array(edgeTotal);
  for (let e = 0; e < edgeTotal; e++) {
    let s, t;
    if (e > 0 && random() < 0.03) {
      // a parallel edge: the same pair stated again with another predicate
      const f = pick(e);
      s = src[f];
      t = dst[f];
    } else {
      do {
        s = e > 0 && random() < 0.6 ? src[pick(e)] : pick(nodeTotal);
        t = e > 0 && random() < 0.6 ? dst[pick(e)] : pick(nodeTotal);
      } while (s === t);
    }
    src[e] = s;
    dst[e] = t;
    let w = random() * weightTotal;
    let k = 0;
    while (w >= EDGE_KINDS[k][2]) w -= EDGE_KINDS[k++][2];
    kind[e] = k;
    know[e] = pick(KNOWLEDGE.length);
    pubs[e] = random() < 0.7 ? 10000000 + pick(30000000) : 0;
  }

  const graph = {
    shape: shape.name,
    nodes: nodeIds.map((id, i) => ({ id, category: NODE_KINDS[nodeKind[i]][0], name: nodeNames[i] })),
    edgeCount: edgeTotal,
    edge(e) {
      const [predicate, qualifier] = EDGE_KINDS[kind[e]];
      const [level, agent, source] = KNOWLEDGE[know[e]];
      return {
        id: `urn:mechkg:e${e.toString(36).padStart(5, '0')}`,
        subject: nodeIds[src[e]],
        predicate,
        object: nodeIds[dst[e]],
        object_direction_qualifier: qualifier,
        knowledge_level: level,
        agent_type: agent,
        primary_knowledge_source: source,
        publications: pubs[e] ? `PMID:${pubs[e]}${pubs[e] % 3 === 0 ? `|PMID:${pubs[e] + 7}` : ''}` : '',
        category: 'biolink:Association',
      };
    },
    hubs: chooseHubs(nodeTotal, src, dst).map((i) => nodeIds[i]),
    queries: chooseQueries({ nodeTotal, src, dst, kind, random, count: options.queries ?? 5 }).map(([f, t, d]) => ({ from: nodeIds[f], to: nodeIds[t], distance: d })),
  };
  if (options.out) {
    const name = options.name ?? `${shape.name}-${edgeTotal}`;
    if (shape.write) shape.write(graph, options.out, name, { nodeNames, nodeKind, src, dst, kind, know, pubs, EDGE_KINDS, KNOWLEDGE, NODE_KINDS, random: rng(seed ^ 0xed6e) });
    else writeKgx(graph, options.out, name, nodeNames);
  }
  return graph;
}

/** [most edges out, most edges in]: the nodes `effects` and `regulators` have the most work from. */
function chooseHubs(nodeTotal, src, dst) {
  const out = new Int32Array(nodeTotal);
  const inn = new Int32Array(nodeTotal);
  for (let e = 0; e < src.length; e++) {
    out[src[e]]++;
    inn[dst[e]]++;
  }
  let a = 0;
  let b = 0;
  for (let i = 1; i < nodeTotal; i++) {
    if (out[i] > out[a]) a = i;
    if (inn[i] > inn[b]) b = i;
  }
  return [a, b];
}

/** Query pairs (from, to, causal distance) with to 3 to 4 causal steps from from, found by BFS. */
function chooseQueries({ nodeTotal, src, dst, kind, random, count }) {
  const causal = (e) => !NON_CAUSAL.has(EDGE_KINDS[kind[e]][0]);
  const offsets = new Int32Array(nodeTotal + 1);
  for (let e = 0; e < src.length; e++) if (causal(e)) offsets[src[e] + 1]++;
  for (let i = 0; i < nodeTotal; i++) offsets[i + 1] += offsets[i];
  const targets = new Int32Array(offsets[nodeTotal]);
  const fill = offsets.slice(0, nodeTotal);
  for (let e = 0; e < src.length; e++) if (causal(e)) targets[fill[src[e]]++] = dst[e];
  const pairs = [];
  const dist = new Int32Array(nodeTotal);
  for (let attempt = 0; attempt < 200 && pairs.length < count; attempt++) {
    const from = Math.floor(random() * nodeTotal);
    if (offsets[from + 1] === offsets[from]) continue;
    dist.fill(-1);
    dist[from] = 0;
    const queue = [from];
    for (let h = 0; h < queue.length; h++) {
      const n = queue[h];
      if (dist[n] >= 4) break;
      for (let j = offsets[n]; j < offsets[n + 1]; j++) {
        const m = targets[j];
        if (dist[m] < 0) {
          dist[m] = dist[n] + 1;
          queue.push(m);
        }
      }
    }
    const far = queue.filter((n) => dist[n] === 4);
    const candidates = far.length > 0 ? far : queue.filter((n) => dist[n] === 3);
    if (candidates.length === 0) continue;
    const to = candidates[Math.floor(random() * candidates.length)];
    pairs.push([from, to, dist[to]]);
  }
  return pairs;
}

function writeKgx(graph, out, name, nodeNames) {
  mkdirSync(out, { recursive: true });
  const write = writeRows;
  write(join(out, `${name}_nodes.tsv`), NODE_COLUMNS, (function* () {
    for (let i = 0; i < graph.nodes.length; i++) {
      const n = graph.nodes[i];
      const short = nodeNames[i].split(' ')[0];
      yield [n.id, `${n.category}|biolink:NamedThing`, n.name, i % 4 === 0 ? `${short}-${i}` : '', i % 5 === 0 ? `MESH:D${String(i).padStart(6, '0')}` : '', 'infores:mechkg-bench'].join('\t');
    }
  })());
  write(join(out, `${name}_edges.tsv`), EDGE_COLUMNS, (function* () {
    for (let e = 0; e < graph.edgeCount; e++) {
      const row = graph.edge(e);
      yield EDGE_COLUMNS.map((c) => row[c]).join('\t');
    }
  })());
  const queries = writeQueries(graph, out, name);
  return { edges: join(out, `${name}_edges.tsv`), nodes: join(out, `${name}_nodes.tsv`), queries };
}

/** Path of the edges file generateKgx writes for a size and shape. */
export function kgxPaths(out, edges, shape = 'scalefree') {
  const base = join(out, `${shape}-${edges}`);
  return { edges: `${base}_edges.tsv`, nodes: `${base}_nodes.tsv`, queries: `${base}_queries.json`, hubs: `${base}_hubs.json` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const edges = Number(opt('edges', '10000'));
  if (!Number.isInteger(edges) || edges < 1) {
    process.stderr.write(`generate-kgx: --edges must be a positive integer, got "${opt('edges')}"\n`);
    process.exit(2);
  }
  const out = opt('out', '/tmp/mechkg-bench');
  const shape = opt('shape', 'scalefree');
  if (!SHAPES.includes(shape)) {
    process.stderr.write(`generate-kgx: --shape must be one of ${SHAPES.join(', ')}, got "${shape}"\n`);
    process.exit(2);
  }
  const started = Date.now();
  generateKgx({ edges, seed: Number(opt('seed', '7')), out, shape });
  process.stderr.write(`generate-kgx: ${kgxPaths(out, edges, shape).edges} (${edges} edges) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
