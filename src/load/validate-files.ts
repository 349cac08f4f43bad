/**
 * Validates mechkg data files and collects every problem (never stopping at the first): file shape,
 * closed vocabularies, CURIEs, then cross-file checks (duplicate ids, dangling endpoints, unknown sources).
 */
import type * as z from 'zod/mini';
import {
  edgeSchema,
  moduleSchema,
  nodeSchema,
  sourceSchema,
  type EdgeData,
  type ModuleData,
  type NodeData,
  type SourceData,
} from '../model/schema.js';
import { layoutFileSchema, lessonFileSchema, type LayoutFileData, type LessonFileData } from '../model/diagram-schema.js';
import type { GraphFile, Origin, Problem, ProblemCode } from '../model/types.js';
import { CURIE_PREFIXES, PREDICATES } from '../model/vocabulary.js';
import { editDistance } from './edit-distance.js';
import { checkEvidenceRules } from './evidence-rules.js';
import { checkReactionRules } from './reaction-rules.js';
import { describeIssue, isRecord, problemCodeFor } from './schema-issues.js';
import { parseYamlFile, type ParsedYaml, type YamlParser } from './yaml-document.js';

/** Lines of an edge's fields, so cross-file problems point at the exact line (not only the edge). */
export interface EdgeLines {
  source: number;
  target: number;
  evidence: number[];
}

export interface ValidatedData {
  modules: (ModuleData & { origin: Origin })[];
  nodes: (NodeData & { module: string; origin: Origin })[];
  edges: (EdgeData & { id: string; module: string; origin: Origin; lines?: EdgeLines })[];
  sources: (SourceData & { origin: Origin })[];
  /** The pathway diagram's compartments (graph/layout/*.yaml); at most one file. */
  layout: (LayoutFileData & { origin: Origin }) | null;
  /** Lessons (graph/lessons/*.yaml). */
  lessons: (LessonFileData & { origin: Origin })[];
  /** Ids that layout and lesson files name, checked against the nodes, sources and compartments. */
  references: Reference[];
  /** Ids of nodes that failed validation: edges to them are not reported again as dangling. */
  rejectedNodeIds: Set<string>;
  problems: Problem[];
}

/** An id a layout or lesson file names, with where it is written. */
export interface Reference {
  kind: 'node' | 'source' | 'compartment';
  id: string;
  /** What names it ("lesson b12-basics step 2 focus"). */
  owner: string;
  file: string;
  line: number;
  column: number;
}

/** graph/layout/*.yaml: the diagram's compartments. */
export function isLayoutFile(path: string): boolean {
  return /(^|[\\/])layout[\\/][^\\/]+\.ya?ml$/i.test(path);
}

/** graph/lessons/*.yaml: lessons. */
export function isLessonFile(path: string): boolean {
  return /(^|[\\/])lessons[\\/][^\\/]+\.ya?ml$/i.test(path);
}

/** Is this path the sources registry (as opposed to a module file)? */
export function isSourcesFile(path: string): boolean {
  return /(^|[\\/])sources\.ya?ml$/i.test(path);
}

export function defaultEdgeId(e: { source: string; predicate: string; target: string }): string {
  return `${e.source}--${e.predicate}--${e.target}`;
}

/** `parse` is the YAML reader (tests compare the fast one with the `yaml` package's). */
export function validateFiles(files: readonly GraphFile[], parse: YamlParser = parseYamlFile): ValidatedData {
  const out: ValidatedData = { modules: [], nodes: [], edges: [], sources: [], layout: null, lessons: [], references: [], rejectedNodeIds: new Set(), problems: [] };
  if (!files.some((f) => isSourcesFile(f.path))) {
    out.problems.push({ level: 'error', code: 'missing_file', file: '(graph)', message: 'no sources.yaml registry among the data files' });
  }
  for (const f of files) {
    const { parsed, problems } = parse(f.path, f.text);
    for (const p of problems) out.problems.push(p);
    if (!parsed) continue;
    if (isSourcesFile(f.path)) readSourcesFile(parsed, out);
    else if (isLayoutFile(f.path)) readLayoutFile(parsed, out);
    else if (isLessonFile(f.path)) readLessonFile(parsed, out);
    else readModuleFile(parsed, out);
  }
  crossCheck(out);
  return out;
}

function readSourcesFile(doc: ParsedYaml, out: ValidatedData): void {
  const list = topLevelList(doc, 'sources', out, ['sources', '$schema']);
  list?.forEach((raw, i) => {
    const data = check(sourceSchema, raw, doc, ['sources', i], out);
    if (data) out.sources.push({ ...data, origin: origin(doc, ['sources', i]) });
  });
}

