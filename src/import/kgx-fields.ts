/**
 * KGX's field semantics, shared by every KGX reader (TSV, JSON, JSON Lines, TRAPI) and by the compact index:
 * which columns mechkg models (ids, names, categories, predicate, qualifiers, provenance) and how a TSV cell
 * becomes a value as KGX reads it (no quoting, `|` lists with empty items dropped; empty cells absent).
 * Everything else is kept as an attribute. Zod-free.
 */
import { isMultivaluedSlot, isQualifierSlot } from '../model/biolink.js';
import type { AttributeValue, Provenance } from '../model/types.js';
import { attributeBag, problemAt, stateOfValue, stringBag, type EdgeIn, type NodeIn, type Where } from './records.js';
import type { Problem } from '../model/types.js';
import { ownSlug } from '../model/own-ids.js';

export { OWN_PREFIX, ownSlug } from '../model/own-ids.js';

/**
 * The graph id of an id read from a file: the id itself, except mechkg's own `mechkg:<slug>` CURIEs, which come
 * back as the slug, unless the same file also uses the bare slug as an id (isFileId): then the two are different
 * ids and both stay as given. isFileId must see every id of the kind (node ids and edge endpoints, or edge ids)
 * in the file, so the answer does not depend on row order.
 */
export function graphId(fileId: string, isFileId: (id: string) => boolean): string {
  const slug = ownSlug(fileId);
  return slug === null || isFileId(slug) ? fileId : slug;
}

/** Columns KGX always reads as one string (never split at `|`). */
const SCALAR_COLUMNS = new Set(['id', 'name', 'description', 'subject', 'object', 'predicate', 'negated', 'knowledge_level', 'agent_type', 'primary_knowledge_source', 'iri']);
/** Columns KGX reads as lists, besides Biolink's multivalued slots. */
const LIST_COLUMNS = new Set(['category', 'synonym', 'xref', 'provided_by', 'publications', 'aggregator_knowledge_source', 'equivalent_identifiers']);

export const NODE_COLUMNS = new Set(['id', 'name', 'category', 'description', 'synonym', 'xref']);
export const EDGE_COLUMNS = new Set(['id', 'subject', 'predicate', 'object', 'negated', 'knowledge_level', 'agent_type', 'primary_knowledge_source', 'aggregator_knowledge_source', 'publications']);

/** Whether an edge column holds a Biolink qualifier (kept with the edge's qualifiers). */
export function isQualifierColumn(column: string): boolean {
  return column === 'qualified_predicate' || isQualifierSlot(column) || column.endsWith('_qualifier');
}

export function isListColumn(column: string): boolean {
  return !SCALAR_COLUMNS.has(column) && (LIST_COLUMNS.has(column) || isMultivaluedSlot(column));
}

/** A TSV cell as KGX reads it: '' is absent; list columns (and any other cell holding `|`) split, empty items dropped. */
export function tsvValue(column: string, cell: string): string | string[] | undefined {
  if (cell === '') return undefined;
  if (SCALAR_COLUMNS.has(column) || column.startsWith('mechkg_')) return cell;
  if (isListColumn(column) || cell.includes('|')) {
    const items = cell.split('|').filter((x) => x !== '');
    return items;
  }
  return cell;
}

/** A JSON value in a KGX row: numbers as ids stay their text, null is absent. */
export type RowValue = AttributeValue | undefined;

const text = (v: RowValue): string | undefined => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
const list = (v: RowValue): string[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== null && x !== '').map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : [String(v)]);

/** KGX `negated`: true / True / 1 (pandas and JSON spellings); anything else is false. */
export function isNegated(v: RowValue): boolean {
  if (v === true || v === 1) return true;
  return typeof v === 'string' && /^(true|t|1|yes)$/i.test(v.trim());
}

/** A node from a KGX row (column -> value, as read: TSV values through tsvValue, JSON values as parsed). */
export function kgxNode(row: ReadonlyMap<string, RowValue>, where: Where): NodeIn {
  const n: NodeIn = { where, categories: list(row.get('category')), synonyms: list(row.get('synonym')), xrefs: list(row.get('xref')), attributes: attributeBag() };
  const id = text(row.get('id'));
  if (id !== undefined) n.id = id;
  const name = text(row.get('name'));
  if (name !== undefined) n.name = name;
  const description = text(row.get('description'));
  if (description !== undefined) n.description = description;
  for (const [k, v] of row) if (!NODE_COLUMNS.has(k) && !k.startsWith('mechkg_') && v !== undefined) n.attributes[k] = v;
  return n;
}

