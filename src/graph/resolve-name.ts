/**
 * Name resolution shared by every command and the web app: a node by id, label, synonym, abbreviation
 * or CURIE, case-insensitive and tolerant of punctuation. Exact matches win; only a tie is ambiguous.
 */
import { compareText } from '../model/compare-text.js';
import type { Attributes } from 'graphology-types';
import { NameResolutionError } from '../errors.js';
import { editDistance } from '../load/edit-distance.js';
import { ownSlug } from '../model/own-ids.js';

interface NamedNode {
  id: string;
  label: string;
  category?: string;
  /** Normalized names: id, label, synonyms, abbreviations, identifiers. */
  names: string[];
}

interface NameIndex {
  exact: Map<string, string[]>;
  nodes: NamedNode[];
}

export interface SearchHit {
  id: string;
  label: string;
  category: string;
  score: number;
  /** The name (normalized) that matched best. */
  matched: string;
}

/** Lowercase, accents and punctuation removed: "Vitamin B-12" and "vitamin b12" compare equal. */
export function normalizeName(s: string): string {
  // ASCII (nearly every name) needs no decomposition and no Unicode classes: the same result, several times faster.
  if (ASCII.test(s)) return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** What name resolution needs of a graph: graphology graphs and the compact index both provide it. */
export interface NameSource {
  hasNode(id: string): boolean;
  forEachNode(cb: (id: string, attributes: Attributes) => void): void;
  getNodeAttribute(id: string, name: string): unknown;
}

const indexes = new WeakMap<object, NameIndex>();

function nameIndex(graph: NameSource): NameIndex {
  let index = indexes.get(graph);
  if (index) return index;
  index = { exact: new Map(), nodes: [] };
  graph.forEachNode((id: string, a: Attributes) => {
    const raw = [id, a.label, ...(a.synonyms ?? []), ...(a.abbreviations ?? []), ...(a.identifiers ?? [])].filter((x) => typeof x === 'string');
    const names = [...new Set(raw.map(normalizeName).filter((n) => n.length > 0))];
    index!.nodes.push({ id, label: String(a.label ?? id), category: a.category, names });
    for (const n of names) {
      const ids = index!.exact.get(n);
      if (!ids) index!.exact.set(n, [id]);
      else if (!ids.includes(id)) ids.push(id);
    }
  });
  indexes.set(graph, index);
  return index;
}

/** Resolves a name to one node id, or throws a NameResolutionError with the closest suggestions. */
export function resolveNode(graph: NameSource, query: string): string {
  if (graph.hasNode(query)) return query;
  // mechkg's own CURIE, as its exports write it (a graph that also has a node `mechkg:x` found it above)
  const slug = ownSlug(query);
  if (slug !== null && graph.hasNode(slug)) return slug;
  const key = normalizeName(query);
  const exact = key ? nameIndex(graph).exact.get(key) : undefined;
  if (exact && exact.length === 1) return exact[0]!;
  if (exact && exact.length > 1) {
    const options = exact.map((id) => ({ id, label: String(graph.getNodeAttribute(id, 'label') ?? id) }));
    throw new NameResolutionError(
      `"${query}" is ambiguous: it names ${options.map((o) => `${o.id} (${o.label})`).join(', ')}; use an id`,
      query,
      'ambiguous',
      options,
    );
  }
  const suggestions = searchNodes(graph, query, 5).map(({ id, label }) => ({ id, label }));
  throw new NameResolutionError(
    `no node named "${query}"${suggestions.length ? `; did you mean ${suggestions.map((s) => `${s.id} (${s.label})`).join(', ')}?` : ''}`,
    query,
    'unknown',
    suggestions,
  );
}

/**
 * Resolves each name, or returns null when no node has it (for callers that try other readings); an
 * ambiguous name still throws. A miss computes no suggestions: the fuzzy search over every name is what
 * makes resolveNode's error costly, and route confounders ask once per confounds note.
 */
export function tryResolveNode(graph: NameSource, query: string): string | null {
  if (graph.hasNode(query)) return query;
  const key = normalizeName(query);
  const exact = key ? nameIndex(graph).exact.get(key) : undefined;
  if (!exact) return null;
  return exact.length === 1 ? exact[0]! : resolveNode(graph, query);
}

/** Ranked name matches: exact, then prefix, then substring, then near misses (edit distance). */
export function searchNodes(graph: NameSource, text: string, limit = 10): SearchHit[] {
  const q = normalizeName(text);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const n of nameIndex(graph).nodes) {
    let best = 0;
    let matched = '';
    for (const name of n.names) {
      const s = scoreName(q, name);
      if (s > best) [best, matched] = [s, name];
    }
    if (best > 0) hits.push({ id: n.id, label: n.label, category: String(n.category ?? ''), score: best, matched });
  }
  hits.sort((a, b) => b.score - a.score || a.label.length - b.label.length || compareText(a.id, b.id));
  return hits.slice(0, limit);
}

function scoreName(q: string, name: string): number {
  if (name === q) return 100;
  if (name.startsWith(q)) return 80 - Math.min(20, name.length - q.length);
  if (name.includes(q)) return 60 - Math.min(20, name.length - q.length);
  if (q.length >= 4 && q.includes(name) && name.length >= 3) return 40;
  if (q.length >= 3) {
    const d = editDistance(q, name.slice(0, q.length + 2));
    const tolerance = q.length <= 5 ? 1 : 2;
    if (d <= tolerance) return 30 - d * 5;
  }
  // Misspellings and fused words ("hepatocarcinoma" for hepatocellular carcinoma): shared letter trigrams.
  if (q.length >= 5) {
    const similarity = trigramDice(q, name);
    if (similarity >= 0.4) return Math.round(20 * similarity);
  }
  return 0;
}

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/** Dice coefficient of the two names' trigram sets (0 to 1). */
function trigramDice(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return (2 * shared) / (ta.size + tb.size);
}