function readLayoutFile(doc: ParsedYaml, out: ValidatedData): void {
  const data = check(layoutFileSchema, doc.value, doc, [], out);
  if (!data) return;
  if (out.layout) {
    out.problems.push({ ...at(doc, []), level: 'error', code: 'duplicate_id', id: 'layout', message: `a second layout file; the compartments are already defined in ${out.layout.origin.file}` });
    return;
  }
  out.layout = { ...data, origin: origin(doc, []) };
  const ref = (kind: Reference['kind'], id: string, owner: string, path: (string | number)[]) => out.references.push({ kind, id, owner, ...at(doc, path) });
  const seen = new Map<string, string>();
  data.compartments.forEach((c, i) => {
    c.nodes.forEach((n, j) => {
      const prev = seen.get(n);
      if (prev) out.problems.push({ ...at(doc, ['compartments', i, 'nodes', j]), level: 'error', code: 'duplicate_id', id: n, message: `node is already placed in compartment "${prev}"` });
      else seen.set(n, c.id);
      ref('node', n, `compartment ${c.id}`, ['compartments', i, 'nodes', j]);
    });
  });
  const ids = new Set(data.compartments.map((c) => c.id));
  for (const [key, value] of [...Object.entries(data.defaults.categories), ...Object.entries(data.defaults.modules)]) {
    const path = key in data.defaults.categories ? ['defaults', 'categories', key] : ['defaults', 'modules', key];
    if (!ids.has(value as string)) ref('compartment', value as string, `defaults ${key}`, path);
  }
  if (!ids.has(data.defaults.fallback)) ref('compartment', data.defaults.fallback, 'defaults fallback', ['defaults', 'fallback']);
}

function readLessonFile(doc: ParsedYaml, out: ValidatedData): void {
  const data = check(lessonFileSchema, doc.value, doc, [], out);
  if (!data) return;
  out.lessons.push({ ...data, origin: origin(doc, ['lesson']) });
  const ref = (kind: Reference['kind'], id: string, owner: string, path: (string | number)[]) => out.references.push({ kind, id, owner, ...at(doc, path) });
  data.steps.forEach((s, i) => {
    const owner = `lesson ${data.lesson.id} step ${i + 1}`;
    const p = ['steps', i];
    if (s.focus) ref('node', s.focus, `${owner} focus`, [...p, 'focus']);
    if (s.path) {
      ref('node', s.path.from, `${owner} path.from`, [...p, 'path', 'from']);
      ref('node', s.path.to, `${owner} path.to`, [...p, 'path', 'to']);
    }
    if (s.perturb) ref('node', s.perturb.node, `${owner} perturb.node`, [...p, 'perturb', 'node']);
    s.highlight.forEach((n, j) => ref('node', n, `${owner} highlight`, [...p, 'highlight', j]));
    if (s.compartment) ref('compartment', s.compartment, `${owner} compartment`, [...p, 'compartment']);
    s.observations.forEach((o, j) => ref('node', o.node, `${owner} observations`, [...p, 'observations', j, 'node']));
    if (s.hypothesis) {
      ref('node', s.hypothesis.node, `${owner} hypothesis.node`, [...p, 'hypothesis', 'node']);
      if (!s.observations.some((o) => o.direction !== 'unchanged')) {
        out.problems.push({ ...at(doc, [...p, 'hypothesis']), level: 'error', code: 'invalid_field', message: `${owner} hypothesis: a hypothesis explains observations; give the step observations that went up or down` });
      }
    }
    s.citations.forEach((c, j) => ref('source', c, `${owner} citations`, [...p, 'citations', j]));
  });
}

function readModuleFile(doc: ParsedYaml, out: ValidatedData): void {
  if (!isRecord(doc.value)) {
    out.problems.push({ ...at(doc, []), level: 'error', code: 'malformed_file', message: 'a module file must be a mapping with module, nodes and edges' });
    return;
  }
  const mod = check(moduleSchema, doc.value.module, doc, ['module'], out);
  if (mod) out.modules.push({ ...mod, origin: origin(doc, ['module']) });
  const moduleId = mod?.id ?? '(unknown module)';
  const nodes = topLevelList(doc, 'nodes', out, ['module', 'nodes', 'edges', '$schema'], true);
  nodes?.forEach((raw, i) => {
    const data = check(nodeSchema, raw, doc, ['nodes', i], out);
    if (data) out.nodes.push(Object.assign(data, { module: moduleId, origin: origin(doc, ['nodes', i]) })); // zod's output is a fresh object
    else if (isRecord(raw) && typeof raw.id === 'string') out.rejectedNodeIds.add(raw.id);
  });
  const edges = topLevelList(doc, 'edges', out, [], true);
  edges?.forEach((raw, i) => {
    const data = check(edgeSchema, raw, doc, ['edges', i], out);
    if (!data) return;
    const lines: EdgeLines = {
      source: doc.locate(['edges', i, 'source']).line,
      target: doc.locate(['edges', i, 'target']).line,
      evidence: data.evidence.map((_, j) => doc.locate(['edges', i, 'evidence', j, 'source']).line),
    };
    out.edges.push(Object.assign(data, { id: data.id ?? defaultEdgeId(data), module: moduleId, origin: origin(doc, ['edges', i]), lines }));
  });
}

