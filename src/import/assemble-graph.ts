/**
 * Common records (from any format reader) to a graph. Ids, categories, predicates, qualifiers, provenance and
 * unmodelled fields are kept as the file gives them; mechkg's display category, sign, causal flag and relation
 * are derived from them (src/import/derive-meaning.ts). KGX semantics throughout: node rows listed twice are
 * merged, edges whose endpoints the file does not list get stub nodes (with a warning). No evidence is
 * invented: a foreign edge's evidence is its provenance. mechkg's own records (its exports) are validated
 * with the loader's schemas and come back exactly as they went out.
 */
import { MultiDirectedGraph } from 'graphology';
import type * as z from 'zod/mini';
import * as zm from 'zod/mini';
import { markStateLinks, summarizeEvidence } from '../graph/build-graph.js';
import type { LoadResult } from '../graph/load-graph.js';
import { describeIssue, problemCodeFor } from '../load/schema-issues.js';
import { isBiolinkPredicate, isDeprecatedPredicate } from '../model/biolink.js';
import { contextSchema, evidenceSchema, moduleSchema, sourceSchema, type EvidenceData, type SourceData } from '../model/schema.js';
import type { Attributes, EdgeRecord, GraphMeta, KnowledgeGraph, ModuleRecord, NodeRecord, Problem } from '../model/types.js';
import { CURATED_CATEGORY_NAMES, CURIE_PATTERN, isOwnPredicate, PREDICATES, type Category } from '../model/vocabulary.js';
import { displayCategory, edgeMeaning } from './derive-meaning.js';
import { graphId } from './kgx-fields.js';
import { displayName } from './display-name.js';
import { moduleIdOf } from './imported-module.js';
import { problemAt, type EdgeIn, type NodeIn, type RecordsIn, type Where } from './records.js';
import { WARN, WarningLog } from './warning-log.js';

const RELATED_TO = 'biolink:related_to';

interface Draft {
  n: NodeIn;
  gid: string;
  firstLine: number | undefined;
}

