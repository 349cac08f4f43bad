/**
 * Turns candidates from any format into a graph exactly like the YAML loader does: every record is
 * validated with the zod schemas, every problem is collected with its place, and a graph is built (with
 * buildGraph, so an imported graph is indistinguishable from a loaded one) only when there is no error.
 * Foreign records are mapped onto mechkg's vocabularies: CURIE ids become slugs (the CURIE is kept as an
 * identifier), Biolink categories and predicates are mapped (unknown ones are warnings), and an edge
 * without mechkg evidence gets one evidence entry per publication or knowledge source it cites.
 */
import { KIND_OF_KNOWLEDGE_LEVEL, slugify } from './kgx-conventions.js';
import type * as z from 'zod/mini';
import { describeIssue, isRecord, problemCodeFor } from '../load/schema-issues.js';
import { buildGraph } from '../graph/build-graph.js';
import type { LoadResult } from '../graph/load-graph.js';
import type { ValidatedData } from '../load/validate-files.js';
import { defaultEdgeId } from '../load/validate-files.js';
import { edgeSchema, moduleSchema, nodeSchema, SLUG_PATTERN, sourceSchema, type EvidenceData, type SourceData } from '../model/schema.js';
import type { Problem, ProblemCode } from '../model/types.js';
import { CATEGORY_NAMES, CURIE_PATTERN, PREDICATE_NAMES, PREDICATES, type EvidenceKind, type Predicate } from '../model/vocabulary.js';
import { problemAt, type Candidates, type EdgeCandidate, type NodeCandidate, type Where } from './candidates.js';
import { mapCategory, mapPredicate } from './vocabulary-map.js';
import { ownValue } from '../model/own-key.js';

/** CURIE prefix of mechkg's own ids in KGX ("mechkg:vitamin-b12"). */
const OWN_PREFIX = 'mechkg:';



export function assembleGraph(c: Candidates, fallbackName: string): LoadResult {
  const problems: Problem[] = [...c.problems];
  const name = c.name ?? fallbackName;
  const defaultModule = slugify(fallbackName.replace(/\.[a-z]+$/i, '')) || 'imported';
  const data: Pick<ValidatedData, 'modules' | 'nodes' | 'edges' | 'sources'> = { modules: [], nodes: [], edges: [], sources: [] };
  /** Nodes that failed validation: their edges are not also reported as dangling. */
  const rejected = new Set<string>();
  const origin = (w: Where) => ({ file: w.file, line: w.line ?? 0 });

  // Sources and modules the file carried (a source may repeat, e.g. once per KGX edge).
  const sources = new Map<string, SourceData>();
  for (const { where, data: raw } of c.sources) {
    const s = check(sourceSchema, raw, where, problems);
    if (s && !sources.has(s.id)) {
      sources.set(s.id, s);
      data.sources.push({ ...s, origin: origin(where) });
    }
  }
  const modules = new Set<string>();
  for (const { where, data: raw } of c.modules) {
    const m = check(moduleSchema, raw, where, problems);
    if (m && !modules.has(m.id)) {
      modules.add(m.id);
      data.modules.push({ ...m, origin: origin(where) });
    }
  }

  // Nodes: ids become slugs; the first definition of an id wins and later ones are errors.
  const idMap = new Map<string, string>();
  const nodeWhere = new Map<string, Where>();
  const usedIds = new Set<string>();
  let guessedCategories = 0;
  for (const n of c.nodes) {
    const node = nodeRecord(n, idMap, usedIds, problems);
    if (!node) continue;
    if (node.guessed) guessedCategories++;
    const parsed = check(nodeSchema, node.raw, n.where, problems, node.raw.id);
    if (!parsed) {
      rejected.add(String(node.raw.id));
      continue;
    }
    if (nodeWhere.has(parsed.id)) {
      const first = nodeWhere.get(parsed.id)!;
      problems.push(problemAt(n.where, 'duplicate_id', `duplicate node id; first defined at ${describe(first)}`, parsed.id));
      continue;
    }
    nodeWhere.set(parsed.id, n.where);
    const [module = defaultModule, ...extra] = parsed.modules;
    data.nodes.push({ ...parsed, modules: extra, module, origin: origin(n.where) });
  }
  if (guessedCategories > 0) {
    problems.push({ level: 'warning', code: 'unknown_category', file: c.nodes[0]?.where.file ?? name, message: `${guessedCategories} node(s) had no Biolink category mechkg knows; categories were guessed from id prefixes (fallback biological_process)` });
  }

  // Edges: endpoints through the id map; mechkg predicate, or the KGX predicate mapped; evidence as given or from provenance.
  const edgeIds = new Map<string, Where>();
  let synthesized = 0;
  for (const e of c.edges) {
    const raw = edgeRaw(e, idMap, problems);
    if (!raw) continue;
    if (raw.evidence === undefined) {
      raw.evidence = provenanceEvidence(e, raw, sources, data.sources);
      synthesized++;
    }
    const { id: givenId, module, ...rest } = raw;
    const parsed = check(edgeSchema, rest, e.where, problems, givenId ?? `${raw.source}--${String(raw.predicate)}--${raw.target}`);
    if (!parsed) continue;
    let id = givenId && isOwnEdgeId(givenId) ? givenId : defaultEdgeId(parsed);
    if (!givenId || !isOwnEdgeId(givenId)) for (let k = 2; edgeIds.has(id); k++) id = `${defaultEdgeId(parsed)}--${k}`;
    if (edgeIds.has(id)) {
      problems.push(problemAt(e.where, 'duplicate_id', `duplicate edge id; first defined at ${describe(edgeIds.get(id)!)}`, id));
      continue;
    }
    edgeIds.set(id, e.where);
    data.edges.push({ ...parsed, id, module: module ?? defaultModule, origin: origin(e.where) });
    for (const end of ['source', 'target'] as const) {
      if (!nodeWhere.has(parsed[end]) && !rejected.has(parsed[end])) problems.push(problemAt(e.where, 'dangling_endpoint', `${end} "${e[end]}" is not a node in the file`, id));
    }
    parsed.evidence.forEach((ev, i) => {
      if (!sources.has(ev.source)) problems.push(problemAt(e.where, 'unknown_source', `evidence[${i}].source "${ev.source}" is not in the sources the file carries`, id));
    });
  }
  if (synthesized > 0) {
    problems.push({ level: 'warning', code: 'missing_evidence', file: c.edges[0]?.where.file ?? name, message: `${synthesized} edge(s) carried no mechkg evidence; each got one entry per publication or knowledge source it cites` });
  }

  // Every module named by a record exists (foreign files name none: they get one module for the file).
  const named = new Set([...data.nodes.flatMap((n) => [n.module, ...n.modules]), ...data.edges.map((e) => e.module)]);
  for (const m of named) {
    if (!modules.has(m)) {
      modules.add(m);
      data.modules.push({ id: m, title: m === defaultModule ? `Imported from ${fallbackName}` : m, summary: `Records imported from ${fallbackName}.`, origin: { file: fallbackName, line: 0 } });
    }
  }

  const sorted = problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (sorted.some((p) => p.level === 'error')) return { ok: false, problems: sorted };
  // Object.assign, not a literal: buildGraph's input may carry loader-only fields (e.g. rejectedNodeIds).
  return { ok: true, graph: buildGraph(Object.assign({ rejectedNodeIds: new Set<string>() }, data), name), problems: sorted };
}