/** The list under a top-level key; reports unknown top-level keys and a missing or non-list value. */
function topLevelList(doc: ParsedYaml, key: string, out: ValidatedData, allowed: string[], optional = false): unknown[] | undefined {
  if (!isRecord(doc.value)) {
    out.problems.push({ ...at(doc, []), level: 'error', code: 'malformed_file', message: `expected a mapping with a "${key}" list` });
    return undefined;
  }
  for (const k of Object.keys(doc.value)) {
    if (allowed.length > 0 && !allowed.includes(k)) {
      out.problems.push({ ...at(doc, [k]), level: 'error', code: 'invalid_field', message: `unknown top-level key "${k}" (expected ${allowed.join(', ')})` });
    }
  }
  const value = doc.value[key];
  if (value === undefined || value === null) {
    if (!optional) out.problems.push({ ...at(doc, []), level: 'error', code: 'malformed_file', message: `missing the "${key}" list` });
    return undefined;
  }
  if (!Array.isArray(value)) {
    out.problems.push({ ...at(doc, [key]), level: 'error', code: 'malformed_file', message: `"${key}" must be a list` });
    return undefined;
  }
  return value;
}

/** Validates one item with its schema, turning each schema issue into a located, coded problem. */
function check<S extends z.ZodMiniType>(schema: S, raw: unknown, doc: ParsedYaml, path: (string | number)[], out: ValidatedData): z.output<S> | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  for (const issue of result.error.issues) {
    const full = [...path, ...issue.path] as (string | number)[];
    const field = issue.path.filter((k) => typeof k === 'string').join('.') || path.join('.');
    out.problems.push({
      ...at(doc, full),
      level: 'error',
      code: problemCodeFor(issue),
      ...(id !== undefined ? { id } : { id: describeItem(path, raw) }),
      message: `${field}: ${describeIssue(issue, raw)}`,
    });
  }
  return undefined;
}

