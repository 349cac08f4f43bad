/**
 * Records from formats whose nodes and edges are flat key -> value maps (Cytoscape JSON `data`, GraphML
 * `<data>` keys). mechkg's own exports are recognised by their fields (a curated category; an own predicate
 * with evidence) and read losslessly; anything else is a foreign record whose fields are kept as given.
 */
import { isOwnPredicate } from '../model/vocabulary.js';
import { CURATED_CATEGORY_NAMES } from '../model/vocabulary.js';
import type { AttributeValue } from '../model/types.js';
import { isNegated, isQualifierColumn } from './kgx-fields.js';
import { attributeBag, jsonField, stateOfValue, stringBag, type EdgeIn, type NodeIn, type Where } from './records.js';
import type { Problem } from '../model/types.js';
import { splitList } from './delimited-text.js';

/** Fields mechkg's own exports write that are derived (colours, labels, flags): not kept as attributes. */
const OWN_NODE_DERIVED = new Set(['id', 'value', 'name', 'label', 'category', 'biolink_category', 'description', 'synonyms', 'abbreviations', 'identifiers', 'modules', 'state_of', 'color', 'shape']);
const OWN_EDGE_DERIVED = new Set(['id', 'key', 'source', 'target', 'interaction', 'predicate', 'predicate_label', 'sign', 'causal', 'strength', 'contested', 'preclinical_only', 'module', 'note', 'reaction', 'context', 'evidence', 'evidence_json', 'sources_json', 'evidence_count', 'publications', 'biolink', 'biolink_predicate', 'qualified_predicate', 'object_direction_qualifier', 'object_aspect_qualifier', 'knowledge_level', 'agent_type', 'primary_knowledge_source']);
const PROVENANCE = new Set(['knowledge_level', 'agent_type', 'primary_knowledge_source', 'aggregator_knowledge_source', 'publications']);
/**
 * What mechkg's own writers add to an imported record beside the fields its file gave (display values,
 * styles, derived flags): read back from a mechkg export, these are not attributes of the record, unless the
 * record's `mechkg_attributes` lists the name (an attribute of the original file that has the same name).
 */
export const DERIVED_ON_IMPORTED_NODE: ReadonlySet<string> = new Set(['value', 'name', 'category', 'color', 'shape', 'mechkg_attributes', 'mechkg_reserved_attributes']);
export const DERIVED_ON_IMPORTED_EDGE: ReadonlySet<string> = new Set(['key', 'interaction', 'predicate_label', 'sign', 'causal', 'mechkg_attributes', 'mechkg_reserved_attributes']);
/** The same for mechkg's CX2 (its label is CX2's "name"; "represents" is the node's id as a CURIE). */
export const CX2_DERIVED_ON_IMPORTED_NODE: ReadonlySet<string> = new Set(['represents', 'category', 'mechkg_attributes', 'mechkg_reserved_attributes']);
export const CX2_DERIVED_ON_IMPORTED_EDGE: ReadonlySet<string> = new Set(['interaction', 'predicate_label', 'sign', 'causal', 'mechkg_attributes', 'mechkg_reserved_attributes']);

/** Whether a key of a record read from a mechkg export is mechkg's derived value rather than a kept attribute. */
function derivedKey(d: Record<string, unknown>, k: string, derived: ReadonlySet<string>): boolean {
  if (!derived.has(k)) return false;
  const listed = d.mechkg_attributes;
  return k === 'mechkg_attributes' || k === 'mechkg_reserved_attributes' || !(Array.isArray(listed) ? listed.includes(k) : typeof listed === 'string' && splitEscapedList(listed).includes(k));
}

const text = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
/** A list field: a JSON list, or text with `|` between items (`\|` and `\\` escaped, as mechkg writes them). */
export function listField(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== '').map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  return splitEscapedList(String(v));
}

/** `|`-joined with `\|` a literal pipe and `\\` a literal backslash, as mechkg writes lists (delimited-text.ts). */
export const splitEscapedList = splitList;

const isCurated = (c: unknown): boolean => typeof c === 'string' && (CURATED_CATEGORY_NAMES as readonly string[]).includes(c);

