/**
 * KGX (Biolink 4) nodes and edges, as TSV (PREFIX_nodes.tsv, PREFIX_edges.tsv) or JSON Lines. Imported records
 * go back as they came: their ids, categories, predicates, qualifiers, provenance and every column mechkg does
 * not model (attributes), and no invented provenance. Slots Biolink 4 requires that the input left empty are
 * filled as KGX itself fills them or with Biolink's own "not stated" value, each fill counted in a warning:
 * a node without category is `biolink:NamedThing` (KGX's reader default), an edge without knowledge_level or
 * agent_type says `not_provided`, an edge without id gets the id mechkg read it under.
 * Curated records get Biolink 4.4.4 terms (their predicate's mapping, knowledge_level, agent_type,
 * infores:mechkg), plus mechkg_* columns for what Biolink has no slot for, so a mechkg export re-imports
 * exactly. TSV is written as KGX reads it: no quoting, `|` lists, tabs and line breaks as spaces (exact text of
 * curated records rides in the mechkg_exact JSON column).
 */
import type { AttributeValue, EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../model/types.js';
import { isOwnPredicate } from '../model/vocabulary.js';
import type { ExportFile, ExportOutput } from './export-types.js';
import { PREFIX_CONTEXT } from './foreign-records.js';
import { agentType, biolinkCategories, biolinkEdge, edgeSources, knowledgeLevel, MECHKG_INFORES, MECHKG_PREFIX, primaryKnowledgeSource, publications } from './provenance.js';

type Value = AttributeValue | undefined;
type Row = Map<string, Value>;

export const KGX_NODE_COLUMNS = ['id', 'category', 'name', 'description', 'synonym', 'xref', 'provided_by'] as const;
export const KGX_EDGE_COLUMNS = ['id', 'subject', 'predicate', 'object'] as const;
const EDGE_PROVENANCE_COLUMNS = ['negated', 'knowledge_level', 'agent_type', 'primary_knowledge_source', 'aggregator_knowledge_source', 'publications'] as const;
const OWN_NODE_COLUMNS = ['mechkg_category', 'mechkg_abbreviations', 'mechkg_modules', 'mechkg_state_of', 'mechkg_exact'] as const;
const OWN_EDGE_COLUMNS = ['mechkg_predicate', 'mechkg_sign', 'mechkg_module', 'mechkg_note', 'mechkg_reaction', 'mechkg_context', 'mechkg_evidence', 'mechkg_sources', 'mechkg_exact'] as const;

/** Columns whose values are JSON (text in TSV, native in JSON Lines). */
export const KGX_JSON_COLUMNS: ReadonlySet<string> = new Set(['mechkg_context', 'mechkg_evidence', 'mechkg_sources', 'mechkg_abbreviations', 'mechkg_modules', 'mechkg_state_of', 'mechkg_exact']);

/**
 * A graph id as a KGX CURIE: ids that are CURIEs stay; mechkg's own slugs get the mechkg prefix, except an id x
 * of a graph that also has a node `mechkg:x` (an imported file used both): it is written as is, so the two stay
 * two nodes when read back.
 */
function kgxId(id: string, graph: KnowledgeGraph): string {
  return id.includes(':') || graph.hasNode(`${MECHKG_PREFIX}:${id}`) ? id : `${MECHKG_PREFIX}:${id}`;
}

const NEEDS_EXACT = /[\t\n\r|]/;
const own = (n: NodeRecord) => n.categories === undefined;

/** Required slots an imported file left empty, counted per slot for the export's warnings. */
type Fills = Map<string, number>;
const fill = (fills: Fills, slot: string) => fills.set(slot, (fills.get(slot) ?? 0) + 1);
/** KGX's reader gives a node without category this class (kgx/source/source.py, validate_node). */
const DEFAULT_CATEGORY = 'biolink:NamedThing';
/** Biolink's KnowledgeLevelEnum and AgentTypeEnum value for "cannot be determined from what is given". */
const NOT_PROVIDED = 'not_provided';

function kgxNode(n: NodeRecord, graph: KnowledgeGraph, fills: Fills): Row {
  let category = biolinkCategories(n);
  if (category.length === 0) {
    fill(fills, 'node category');
    category = [DEFAULT_CATEGORY];
  }
  const row: Row = new Map<string, Value>([
    ['id', kgxId(n.id, graph)],
    ['category', category],
    ['name', n.label === n.id && !own(n) ? undefined : n.label],
    ['description', n.description || undefined],
    ['synonym', n.synonyms],
    ['xref', n.identifiers],
  ]);
  if (own(n)) {
    row.set('provided_by', [MECHKG_INFORES]);
    row.set('mechkg_category', n.category);
    row.set('mechkg_abbreviations', n.abbreviations);
    row.set('mechkg_modules', n.modules);
    if (n.state_of) row.set('mechkg_state_of', { ...n.state_of });
    const texts = [n.label, n.description, ...n.synonyms, ...n.identifiers, ...n.abbreviations];
    if (texts.some((t) => NEEDS_EXACT.test(t))) row.set('mechkg_exact', { name: n.label, description: n.description, synonym: n.synonyms, xref: n.identifiers, abbreviations: n.abbreviations });
  }
  for (const k of Object.keys(n.attributes ?? {})) if (!row.has(k)) row.set(k, n.attributes![k]);
  return row;
}

/** Whether an imported edge's key is the default mechkg gave an edge without id ("<s>--<p>--<t>[--k]"). */
function isDefaultEdgeId(key: string, e: EdgeRecord, source: string, target: string): boolean {
  const base = `${source}--${e.predicate}--${target}`;
  return key === base || (key.startsWith(`${base}--`) && /^\d+$/.test(key.slice(base.length + 2)));
}

/** A required slot: the value, or (counted) the fill-in. */
function required(value: string | undefined, fills: Fills, slot: string, fallback: string): string {
  if (value !== undefined && value !== '') return value;
  fill(fills, slot);
  return fallback;
}

function kgxEdge(key: string, e: EdgeRecord, source: string, target: string, graph: KnowledgeGraph, fills: Fills): Row {
  const sources: GraphMeta['sources'] = graph.getAttribute('sources') ?? {};
  const curated = isOwnPredicate(e.predicate) && e.provenance === undefined && e.qualifiers === undefined;
  const b = biolinkEdge(e);
  const row: Row = new Map<string, Value>([
    ['id', curated ? (key.includes(':') ? key : `${MECHKG_PREFIX}:${key}`) : required(isDefaultEdgeId(key, e, source, target) ? undefined : key, fills, 'edge id', key)],
    ['subject', kgxId(source, graph)],
    ['predicate', b.predicate],
    ['object', kgxId(target, graph)],
  ]);
  for (const k of Object.keys(b)) if (k !== 'predicate') row.set(k, b[k]);
  if (e.negated !== undefined) row.set('negated', e.negated);
  row.set('knowledge_level', required(knowledgeLevel(e), fills, 'edge knowledge_level', NOT_PROVIDED));
  row.set('agent_type', required(agentType(e), fills, 'edge agent_type', NOT_PROVIDED));
  row.set('primary_knowledge_source', primaryKnowledgeSource(e));
  if (e.provenance?.aggregator_knowledge_source) row.set('aggregator_knowledge_source', e.provenance.aggregator_knowledge_source);
  row.set('publications', curated ? publications(e, sources) : e.provenance?.publications);
  for (const k of Object.keys(e.attributes ?? {})) if (!row.has(k)) row.set(k, e.attributes![k]);
  if (curated) {
    row.set('mechkg_predicate', e.predicate);
    row.set('mechkg_sign', e.sign ?? undefined);
    row.set('mechkg_module', e.module);
    row.set('mechkg_note', e.note);
    if (e.reaction !== undefined) row.set('mechkg_reaction', e.reaction);
    row.set('mechkg_context', e.context as Value);
    row.set('mechkg_evidence', e.evidence as unknown as Value);
    row.set('mechkg_sources', edgeSources(e, sources) as unknown as Value);
    if (e.note !== undefined && NEEDS_EXACT.test(e.note)) row.set('mechkg_exact', { note: e.note });
  }
  return row;
}

function rows(graph: KnowledgeGraph): { nodes: Row[]; edges: Row[]; warnings: string[] } {
  const fills: Fills = new Map();
  const nodes = graph.mapNodes((_id, n) => kgxNode(n, graph, fills));
  const edges = graph.mapEdges((key, e, s, t) => kgxEdge(key, e, s, t, graph, fills));
  return { nodes, edges, warnings: fillWarnings(fills) };
}

const FILLED_AS: Readonly<Record<string, string>> = {
  'node category': `${DEFAULT_CATEGORY} (what KGX reads a node without category as)`,
  'edge knowledge_level': `${NOT_PROVIDED} (Biolink's value when it is not stated)`,
  'edge agent_type': `${NOT_PROVIDED} (Biolink's value when it is not stated)`,
  'edge id': 'the id mechkg read it under (<subject>--<predicate>--<object>)',
};

/** One warning per required slot the graph left empty: how many records, and what was written. */
function fillWarnings(fills: Fills): string[] {
  return [...fills].map(([slot, n]) => {
    const [kind, name] = slot.split(' ') as [string, string];
    return `kgx: ${n} ${kind}(s) without ${name}, which Biolink 4 requires; written as ${FILLED_AS[slot]}`;
  });
}

const isEmpty = (v: Value) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Columns every nodes / edges header has, rows or not: the slots Biolink 4 requires (filled on every row). */
const REQUIRED_COLUMNS: ReadonlySet<string> = new Set(['id', 'category', 'subject', 'predicate', 'object', 'knowledge_level', 'agent_type']);

/** Header: the standard columns, then every other column in first-seen order, mechkg's own last; only required columns and those some row fills. */
function columnsOf(rs: readonly Row[], first: readonly string[], last: readonly string[]): string[] {
  const seen = new Set<string>();
  const middle: string[] = [];
  for (const r of rs) for (const [k, v] of r) if (!isEmpty(v) && !seen.has(k)) {
    seen.add(k);
    if (!first.includes(k) && !last.includes(k)) middle.push(k);
  }
  const standard = first.filter((c) => seen.has(c) || REQUIRED_COLUMNS.has(c));
  return [...standard, ...middle, ...last.filter((c) => seen.has(c) || REQUIRED_COLUMNS.has(c))];
}

/** A TSV cell as KGX writes it: lists `|`-joined, JSON columns as JSON, tabs and line breaks as spaces. */
function cell(column: string, v: Value): string {
  if (isEmpty(v)) return '';
  if (KGX_JSON_COLUMNS.has(column)) return JSON.stringify(v);
  const flat = (x: AttributeValue): string => (typeof x === 'string' ? x : typeof x === 'object' && x !== null && !Array.isArray(x) ? JSON.stringify(x) : String(x));
  const s = Array.isArray(v) ? v.map(flat).join('|') : flat(v!);
  return s.replace(/[\t\r\n]/g, ' ');
}

/**
 * What `mechkg:` (and `biolink:`) expand to, as a JSON-LD context beside the nodes and edges files: KGX TSV and
 * JSON Lines have no header for prefixes. Written when a row uses a mechkg CURIE; importers skip it.
 */
function contextFile(rows: { nodes: Row[]; edges: Row[] }): ExportFile[] {
  const uses = [...rows.nodes, ...rows.edges].some((r) => ['id', 'subject', 'object'].some((k) => String(r.get(k) ?? '').startsWith(`${MECHKG_PREFIX}:`)));
  return uses ? [{ name: 'context.jsonld', content: JSON.stringify({ '@context': PREFIX_CONTEXT }, null, 2) + '\n' }] : [];
}

export function writeKgxTsv(graph: KnowledgeGraph): ExportOutput {
  const { nodes, edges, warnings } = rows(graph);
  const table = (cols: readonly string[], rs: readonly Row[]) => [cols.join('\t'), ...rs.map((r) => cols.map((c) => cell(c, r.get(c))).join('\t'))].join('\n') + '\n';
  return {
    files: [
      { name: 'nodes.tsv', content: table(columnsOf(nodes, KGX_NODE_COLUMNS, OWN_NODE_COLUMNS), nodes) },
      { name: 'edges.tsv', content: table(columnsOf(edges, KGX_EDGE_COLUMNS, [...EDGE_PROVENANCE_COLUMNS, ...OWN_EDGE_COLUMNS]), edges) },
      ...contextFile({ nodes, edges }),
    ],
    ...(warnings.length ? { warnings } : {}),
  };
}

export function writeKgxJsonl(graph: KnowledgeGraph): ExportOutput {
  const { nodes, edges, warnings } = rows(graph);
  const lines = (rs: readonly Row[]) => rs.map((r) => JSON.stringify(Object.fromEntries([...r].filter(([, v]) => !isEmpty(v))))).join('\n') + (rs.length ? '\n' : '');
  return {
    files: [
      { name: 'nodes.jsonl', content: lines(nodes) },
      { name: 'edges.jsonl', content: lines(edges) },
      ...contextFile({ nodes, edges }),
    ],
    ...(warnings.length ? { warnings } : {}),
  };
}
