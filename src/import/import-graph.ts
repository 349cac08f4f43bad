/**
 * importGraph: a graph file another tool wrote (KGX TSV / JSON / JSON Lines, a TRAPI message, Cytoscape JSON,
 * CX2, graphology JSON, node-link JSON, GraphML, GEXF) in, a KnowledgeGraph out. One pipeline: format reader -> common records -> graph. The format is told
 * by content (`auto`), not by the file name. Browser-safe: it takes text, never paths to read.
 */
import { UsageError, ValidationError } from '../errors.js';
import type { LoadResult } from '../graph/load-graph.js';
import type { KnowledgeGraph } from '../model/types.js';
import { assembleGraph } from './assemble-graph.js';
import { displayName } from './display-name.js';
import { importedBaseName } from './imported-module.js';
import { parseJsonExactIntegers } from './exact-json.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { cytoscapeShape, readCytoscapeJson } from './read-cytoscape-json.js';
import { isCx1, isCx2, readCx2 } from './read-cx2.js';
import { readGexf } from './read-gexf.js';
import { isGraphologyJson, readGraphologyJson } from './read-graphology-json.js';
import { isNodeLinkJson, readNodeLinkJson } from './read-node-link-json.js';
import { readGraphml } from './read-graphml.js';
import { readKgxJson, readKgxJsonl, readTrapi, trapiKnowledgeGraph } from './read-kgx-json.js';
import { csvHeader, kgxTableKind, readKgxCsv, readKgxTsv, tsvHeader } from './read-kgx-tsv.js';
import { emptyRecords, isRecord, lineAt, type RecordsIn } from './records.js';

export const IMPORT_FORMATS = ['auto', 'kgx', 'kgx-csv', 'kgx-jsonl', 'kgx-json', 'trapi', 'cyjs', 'cx2', 'graphology', 'node-link', 'graphml', 'gexf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What each format is, for messages. */
export const IMPORT_FORMAT_NAMES: Readonly<Record<Exclude<ImportFormat, 'auto'>, string>> = {
  kgx: 'KGX TSV',
  'kgx-csv': 'KGX CSV',
  'kgx-jsonl': 'KGX JSON Lines',
  'kgx-json': 'KGX JSON',
  trapi: 'TRAPI message',
  cyjs: 'Cytoscape JSON',
  cx2: 'CX2 (Cytoscape Exchange 2)',
  graphology: "graphology JSON (Gephi's JSON export)",
  'node-link': 'node-link JSON (networkx, d3)',
  graphml: 'GraphML',
  gexf: 'GEXF (Gephi)',
};

/** A file to import: a name (for messages; directories are dropped) and its text. */
export interface ImportFile {
  path: string;
  text: string;
}

export interface ImportOptions {
  /** Graph name (default: the graph's own name in the file, else the first file's name). */
  name?: string;
}

export type Sniffed = { format: Exclude<ImportFormat, 'auto'>; why: string } | { format: null; why: string };

/** The format of a file by its content, with the reason (what was seen), or null and why it fits none. */
export function sniffFormat(text: string): Sniffed {
  const start = text.search(/[^\s\ufeff]/);
  if (start < 0) return { format: null, why: 'the file is empty' };
  if (text.startsWith('PK\u0003\u0004')) return { format: null, why: 'a zip archive: unpack it and open the graph file inside (mechkg reads gzip and tar archives, not zip)' };
  if (text.slice(257, 262) === 'ustar') return { format: null, why: "a tar archive: the mechkg CLI and library read a KGX archive's nodes and edges files; elsewhere, unpack it and open the edges file" };
  if (text.slice(0, 4096).includes('\u0000')) return { format: null, why: 'binary data (it holds NUL bytes), not a text graph file' };
  const c = text[start];
  if (c === '<') {
    const head = text.slice(0, 65536);
    if (/<graphml[\s>]/.test(head)) return { format: 'graphml', why: 'an XML document with a <graphml> element' };
    if (/<gexf[\s>]/.test(head)) return { format: 'gexf', why: 'an XML document with a <gexf> element' };
    return { format: null, why: otherXml(head) ?? 'XML, but neither GraphML nor GEXF (no <graphml> or <gexf> element)' };
  }
  if (c === '{' || c === '[') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      const first = text.slice(start, text.indexOf('\n', start) < 0 ? undefined : text.indexOf('\n', start));
      try {
        if (isRecord(JSON.parse(first))) return { format: 'kgx-jsonl', why: 'one JSON object per line' };
      } catch {
        /* not JSON Lines either */
      }
      const at = jsonErrorOffset(text);
      const where = at !== undefined ? ` (first error at line ${lineAt(text, at).line}, column ${lineAt(text, at).column})` : '';
      return { format: null, why: `it starts like JSON but is not valid JSON or JSON Lines${where}` };
    }
    return sniffJson(doc);
  }
  const other = otherText(text.slice(start, start + 4096));
  if (other) return { format: null, why: other };
  const header = tsvHeader(text);
  if (header.length > 1 && kgxTableKind(header)) return { format: 'kgx', why: `a tab-separated header with KGX ${kgxTableKind(header)} columns` };
  const csv = header.length === 1 ? csvHeader(text) : null;
  if (csv && csv.length > 1 && kgxTableKind(csv)) return { format: 'kgx-csv', why: `a comma-separated header with KGX ${kgxTableKind(csv)} columns` };
  const hint = tableHint(csv && csv.length > 1 ? csv : header, text);
  return { format: null, why: `not XML, JSON or a KGX TSV / CSV header (the first line has ${header.length} tab-separated field(s): ${header.slice(0, 5).map((h) => `"${h.slice(0, 30)}"`).join(', ')})${hint ? `; ${hint}` : ''}` };
}

