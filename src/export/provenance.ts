/** KGX provenance and Biolink fields derived from mechkg records, shared by every writer that carries them. */
import type { SourceData } from '../model/schema.js';
import type { EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';
import { CATEGORIES, isOwnPredicate, PREDICATES, predicateVerb, type Category, type Predicate } from '../model/vocabulary.js';
import { ownValue } from '../model/own-key.js';

/** The infores CURIE KGX consumers see as primary_knowledge_source of curated mechkg edges. */
export const MECHKG_INFORES = 'infores:mechkg';
/** Prefix that turns a mechkg slug into a CURIE for KGX. */
export const MECHKG_PREFIX = 'mechkg';

export type KnowledgeLevel = 'knowledge_assertion' | 'statistical_association' | 'observation' | 'prediction' | 'not_provided';

const ASSOCIATIVE: ReadonlySet<Predicate> = new Set(['positively_correlated_with', 'negatively_correlated_with', 'associated_with', 'biomarker_for']);

/** Curated assertions are knowledge_assertion; correlations and biomarker links are statistical_association. */
export function ownKnowledgeLevel(predicate: Predicate): KnowledgeLevel {
  return ASSOCIATIVE.has(predicate) ? 'statistical_association' : 'knowledge_assertion';
}

/** An edge's knowledge_level: curated edges by their predicate; imported ones as their file says (or none). */
export function knowledgeLevel(e: Pick<EdgeRecord, 'predicate' | 'provenance'>): string | undefined {
  return isOwnPredicate(e.predicate) && !e.provenance ? ownKnowledgeLevel(e.predicate) : e.provenance?.knowledge_level;
}

/** agent_type: curated edges are manual_agent; imported ones as their file says (or none). */
export function agentType(e: Pick<EdgeRecord, 'predicate' | 'provenance'>): string | undefined {
  return isOwnPredicate(e.predicate) && !e.provenance ? 'manual_agent' : e.provenance?.agent_type;
}

/** primary_knowledge_source: curated edges are mechkg's; imported ones as their file says (or none). */
export function primaryKnowledgeSource(e: Pick<EdgeRecord, 'predicate' | 'provenance'>): string | undefined {
  return isOwnPredicate(e.predicate) && !e.provenance ? MECHKG_INFORES : e.provenance?.primary_knowledge_source;
}

export interface BiolinkEdgeFields {
  predicate: string;
  qualified_predicate?: string;
  object_direction_qualifier?: string;
  object_aspect_qualifier?: string;
}

/** The Biolink predicate and qualifiers of an edge: a curated predicate's mapping, or an imported edge's own, as given. */
export function biolinkEdge(e: Pick<EdgeRecord, 'predicate' | 'qualifiers'>): BiolinkEdgeFields & Record<string, string> {
  if (!isOwnPredicate(e.predicate)) return Object.assign(Object.create(null) as Record<string, string>, e.qualifiers ?? {}, { predicate: e.predicate });
  const b: { predicate: string; object_direction_qualifier?: string; object_aspect_qualifier?: string; causal_mechanism_qualifier?: string } = PREDICATES[e.predicate].biolink;
  return {
    predicate: b.predicate,
    ...(b.object_direction_qualifier ? { qualified_predicate: 'biolink:causes', object_direction_qualifier: b.object_direction_qualifier } : {}),
    ...(b.object_aspect_qualifier ? { object_aspect_qualifier: b.object_aspect_qualifier } : {}),
    ...(b.causal_mechanism_qualifier ? { causal_mechanism_qualifier: b.causal_mechanism_qualifier } : {}),
  };
}

export function biolinkCategory(category: Category): string {
  return CATEGORIES[category].biolink;
}

/** A node's categories for KGX: an imported node's as given, else its mechkg category's Biolink class. */
export function biolinkCategories(n: Pick<NodeRecord, 'category' | 'categories'>): string[] {
  return n.categories ?? [CATEGORIES[n.category].biolink];
}

/** The distinct sources an edge's evidence cites, in first-cited order. */
export function edgeSourceIds(edge: EdgeRecord): string[] {
  return [...new Set(edge.evidence.map((ev) => ev.source))];
}

/** PMID: and doi: CURIEs of the sources an edge cites (from the sources registry). */
export function publications(edge: EdgeRecord, sources: GraphMeta['sources']): string[] {
  const out: string[] = [];
  for (const id of edgeSourceIds(edge)) {
    const s = ownValue(sources, id);
    if (s?.pmid) out.push(`PMID:${s.pmid}`);
    if (s?.doi) out.push(`doi:${s.doi}`);
  }
  return [...new Set(out)];
}

/** The source records an edge cites (unknown ids are skipped). */
export function edgeSources(edge: EdgeRecord, sources: GraphMeta['sources']): SourceData[] {
  return edgeSourceIds(edge).flatMap((id) => {
    const s = ownValue(sources, id);
    return s ? [s] : [];
  });
}

/** Sources cited by the edges of a graph, numbered in the order edges are visited (for figure citations). */
export function numberSources(graph: KnowledgeGraph): { order: SourceData[]; numberOf: Map<string, number> } {
  const numberOf = new Map<string, number>();
  const order: SourceData[] = [];
  const sources = graph.getAttribute('sources') ?? {};
  graph.forEachEdge((_k, e) => {
    for (const id of edgeSourceIds(e)) {
      const s = numberOf.has(id) ? undefined : ownValue(sources, id);
      if (s) {
        numberOf.set(id, order.length + 1);
        order.push(s);
      }
    }
  });
  return { order, numberOf };
}

/** A plain-text sentence for an edge: "<source label> <verb> <target label>". */
export function edgeSentence(graph: KnowledgeGraph, key: string): string {
  const e = graph.getEdgeAttributes(key);
  return `${graph.getNodeAttribute(graph.source(key), 'label')} ${predicateVerb(e.predicate)} ${graph.getNodeAttribute(graph.target(key), 'label')}`;
}
