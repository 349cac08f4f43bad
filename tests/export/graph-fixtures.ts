/** Test helpers: a hostile-label graph, random graphs (fast-check), a canonical form for comparing graphs. */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { buildGraph } from '../../src/graph/build-graph.js';
import { edgeSchema, nodeSchema, sourceSchema, type SourceData } from '../../src/model/schema.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { CURATED_CATEGORY_NAMES as CATEGORY_NAMES, EVIDENCE_KIND_NAMES, PREDICATE_NAMES } from '../../src/model/vocabulary.js';
import { defaultEdgeId } from '../../src/load/validate-files.js';

export const HOSTILE = 'He said "hi" & <script>window.__pwned=1</script> | a\\b\ttab\nline two é 漢字 🧪 \'q\' #quot; ]]> --> <img src=x onerror="window.__pwned=2">';

export interface RawGraph {
  sources: unknown[];
  modules: { id: string; title: string; summary: string }[];
  nodes: (Record<string, unknown> & { module: string })[];
  edges: (Record<string, unknown> & { module: string })[];
}

/** Builds a graph from raw records through the zod schemas (like the loader), so text is normalized. */
export function graphFrom(raw: RawGraph, name = 'test graph'): KnowledgeGraph {
  const origin = { file: 'test', line: 0 };
  const sources = raw.sources.map((s) => ({ ...sourceSchema.parse(s), origin }));
  const nodes = raw.nodes.map(({ module, ...n }) => ({ ...nodeSchema.parse(n), module, origin }));
  const edges = raw.edges.map(({ module, ...e }) => {
    const d = edgeSchema.parse(e);
    return { ...d, id: d.id ?? defaultEdgeId(d), module, origin };
  });
  const modules = raw.modules.map((m) => ({ ...m, origin }));
  return buildGraph(Object.assign({ rejectedNodeIds: new Set<string>() }, { sources, nodes, edges, modules }), name);
}

/** Two nodes and a signed edge whose every text field is HOSTILE. */
export function hostileGraph(): KnowledgeGraph {
  return graphFrom(
    {
      sources: [{ id: 'hostile-source', kind: 'primary_paper', title: HOSTILE, authors: HOSTILE, year: 2020, pmid: '123', doi: '10.1000/x"y<z>' }],
      modules: [{ id: 'hostile', title: HOSTILE, summary: HOSTILE }],
      nodes: [
        { id: 'alpha', label: HOSTILE, category: 'small_molecule', description: HOSTILE, synonyms: [HOSTILE, 'plain'], abbreviations: ['A|B'], identifiers: ['CHEBI:1'], module: 'hostile' },
        { id: 'beta', label: `${HOSTILE} 2`, category: 'protein', description: HOSTILE, module: 'hostile' },
      ],
      edges: [
        { source: 'alpha', predicate: 'inhibits', target: 'beta', note: HOSTILE, context: { tissue: HOSTILE }, evidence: [{ source: 'hostile-source', kind: 'animal_model', statement: HOSTILE, note: HOSTILE }], module: 'hostile' },
        { source: 'beta', predicate: 'associated_with', target: 'alpha', evidence: [{ source: 'hostile-source', kind: 'in_vitro', stance: 'disputes', statement: HOSTILE }], module: 'hostile' },
      ],
    },
    HOSTILE,
  );
}

const HOSTILE_CHARS = ['"', "'", '<', '>', '&', '|', '\\', '\t', '\n', '\r', 'é', '漢', '🧪', '#', ';', ',', '%', '{', '}', '[', ']', '`', '*'];
const PLAIN_CHARS = [...'abcdefghijXYZ0123456789 -_.:'];
const textArb = fc
  .string({ unit: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PLAIN_CHARS) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_CHARS) }), minLength: 1, maxLength: 24 })
  .filter((s) => s.trim().length > 0);
const slugArb = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}$/);

