/**
 * The web app's door to the query engine (src/query): it calls the library and turns errors into
 * messages; it never re-implements a query. Results are memoized per graph and query.
 */
import { effects, findPaths, MechkgError, type DominantEffect, type EffectEntry, NameResolutionError, resolveNode, type EvidenceKind, type KnowledgeGraph, type PathsResult, type SearchHit } from '../../src/index.js';
import type { PathQuery } from './ui-state.js';

export interface EffectsView {
  source: string;
  direction: 'up' | 'down';
  /** Node id -> how it moves ('unknown': reached only through steps without a sign). */
  moves: Map<string, 'up' | 'down' | 'mixed' | 'unknown'>;
  /** Node id -> the library's entry (distance, supporting paths; dominantEffects' confidence and routes of each sign). */
  entries: Map<string, EffectEntry | DominantEffect>;
}

/** Nodes plus edges: what the drawing limit counts. */
export function elementCount(graph: KnowledgeGraph): number {
  return graph.order + graph.size;
}

/** The name to put in a field for a node: its label when that resolves back to it, else its id. */
export function nameFor(graph: KnowledgeGraph, hit: Pick<SearchHit, 'id' | 'label'>): string {
  try {
    return resolveNode(graph, hit.label) === hit.id ? hit.label : hit.id;
  } catch {
    return hit.id;
  }
}

/** nameFor by id. */
export function nameOf(graph: KnowledgeGraph, id: string): string {
  return nameFor(graph, { id, label: graph.getNodeAttribute(id, 'label') });
}

export interface Failure {
  ok: false;
  message: string;
  /** For names that do not resolve: the closest nodes, offered as buttons. */
  suggestions: { id: string; label: string }[];
}
export type Outcome<T> = { ok: true; value: T } | Failure;

const memo = new WeakMap<KnowledgeGraph, Map<string, Outcome<unknown>>>();

/** A query's outcome, computed once per graph and key (the hypotheses door, engine-hypotheses.ts, shares it). */
export function cached<T>(graph: KnowledgeGraph, key: string, run: () => T): Outcome<T> {
  let m = memo.get(graph);
  if (!m) memo.set(graph, (m = new Map()));
  const hit = m.get(key);
  if (hit) return hit as Outcome<T>;
  let out: Outcome<T>;
  try {
    out = { ok: true, value: run() };
  } catch (err) {
    out = failure(err);
  }
  m.set(key, out);
  return out;
}

export function failure(err: unknown): Failure {
  if (err instanceof NameResolutionError) return { ok: false, message: err.message, suggestions: err.suggestions };
  if (err instanceof MechkgError) return { ok: false, message: err.message, suggestions: [] };
  throw err;
}

/** A node name resolved like the CLI (id, label, synonym, abbreviation or CURIE). */
export function resolveName(graph: KnowledgeGraph, name: string): Outcome<string> {
  return cached(graph, `resolve\u0000${name}`, () => resolveNode(graph, name));
}

export function runPathQuery(graph: KnowledgeGraph, q: PathQuery): Outcome<PathsResult> {
  return cached(graph, `paths\u0000${JSON.stringify(q)}`, () =>
    findPaths(graph, q.from, q.to, {
      maxLength: q.maxLength,
      limit: 12,
      ...(q.sign !== 'any' ? { sign: q.sign } : {}),
      via: q.via,
      avoid: q.avoid,
      ...(q.minEvidence ? { minEvidence: q.minEvidence as EvidenceKind } : {}),
      includeAssociations: q.associations,
      rank: q.rank,
    }),
  );
}

/** Effects of raising or lowering a node (effects() in the library), as node id -> direction. */
export function runEffects(graph: KnowledgeGraph, node: string, direction: 'up' | 'down', depth: number | null): Outcome<EffectsView> {
  return cached(graph, `effects\u0000${node}\u0000${direction}\u0000${depth}`, () => {
    const r = effects(graph, node, { direction, ...(depth !== null ? { depth } : {}) });
    const moves = new Map<string, 'up' | 'down' | 'mixed' | 'unknown'>();
    const entries = new Map<string, EffectEntry | DominantEffect>();
    for (const e of r.effects) {
      moves.set(e.node.id, e.effect);
      entries.set(e.node.id, e);
    }
    return { source: r.node.id, direction, moves, entries };
  });
}