/** Network formats in XML that mechkg does not read, told by their root element, with what to do instead. */
const OTHER_XML: readonly { root: RegExp; name: string; instead: string }[] = [
  { root: /^<(\w+:)?graph\b[^>]*xmlns(:\w+)?=["']http:\/\/www\.cs\.rpi\.edu\/XGMML["']/, name: "XGMML (Cytoscape desktop's XML)", instead: 'export the network from Cytoscape as Cytoscape JSON (.cyjs), CX2 or GraphML' },
  { root: /^<(\w+:)?sbml\b/, name: 'SBML', instead: 'Cytoscape reads SBML and saves the network as Cytoscape JSON (.cyjs) or GraphML' },
  { root: /^<(\w+:)?sbgn\b/, name: 'SBGN-ML', instead: 'mechkg writes it (export --format sbgn) but reads only graph formats' },
  { root: /^<(\w+:)?Pathway\b/, name: 'GPML (WikiPathways)', instead: "Cytoscape's WikiPathways app opens GPML and saves the network as Cytoscape JSON (.cyjs)" },
  { root: /^<(\w+:)?RDF\b/, name: 'RDF/XML (BioPAX, OWL)', instead: 'Cytoscape reads BioPAX, and KGX (kgx transform) turns RDF N-Triples into KGX TSV' },
];

/** The name and advice for a non-graph XML document mechkg recognises, or undefined. */
function otherXml(head: string): string | undefined {
  const root = /<(?![?!])[^>]*>/.exec(head.replace(/<!--[\s\S]*?-->/g, ''));
  if (!root) return undefined;
  const known = OTHER_XML.find((f) => f.root.test(root[0]));
  return known ? `${known.name}, a format mechkg does not read: ${known.instead}` : undefined;
}

/** Text network formats mechkg does not read (GML, Graphviz DOT, Pajek), told by their first tokens, with advice. */
function otherText(head: string): string | undefined {
  const body = head.replace(/^(#[^\n]*\n|\s+)*/, '');
  if (/^(Creator\s+"[^"]*"\s*)?(graph|digraph)?\s*graph\s*\[/.test(body) || /^graph\s*\[/.test(body)) return 'GML (graph [ ... ]), a format mechkg does not read: networkx, igraph, yEd and Gephi read GML and write GraphML';
  if (/^(strict\s+)?(di)?graph\s*("[^"]*"|[\w.]+)?\s*\{/i.test(body)) return 'Graphviz DOT, a format mechkg does not read (it writes it: export --format dot): networkx (via pydot) and Gephi read DOT and write GraphML';
  if (/^\*vertices\s+\d+/i.test(body)) return 'Pajek .net, a format mechkg does not read: networkx, igraph and Gephi read Pajek and write GraphML';
  return undefined;
}

/**
 * What a table that is not KGX looks like, when it looks like something: an edge or node table of Gephi's or
 * Cytoscape's table export (Source / Target, Id / Label), or SIF (source, interaction, targets per line).
 */
function tableHint(header: readonly string[], text: string): string | undefined {
  const cols = header.map((h) => h.trim().toLowerCase());
  if ((cols.includes('source') && cols.includes('target')) || (cols.includes('from') && cols.includes('to'))) {
    return 'it looks like an edge table (source and target columns), as Gephi\'s or Cytoscape\'s table export writes one: KGX edge files name the ends subject and object and give a predicate; export the network as GraphML or GEXF (Gephi) or Cytoscape JSON (Cytoscape), or rename the columns to KGX\'s';
  }
  if (cols[0] === 'id' && cols.includes('label')) return 'it looks like a node table (Id and Label columns), as Gephi\'s data laboratory exports one: export the network as GraphML or GEXF instead';
  const lines = text.split('\n', 6).map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  if (lines.length > 0 && lines.every((l) => { const f = l.includes('\t') ? l.split('\t') : l.trim().split(/\s+/); return f.length >= 3 && f.every((x) => x.trim() !== ''); })) {
    return 'if it is SIF (Cytoscape\'s simple interaction format: source, interaction, targets on each line), mechkg writes SIF but does not read it (it holds no attributes or evidence): export the network from Cytoscape as Cytoscape JSON (.cyjs) or GraphML';
  }
  return undefined;
}

/** A TRAPI query or response that carries no knowledge graph (a query_graph only, or a null knowledge_graph), said as such. */
function trapiWithoutGraph(doc: Record<string, unknown>): string | undefined {
  const m = doc.message;
  if (!isRecord(m) || !('query_graph' in m || 'knowledge_graph' in m || 'results' in m)) return undefined;
  const status = typeof doc.status === 'string' ? `; status "${doc.status}"${typeof doc.description === 'string' && doc.description ? `: ${JSON.stringify(doc.description.slice(0, 80))}` : ''}` : '';
  return 'knowledge_graph' in m
    ? `a TRAPI response without a knowledge graph (message.knowledge_graph is ${m.knowledge_graph === null ? 'null' : 'not an object'}${status}): the service returned nothing to read`
    : `a TRAPI query (message.query_graph and no knowledge_graph${status}): mechkg reads the knowledge_graph of a TRAPI response; send the query to a TRAPI service and open its response`;
}

function sniffJson(doc: unknown): Sniffed {
  if (isCx2(doc)) return { format: 'cx2', why: 'a JSON array that starts with a CX descriptor (CXVersion)' };
  if (isCx1(doc)) return { format: null, why: 'CX version 1 (an aspect list starting with numberVerification); mechkg reads CX2: fetch or save the network as CX2 (.cx2)' };
  const shape = cytoscapeShape(doc);
  if (shape) return { format: 'cyjs', why: `Cytoscape elements (${shape})` };
  if (Array.isArray(doc) && doc.length > 0 && doc.every((s) => isRecord(s) && Array.isArray(s.style) && 'format_version' in s)) {
    return { format: null, why: 'a Cytoscape style file (visual styles exported from Cytoscape desktop, no network): export the network itself (File > Export > Network to File, Cytoscape JSON .cyjs)' };
  }
  if (Array.isArray(doc)) return { format: null, why: 'a JSON list that is not a list of Cytoscape elements (objects with "data")' };
  if (!isRecord(doc)) return { format: null, why: 'a JSON value that is not an object or a list' };
  if (trapiKnowledgeGraph(doc)) return { format: 'trapi', why: 'a TRAPI message (knowledge_graph)' };
  const trapi = trapiWithoutGraph(doc);
  if (trapi) return { format: null, why: trapi };
  if (isGraphologyJson(doc)) return { format: 'graphology', why: 'graphology JSON (nodes with "key", edges with "source" and "target")' };
  if (isNodeLinkJson(doc)) return { format: 'node-link', why: 'node-link JSON (nodes with "id", edges or links with "source" and "target")' };
  const lists = ['nodes', 'edges'].filter((k) => Array.isArray(doc[k]));
  if (lists.length > 0 && lists.every((k) => (doc[k] as unknown[]).slice(0, 5).every((x) => isRecord(x) && !isRecord(x.data)))) return { format: 'kgx-json', why: `KGX JSON (${lists.join(' and ')} lists of objects)` };
  if ('subject' in doc && 'object' in doc) return { format: 'kgx-jsonl', why: 'a single KGX edge object (JSON Lines)' };
  if ('id' in doc && !('nodes' in doc) && !('edges' in doc)) return { format: 'kgx-jsonl', why: 'a single KGX node object (JSON Lines)' };
  return { format: null, why: `a JSON object with fields ${Object.keys(doc).slice(0, 6).map((k) => `"${k}"`).join(', ')}: not KGX JSON ("nodes" / "edges" lists), a TRAPI message ("message.knowledge_graph"), graphology JSON (nodes with "key"), node-link JSON ("links" with "source" and "target") or Cytoscape JSON ("elements", or elements with "data")` };
}

/** The format of a file: by content when its text is given, else (compatibility) by its name. */
export function detectImportFormat(path: string, text?: string): Exclude<ImportFormat, 'auto'> | undefined {
  if (text !== undefined) return sniffFormat(text).format ?? undefined;
  const p = path.toLowerCase().replace(/\.gz$/, '');
  if (p.endsWith('.tsv')) return 'kgx';
  if (p.endsWith('.jsonl')) return 'kgx-jsonl';
  if (p.endsWith('.cx2')) return 'cx2';
  if (p.endsWith('.cyjs') || p.endsWith('.json')) return 'cyjs';
  if (p.endsWith('.graphml') || p.endsWith('.xml')) return 'graphml';
  if (p.endsWith('.gexf')) return 'gexf';
  return undefined;
}

export { displayName };

/** Validates and builds; never throws for bad data (problems are returned with file, line or element). */
export function tryImportGraph(input: string | ImportFile | readonly ImportFile[], format: ImportFormat = 'auto', options: ImportOptions = {}): LoadResult {
  const given = typeof input === 'string' ? [{ path: `(${format} text)`, text: input }] : Array.isArray(input) ? (input as readonly ImportFile[]) : [input as ImportFile];
  if (given.length === 0) throw new UsageError('importGraph: no files given');
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`importGraph: unknown format "${format}"; expected one of ${IMPORT_FORMATS.join(', ')}`);
  const files = given;
  const records = readAll(files, format);
  const fallback = options.name ?? baseName(files[0]!.path);
  if (options.name) records.name = options.name;
  return assembleGraph(records, fallback);
}

/** Like tryImportGraph, but throws a ValidationError carrying every problem. */
export function importGraph(input: string | ImportFile | readonly ImportFile[], format: ImportFormat = 'auto', options: ImportOptions = {}): KnowledgeGraph {
  const result = tryImportGraph(input, format, options);
  if (!result.ok) throw new ValidationError(result.problems);
  return result.graph;
}

/** A JSON-LD context alone (the prefix declarations mechkg writes beside KGX files): no records of its own. */
export function isPrefixContext(text: string): boolean {
  if (!/^\s*\{\s*"@context"/.test(text)) return false;
  try {
    const doc = JSON.parse(text) as unknown;
    return isRecord(doc) && Object.keys(doc).length === 1;
  } catch {
    return false;
  }
}

/** Reads every file with its format's reader into one set of records (KGX nodes and edges files join). */
function readAll(given: readonly ImportFile[], format: ImportFormat): RecordsIn {
  const files = given.filter((f) => !isPrefixContext(f.text));
  if (files.length === 0) {
    const r = emptyRecords('JSON-LD context');
    r.problems.push({ level: 'error', code: 'malformed_file', file: given[0]!.path, message: 'a JSON-LD context (prefix declarations), not a graph: give the nodes or edges file it sits beside' });
    return r;
  }
  const parts = files.map((f) => readOne(f, format === 'auto' ? sniffFormat(f.text) : { format, why: `format "${format}" was asked for` }));
  if (parts.length === 1) return parts[0]!;
  const formats = new Set(parts.map((p) => p.format));
  const kgxOnly = parts.every((p) => p.format.startsWith('KGX'));
  const all = emptyRecords([...formats].join(' + '));
  if (!kgxOnly) all.problems.push({ level: 'error', code: 'malformed_file', file: files[0]!.path, message: `several files are read together only as KGX nodes and edges files; got ${[...formats].join(', ')}` });
  for (const p of parts) {
    all.nodes.push(...p.nodes);
    all.edges.push(...p.edges);
    all.sources.push(...p.sources);
    all.modules.push(...p.modules);
    all.problems.push(...p.problems);
    if (p.name && !all.name) all.name = p.name;
  }
  return all;
}

function readOne(f: ImportFile, sniffed: Sniffed): RecordsIn {
  if (sniffed.format === null) {
    const r = emptyRecords('unknown');
    r.problems.push({ level: 'error', code: 'malformed_file', file: f.path, message: `not a graph format mechkg reads: ${sniffed.why}. mechkg reads KGX TSV / CSV, KGX JSON / JSON Lines, TRAPI messages, Cytoscape JSON, CX2, graphology JSON, node-link JSON, GraphML and GEXF` });
    return r;
  }
  switch (sniffed.format) {
    case 'kgx':
      return readKgxTsv([f]);
    case 'kgx-csv':
      return readKgxCsv([f]);
    case 'kgx-jsonl':
      return readKgxJsonl(f.path, f.text);
    case 'graphml':
      return readGraphml(f.path, f.text);
    case 'gexf':
      return readGexf(f.path, f.text);
    default: {
      let doc: unknown;
      try {
        // CX2 ids are 64-bit: integers past 2^53 are kept exact, as text (elsewhere JSON numbers stay numbers)
        doc = sniffed.format === 'cx2' ? parseJsonExactIntegers(f.text) : JSON.parse(f.text);
      } catch (err) {
        const r = emptyRecords(IMPORT_FORMAT_NAMES[sniffed.format]);
        const at = jsonErrorOffset(f.text);
        const place = at !== undefined ? lineAt(f.text, at) : undefined;
        r.problems.push({ level: 'error', code: 'malformed_file', file: f.path, ...(place ? { line: place.line, column: place.column } : {}), message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` });
        return r;
      }
      const wrong = (what: string) => {
        const r = emptyRecords(IMPORT_FORMAT_NAMES[sniffed.format as Exclude<ImportFormat, 'auto'>]);
        const seen = sniffJson(doc);
        r.problems.push({ level: 'error', code: 'malformed_file', file: f.path, message: `not ${what}: the file is ${seen.format ? `${IMPORT_FORMAT_NAMES[seen.format]} (${seen.why})` : seen.why}` });
        return r;
      };
      if (sniffed.format === 'trapi') {
        const kg = isRecord(doc) ? trapiKnowledgeGraph(doc) : undefined;
        return kg ? readTrapi(f.path, kg) : wrong('a TRAPI message');
      }
      if (sniffed.format === 'graphology') return isGraphologyJson(doc) ? readGraphologyJson(f.path, doc as Record<string, unknown>) : wrong('graphology JSON (nodes with "key")');
      if (sniffed.format === 'node-link') return isNodeLinkJson(doc) ? readNodeLinkJson(f.path, doc as Record<string, unknown>) : wrong('node-link JSON (nodes with "id", links with "source" and "target")');
      if (sniffed.format === 'cx2') return isCx2(doc) ? readCx2(f.path, doc as unknown[]) : wrong('CX2 (a JSON array starting with {"CXVersion": "2.0"})');
      if (sniffed.format === 'kgx-json') return isRecord(doc) && (Array.isArray(doc.nodes) || Array.isArray(doc.edges)) ? readKgxJson(f.path, doc) : wrong('KGX JSON');
      const shape = cytoscapeShape(doc);
      return shape ? readCytoscapeJson(f.path, doc, shape) : wrong('Cytoscape JSON');
    }
  }
}

const baseName = importedBaseName;
