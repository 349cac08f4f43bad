/**
 * The common records every format reader produces and the assembler turns into a graph: nodes and edges with
 * their ids, vocabulary terms, provenance and unmodelled fields exactly as the file gives them, each with the
 * place it came from (file, line or element). mechkg's own fields (from its exports) ride along in `own`.
 */
import type { Attributes, AttributeValue, Problem, Provenance } from '../model/types.js';
import { STATE_LEVELS, type StateLevel } from '../model/vocabulary.js';

export interface Where {
  file: string;
  /** 1-based line, when the format has lines. */
  line?: number;
  /** The element, e.g. `elements.nodes[3]` or `<node id="x">`, when there is no line (or in addition). */
  element?: string;
}

export interface OwnNodeFields {
  category?: string;
  abbreviations?: string[];
  modules?: string[];
  /** The node this one is a deficiency or excess state of (a curated node's `state_of`). */
  stateOf?: StateOf;
}

export interface StateOf {
  node: string;
  level: StateLevel;
}

/** A `state_of` value as an export wrote it (an object, or its JSON text); undefined when it is not one. */
export function stateOfValue(v: unknown): StateOf | undefined {
  let x: unknown = v;
  if (typeof v === 'string') {
    try {
      x = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const { node, level } = x as Record<string, unknown>;
  return typeof node === 'string' && (STATE_LEVELS as readonly unknown[]).includes(level) ? { node, level: level as StateLevel } : undefined;
}

export interface NodeIn {
  where: Where;
  id?: string;
  name?: string;
  categories: string[];
  description?: string;
  synonyms: string[];
  xrefs: string[];
  attributes: Attributes;
  own?: OwnNodeFields;
  /** Where the file draws the node (Cytoscape position, CX2 x/y, the centre of a yEd geometry). */
  position?: NodePosition;
}

export interface NodePosition {
  x: number;
  y: number;
}

/** A position from two coordinates, when both are finite numbers (anything else: none, never 0,0). */
export function positionOf(x: unknown, y: unknown): NodePosition | undefined {
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
}

export interface OwnEdgeFields {
  predicate?: string;
  /** The sign the file claims ('+', '-', '' for none); checked against the predicate. */
  sign?: string;
  evidence?: unknown;
  context?: unknown;
  note?: string;
  /** The reaction of an enzyme arc (a curated edge's `reaction`). */
  reaction?: string;
  module?: string;
}

export interface EdgeIn {
  where: Where;
  id?: string;
  subject?: string;
  object?: string;
  predicate?: string;
  qualifiers: Record<string, string>;
  negated?: boolean;
  provenance: Provenance;
  attributes: Attributes;
  own?: OwnEdgeFields;
  /** The file's edge has no direction (GraphML): it is read both ways. */
  undirected?: boolean;
  /** The file's own id of the edge when it differs from `id` (mechkg's cyjs: `key`, the id another file gave it). */
  fileId?: string;
}

export interface RecordsIn {
  /** The format the reader took the file for, for messages ("KGX TSV", "Cytoscape JSON (element array)"). */
  format: string;
  name?: string;
  nodes: NodeIn[];
  edges: EdgeIn[];
  /** The file's graph-level attributes (not its name, not mechkg's registry). */
  attributes?: Attributes;
  /** Source and module records mechkg's own exports carry. */
  sources: { where: Where; data: unknown }[];
  modules: { where: Where; data: unknown }[];
  /** The file's graph is undirected (GraphML edgedefault="undirected", directed="false" edges): edges are read both ways. */
  undirectedEdges?: number;
  /**
   * The file's edge ids are multigraph keys, unique only per node pair (networkx: GraphML edge ids, node-link
   * `key`): an edge renamed because its id is used again keeps the file's id as `fileId`, for the writers.
   */
  keysPerPair?: boolean;
  problems: Problem[];
}

export function emptyRecords(format: string): RecordsIn {
  return { format, nodes: [], edges: [], sources: [], modules: [], problems: [] };
}

/** A null-prototype object: keys from files (even "__proto__") are plain own properties. */
export function attributeBag(): Attributes {
  return Object.create(null) as Attributes;
}

/** A graph's own attributes (graphology's `attributes`, networkx's `graph`) into r: `name` as its name, the rest kept. */
export function readGraphAttributes(r: RecordsIn, given: unknown): void {
  if (!isRecord(given)) return;
  for (const k of Object.keys(given)) {
    const v = given[k];
    if (k === 'name' && typeof v === 'string' && v !== '') r.name = v;
    else if (v !== undefined) (r.attributes ??= attributeBag())[k] = v as AttributeValue;
  }
}

export function stringBag(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/** A located problem for the problems list. */
export function problemAt(where: Where, code: Problem['code'], message: string, id?: string, level: Problem['level'] = 'error'): Problem {
  return {
    level,
    code,
    file: where.file,
    ...(where.line !== undefined ? { line: where.line } : {}),
    ...(id !== undefined ? { id } : {}),
    message: where.element ? `${where.element}: ${message}` : message,
  };
}

/** Parses JSON held in a text field, reporting where it failed; objects and arrays pass through. */
export function jsonField(value: unknown, field: string, where: Where, problems: Problem[], id?: string): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value);
  } catch (err) {
    problems.push(problemAt(where, 'malformed_file', `${field}: not valid JSON (${err instanceof Error ? err.message : String(err)})`, id));
    return undefined;
  }
}

/** Line (1-based) and column of a character offset. */
export function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON value as an attribute value (kept as is; undefined and functions cannot occur in parsed JSON). */
export function attributeValue(v: unknown): AttributeValue {
  return v as AttributeValue;
}
