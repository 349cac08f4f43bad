/** Test helpers: small random signed multigraphs (fast-check), as KnowledgeGraphs, plus brute-force references. */
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { edgeRecord, edgeRelationOf, EVIDENCE_KIND_NAMES, EVIDENCE_KINDS, flowIndex, isBounce, originNode, PREDICATES, queryContext, reactionOf, RELATION_CODES } from '../../src/index.js';
import type { EdgeRecord, EvidenceKind, GraphMeta, KnowledgeGraph, NodeRecord, Predicate } from '../../src/index.js';

export const TEST_PREDICATES: Predicate[] = ['increases', 'decreases', 'causes', 'inhibits', 'associated_with', 'positively_correlated_with'];
/** Influence and conversion predicates, for graphs the flow view reads (reactions, twins, rules 5 and 8). */
export const FLOW_PREDICATES: Predicate[] = ['increases', 'inhibits', 'consumes', 'produces', 'converted_to', 'consumes', 'produces', 'cofactor_for'];
export const TEST_CATEGORIES = ['protein', 'small_molecule', 'disease'] as const;

export interface EdgeSpec {
  s: number;
  t: number;
  p: number;
  k: number;
}

export interface GraphSpec {
  n: number;
  edges: EdgeSpec[];
}

export function graphSpec(maxNodes = 7, maxEdges = 16, selfLoops = false, predicates = TEST_PREDICATES): fc.Arbitrary<GraphSpec> {
  return fc.integer({ min: 2, max: maxNodes }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc
        .array(
          fc.record({
            s: fc.integer({ min: 0, max: n - 1 }),
            t: fc.integer({ min: 0, max: n - 1 }),
            p: fc.integer({ min: 0, max: predicates.length - 1 }),
            k: fc.integer({ min: 0, max: EVIDENCE_KIND_NAMES.length - 1 }),
          }),
          { maxLength: maxEdges },
        )
        .map((es) => (selfLoops ? es : es.filter((e) => e.s !== e.t))),
    }),
  );
}

export function buildTestGraph(spec: GraphSpec, predicates = TEST_PREDICATES): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeRecord, EdgeRecord, GraphMeta>();
  graph.replaceAttributes({ name: 'test', sources: { s: { id: 's', title: 'Test source', kind: 'textbook' } }, modules: {} });
  for (let i = 0; i < spec.n; i++) {
    const id = `n${i}`;
    graph.addNode(id, {
      id,
      label: `node ${i}`,
      category: TEST_CATEGORIES[i % TEST_CATEGORIES.length]!,
      description: 'd',
      synonyms: [],
      abbreviations: [],
      identifiers: [],
      modules: ['m'],
      origin: { file: 't', line: 0 },
    });
  }
  spec.edges.forEach((e, i) => {
    const id = `e${String(i).padStart(3, '0')}`;
    const kind = EVIDENCE_KIND_NAMES[e.k]!;
    graph.addDirectedEdgeWithKey(
      id,
      `n${e.s}`,
      `n${e.t}`,
      edgeRecord({ id, source: `n${e.s}`, target: `n${e.t}`, predicate: predicates[e.p]!, module: 'm', origin: { file: 't', line: 0 }, evidence: [{ source: 's', kind, stance: 'supports', statement: 'x' }] }),
    );
  });
  return graph;
}

export interface RefEdge {
  id: string;
  s: number;
  t: number;
  sign: number;
  causal: boolean;
  strength: number;
  category: string;
}

export function refEdges(spec: GraphSpec): RefEdge[] {
  return spec.edges.map((e, i) => {
    const p = PREDICATES[TEST_PREDICATES[e.p]!];
    return {
      id: `e${String(i).padStart(3, '0')}`,
      s: e.s,
      t: e.t,
      sign: p.sign === '+' ? 1 : p.sign === '-' ? -1 : 0,
      causal: p.causal,
      strength: EVIDENCE_KINDS[EVIDENCE_KIND_NAMES[e.k]! as EvidenceKind].strength,
      category: TEST_CATEGORIES[e.t % TEST_CATEGORIES.length]!,
    };
  });
}

export function signText(s: number): '+' | '-' | '?' {
  return s > 0 ? '+' : s < 0 ? '-' : '?';
}

export interface RefPath {
  edges: RefEdge[];
  sign: '+' | '-' | '?';
  length: number;
  weakest: number;
  sum: number;
  key: string;
}

