/**
 * GraphML (mechkg's own, yEd, Gephi, Cytoscape desktop or networkx output) to candidates. Keys are read
 * by attr.name; problems name the element and its line (from the parser's start offsets).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { emptyCandidates, jsonField, lineAt, type Candidates, type EdgeCandidate, nodeCandidateFromRecord, type Where } from './candidates.js';
import { splitList } from './delimited-text.js';

type El = Record<string, unknown>;
const META = XMLParser.getMetaDataSymbol() as unknown as string;

export function readGraphml(path: string, text: string): Candidates {
  const c = emptyCandidates();
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    c.problems.push({ level: 'error', code: 'malformed_file', file: path, line: valid.err.line, column: valid.err.col, message: `not well-formed XML: ${valid.err.msg}` });
    return c;
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
    captureMetaData: true,
    isArray: (name) => ['key', 'graph', 'node', 'edge', 'data'].includes(name),
  });
  let doc: El;
  try {
    doc = parser.parse(text) as El;
  } catch (err) {
    // DOCTYPE and entity errors (entities are never fetched or expanded past the parser's limits)
    const at = Math.max(0, text.search(/<!DOCTYPE|<!ENTITY/i));
    const { line, column } = lineAt(text, at);
    c.problems.push({ level: 'error', code: 'malformed_file', file: path, line, column, message: `XML not accepted: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` });
    return c;
  }
  const root = doc.graphml as El | undefined;
  const graph = (root?.graph as El[] | undefined)?.[0];
  if (!root || !graph) {
    c.problems.push({ level: 'error', code: 'malformed_file', file: path, message: 'expected a <graphml> element with a <graph>' });
    return c;
  }
  const lineOf = (el: El) => {
    const start = (el[META] as { startIndex?: number } | undefined)?.startIndex;
    return start !== undefined ? lineAt(text, start).line : undefined;
  };
  const keys = new Map<string, { name: string; for: string; type: string }>();
  for (const k of (root.key as El[] | undefined) ?? []) {
    const id = String(k['@_id'] ?? '');
    keys.set(id, { name: String(k['@_attr.name'] ?? id), for: String(k['@_for'] ?? 'all'), type: String(k['@_attr.type'] ?? 'string') });
  }
  const dataOf = (el: El): Record<string, string> => {
    const out: Record<string, string> = Object.create(null); // key names are data ("__proto__" is a name)
    for (const d of (el.data as El[] | undefined) ?? []) {
      const key = String(d['@_key'] ?? '');
      const value = d['#text'];
      out[keys.get(key)?.name ?? key] = typeof value === 'string' ? value : value === undefined ? '' : String(value);
    }
    return out;
  };

  const g = dataOf(graph);
  if (g.name) c.name = g.name;
  const graphWhere: Where = { file: path, element: '<graph>' };
  const sources = jsonField(g.mechkg_sources, 'mechkg_sources', graphWhere, c.problems);
  if (isRecord(sources)) for (const [k, s] of Object.entries(sources)) c.sources.push({ where: { ...graphWhere, element: `<graph> mechkg_sources.${k}` }, data: s });
  const modules = jsonField(g.mechkg_modules, 'mechkg_modules', graphWhere, c.problems);
  if (isRecord(modules)) for (const [k, m] of Object.entries(modules)) c.modules.push({ where: { ...graphWhere, element: `<graph> mechkg_modules.${k}` }, data: m });

  ((graph.node as El[] | undefined) ?? []).forEach((el, i) => {
    const id = el['@_id'];
    const line = lineOf(el);
    const where: Where = { file: path, ...(line !== undefined ? { line } : {}), element: `<node${typeof id === 'string' ? ` id="${id}"` : ''}> #${i + 1}` };
    c.nodes.push(nodeCandidateFromRecord(where, typeof id === 'string' ? id : undefined, dataOf(el)));
  });
  ((graph.edge as El[] | undefined) ?? []).forEach((el, i) => {
    const id = el['@_id'];
    const line = lineOf(el);
    const where: Where = { file: path, ...(line !== undefined ? { line } : {}), element: `<edge${typeof id === 'string' ? ` id="${id}"` : ''}> #${i + 1}` };
    c.edges.push(edgeCandidate(el, dataOf(el), where, c));
  });
  return c;
}

const str = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);
const list = (v: string | undefined): string[] | undefined => (v === undefined || v === '' ? undefined : splitList(v));


function edgeCandidate(el: El, d: Record<string, string>, where: Where, c: Candidates): EdgeCandidate {
  const id = typeof el['@_id'] === 'string' ? (el['@_id'] as string) : undefined;
  const e: EdgeCandidate = { where };
  const set = <K extends keyof EdgeCandidate>(k: K, value: EdgeCandidate[K] | undefined) => {
    if (value !== undefined) e[k] = value;
  };
  set('id', id);
  set('source', typeof el['@_source'] === 'string' ? (el['@_source'] as string) : undefined);
  set('target', typeof el['@_target'] === 'string' ? (el['@_target'] as string) : undefined);
  set('predicate', str(d.predicate ?? d.interaction));
  const kgxPredicate = str(d.biolink_predicate) ?? str(d.predicate ?? d.interaction);
  if (kgxPredicate) {
    e.kgx = { predicate: kgxPredicate };
    for (const q of ['object_direction_qualifier', 'object_aspect_qualifier', 'qualified_predicate'] as const) if (d[q]) e.kgx[q] = d[q];
  }
  if ('predicate' in d) set('sign', d.sign ?? '');
  set('evidence', jsonField(str(d.evidence), 'evidence', where, c.problems, id));
  set('context', jsonField(str(d.context), 'context', where, c.problems, id));
  set('note', str(d.note));
  set('module', str(d.module));
  set('publications', list(d.publications));
  set('primaryKnowledgeSource', str(d.primary_knowledge_source));
  set('knowledgeLevel', str(d.knowledge_level));
  return e;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
