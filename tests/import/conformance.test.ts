/**
 * Every file in ../shared/conformance (written by KGX, cytoscape.js, Cytoscape desktop, networkx and yEd; see
 * its README), read as its own tool reads it: the files those tools load come in with every id and edge the
 * file holds (counted here by a small independent reader per format, not by the importer), and the files
 * they reject fail with an error that names the file and its line. The KGX TSV edges files also go through
 * the compact index, which must build the same graph (ids, labels, categories, edges, signs, warnings).
 * Skipped where shared/ is not beside the project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFilesFor, tryImportGraphFile } from '../../src/node/import-graph-file.js';
import { loadKgxIndex } from '../../src/scale/kgx-index.js';
import type { KnowledgeGraph, Problem } from '../../src/model/types.js';

const DIR = join(import.meta.dirname, '../../../shared/conformance');
const FILES = existsSync(DIR) ? ['kgx', 'cytoscape', 'graphml'].flatMap((d) => readdirSync(join(DIR, d)).sort().map((f) => `${d}/${f}`)) : [];

/** Files the format's own tool rejects, with why (KGX: a node without id; networkx: its NetworkXError / ValueError). */
const REJECTED: Record<string, RegExp> = {
  'kgx/incomplete_nodes.tsv': /needs an "id" column/,
  'graphml/nx_0186_attribute_numeric_type_data.graphml': /"k" is not a double/,
  'graphml/nx_0412_s.graphml': /directed="false" edge in a graph with edgedefault="directed"/,
  'graphml/nx_0458_s.graphml': /hyperedges are not supported/,
  'graphml/nx_0754_ugly.graphml': /not GraphML: the <graphml> element is in namespace/,
};

interface Expected {
  nodes: Set<string>;
  /** Given edge ids (every one must be kept) and the number of edge records. */
  edgeIds: string[];
  edges: number;
}

/** KGX TSV by hand: split lines at tabs, header names the columns. */
function tsvTable(text: string): Record<string, string>[] {
  const [head, ...lines] = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const cols = head!.split('\t');
  return lines.filter((l) => l !== '').map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i]!, v])));
}

function expected(path: string, files: string[]): Expected {
  const out: Expected = { nodes: new Set(), edgeIds: [], edges: 0 };
  const edge = (s: unknown, t: unknown, id?: unknown) => {
    out.nodes.add(String(s));
    out.nodes.add(String(t));
    if (id !== undefined && id !== null && id !== '') out.edgeIds.push(String(id));
    out.edges++;
  };
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (f.endsWith('.tsv')) {
      for (const r of tsvTable(text)) {
        if ('subject' in r || 'object' in r) edge(r.subject, r.object, r.id);
        else out.nodes.add(r.id!);
      }
    } else if (f.endsWith('.jsonl')) {
      for (const l of text.split('\n').filter((x) => x.trim())) {
        const o = JSON.parse(l);
        if ('subject' in o) edge(o.subject, o.object, o.id);
        else out.nodes.add(o.id);
      }
    } else if (f.endsWith('.graphml')) {
      const undirected = !/edgedefault="directed"/.test(text);
      for (const m of text.matchAll(/<node id="([^"]+)"/g)) out.nodes.add(m[1]!);
      for (const m of text.matchAll(/<edge\b([^>]*)>|<edge\b([^>]*)\/>/g)) {
        const attrs = m[1] ?? m[2]!;
        const get = (a: string) => new RegExp(`\\b${a}="([^"]*)"`).exec(attrs)?.[1];
        edge(get('source'), get('target'), get('id'));
        if (undirected) out.edges++; // read both ways
      }
    } else {
      const doc = JSON.parse(text);
      const kg = doc.knowledge_graph ?? doc.message?.knowledge_graph;
      if (kg) {
        for (const e of Array.isArray(kg.edges) ? kg.edges : Object.values(kg.edges)) edge((e as { subject: string }).subject, (e as { object: string }).object);
        for (const id of Array.isArray(kg.nodes) ? kg.nodes.map((n: { id: string }) => n.id) : Object.keys(kg.nodes ?? {})) out.nodes.add(id);
      } else if (Array.isArray(doc.nodes) && doc.nodes.every((n: object) => !('data' in n)) && !('elements' in doc)) {
        for (const n of doc.nodes) out.nodes.add(n.id);
        for (const e of doc.edges ?? []) edge(e.subject, e.object, e.id);
      } else {
        const els = Array.isArray(doc) ? doc : Array.isArray(doc.elements) ? doc.elements : [...(doc.elements ?? doc).nodes ?? [], ...((doc.elements ?? doc).edges ?? [])];
        for (const el of els) {
          if (el.group === 'edges' || (el.group !== 'nodes' && el.data.source !== undefined && el.data.target !== undefined)) edge(el.data.source, el.data.target, el.data.id);
          else out.nodes.add(String(el.data.id));
        }
      }
    }
  }
  void path;
  return out;
}