export function assembleGraph(r: RecordsIn, fallbackName: string): LoadResult {
  const problems: Problem[] = [...r.problems];
  const warnings = new WarningLog();
  const name = r.name ?? fallbackName;
  const defaultModule = moduleIdOf(fallbackName);
  // data carries the file's name only, never the importing machine's directories
  const origin = (w: Where) => ({ file: displayName(w.file), line: w.line ?? 0 });

  const sources = new Map<string, SourceData>();
  for (const { where, data } of r.sources) {
    const s = check(sourceSchema, data, where, problems);
    if (s && !sources.has(s.id)) sources.set(s.id, s);
  }
  const modules = new Map<string, ModuleRecord>();
  for (const { where, data } of r.modules) {
    const m = check(moduleSchema, data, where, problems);
    if (m && !modules.has(m.id)) modules.set(m.id, { ...m, origin: origin(where) });
  }

  // Ids as the file gives them; `mechkg:x` is the node x only when the file does not also use a bare x.
  const fileNodeIds = new Set<string>();
  for (const n of r.nodes) if (n.id !== undefined) fileNodeIds.add(n.id);
  for (const e of r.edges) for (const end of [e.subject, e.object]) if (end !== undefined) fileNodeIds.add(end);
  const fileEdgeIds = new Set<string>();
  for (const e of r.edges) if (e.id !== undefined) fileEdgeIds.add(e.id);
  const nodeId = (raw: string) => graphId(raw, (id) => fileNodeIds.has(id));
  const edgeIdOf = (raw: string) => graphId(raw, (id) => fileEdgeIds.has(id));

  // Nodes: one per id; a repeated row merges into the first (KGX: lists joined, later values win).
  const drafts = new Map<string, Draft>();
  for (const n of r.nodes) {
    if (n.id === undefined || n.id.trim() === '') {
      problems.push(problemAt(n.where, 'invalid_field', 'id: is required (KGX rejects a node without one)'));
      continue;
    }
    const gid = nodeId(n.id);
    const first = drafts.get(gid);
    if (!first) {
      drafts.set(gid, { n: { ...n, categories: [...n.categories], synonyms: [...n.synonyms], xrefs: [...n.xrefs] }, gid, firstLine: n.where.line });
      continue;
    }
    warnings.warn(...warnArgs(WARN.merged(gid, first.firstLine), n.where, gid));
    mergeNode(first.n, n);
  }
  const nodes = new Map<string, NodeRecord>();
  for (const { n, gid } of drafts.values()) {
    const node = nodeRecord(n, gid, defaultModule, problems, warnings);
    if (node) nodes.set(gid, node);
  }

  // Edges.
  const edges: EdgeRecord[] = [];
  const edgeIds = new Map<string, number>();
  const defaultCounts = new Map<string, number>();
  const warnedPredicates = new Set<string>();
  let stubs = 0;
  const endpoint = (raw: string, where: Where): string => {
    const gid = nodeId(raw);
    if (!nodes.has(gid)) {
      stubs++;
      warnings.warn(...warnArgs(WARN.stub(gid), where, gid));
      nodes.set(gid, { id: gid, label: gid, category: 'unknown', categories: [], description: '', synonyms: [], abbreviations: [], identifiers: [], modules: [defaultModule], origin: origin(where) });
    }
    return gid;
  };
  for (const e of r.edges) {
    const label = e.id ?? `${e.subject ?? '?'} -> ${e.object ?? '?'}`;
    const missing = (['subject', 'object'] as const).filter((k) => e[k] === undefined || e[k]!.trim() === '');
    if (missing.length) {
      problems.push(problemAt(e.where, 'invalid_field', `${missing.map((k) => (k === 'subject' ? 'subject (source)' : 'object (target)')).join(' and ')}: is required`, label));
      continue;
    }
    const built = e.own ? ownEdge(e, label, sources, problems) : foreignEdge(e, warnings, warnedPredicates);
    if (!built) continue;
    const source = endpoint(e.subject!, e.where);
    const target = endpoint(e.object!, e.where);
    const ids = edgeId(e, edgeIdOf, source, built.predicate, target, edgeIds, defaultCounts, warnings);
    const record: EdgeRecord = { ...built, id: ids, source, target, module: e.own?.module ?? defaultModule, origin: origin(e.where) };
    // the file's id when it had to be renamed (a networkx key, unique per node pair only): written back by GraphML and cyjs
    const fileId = e.fileId ?? (r.keysPerPair && e.id !== undefined && e.id !== '' && edgeIdOf(e.id) !== ids ? e.id : undefined);
    if (fileId !== undefined && fileId !== ids) record.fileId = fileId;
    edges.push(record);
    if (e.undirected) {
      const back = `${ids}~reverse`;
      const reverse: EdgeRecord = { ...record, id: back, source: target, target: source, reverseOf: ids };
      if (record.fileId !== undefined) reverse.fileId = `${record.fileId}~reverse`;
      edges.push(reverse);
      edgeIds.set(back, 1);
    }
  }
  if (r.undirectedEdges) {
    problems.push({ level: 'warning', code: 'invalid_field', file: r.edges[0]!.where.file, message: `${r.undirectedEdges === r.edges.length ? `the graph is undirected: each of its ${r.undirectedEdges} edge(s) is` : `${r.undirectedEdges} of the graph's ${r.edges.length} edges are undirected: each is`} read both ways (a second edge "<id>~reverse"), since mechkg's queries follow directions` });
  }
  void stubs;

  // Every module a record names exists (foreign files name none: they get one module for the file).
  for (const m of new Set([...[...nodes.values()].flatMap((n) => n.modules), ...edges.map((e) => e.module)])) {
    if (!modules.has(m)) modules.set(m, { id: m, title: m === defaultModule ? `Imported from ${fallbackName}` : m, summary: `Records imported from ${fallbackName}.`, origin: { file: fallbackName, line: 0 } });
  }
  for (const e of edges) {
    e.evidence.forEach((ev, i) => {
      if (!sources.has(ev.source)) problems.push({ level: 'error', code: 'unknown_source', file: e.origin.file, ...(e.origin.line ? { line: e.origin.line } : {}), id: e.id, message: `evidence[${i}].source "${ev.source}" is not in the sources the file carries` });
    });
  }

  const all = [...problems, ...warnings.list()].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? Infinity) - (b.line ?? Infinity));
  if (all.some((p) => p.level === 'error')) return { ok: false, problems: all };
  const meta: GraphMeta = { name, sources: Object.fromEntries(sources), modules: Object.fromEntries(modules) };
  if (r.attributes && Object.keys(r.attributes).length > 0) meta.attributes = r.attributes;
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeRecord, EdgeRecord, GraphMeta>();
  graph.replaceAttributes(meta);
  for (const n of nodes.values()) graph.addNode(n.id, n);
  for (const e of edges) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, e);
  markStateLinks(graph);
  return { ok: true, graph, problems: all };
}

function warnArgs(w: readonly [string, Problem['code'], string], where: Where, id: string | undefined): [string, Problem['code'], string, number | undefined, string | undefined, string] {
  return [w[0], w[1], where.file, where.line, id, where.element ? `${where.element}: ${w[2]}` : w[2]];
}

function mergeNode(into: NodeIn, n: NodeIn): void {
  const union = (a: string[], b: readonly string[]) => {
    for (const x of b) if (!a.includes(x)) a.push(x);
  };
  union(into.categories, n.categories);
  union(into.synonyms, n.synonyms);
  union(into.xrefs, n.xrefs);
  if (n.name !== undefined) into.name = n.name;
  if (n.description !== undefined) into.description = n.description;
  for (const k of Object.keys(n.attributes)) {
    const a = into.attributes[k];
    const b = n.attributes[k]!;
    if (Array.isArray(a) && Array.isArray(b)) into.attributes[k] = [...a, ...b.filter((x) => !a.includes(x))];
    else into.attributes[k] = b;
  }
  if (n.own && !into.own) into.own = n.own;
  if (n.position) into.position = n.position;
}

function nodeRecord(n: NodeIn, gid: string, defaultModule: string, problems: Problem[], warnings: WarningLog): NodeRecord | undefined {
  const origin = { file: displayName(n.where.file), line: n.where.line ?? 0 };
  let category: Category;
  if (n.own) {
    if (!(CURATED_CATEGORY_NAMES as readonly string[]).includes(n.own.category ?? '')) {
      problems.push(problemAt(n.where, 'unknown_category', `mechkg category: unknown value "${n.own.category}"; expected one of ${CURATED_CATEGORY_NAMES.join(', ')}`, gid));
      return undefined;
    }
    category = n.own.category as Category;
    const bad = n.xrefs.findIndex((x) => !CURIE_PATTERN.test(x));
    if (bad >= 0) {
      problems.push(problemAt(n.where, 'malformed_curie', `identifiers[${bad}]: must be a CURIE of the form PREFIX:local_id (got ${JSON.stringify(n.xrefs[bad])})`, gid));
      return undefined;
    }
  } else {
    category = displayCategory(n.categories);
    if (category === 'unknown' && n.categories.length > 0) warnings.warn(...warnArgs(WARN.unknownCategory(n.categories), n.where, gid));
  }
  const [module = defaultModule, ...extra] = n.own?.modules ?? [];
  const record: NodeRecord = {
    id: gid,
    label: n.name !== undefined && n.name.trim() !== '' ? n.name : gid,
    category,
    description: n.description ?? '',
    synonyms: n.synonyms,
    abbreviations: n.own?.abbreviations ?? [],
    identifiers: n.xrefs,
    modules: [module, ...extra.filter((m) => m !== module)],
    origin,
  };
  if (!n.own) record.categories = n.categories;
  if (n.own?.stateOf) record.state_of = { ...n.own.stateOf };
  if (hasKeys(n.attributes)) record.attributes = n.attributes;
  if (n.position) record.position = { ...n.position };
  return record;
}

type EdgeCore = Omit<EdgeRecord, 'id' | 'source' | 'target' | 'module' | 'origin'>;

function foreignEdge(e: EdgeIn, warnings: WarningLog, warned: Set<string>): EdgeCore {
  let predicate = e.predicate;
  if (predicate === undefined || predicate === '') {
    warnings.warn(...warnArgs(WARN.noPredicate(), e.where, undefined));
    predicate = RELATED_TO;
  } else if (!warned.has(predicate) && !isOwnPredicate(predicate)) {
    warned.add(predicate);
    if (!isBiolinkPredicate(predicate)) warnings.warn(...warnArgs(WARN.notBiolink(predicate), e.where, undefined));
    else if (isDeprecatedPredicate(predicate)) warnings.warn(...warnArgs(WARN.deprecated(predicate), e.where, undefined));
  }
  const q = e.qualifiers;
  const meaning = edgeMeaning({ predicate, object_direction_qualifier: q.object_direction_qualifier, subject_direction_qualifier: q.subject_direction_qualifier, qualified_predicate: q.qualified_predicate, negated: e.negated });
  const core: EdgeCore = { predicate, evidence: [], ...meaning, ...summarizeEvidence([]) };
  if (hasKeys(q)) core.qualifiers = q;
  if (e.negated !== undefined) core.negated = e.negated;
  if (hasKeys(e.provenance)) core.provenance = e.provenance;
  if (hasKeys(e.attributes)) core.attributes = e.attributes;
  return core;
}

function ownEdge(e: EdgeIn, label: string, sources: Map<string, SourceData>, problems: Problem[]): EdgeCore | undefined {
  const own = e.own!;
  const predicate = own.predicate ?? '';
  if (!isOwnPredicate(predicate)) {
    problems.push(problemAt(e.where, 'unknown_predicate', `mechkg predicate: unknown value "${predicate}"`, label));
    return undefined;
  }
  const expected = PREDICATES[predicate].sign ?? '';
  if (own.sign !== undefined && own.sign !== expected) {
    problems.push(problemAt(e.where, 'invalid_field', `sign "${own.sign}" contradicts predicate ${predicate} (sign "${expected}"); change the predicate to change the sign`, label));
    return undefined;
  }
  const evidence = check(evidenceListSchema, own.evidence ?? [], e.where, problems, label, 'evidence');
  if (!evidence) return undefined;
  if (evidence.length === 0) {
    problems.push(problemAt(e.where, 'missing_evidence', 'evidence: an edge needs at least one evidence entry', label));
    return undefined;
  }
  const context = own.context === undefined ? undefined : check(contextSchema, own.context, e.where, problems, label, 'context');
  if (own.context !== undefined && !context) return undefined;
  const meaning = edgeMeaning({ predicate });
  return { predicate, evidence: evidence as EvidenceData[], ...meaning, ...summarizeEvidence(evidence as EvidenceData[], sources), ...(context ? { context } : {}), ...(own.note !== undefined ? { note: own.note } : {}), ...(own.reaction !== undefined ? { reaction: own.reaction } : {}) };
}

const evidenceListSchema = zm.array(evidenceSchema);

/**
 * The id of an edge: the file's id (mechkg's own `mechkg:` ids unprefixed, see graphId); a repeated id gets --2, --3 ...
 * with a warning; without one, "<source>--<predicate>--<target>", with --k for the k-th such edge.
 */
function edgeId(e: EdgeIn, graphEdgeId: (raw: string) => string, source: string, predicate: string, target: string, used: Map<string, number>, defaults: Map<string, number>, warnings: WarningLog): string {
  if (e.id !== undefined && e.id !== '') {
    const given = graphEdgeId(e.id);
    const seen = used.get(given) ?? 0;
    used.set(given, seen + 1);
    if (seen === 0) return given;
    const renamed = `${given}--${seen + 1}`;
    warnings.warn(...warnArgs(WARN.duplicateEdge(given, renamed), e.where, given));
    used.set(renamed, 1);
    return renamed;
  }
  const base = `${source}--${predicate}--${target}`;
  const k = (defaults.get(base) ?? 0) + 1;
  defaults.set(base, k);
  const id = k === 1 ? base : `${base}--${k}`;
  used.set(id, (used.get(id) ?? 0) + 1);
  return id;
}

function hasKeys(o: object): boolean {
  for (const _k in o) return true;
  return false;
}

/** Validates one record with its schema, turning each issue into a located problem. */
function check<S extends z.ZodMiniType>(schema: S, raw: unknown, where: Where, problems: Problem[], id?: string, field?: string): z.output<S> | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
    const shown = `${field ?? ''}${path}`.replace(/^\./, '') || '(record)';
    problems.push(problemAt(where, problemCodeFor({ ...issue, path: [...(field ? [field] : []), ...issue.path] } as z.core.$ZodIssue), `${shown}: ${describeIssue(issue, raw)}`, id));
  }
  return undefined;
}

export type { Attributes };
