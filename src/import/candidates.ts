/**
 * What every format parser produces before validation: loosely typed node and edge candidates with the
 * place they came from (file, line or element), plus any registry records the file carried.
 */
import type { Problem } from '../model/types.js';
import { splitList } from './delimited-text.js';

export interface Where {
  file: string;
  /** 1-based line, when the format has lines. */
  line?: number;
  /** The element, e.g. `elements.nodes[3]` or `<node id="x">`, when there is no line (or in addition). */
  element?: string;
}

export interface NodeCandidate {
  where: Where;
  id?: string;
  label?: string;
  /** A mechkg category name, when the file carries one. */
  category?: string;
  /** Biolink (or other) category terms, used when category is absent or unknown. */
  foreignCategories?: string[];
  description?: string;
  synonyms?: string[];
  abbreviations?: string[];
  identifiers?: string[];
  modules?: string[];
}

export interface EdgeCandidate {
  where: Where;
  id?: string;
  source?: string;
  target?: string;
  /** A mechkg predicate name, when the file carries one. */
  predicate?: string;
  /** The KGX / Biolink predicate and qualifiers, used when predicate is absent. */
  kgx?: { predicate: string; object_direction_qualifier?: string; object_aspect_qualifier?: string; qualified_predicate?: string };
  /** The sign the file claims ('+', '-', '' for none); checked against the predicate. */
  sign?: string | null;
  evidence?: unknown;
  context?: unknown;
  note?: string;
  module?: string;
  publications?: string[];
  primaryKnowledgeSource?: string;
  knowledgeLevel?: string;
  /** Source records carried with the edge (mechkg KGX). */
  sources?: unknown;
}

export interface Candidates {
  name?: string;
  nodes: NodeCandidate[];
  edges: EdgeCandidate[];
  /** Source and module records carried by the file (keyed by id or listed). */
  sources: { where: Where; data: unknown }[];
  modules: { where: Where; data: unknown }[];
  problems: Problem[];
}

export function emptyCandidates(): Candidates {
  return { nodes: [], edges: [], sources: [], modules: [], problems: [] };
}

/** A located error for the problems list. */
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

const text = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));
const textList = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? splitList(v) : undefined;

/** A node candidate from a flat record of fields (Cytoscape JSON `data`, GraphML `<data>` keys); lists may be arrays or `|`-joined. */
export function nodeCandidateFromRecord(where: Where, id: unknown, d: Record<string, unknown>): NodeCandidate {
  const n: NodeCandidate = { where };
  const fields: Omit<NodeCandidate, 'where'> = {
    id: text(id),
    label: text(d.label ?? d.name ?? d.Label),
    category: text(d.category),
    foreignCategories: textList(d.biolink_category),
    description: text(d.description),
    synonyms: textList(d.synonyms),
    abbreviations: textList(d.abbreviations),
    identifiers: textList(d.identifiers),
    modules: textList(d.modules),
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) (n as unknown as Record<string, unknown>)[k] = v;
  return n;
}