function crossCheck(out: ValidatedData): void {
  const err = (o: Origin, code: ProblemCode, id: string, message: string, level: Problem['level'] = 'error') =>
    out.problems.push({ level, code, file: o.file, line: o.line, id, message });

  const firstSeen = <T extends { id: string; origin: Origin }>(items: T[], what: string) => {
    const seen = new Map<string, T>();
    for (const item of items) {
      const prev = seen.get(item.id);
      if (prev) err(item.origin, 'duplicate_id', item.id, `duplicate ${what} id; first defined at ${prev.origin.file}:${prev.origin.line}`);
      else seen.set(item.id, item);
    }
    return seen;
  };
  const sources = firstSeen(out.sources, 'source');
  firstSeen(out.modules, 'module');
  const nodes = firstSeen(out.nodes, 'node');
  firstSeen(out.edges, 'edge');

  for (const n of out.nodes) {
    for (const c of n.identifiers) {
      const prefix = c.slice(0, c.indexOf(':'));
      if (!Object.hasOwn(CURIE_PREFIXES, prefix)) err(n.origin, 'unknown_curie_prefix', n.id, `identifier "${c}" has a prefix mechkg does not know (${prefix})`, 'warning');
    }
  }
  for (const n of out.nodes) {
    if (!n.state_of) continue;
    const of = n.state_of.node;
    const whose = nodes.get(of);
    if (of === n.id) err(n.origin, 'invalid_field', n.id, 'state_of: a node cannot be a state of itself');
    else if (!whose && !out.rejectedNodeIds.has(of)) err(n.origin, 'dangling_endpoint', n.id, `state_of.node "${of}" is not a node defined in any module${suggest(of, nodes.keys())}`);
    else if (whose?.state_of) err(n.origin, 'invalid_field', n.id, `state_of: "${of}" is itself a state (of "${whose.state_of.node}"); name that node instead`);
  }
  for (const e of out.edges) {
    for (const end of ['source', 'target'] as const) {
      if (!nodes.has(e[end]) && !out.rejectedNodeIds.has(e[end])) err({ file: e.origin.file, line: e.lines?.[end] ?? e.origin.line }, 'dangling_endpoint', e.id, `${end} "${e[end]}" is not a node defined in any module${suggest(e[end], nodes.keys())}`);
    }
    if (e.source === e.target) err(e.origin, 'self_loop', e.id, 'edge points from a node to itself', 'warning');
    e.evidence.forEach((ev, i) => {
      const line = { file: e.origin.file, line: e.lines?.evidence[i] ?? e.origin.line };
      if (!sources.has(ev.source)) err(line, 'unknown_source', e.id, `evidence[${i}].source "${ev.source}" is not in sources.yaml${suggest(ev.source, sources.keys())}`);
      if (ev.study !== undefined && !sources.has(ev.study)) err(line, 'unknown_source', e.id, `evidence[${i}].study "${ev.study}" is not in sources.yaml${suggest(ev.study, sources.keys())}`);
      if (ev.effect !== undefined && ev.stance !== 'disputes') err(line, 'invalid_field', e.id, `evidence[${i}].effect says what a disputing study found instead (got "${ev.effect}" on a supporting entry); set stance: disputes or remove effect`);
    });
    if (!PREDICATES[e.predicate].causal && e.evidence.every((ev) => ev.stance === 'disputes')) {
      err(e.origin, 'missing_evidence', e.id, 'every evidence entry disputes this edge; add the supporting finding it rests on', 'warning');
    }
  }
  for (const p of checkEvidenceRules(out, sources)) out.problems.push(p); // no spread: one problem per evidence entry
  for (const p of checkReactionRules(out)) out.problems.push(p);
  const compartments = new Set(out.layout?.compartments.map((c) => c.id) ?? []);
  firstSeen(out.lessons.map((l) => ({ id: l.lesson.id, origin: l.origin })), 'lesson');
  for (const r of out.references) {
    const known = r.kind === 'node' ? nodes : r.kind === 'source' ? sources : compartments;
    if (known.has(r.id) || (r.kind === 'node' && out.rejectedNodeIds.has(r.id))) continue;
    const what = r.kind === 'node' ? 'a node defined in any module' : r.kind === 'source' ? 'in sources.yaml' : out.layout ? `a compartment in ${out.layout.origin.file}` : 'a compartment (there is no graph/layout file)';
    // A compartment listing a node that is gone (renamed by a curator) only warns: the diagram places
    // nodes it does not list by default, so the graph stays valid; a lesson naming it is broken, an error.
    const level = r.owner.startsWith('compartment ') ? 'warning' : 'error';
    out.problems.push({ level, code: r.kind === 'source' ? 'unknown_source' : 'dangling_endpoint', file: r.file, line: r.line, column: r.column, id: r.owner, message: `"${r.id}" is not ${what}${suggest(r.id, known.keys())}${level === 'warning' ? '; the listing is ignored' : ''}` });
  }
  // Two nodes sharing an exact name make that name ambiguous everywhere it is typed.
  const names = new Map<string, string>();
  for (const n of out.nodes) {
    for (const name of new Set([n.label, ...n.synonyms, ...n.abbreviations].map(normalizeForCheck))) {
      const other = names.get(name);
      if (other && other !== n.id) err(n.origin, 'duplicate_name', n.id, `name "${name}" is also a name of node "${other}", so it is ambiguous`, 'warning');
      else names.set(name, n.id);
    }
  }
}

function normalizeForCheck(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function suggest(bad: string, known: Iterable<string>): string {
  let best = '';
  let bestScore = Infinity;
  for (const k of known) {
    const d = editDistance(bad, k);
    if (d < bestScore) [best, bestScore] = [k, d];
  }
  return best && bestScore <= Math.max(2, bad.length / 3) ? ` (did you mean "${best}"?)` : '';
}

function origin(doc: ParsedYaml, path: (string | number)[]): Origin {
  return { file: doc.file, line: doc.locate(path).line };
}

function at(doc: ParsedYaml, path: PropertyKey[]): { file: string; line: number; column: number } {
  return { file: doc.file, ...doc.locate(path) };
}

function describeItem(path: (string | number)[], raw: unknown): string {
  if (isRecord(raw) && typeof raw.source === 'string' && typeof raw.target === 'string') {
    return defaultEdgeId({ source: raw.source, predicate: String(raw.predicate), target: raw.target });
  }
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('');
}

