/**
 * Neo4j bulk-import files: PREFIX_nodes.csv and PREFIX_edges.csv in the header format
 * `neo4j-admin database import full` reads, and PREFIX_queries.cypher with the import command and Cypher
 * equivalents of mechkg's paths, effects, regulators and neighbours queries. For graphs that outgrow one
 * machine (docs/scale.md); the CSVs carry every field, evidence included, so nothing is lost on the way.
 *
 * Nodes get two labels: the Biolink class (`SmallMolecule`, `Disease`, ...) and `Entity` (one label to index
 * ids on). Relationship types are the mechkg predicate in upper case (`INCREASES`, `INHIBITS`); sign, causal
 * flag, strength and evidence are relationship properties. Arrays use `;` (neo4j-admin's default array
 * delimiter); neo4j-admin has no escape for it, so a `;` inside an item is written as `,`. Cells a spreadsheet would
 * run as a formula start with `'` (neo4j-admin keeps it); the graph name is the only data in the queries file, in a
 * comment that no line break can end.
 */
import type { KnowledgeGraph } from '../model/types.js';
import { CATEGORIES, PREDICATES, PREDICATE_NAMES, type Predicate } from '../model/vocabulary.js';
import type { ExportOutput } from './export-types.js';
import { edgeSourceIds, publications } from './provenance.js';
import { spreadsheetSafe } from './text-codecs.js';

export const NEO4J_NODE_HEADER = [
  'id:ID',
  ':LABEL',
  'name',
  'category',
  'description',
  'synonyms:string[]',
  'abbreviations:string[]',
  'identifiers:string[]',
  'modules:string[]',
] as const;

export const NEO4J_EDGE_HEADER = [
  ':START_ID',
  ':END_ID',
  ':TYPE',
  'id',
  'predicate',
  'sign',
  'causal:boolean',
  'strength:int',
  'contested:boolean',
  'preclinical_only:boolean',
  'evidence_kinds:string[]',
  'sources:string[]',
  'publications:string[]',
  'module',
  'note',
  'context',
  'evidence',
] as const;

/** The label every node carries besides its Biolink class. */
export const NEO4J_NODE_LABEL = 'Entity';

