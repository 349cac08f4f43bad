import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportGraph, type ExportOutput } from '../../src/export/index.js';
import { importGraph, type ImportFile, type ImportFormat } from '../../src/import/index.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { loadGraph } from '../../src/node.js';
import { canonical, graphArb, hostileGraph } from '../export/graph-fixtures.js';

/** Export in one format and import the result back, as files named the way --out writes them. */
async function roundTrip(graph: KnowledgeGraph, format: ImportFormat): Promise<KnowledgeGraph> {
  const out: ExportOutput = await exportGraph(graph, format);
  const files: ImportFile[] =
    typeof out === 'string' ? [{ path: `g.${format}`, text: out }] : out instanceof Uint8Array ? [] : out.files.map((f) => ({ path: `g_${f.name}`, text: String(f.content) }));
  const back = importGraph(files, format);
  // CX2 and GraphML (yEd's geometry) place every node (the diagram's positions), and what a file draws is kept
  // on import: the drawing is what the export added, so it is checked here and set aside for the comparison.
  if (format === 'cx2' || format === 'graphml') {
    expect(back.everyNode((_id, n) => n.position !== undefined)).toBe(true);
    back.forEachNode((id, n) => {
      if (graph.hasNode(id) && graph.getNodeAttribute(id, 'position') === undefined && n.position) back.removeNodeAttribute(id, 'position');
    });
  }
  return back;
}

// KGX has rows for nodes and edges only: module titles and summaries, unused modules and sources no edge
// cites do not travel (module ids do, in mechkg_modules / mechkg_module; cited sources in mechkg_sources).
const CASES: { format: ImportFormat; moduleRecords: boolean; citedSourcesOnly: boolean }[] = [
  { format: 'cyjs', moduleRecords: true, citedSourcesOnly: false },
  { format: 'graphml', moduleRecords: true, citedSourcesOnly: false },
  { format: 'cx2', moduleRecords: true, citedSourcesOnly: false },
  { format: 'kgx', moduleRecords: false, citedSourcesOnly: true },
  { format: 'kgx-jsonl', moduleRecords: false, citedSourcesOnly: true },
];

describe.each(CASES)('round trip through $format', ({ format, ...keep }) => {
  it('keeps ids, categories, signs, evidence and every record field of the curated graph', async () => {
    const graph = loadGraph();
    const back = await roundTrip(graph, format);
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(canonical(back, keep)).toEqual(canonical(graph, keep));
  });

  it('keeps hostile text (quotes, < > &, pipes, backslashes, tabs, newlines, non-ASCII, script) exactly', async () => {
    const graph = hostileGraph();
    expect(canonical(await roundTrip(graph, format), keep)).toEqual(canonical(graph, keep));
  });

  it('is lossless on random graphs', async () => {
    await fc.assert(
      fc.asyncProperty(graphArb, async (graph) => {
        expect(canonical(await roundTrip(graph, format), keep)).toEqual(canonical(graph, keep));
      }),
      { numRuns: 60 },
    );
  });

  it('survives a second round trip unchanged (export of an import is the same file)', async () => {
    const graph = loadGraph();
    const once = await roundTrip(graph, format);
    const [a, b] = await Promise.all([exportGraph(once, format), exportGraph(await roundTrip(once, format), format)]);
    expect(b).toEqual(a);
  });
});

describe('cyjs edited by a tool that keeps only flat columns (like Cytoscape desktop)', () => {
  it('re-imports from evidence_json and sources_json when nested data was dropped', async () => {
    const graph = loadGraph();
    const doc = JSON.parse(String(await exportGraph(graph, 'cyjs')));
    delete doc.data.mechkg;
    for (const e of doc.elements.edges) {
      delete e.data.evidence;
      delete e.data.biolink;
      delete e.data.context;
    }
    const back = importGraph({ path: 'desktop.cyjs', text: JSON.stringify(doc) }, 'cyjs');
    const strip = (c: ReturnType<typeof canonical>) => ({ nodes: c.nodes, edges: c.edges.map(({ context: _c, ...e }) => e), sources: c.sources });
    expect(strip(canonical(back, { moduleRecords: false, citedSourcesOnly: true }))).toEqual(strip(canonical(graph, { moduleRecords: false, citedSourcesOnly: true })));
  });
});
