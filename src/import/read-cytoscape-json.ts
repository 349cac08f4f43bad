/** Cytoscape.js JSON (mechkg's own .cyjs, Cytoscape desktop or networkx output) to candidates. */
import { emptyCandidates, jsonField, lineAt, problemAt, type Candidates, type EdgeCandidate, nodeCandidateFromRecord, type Where } from './candidates.js';
import { splitList } from './delimited-text.js';
import { jsonErrorOffset } from './json-error-offset.js';

type Data = Record<string, unknown>;

export function readCytoscapeJson(path: string, text: string): Candidates {
  const c = emptyCandidates();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = jsonErrorOffset(text);
    const at = offset !== undefined ? lineAt(text, offset) : undefined;
    c.problems.push({ level: 'error', code: 'malformed_file', file: path, ...(at ? { line: at.line, column: at.column } : {}), message: `not valid JSON: ${message}` });
    return c;
  }
  if (!isRecord(doc)) {
    c.problems.push({ level: 'error', code: 'malformed_file', file: path, message: 'expected a Cytoscape JSON object with "elements"' });
    return c;
  }
  const elements = doc.elements;
  let nodes: unknown[] = [];
  let edges: unknown[] = [];
  let base = 'elements';
  if (Array.isArray(elements)) {
    // The flat form: one list with group "nodes" / "edges" (or edges recognised by source and target).
    const isEdge = (el: unknown) => isRecord(el) && (el.group === 'edges' || (el.group === undefined && isRecord(el.data) && 'source' in el.data && 'target' in el.data));
    nodes = elements.filter((el) => !isEdge(el));
    edges = elements.filter(isEdge);
  } else if (isRecord(elements) && (Array.isArray(elements.nodes) || elements.nodes === undefined) && (Array.isArray(elements.edges) || elements.edges === undefined)) {
    nodes = (elements.nodes as unknown[] | undefined) ?? [];
    edges = (elements.edges as unknown[] | undefined) ?? [];
    base = 'elements';
  } else {
    c.problems.push({ level: 'error', code: 'malformed_file', file: path, message: 'expected "elements" to be {nodes: [...], edges: [...]} or a list of elements' });
    return c;
  }
  const meta = isRecord(doc.data) && isRecord(doc.data.mechkg) ? doc.data.mechkg : undefined;
  if (meta) {
    if (typeof meta.name === 'string') c.name = meta.name;
    for (const [k, s] of Object.entries(isRecord(meta.sources) ? meta.sources : {})) c.sources.push({ where: { file: path, element: `data.mechkg.sources.${k}` }, data: s });
    for (const [k, m] of Object.entries(isRecord(meta.modules) ? meta.modules : {})) c.modules.push({ where: { file: path, element: `data.mechkg.modules.${k}` }, data: m });
  } else if (isRecord(doc.data) && typeof doc.data.name === 'string') c.name = doc.data.name;

  nodes.forEach((el, i) => {
    const where: Where = { file: path, element: `${base}.nodes[${i}]` };
    const d = dataOf(el, where, c);
    if (d) c.nodes.push(nodeCandidateFromRecord(where, d.id ?? d.value, d));
  });
  edges.forEach((el, i) => {
    const where: Where = { file: path, element: `${base}.edges[${i}]` };
    const d = dataOf(el, where, c);
    if (d) c.edges.push(edgeCandidate(d, where, c));
  });
  return c;
}

function dataOf(el: unknown, where: Where, c: Candidates): Data | undefined {
  if (!isRecord(el) || !isRecord(el.data)) {
    c.problems.push(problemAt(where, 'malformed_file', 'expected an element object with a "data" object'));
    return undefined;
  }
  return el.data;
}

const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));
const list = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? splitList(v) : undefined);


function edgeCandidate(d: Data, where: Where, c: Candidates): EdgeCandidate {
  const e: EdgeCandidate = { where };
  const id = str(d.id ?? d.key);
  const set = <K extends keyof EdgeCandidate>(k: K, value: EdgeCandidate[K] | undefined) => {
    if (value !== undefined) e[k] = value;
  };
  set('id', id);
  set('source', str(d.source));
  set('target', str(d.target));
  set('predicate', str(d.predicate ?? d.interaction));
  const biolink = isRecord(d.biolink) ? d.biolink : undefined;
  if (biolink && typeof biolink.predicate === 'string') {
    e.kgx = { predicate: biolink.predicate };
    for (const q of ['object_direction_qualifier', 'object_aspect_qualifier', 'qualified_predicate'] as const) if (typeof biolink[q] === 'string') e.kgx[q] = biolink[q];
  } else if (typeof (d.predicate ?? d.interaction) === 'string') e.kgx = { predicate: String(d.predicate ?? d.interaction) };
  if ('sign' in d) set('sign', d.sign === null ? '' : str(d.sign) ?? '');
  set('evidence', d.evidence !== undefined ? jsonField(d.evidence, 'evidence', where, c.problems, id) : jsonField(d.evidence_json, 'evidence_json', where, c.problems, id));
  const sources = jsonField(d.sources_json, 'sources_json', where, c.problems, id);
  if (Array.isArray(sources)) for (const s of sources) c.sources.push({ where, data: s });
  set('context', jsonField(d.context, 'context', where, c.problems, id));
  set('note', str(d.note));
  set('module', str(d.module));
  set('publications', list(d.publications));
  if (biolink && typeof biolink.primary_knowledge_source === 'string') e.primaryKnowledgeSource = biolink.primary_knowledge_source;
  if (biolink && typeof biolink.knowledge_level === 'string') e.knowledgeLevel = biolink.knowledge_level;
  return e;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