/** Relationship type of a predicate: `increases` -> `INCREASES`. */
export function neo4jType(predicate: string): string {
  return predicate.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

/**
 * One CSV field: a cell a spreadsheet would run as a formula gets a leading `'` (these files are opened in
 * spreadsheets too), then it is quoted (quotes doubled) when it holds a delimiter, a quote, a line break or
 * edge spaces.
 */
export function csvField(value: string): string {
  const safe = spreadsheetSafe(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Text inside a `//` Cypher comment: no line terminator (or other control) may end the comment early. */
export function cypherComment(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/** A Cypher string literal: single-quoted, with backslash, quote and every control character escaped. */
export function cypherString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `'${text.replace(/[\\'"\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\\' ? '\\\\' : c === "'" ? "\\'" : c === '"' ? '\\"' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}'`;
}

/** A Cypher name (label, relationship type, property key) in backquotes, with backquotes doubled. */
export function cypherName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** A neo4j-admin array cell: items joined by `;` (a `;` inside an item becomes `,`). */
export function neo4jArray(items: readonly string[]): string {
  return items.map((s) => s.replace(/;/g, ',')).join(';');
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

export function writeNeo4j(graph: KnowledgeGraph): ExportOutput {
  const sources = graph.getAttribute('sources') ?? {};
  const nodes = graph.mapNodes((id, n) => [
    id,
    `${CATEGORIES[n.category].biolink.replace(/^biolink:/, '')};${NEO4J_NODE_LABEL}`,
    n.label,
    n.category,
    n.description,
    neo4jArray(n.synonyms),
    neo4jArray(n.abbreviations),
    neo4jArray(n.identifiers),
    neo4jArray(n.modules),
  ]);
  const edges = graph.mapEdges((key, e, s, t) => [
    s,
    t,
    neo4jType(e.predicate),
    key,
    e.predicate,
    e.sign ?? '',
    String(e.causal),
    String(e.strength),
    String(e.contested),
    String(e.preclinicalOnly),
    neo4jArray([...new Set(e.evidence.map((ev) => ev.kind))]),
    neo4jArray(edgeSourceIds(e)),
    neo4jArray(publications(e, sources)),
    e.module,
    e.note ?? '',
    e.context ? JSON.stringify(e.context) : '',
    JSON.stringify(e.evidence),
  ]);
  return {
    files: [
      { name: 'nodes.csv', content: csv(NEO4J_NODE_HEADER, nodes) },
      { name: 'edges.csv', content: csv(NEO4J_EDGE_HEADER, edges) },
      { name: 'queries.cypher', content: neo4jQueries(graph.getAttribute('name') ?? 'mechkg') },
    ],
  };
}

/** The import command and the Cypher equivalents of mechkg's queries (parameters: $from, $to, $node). */
export function neo4jQueries(graphName: string): string {
  const causal = PREDICATE_NAMES.filter((p: Predicate) => PREDICATES[p].causal).map(neo4jType).join('|');
  const signOf = "CASE r.sign WHEN '+' THEN 1 WHEN '-' THEN -1 ELSE 0 END";
  const netSign = `reduce(s = 1, r IN relationships(p) | s * ${signOf})`;
  const signText = (x: string) => `CASE ${x} WHEN 1 THEN '+' WHEN -1 THEN '-' ELSE '?' END`;
  const simple = 'all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))';
  return `// ${cypherComment(graphName)}: Cypher equivalents of mechkg's queries, for the CSVs written beside this file.
// Written by \`mechkg export --format neo4j --out PREFIX\`; below, PREFIX is "mechkg": use your own.
//
// 1. Import (Neo4j 5; stop the database first; "mechkg" is the database name):
//
//    neo4j-admin database import full --overwrite-destination \\
//      --nodes=mechkg_nodes.csv --relationships=mechkg_edges.csv \\
//      --array-delimiter=";" --multiline-fields=true mechkg
//
//    then, in cypher-shell: CREATE DATABASE mechkg IF NOT EXISTS; :use mechkg
//    (Neo4j Community has one user database: import into "neo4j" instead.)
//
// 2. Index the ids (every node has the label ${NEO4J_NODE_LABEL}; its Biolink class is a second label):

CREATE INDEX entity_id IF NOT EXISTS FOR (n:${NEO4J_NODE_LABEL}) ON (n.id);

// Parameters, e.g. in cypher-shell:  :param from => 'vitamin-b12'   :param to => 'autophagy'   :param node => 'homocysteine'
// Causal relationship types (mechkg follows only these unless --include-associations):
//   ${causal}

// mechkg paths FROM TO --max-length 6 --limit 10: simple causal paths, shortest first, with net sign.
MATCH (s:${NEO4J_NODE_LABEL} {id: $from}), (t:${NEO4J_NODE_LABEL} {id: $to})
MATCH p = (s)-[:${causal}*1..6]->(t)
WHERE ${simple}
WITH p, ${netSign} AS net
RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | r.id] AS edges, length(p) AS length,
       ${signText('net')} AS sign
ORDER BY length ASC
LIMIT 10;

// mechkg paths FROM TO --sign -: keep the paths whose net sign is negative (here up to length 6).
MATCH (s:${NEO4J_NODE_LABEL} {id: $from}), (t:${NEO4J_NODE_LABEL} {id: $to})
MATCH p = (s)-[:${causal}*1..6]->(t)
WHERE ${simple}
WITH p, ${netSign} AS net
WHERE net = -1
RETURN [n IN nodes(p) | n.id] AS nodes, length(p) AS length
ORDER BY length ASC
LIMIT 10;

// mechkg effects NODE --up --depth 4: what rises and what falls when NODE is raised (mixed: reached both ways).
MATCH p = (s:${NEO4J_NODE_LABEL} {id: $node})-[:${causal}*1..4]->(x)
WHERE all(r IN relationships(p) WHERE r.sign IN ['+', '-']) AND ${simple}
WITH x, ${netSign} AS net, length(p) AS depth
WITH x, collect(DISTINCT net) AS signs, min(depth) AS depth
RETURN x.id AS id, x.name AS name,
       CASE WHEN size(signs) > 1 THEN 'mixed' WHEN signs[0] = 1 THEN 'rises' ELSE 'falls' END AS effect, depth
ORDER BY depth, id;

// mechkg regulators NODE --depth 3: signed upstream regulators (+ raises NODE, - lowers it).
MATCH p = (x)-[:${causal}*1..3]->(t:${NEO4J_NODE_LABEL} {id: $node})
WHERE all(r IN relationships(p) WHERE r.sign IN ['+', '-']) AND ${simple}
WITH x, ${netSign} AS net, length(p) AS depth
WITH x, collect(DISTINCT net) AS signs, min(depth) AS depth
RETURN x.id AS id, x.name AS name,
       CASE WHEN size(signs) > 1 THEN 'mixed' WHEN signs[0] = 1 THEN '+' ELSE '-' END AS sign, depth
ORDER BY depth, id;

// mechkg neighbors NODE --depth 2 --direction both: the neighbourhood, every edge kind.
MATCH p = (n:${NEO4J_NODE_LABEL} {id: $node})-[*1..2]-(m)
RETURN p;

// mechkg show EDGE: one relationship with its evidence (a JSON string: apoc.convert.fromJsonList parses it).
MATCH ()-[r {id: $edge}]->()
RETURN r.id, type(r), r.sign, r.evidence_kinds, r.sources, r.evidence;
`;
}