export function refPath(edges: RefEdge[]): RefPath {
  const strengths = edges.map((e) => e.strength);
  return {
    edges,
    sign: signText(edges.reduce((a, e) => a * e.sign, 1)),
    length: edges.length,
    weakest: Math.min(...strengths),
    sum: strengths.reduce((a, b) => a + b, 0),
    key: edges.map((e) => e.id).join('\u0000'),
  };
}

export interface RefFilter {
  includeAssociations?: boolean;
  minStrength?: number;
  avoidNodes?: number[];
}

export function allowed(e: RefEdge, f: RefFilter): boolean {
  return (f.includeAssociations === true || e.causal) && e.strength >= (f.minStrength ?? 0);
}

/** Every simple path s -> t of at most maxLength edges, by plain DFS (no pruning). */
export function bruteForcePaths(spec: GraphSpec, s: number, t: number, maxLength: number, f: RefFilter = {}): RefPath[] {
  const edges = refEdges(spec).filter((e) => allowed(e, f));
  const avoid = new Set((f.avoidNodes ?? []).filter((n) => n !== s && n !== t));
  const out: RefPath[] = [];
  const walk = (u: number, seen: Set<number>, path: RefEdge[]) => {
    if (u === t) {
      out.push(refPath(path));
      return;
    }
    if (path.length === maxLength) return;
    for (const e of edges) {
      if (e.s !== u || seen.has(e.t) || avoid.has(e.t)) continue;
      walk(e.t, new Set([...seen, e.t]), [...path, e]);
    }
  };
  walk(s, new Set([s]), []);
  return out;
}

