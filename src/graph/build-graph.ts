/** Turns validated data into the graphology multigraph every query, exporter and view works on. */
import { MultiDirectedGraph } from 'graphology';
import type { ValidatedData } from '../load/validate-files.js';
import type { EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';
import type { EvidenceData, SourceData } from '../model/schema.js';
import { EVIDENCE_KINDS, PREDICATES, type Predicate } from '../model/vocabulary.js';
import { studyKey } from '../load/evidence-rules.js';

export function buildGraph(data: Pick<ValidatedData, 'modules' | 'nodes' | 'edges' | 'sources'> & Partial<Pick<ValidatedData, 'layout' | 'lessons'>>, name: string): KnowledgeGraph {
  const meta: GraphMeta = {
    name,
    sources: Object.fromEntries(data.sources.map(({ origin: _o, ...s }) => [s.id, s])),
    modules: Object.fromEntries(data.modules.map((m) => [m.id, m])),
  };
  if (data.layout) {
    const { origin: _o, ...layout } = data.layout;
    meta.layout = layout;
  }
  if (data.lessons?.length) meta.lessons = [...data.lessons].sort((a, b) => a.origin.file.localeCompare(b.origin.file));
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeRecord, EdgeRecord, GraphMeta>();
  graph.replaceAttributes(meta);
  for (const { module, ...n } of data.nodes) {
    n.modules = [module, ...n.modules.filter((m) => m !== module)]; // n is already a copy: no second one
    graph.addNode(n.id, n);
  }
  const registry = new Map(data.sources.map((s) => [s.id, s]));
  for (const { lines: _lines, ...e } of data.edges) {
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, addDerivedFields(e, registry)); // e is already a copy
  }
  markStateLinks(graph);
  return graph;
}

/**
 * Marks each supported edge between a node and its own state (B12 -> B12 deficiency, homocysteine ->
 * hyperhomocysteinemia) definitional: it is the link `state_of` declares, so it holds by what the state
 * node means and ranks as a definition whatever its entries say (docs/semantics.md#ranking-paths). Every
 * graph builder runs it once its nodes and edges are in (buildGraph, the importer's assembleGraph).
 */
export function markStateLinks(graph: KnowledgeGraph): void {
  const concept = (id: string) => graph.getNodeAttribute(id, 'state_of')?.node ?? id;
  graph.forEachEdge((_key, record, source, target) => {
    if (record.strength === 0 || record.definitional || concept(source) !== concept(target)) return;
    record.strength = EVIDENCE_KINDS.definition.strength;
    record.support = Math.max(1, record.support);
    record.definitional = true;
  });
}

/** Derives sign, causality, relation kind and evidence summaries for an edge from its (mechkg) predicate and evidence. */
export function edgeRecord(
  e: Omit<EdgeRecord, 'sign' | 'causal' | 'relation' | 'arc' | 'strength' | 'support' | 'contested' | 'preclinicalOnly' | 'predicate'> & { predicate: Predicate },
  sources?: StudyRegistry,
): EdgeRecord {
  return addDerivedFields({ ...e }, sources);
}

/** edgeRecord on an object the caller owns: the same fields in the same order, without copying the edge again. */
function addDerivedFields(e: Parameters<typeof edgeRecord>[0], sources?: StudyRegistry): EdgeRecord {
  const spec: { sign: EdgeRecord['sign']; causal: boolean; relation: EdgeRecord['relation']; arc?: EdgeRecord['arc'] } = PREDICATES[e.predicate];
  const record = e as EdgeRecord;
  record.sign = spec.sign;
  record.causal = spec.causal;
  record.relation = spec.relation;
  if (spec.arc) record.arc = spec.arc;
  const summary = summarizeEvidence(e.evidence, sources);
  record.strength = summary.strength;
  record.support = summary.support;
  record.contested = summary.contested;
  record.preclinicalOnly = summary.preclinicalOnly;
  if (summary.definitional) record.definitional = true;
  return record;
}

/** Registry entries by id, for telling when two evidence entries rest on one study (same PMID or DOI). */
export type StudyRegistry = { get(id: string): Pick<SourceData, 'pmid' | 'doi'> | undefined };

/**
 * Strength (strongest supporting kind), support (distinct underlying studies among the supporting
 * entries of that strongest kind: `study ?? source`, one per PMID or DOI when `sources` is given, so
 * restatements of one study count once) and the contested / preclinical flags of an edge's evidence.
 */
export function summarizeEvidence(evidence: readonly EvidenceData[], sources?: StudyRegistry): Pick<EdgeRecord, 'strength' | 'support' | 'contested' | 'preclinicalOnly' | 'definitional'> {
  const supporting = evidence.filter((ev) => ev.stance === 'supports');
  const strength = supporting.reduce((best, ev) => Math.max(best, EVIDENCE_KINDS[ev.kind].strength), 0); // no spread: 100k+ entries
  const studies = new Set<string>();
  for (const ev of supporting) if (EVIDENCE_KINDS[ev.kind].strength === strength) studies.add(studyKey(ev, sources));
  return {
    strength,
    support: studies.size,
    contested: evidence.some((ev) => ev.stance === 'disputes'),
    preclinicalOnly: supporting.length > 0 && supporting.every((ev) => EVIDENCE_KINDS[ev.kind].preclinical),
    ...(strength === EVIDENCE_KINDS.definition.strength ? { definitional: true as const } : {}),
  };
}