const located = (p: Problem) => `${p.file}${p.line ? `:${p.line}` : ''}`;

describe.skipIf(FILES.length === 0)('conformance files load as their own tools load them', () => {
  it.each(FILES)('%s', (name) => {
    const path = join(DIR, name);
    const r = tryImportGraphFile(path);
    if (REJECTED[name]) {
      expect(r.ok).toBe(false);
      const errors = r.problems.filter((p) => p.level === 'error');
      expect(errors.some((p) => REJECTED[name]!.test(p.message) && p.line !== undefined && p.line > 0)).toBe(true);
      expect(located(errors[0]!)).toContain(name.split('/')[1]);
      return;
    }
    if (!r.ok) throw new Error(r.problems.filter((p) => p.level === 'error').map((p) => `${located(p)} ${p.message}`).join('\n'));
    const g: KnowledgeGraph = r.graph;
    const want = expected(path, importFilesFor(path).map((f) => f.path));
    expect(new Set(g.nodes())).toEqual(want.nodes);
    expect(g.size).toBe(want.edges);
    for (const id of want.edgeIds) expect(g.hasEdge(id) || g.edges().some((e) => e.startsWith(`${id}--`))).toBe(true);
    // nothing of the reading machine's directories in the data
    expect(JSON.stringify(g.export())).not.toContain(DIR);
  });
});

const KGX_EDGES = FILES.filter((f) => /^kgx\/.*edges\.tsv$/.test(f));

describe.skipIf(KGX_EDGES.length === 0)('the compact index builds the importer\'s graph from every KGX TSV', () => {
  it.each(KGX_EDGES)('%s', async (name) => {
    const path = join(DIR, name);
    const r = tryImportGraphFile(path);
    if (!r.ok) throw new Error('importer failed');
    const g = r.graph;
    const index = await loadKgxIndex(path, { onProgress: () => {}, parallel: false });
    expect(index.nodeCount).toBe(g.order);
    expect(index.edgeCount).toBe(g.size);
    g.forEachNode((id, a) => expect(index.nodeSummary(index.indexOf(id))).toEqual({ id, label: a.label, category: a.category }));
    g.edges().forEach((key, e) => {
      const a = g.getEdgeAttributes(key);
      expect(index.edgeSummary(e)).toMatchObject({ id: key, source: g.source(key), target: g.target(key), predicate: a.predicate, sign: a.sign, causal: a.causal, relation: a.relation });
      expect(index.edgeSummary(e).provenance).toEqual(a.provenance);
    });
    const warnings = (ps: readonly Problem[]) => ps.filter((p) => p.level === 'warning').map((p) => [p.code, p.file.replace(/^.*[\\/]/, ''), p.line ?? null, p.id ?? null, p.message]).sort();
    expect(warnings(index.problems)).toEqual(warnings(r.problems));
  });
});