/** mechkg edge ids: slugs, or the default "<source>--<predicate>--<target>" form (with an optional --N). */
function isOwnEdgeId(id: string): boolean {
  return SLUG_PATTERN.test(id) || /^[a-z0-9-]+--[a-z_]+--[a-z0-9-]+(--\d+)?$/.test(id);
}

function describe(w: Where): string {
  return [w.file, w.line, w.element].filter((x) => x !== undefined).join(':');
}

function nodeRecord(n: NodeCandidate, idMap: Map<string, string>, usedIds: Set<string>, problems: Problem[]): { raw: Record<string, unknown>; guessed: boolean } | undefined {
  if (n.id === undefined || n.id.trim() === '') {
    problems.push(problemAt(n.where, 'invalid_field', 'id: is required'));
    return undefined;
  }
  const original = n.id;
  const identifiers = [...(n.identifiers ?? [])];
  let id: string;
  if (idMap.has(original)) id = idMap.get(original)!;
  else {
    const own = original.startsWith(OWN_PREFIX) ? original.slice(OWN_PREFIX.length) : original;
    if (SLUG_PATTERN.test(own)) id = own;
    else {
      id = slugify(own);
      for (let k = 2; usedIds.has(id); k++) id = `${slugify(own)}-${k}`;
      if (CURIE_PATTERN.test(original) && !identifiers.includes(original)) identifiers.unshift(original);
    }
    idMap.set(original, id);
  }
  usedIds.add(id);
  let category = n.category;
  let guessed = false;
  if (category === undefined || !(CATEGORY_NAMES as readonly string[]).includes(category)) {
    const match = mapCategory([...(category !== undefined ? [category] : []), ...(n.foreignCategories ?? [])], [original, ...identifiers]);
    if (!match.known) {
      guessed = true;
      const terms = [category, ...(n.foreignCategories ?? [])].filter(Boolean);
      if (terms.length) problems.push(problemAt(n.where, 'unknown_category', `category ${terms.map((t) => `"${t}"`).join(', ')} is not one mechkg knows; imported as ${match.category}`, id, 'warning'));
    }
    category = match.category;
  }
  const label = n.label ?? original;
  return {
    guessed,
    raw: {
      id,
      label,
      category,
      description: n.description ?? `${label} (no description in ${n.where.file}).`,
      synonyms: n.synonyms ?? [],
      abbreviations: n.abbreviations ?? [],
      identifiers,
      modules: n.modules ?? [],
    },
  };
}

type EdgeRaw = { id?: string; source: string; target: string; predicate: Predicate | string; evidence?: unknown; context?: unknown; note?: string; module?: string };