/** A node from flat fields (keys read with Map / own-key iteration only). */
export function flatNode(where: Where, id: unknown, d: Record<string, unknown>, derived?: ReadonlySet<string>): NodeIn {
  // a mechkg export names the fields it derives for imported records (not attributes of them)
  const fromMechkg = derived !== undefined;
  const n: NodeIn = { where, categories: [], synonyms: [], xrefs: [], attributes: attributeBag() };
  const sid = text(id);
  if (sid !== undefined) n.id = sid;
  // a curated record: a curated category and mechkg's fields, and no categories list (imported records keep theirs)
  const own = isCurated(d.category) && !('categories' in d) && ('modules' in d || 'identifiers' in d || 'biolink_category' in d);
  const labelKey = d.label !== undefined && d.label !== null && d.label !== '' ? 'label' : d.name !== undefined && d.name !== null && d.name !== '' ? 'name' : undefined;
  const label = labelKey ? text(d[labelKey]) : undefined;
  if (label !== undefined) n.name = label;
  const description = text(d.description);
  if (description !== undefined) n.description = description;
  n.synonyms = listField(d.synonyms ?? d.synonym);
  n.xrefs = listField(d.identifiers ?? d.xref);
  if (own) {
    n.own = { category: String(d.category), abbreviations: listField(d.abbreviations), modules: listField(d.modules) };
    const stateOf = stateOfValue(d.state_of);
    if (stateOf) n.own.stateOf = stateOf;
    return n;
  }
  // in mechkg's export of an imported node, `category` is the derived display category, `categories` the given ones
  n.categories = listField(fromMechkg ? d.categories : (d.categories ?? d.category ?? d.biolink_category));
  const modelled = new Set(['id', labelKey ?? '', 'description', 'synonyms', 'synonym', 'identifiers', 'xref', d.categories !== undefined || fromMechkg ? 'categories' : d.category !== undefined ? 'category' : 'biolink_category']);
  for (const k of Object.keys(d)) {
    if (modelled.has(k) || d[k] === undefined || (derived !== undefined && derivedKey(d, k, derived))) continue;
    n.attributes[k] = d[k] as AttributeValue;
  }
  return n;
}

/**
 * flatNode for formats whose node id is not one of its fields (GraphML's XML id, graphology's key, GEXF's id
 * attribute): a field named "id" there is an attribute of the node (igraph and networkx write one so).
 */
export function flatNodeKeyed(where: Where, id: unknown, d: Record<string, unknown>, derived?: ReadonlySet<string>): NodeIn {
  if (d.id === undefined) return flatNode(where, id, d, derived);
  const { id: field, ...rest } = d;
  const n = flatNode(where, id, rest, derived);
  n.attributes.id = field as AttributeValue;
  return n;
}

/** flatEdge likewise: an edge field named "id" beside the edge's own key is an attribute. */
export function flatEdgeKeyed(where: Where, attrs: { id?: unknown; source?: unknown; target?: unknown }, d: Record<string, unknown>, problems: Problem[], derived?: ReadonlySet<string>): EdgeIn {
  if (d.id === undefined) return flatEdge(where, attrs, d, problems, derived);
  const { id: field, ...rest } = d;
  const e = flatEdge(where, attrs, rest, problems, derived);
  e.attributes.id = field as AttributeValue;
  return e;
}

/** An edge from flat fields; `predicate` (or Cytoscape desktop's `interaction`) is the predicate as given. */
export function flatEdge(where: Where, attrs: { id?: unknown; source?: unknown; target?: unknown }, d: Record<string, unknown>, problems: Problem[], derived?: ReadonlySet<string>): EdgeIn {
  const e: EdgeIn = { where, qualifiers: stringBag(), provenance: {}, attributes: attributeBag() };
  const id = text(attrs.id);
  if (id !== undefined) e.id = id;
  const source = text(attrs.source);
  if (source !== undefined) e.subject = source;
  const target = text(attrs.target);
  if (target !== undefined) e.object = target;
  const predicateKey = text(d.predicate) !== undefined ? 'predicate' : text(d.interaction) !== undefined ? 'interaction' : undefined;
  const predicate = predicateKey ? text(d[predicateKey])!.trim() : undefined;
  const own = predicate !== undefined && isOwnPredicate(predicate) && ('evidence' in d || 'evidence_json' in d);
  if (own) {
    e.predicate = predicate;
    e.own = { predicate };
    if ('sign' in d) e.own.sign = d.sign === null || d.sign === undefined ? '' : String(d.sign);
    const ev = d.evidence !== undefined ? jsonField(d.evidence, 'evidence', where, problems, id) : jsonField(d.evidence_json, 'evidence_json', where, problems, id);
    if (ev !== undefined) e.own.evidence = ev;
    const context = jsonField(d.context, 'context', where, problems, id);
    if (context !== undefined) e.own.context = context;
    const note = text(d.note);
    if (note !== undefined) e.own.note = note;
    const reaction = text(d.reaction);
    if (reaction !== undefined) e.own.reaction = reaction;
    const module = text(d.module);
    if (module !== undefined) e.own.module = module;
    return e;
  }
  if (predicate !== undefined) e.predicate = predicate;
  const modelled = new Set(['id', 'source', 'target', predicateKey ?? '', 'negated']);
  if ('negated' in d && d.negated !== undefined && d.negated !== null && d.negated !== '') e.negated = isNegated(d.negated as AttributeValue);
  for (const k of Object.keys(d)) {
    const v = d[k];
    if (modelled.has(k) || v === undefined || v === null || v === '' || (derived !== undefined && derivedKey(d, k, derived))) continue;
    if (isQualifierColumn(k)) e.qualifiers[k] = String(v);
    else if (PROVENANCE.has(k)) {
      if (k === 'publications' || k === 'aggregator_knowledge_source') e.provenance[k] = listField(v);
      else e.provenance[k as 'knowledge_level' | 'agent_type' | 'primary_knowledge_source'] = String(v);
    } else e.attributes[k] = v as AttributeValue;
  }
  return e;
}

export { OWN_EDGE_DERIVED, OWN_NODE_DERIVED };