/** Random valid graphs: hostile text everywhere, random categories, predicates, evidence and sources. */
export const graphArb: fc.Arbitrary<KnowledgeGraph> = fc
  .record({
    nodeIds: fc.uniqueArray(slugArb, { minLength: 1, maxLength: 8 }),
    sourceIds: fc.uniqueArray(slugArb, { minLength: 1, maxLength: 3 }),
    seed: fc.infiniteStream(fc.nat()),
    texts: fc.infiniteStream(textArb),
    edgeCount: fc.nat({ max: 12 }),
  })
  .map(({ nodeIds, sourceIds, seed, texts, edgeCount }) => {
    const n = () => seed.next().value as number;
    const t = () => (texts.next().value as string).trim();
    const pick = <T>(xs: readonly T[]) => xs[n() % xs.length]!;
    const maybe = <T>(v: () => T) => (n() % 2 === 0 ? v() : undefined);
    const modules = ['mod-a', 'mod-b'].map((id) => ({ id, title: t(), summary: t() }));
    const sources: SourceData[] = sourceIds.map((id) => ({
      id,
      title: t(),
      kind: pick(['seed_article', 'primary_paper', 'review', 'textbook', 'database'] as const),
      ...(n() % 2 ? { authors: t() } : {}),
      ...(n() % 2 ? { year: 1990 + (n() % 30) } : {}),
      ...(n() % 2 ? { pmid: String(1 + (n() % 99999)) } : {}),
      ...(n() % 3 === 0 ? { doi: `10.1000/${t().replace(/\s+/g, '')}` } : {}),
    }));
    const nodes = nodeIds.map((id) => ({
      id,
      label: t(),
      category: pick(CATEGORY_NAMES),
      description: t(),
      synonyms: Array.from({ length: n() % 3 }, t),
      abbreviations: Array.from({ length: n() % 2 }, t),
      identifiers: n() % 2 ? [`CHEBI:${n() % 1000}`] : [],
      modules: n() % 3 === 0 ? ['mod-b'] : [],
      module: 'mod-a',
    }));
    const edges: RawGraph['edges'] = [];
    const seen = new Set<string>();
    for (let i = 0; i < edgeCount; i++) {
      const source = pick(nodeIds);
      const target = pick(nodeIds);
      const predicate = pick(PREDICATE_NAMES);
      const id = n() % 4 === 0 ? `e${i}` : undefined;
      const key = id ?? `${source}--${predicate}--${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({
        ...(id ? { id } : {}),
        source,
        predicate,
        target,
        ...(maybe(() => ({ note: t() })) ?? {}),
        ...(maybe(() => ({ context: { species: t(), ...(n() % 2 ? { tissue: t() } : {}) } })) ?? {}),
        evidence: Array.from({ length: 1 + (n() % 3) }, () => ({
          source: pick(sourceIds),
          kind: pick(EVIDENCE_KIND_NAMES),
          stance: n() % 5 === 0 ? 'disputes' : 'supports',
          statement: t(),
          ...(n() % 3 === 0 ? { note: t() } : {}),
          ...(n() % 4 === 0 ? { context: { population: t() } } : {}),
        })),
        module: pick(['mod-a', 'mod-b']),
      });
    }
    return graphFrom({ sources, modules, nodes, edges }, 'random graph');
  });

/** Everything a round trip must keep, in a form toEqual can compare (origins and order left out). */
export function canonical(graph: KnowledgeGraph, opts: { moduleRecords?: boolean; citedSourcesOnly?: boolean } = {}) {
  const meta = graph.getAttributes();
  const cited = new Set(graph.mapEdges((_k, e) => e.evidence.map((ev) => ev.source)).flat());
  const used = new Set([...graph.mapNodes((_id, n) => n.modules).flat(), ...graph.mapEdges((_k, e) => e.module)]);
  const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    nodes: byId(graph.mapNodes((id, { origin: _o, ...n }) => ({ ...n, id }))),
    edges: byId(graph.mapEdges((key, { origin: _o, ...e }, source, target) => ({ ...e, id: key, source, target }))),
    sources: opts.citedSourcesOnly ? Object.fromEntries(Object.entries(meta.sources).filter(([id]) => cited.has(id))) : meta.sources,
    modules: opts.moduleRecords === false ? Object.keys(meta.modules).filter((m) => used.has(m)).sort() : Object.fromEntries(Object.entries(meta.modules).map(([k, { origin: _o, ...m }]) => [k, m])),
  };
}

export const HAS_NETWORKX = spawnSync('python3', ['-c', 'import networkx']).status === 0;