function edgeRaw(e: EdgeCandidate, idMap: Map<string, string>, problems: Problem[]): EdgeRaw | undefined {
  const label = e.id ?? `${e.source ?? '?'} -> ${e.target ?? '?'}`;
  const missing = (['source', 'target'] as const).filter((k) => e[k] === undefined || e[k] === '');
  if (missing.length) {
    problems.push(problemAt(e.where, 'invalid_field', `${missing.join(' and ')}: is required`, label));
    return undefined;
  }
  const endpoint = (x: string) => idMap.get(x) ?? (x.startsWith(OWN_PREFIX) ? x.slice(OWN_PREFIX.length) : x);
  let predicate: string | undefined = e.predicate;
  const own = predicate !== undefined && (PREDICATE_NAMES as readonly string[]).includes(predicate);
  if (predicate === undefined || (!(PREDICATE_NAMES as readonly string[]).includes(predicate) && e.kgx)) {
    if (!e.kgx || !e.kgx.predicate) {
      problems.push(problemAt(e.where, predicate === undefined ? 'invalid_field' : 'unknown_predicate', predicate === undefined ? 'predicate: is required' : `predicate: unknown value "${predicate}"`, label));
      return undefined;
    }
    const match = mapPredicate(e.kgx);
    if (!match.known) {
      const q = [e.kgx.object_direction_qualifier, e.kgx.object_aspect_qualifier].filter(Boolean).join(', ');
      problems.push(problemAt(e.where, 'unknown_predicate', `predicate "${e.kgx.predicate}"${q ? ` (${q})` : ''} has no mechkg equivalent with a direction; imported as associated_with`, label, 'warning'));
    }
    predicate = match.predicate;
  }
  if (own && e.sign !== undefined) {
    const expected = PREDICATES[predicate as Predicate].sign ?? '';
    const claimed = e.sign ?? '';
    if (claimed !== expected) {
      problems.push(problemAt(e.where, 'invalid_field', `sign "${claimed}" contradicts predicate ${predicate} (sign "${expected}"); change the predicate to change the sign`, label));
      return undefined;
    }
  }
  return {
    ...(e.id !== undefined ? { id: e.id.startsWith(OWN_PREFIX) ? e.id.slice(OWN_PREFIX.length) : e.id } : {}),
    source: endpoint(e.source!),
    target: endpoint(e.target!),
    predicate,
    ...(e.evidence !== undefined ? { evidence: e.evidence } : {}),
    ...(e.context !== undefined ? { context: e.context } : {}),
    ...(e.note !== undefined ? { note: e.note } : {}),
    ...(e.module !== undefined ? { module: e.module } : {}),
  };
}

/** Evidence for a foreign edge: one entry per publication (else per knowledge source, else the file). */
function provenanceEvidence(e: EdgeCandidate, raw: EdgeRaw, sources: Map<string, SourceData>, out: ValidatedData['sources']): EvidenceData[] {
  const kind = ownValue(KIND_OF_KNOWLEDGE_LEVEL, e.knowledgeLevel) ?? 'review_statement';
  const claim = `${e.where.file} asserts ${raw.source} ${e.kgx?.predicate ?? raw.predicate} ${raw.target}`;
  const refs: SourceData[] = [];
  for (const pub of e.publications ?? []) {
    const m = /^(pmid|doi):\s*(.+)$/i.exec(pub.trim());
    if (!m) continue;
    const isPmid = m[1]!.toLowerCase() === 'pmid';
    const value = m[2]!;
    const s: SourceData = { id: slugify(`${m[1]}-${value}`), title: `${isPmid ? 'PMID' : 'doi'}:${value}`, kind: 'primary_paper', ...(isPmid ? (/^\d{1,9}$/.test(value) ? { pmid: value } : {}) : /^10\.\d{4,9}\/\S+$/.test(value) ? { doi: value } : {}) };
    refs.push(s);
  }
  if (refs.length === 0) {
    const ks = e.primaryKnowledgeSource ?? e.where.file;
    refs.push({ id: slugify(ks), title: ks, kind: 'database', note: `Knowledge source of imported edges (${e.where.file}).` });
  }
  for (const s of refs) {
    if (!sources.has(s.id)) {
      sources.set(s.id, s);
      out.push({ ...s, origin: { file: e.where.file, line: e.where.line ?? 0 } });
    }
  }
  return refs.map((s) => ({ source: s.id, kind, stance: 'supports' as const, statement: claim }));
}

/** Validates one record with its schema, turning each issue into a located problem. */
function check<S extends z.ZodMiniType>(schema: S, raw: unknown, where: Where, problems: Problem[], id?: unknown): z.output<S> | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const shownId = typeof id === 'string' ? id : isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  for (const issue of result.error.issues) {
    const field = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '') || '(record)';
    problems.push(problemAt(where, problemCodeFor(issue), `${field}: ${describeIssue(issue, raw)}`, shownId));
  }
  return undefined;
}