export function byLength(a: RefPath, b: RefPath): number {
  return a.length - b.length || b.weakest - a.weakest || b.sum - a.sum || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function byEvidence(a: RefPath, b: RefPath): number {
  return b.weakest - a.weakest || a.length - b.length || b.sum - a.sum || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Shortest walk length to each (node, sign) state from start within depth, by enumerating every walk;
 * with `routes`, only walks that visit no node twice (simple paths, as effects' all-routes view lists).
 */
export function bruteForceReach(spec: GraphSpec, start: number, depth: number, upstream: boolean, f: RefFilter = {}, routes = false): Map<string, number> {
  const edges = refEdges(spec).filter((e) => allowed(e, f));
  const best = new Map<string, number>();
  const onWalk = new Set<number>([start]);
  const walk = (u: number, sign: number, d: number) => {
    if (d > 0) {
      const k = `${u}:${sign}`;
      if ((best.get(k) ?? Infinity) > d) best.set(k, d);
    }
    if (d === depth) return;
    for (const e of edges) {
      if ((upstream ? e.t : e.s) !== u) continue;
      const v = upstream ? e.s : e.t;
      if (v === start) continue; // start is clamped: walks never pass back through it
      if (routes && onWalk.has(v)) continue;
      if (routes) onWalk.add(v);
      walk(v, sign * e.sign === 0 ? 0 : sign * e.sign, d + 1);
      if (routes) onWalk.delete(v);
    }
  };
  walk(start, 1, 0);
  return best;
}

/** Every simple cycle of at most maxLength edges, rotated to start at its smallest node id. */
export function bruteForceCycles(spec: GraphSpec, maxLength: number, f: RefFilter = {}): RefPath[] {
  const edges = refEdges(spec).filter((e) => allowed(e, f));
  const found = new Map<string, RefPath>();
  for (let r = 0; r < spec.n; r++) {
    const walk = (u: number, seen: Set<number>, path: RefEdge[]) => {
      for (const e of edges) {
        if (e.s !== u) continue;
        if (e.t === r) {
          const cyc = [...path, e];
          const ids = cyc.map((x) => `n${x.s}`);
          const minAt = ids.indexOf([...ids].sort()[0]!);
          const rotated = [...cyc.slice(minAt), ...cyc.slice(0, minAt)];
          const p = refPath(rotated);
          found.set(p.key, p);
        } else if (!seen.has(e.t) && path.length + 1 < maxLength) {
          walk(e.t, new Set([...seen, e.t]), [...path, e]);
        }
      }
    };
    walk(r, new Set([r]), []);
  }
  return [...found.values()];
}

/** One enumerated walk of a brute-force reference: the node it ends at, its net sign, length and weakest link. */
export interface RefWalk {
  v: number;
  sign: number;
  length: number;
  weakest: number;
}

/**
 * The dominant-direction rule (docs/semantics.md) applied to enumerated walks: per node, the shortest signed
 * walks vote, each sign with its best weakest link; `flip` -1 reads the signs of lowering the start.
 */
export function dominantVerdicts(walks: readonly RefWalk[], n: number, flip: 1 | -1 = 1) {
  const strongest = EVIDENCE_KINDS.established_biochemistry.strength;
  const out = new Map<string, { effect: string; distance: number; routes: { up: number; down: number }; confidence: number }>();
  for (let v = 0; v < n; v++) {
    const mine = walks.filter((w) => w.v === v && w.sign !== 0);
    if (mine.length === 0) continue;
    const d = Math.min(...mine.map((w) => w.length));
    const at = mine.filter((w) => w.length === d);
    const up = at.filter((w) => w.sign * flip > 0);
    const down = at.filter((w) => w.sign * flip < 0);
    const bUp = Math.max(-1, ...up.map((w) => w.weakest));
    const bDown = Math.max(-1, ...down.map((w) => w.weakest));
    const effect = bUp > bDown ? 'up' : bDown > bUp ? 'down' : 'mixed';
    const [win, lose] = [Math.max(bUp, bDown), Math.max(0, Math.min(bUp, bDown))];
    const confidence = effect === 'mixed' || win <= 0 ? 0 : Math.round(Math.min(1, win / strongest) * (1 - lose / win) * 100) / 100;
    out.set(`n${v}`, { effect, distance: d, routes: { up: up.length, down: down.length }, confidence });
  }
  return out;
}

/**
 * Every route paths may list from s to t within maxLength on a graph with conversions, by plain DFS over
 * the flow view (no bounds): real nodes once (a reaction twin counts as its enzyme), no bounce (rule 5),
 * and rule 8 written from its definition: no production step of a reaction that consumes t (E consumes t
 * and E's step is in that reaction) followed by conversion arcs alone into t. Each route as "node ids |
 * edge ids" with its net sign.
 */
export function bruteForceFlowRoutes(graph: KnowledgeGraph, s: number, t: number, maxLength: number): { key: string; sign: string }[] {
  const real = queryContext(graph).index;
  const flow = flowIndex(real);
  const id = (n: number) => real.nodeId(originNode(flow, n));
  // the arcs of conversion predicates (vocabulary relation 'conversion'): converted_to, consumes, produces, catalyzes, cofactor_for
  const mass = new Set<number>([RELATION_CODES.conversion, RELATION_CODES.consumption, RELATION_CODES.production, RELATION_CODES.catalysis, RELATION_CODES.stimulation]);
  // (enzyme, reaction) pairs whose reaction consumes t
  const consuming = new Set<string>();
  for (let e = 0; e < real.edgeCount; e++) {
    if (real.edgeTarget(e) === t && edgeRelationOf(real, e) === RELATION_CODES.consumption) consuming.add(`${real.edgeSource(e)}:${reactionOf(real, e)}`);
  }
  const refused = (edges: number[]) =>
    edges.some(
      (e, i) =>
        edgeRelationOf(flow, e) === RELATION_CODES.production &&
        consuming.has(`${originNode(flow, flow.edgeSource(e))}:${reactionOf(flow, e)}`) &&
        edges.slice(i + 1).every((x) => mass.has(edgeRelationOf(flow, x))),
    );
  const out: { key: string; sign: string }[] = [];
  const walk = (u: number, seen: Set<number>, path: number[]) => {
    for (const e of flow.outEdges(u)) {
      const v = flow.edgeTarget(e);
      if (!flow.edgeCausal(e) || seen.has(originNode(flow, v))) continue;
      if (path.length > 0 && isBounce(flow, path[path.length - 1]!, e)) continue;
      const next = [...path, e];
      if (v === t) {
        if (!refused(next)) {
          const sign = next.reduce((a, x) => a * flow.edgeSign(x), 1);
          out.push({ key: `${[s, ...next.map((x) => flow.edgeTarget(x))].map(id).join(' ')} | ${next.map((x) => flow.edgeId(x)).join(' ')}`, sign: signText(sign) });
        }
      } else if (next.length < maxLength) {
        walk(v, new Set([...seen, originNode(flow, v)]), next);
      }
    }
  };
  walk(s, new Set([s]), []);
  return out;
}