/** An edge from a KGX row. */
export function kgxEdge(row: ReadonlyMap<string, RowValue>, where: Where): EdgeIn {
  const e: EdgeIn = { where, qualifiers: stringBag(), provenance: {}, attributes: attributeBag() };
  const id = text(row.get('id'));
  if (id !== undefined) e.id = id;
  const subject = text(row.get('subject'));
  if (subject !== undefined) e.subject = subject;
  const object = text(row.get('object'));
  if (object !== undefined) e.object = object;
  const predicate = text(row.get('predicate'));
  if (predicate !== undefined) e.predicate = predicate.trim();
  if (row.has('negated') && row.get('negated') !== undefined) e.negated = isNegated(row.get('negated'));
  const p: Provenance = e.provenance;
  const pks = text(row.get('primary_knowledge_source'));
  if (pks !== undefined) p.primary_knowledge_source = pks;
  const aks = list(row.get('aggregator_knowledge_source'));
  if (aks.length) p.aggregator_knowledge_source = aks;
  const pubs = list(row.get('publications'));
  if (pubs.length) p.publications = pubs;
  const kl = text(row.get('knowledge_level'));
  if (kl !== undefined) p.knowledge_level = kl;
  const at = text(row.get('agent_type'));
  if (at !== undefined) p.agent_type = at;
  for (const [k, v] of row) {
    if (v === undefined || EDGE_COLUMNS.has(k) || k.startsWith('mechkg_')) continue;
    if (isQualifierColumn(k)) e.qualifiers[k] = Array.isArray(v) ? v.map(String).join('|') : String(v);
    else e.attributes[k] = v;
  }
  return e;
}

/** mechkg's own columns (its KGX exports): node category, abbreviations, modules. */
export function ownNodeFields(n: NodeIn, row: ReadonlyMap<string, RowValue>, jsonLists: boolean, problems: Problem[]): void {
  const category = text(row.get('mechkg_category'));
  if (category === undefined) return;
  const listOf = (v: RowValue) => (jsonLists ? list(v) : parseJsonList(v, n.where, problems));
  n.own = { category, abbreviations: listOf(row.get('mechkg_abbreviations')), modules: listOf(row.get('mechkg_modules')) };
  const stateOf = row.get('mechkg_state_of');
  if (stateOf !== undefined && stateOf !== null && stateOf !== '') {
    const value = stateOfValue(jsonLists ? stateOf : parseJson(stateOf, 'mechkg_state_of', n.where, problems));
    if (value) n.own.stateOf = value;
  }
  // what mechkg's exporter derives for its own nodes is not data of the node
  delete n.attributes.provided_by;
  // exact text (tabs, newlines, pipes) that plain KGX columns cannot carry
  const exact = parseJson(row.get('mechkg_exact'), 'mechkg_exact', n.where, problems);
  if (exact && typeof exact === 'object' && !Array.isArray(exact)) {
    const x = exact as Record<string, unknown>;
    if (typeof x.name === 'string') n.name = x.name;
    if (typeof x.description === 'string') n.description = x.description;
    if (Array.isArray(x.synonym)) n.synonyms = x.synonym.map(String);
    if (Array.isArray(x.xref)) n.xrefs = x.xref.map(String);
    if (Array.isArray(x.abbreviations)) n.own.abbreviations = x.abbreviations.map(String);
  }
}

export function ownEdgeFields(e: EdgeIn, row: ReadonlyMap<string, RowValue>, problems: Problem[]): void {
  const predicate = text(row.get('mechkg_predicate'));
  if (predicate === undefined) return;
  e.own = { predicate };
  const sign = text(row.get('mechkg_sign'));
  if (sign !== undefined) e.own.sign = sign;
  const evidence = parseJson(row.get('mechkg_evidence'), 'mechkg_evidence', e.where, problems, e.id);
  if (evidence !== undefined) e.own.evidence = evidence;
  const context = parseJson(row.get('mechkg_context'), 'mechkg_context', e.where, problems, e.id);
  if (context !== undefined) e.own.context = context;
  const note = parseJson(row.get('mechkg_exact'), 'mechkg_exact', e.where, problems, e.id);
  const exactNote = note && typeof note === 'object' && !Array.isArray(note) ? (note as Record<string, unknown>).note : undefined;
  const plainNote = text(row.get('mechkg_note'));
  if (typeof exactNote === 'string') e.own.note = exactNote;
  else if (plainNote !== undefined) e.own.note = plainNote;
  const reaction = text(row.get('mechkg_reaction'));
  if (reaction !== undefined) e.own.reaction = reaction;
  const module = text(row.get('mechkg_module'));
  if (module !== undefined) e.own.module = module;
}

/** The source records a mechkg edge row carries (mechkg_sources). */
export function ownSources(row: ReadonlyMap<string, RowValue>, where: Where, problems: Problem[], id?: string): unknown[] {
  const v = parseJson(row.get('mechkg_sources'), 'mechkg_sources', where, problems, id);
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push(problemAt(where, 'malformed_file', 'mechkg_sources: expected a JSON list of source records', id));
    return [];
  }
  return v;
}

function parseJson(v: RowValue, field: string, where: Where, problems: Problem[], id?: string): unknown {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch (err) {
    problems.push(problemAt(where, 'malformed_file', `${field}: not valid JSON (${err instanceof Error ? err.message : String(err)})`, id));
    return undefined;
  }
}

function parseJsonList(v: RowValue, where: Where, problems: Problem[]): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v.startsWith('[')) {
    const parsed = parseJson(v, 'mechkg list', where, problems);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  }
  return list(v);
}
