/**
 * Every export format read back by a real consumer: Graphviz 16 (the WebAssembly build the figures use:
 * -Tjson / -Tcanon / -Tsvg, its warnings checked), an XML
 * parser (GraphML, SVG), mermaid's parser (in Chromium), our RFC 4180 reader (CSV, TSV), JSON, and
 * networkx (cyjs, GraphML) when python3 has it. First on the hostile-label graph (text must come back
 * identical), then on the curated graph.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph, isTextWidthEstimate, runGraphviz, type ExportOutput } from '../../src/export/index.js';
import { parseDelimitedTable, splitList } from '../../src/import/index.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { loadGraph } from '../../src/node.js';
import { nodeExportEnv } from '../../src/node/export-env.js';
import { hasChromium, launchChromium, parseMermaid } from './chromium.js';
import { decodePng } from '../browser/png8.mjs';
import { HAS_NETWORKX, HOSTILE, hostileGraph } from './graph-fixtures.js';

const text = async (g: KnowledgeGraph, format: string) => String(await exportGraph(g, format, {}, nodeExportEnv));
const files = async (g: KnowledgeGraph, format: string) => {
  const out: ExportOutput = await exportGraph(g, format, {}, nodeExportEnv);
  if (typeof out === 'string' || out instanceof Uint8Array) throw new Error('expected files');
  return Object.fromEntries(out.files.map((f) => [f.name, String(f.content)]));
};

/** Graphviz's warnings other than its estimate for characters outside ASCII (the build has no fonts to measure them). */
const realWarnings = (ws: string[]) => ws.filter((w) => !isTextWidthEstimate(w));

/** Graphviz escString decoding (\\ -> \, \n -> newline), applied to an attribute from dot -Tjson. */
const unDot = (s: string) => s.replace(/\\(\\|n|l|r)/g, (_m, c: string) => (c === '\\' ? '\\' : '\n'));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', trimValues: false, parseTagValue: false, processEntities: true, htmlEntities: true, isArray: (n) => ['key', 'node', 'edge', 'data', 'g', 'text'].includes(n) });

describe('hostile labels come back identical from every format', () => {
  const graph = hostileGraph();

  it('cyjs (JSON)', async () => {
    const doc = JSON.parse(await text(graph, 'cyjs'));
    expect(doc.elements.nodes[0].data.label).toBe(HOSTILE);
    expect(doc.elements.nodes[0].data.synonyms[0]).toBe(HOSTILE);
    expect(doc.elements.edges[0].data.evidence[0].statement).toBe(HOSTILE);
    expect(doc.data.mechkg.sources['hostile-source'].title).toBe(HOSTILE);
  });

  it('graphml (XML parser)', async () => {
    const out = await text(graph, 'graphml');
    expect(XMLValidator.validate(out)).toBe(true);
    const g = xml.parse(out).graphml.graph;
    const value = (el: { data: { '@_key': string; '#text': string }[] }, key: string) => el.data.find((d) => d['@_key'] === key)?.['#text'];
    expect(value(g.node[0], 'n_label')).toBe(HOSTILE);
    expect(splitList(value(g.node[0], 'n_synonyms')!)).toEqual([HOSTILE, 'plain']);
    expect(splitList(value(g.node[0], 'n_abbreviations')!)).toEqual(['A|B']);
    expect(JSON.parse(value(g.edge[0], 'e_evidence')!)[0].statement).toBe(HOSTILE);
    expect(value(g.edge[0], 'e_note')).toBe(HOSTILE);
  });

  it('dot (Graphviz -Tjson, -Tcanon, and -Tsvg without warnings)', async () => {
    const out = await text(graph, 'dot');
    const json = await runGraphviz(out, 'json');
    expect(realWarnings(json.warnings)).toEqual([]);
    const objects = JSON.parse(json.output).objects as Record<string, string>[];
    const alpha = objects.find((o) => o.name === 'alpha')!;
    expect(unDot(alpha.label!)).toBe(HOSTILE);
    expect(unDot(alpha.mechkg_synonyms!)).toBe(`${HOSTILE.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')}|plain`);
    const edge = (JSON.parse(json.output).edges as Record<string, string>[]).find((e) => e.mechkg_predicate === 'inhibits')!;
    expect(JSON.parse(unDot(edge.mechkg_evidence!))[0].statement).toBe(HOSTILE);
    expect(edge.arrowhead).toBe('tee');
    const canon = await runGraphviz(out, 'canon');
    expect(realWarnings(canon.warnings)).toEqual([]);
    expect(canon.output).toContain('mechkg_evidence=');
    const svg = await runGraphviz(out, 'svg');
    expect(realWarnings(svg.warnings)).toEqual([]);
    expect(XMLValidator.validate(svg.output)).toBe(true);
  });

  it('Graphviz reports what is wrong with bad DOT, and warns about what it would silently change', async () => {
    await expect(runGraphviz('digraph { a -> }')).rejects.toThrow("export: Graphviz rejected the DOT: syntax error in line 1 near '}'");
    expect((await runGraphviz('digraph { a [shape=nosuch] }')).warnings).toEqual(['using box for unknown shape nosuch']);
  });

  it.skipIf(!hasChromium)('mermaid (mermaid.parse in Chromium)', async () => {
    const browser = await launchChromium();
    try {
      const parsed = await parseMermaid(browser, await text(graph, 'mermaid'));
      expect(parsed.type).toMatch(/^flowchart/);
      expect(parsed.vertices).toEqual([HOSTILE, `${HOSTILE} 2`]);
      expect(parsed.edges.map((e) => [e.type, e.stroke])).toEqual([
        ['arrow_cross', 'normal'],
        ['arrow_point', 'dotted'],
      ]);
      expect(parsed.edges[0]!.text).toBe('inhibits [1]');
    } finally {
      await browser.close();
    }
  });

  it('kgx (TSV read as KGX reads it: split at tabs, no quoting, | lists)', async () => {
    const f = await files(graph, 'kgx');
    const table = (t: string) => {
      const [head, ...lines] = t.trimEnd().split('\n');
      const cols = head!.split('\t');
      return lines.map((l) => {
        const cells = l.split('\t');
        expect(cells.length).toBeLessThanOrEqual(cols.length);
        return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
      });
    };
    const nodes = table(f['nodes.tsv']!);
    const edges = table(f['edges.tsv']!);
    expect(nodes).toHaveLength(2);
    // tabs and line breaks cannot live in a KGX cell: they become spaces, the exact text rides in mechkg_exact
    expect(nodes[0]!.name).toBe(HOSTILE.replace(/[\t\n]/g, ' '));
    expect(JSON.parse(nodes[0]!.mechkg_exact!).name).toBe(HOSTILE);
    expect(JSON.parse(nodes[0]!.mechkg_exact!).synonym).toEqual([HOSTILE, 'plain']);
    expect(nodes[0]!.category).toBe('biolink:SmallMolecule');
    expect(edges[0]).toMatchObject({ subject: 'mechkg:alpha', predicate: 'biolink:affects', object_direction_qualifier: 'decreased', object_aspect_qualifier: 'activity', knowledge_level: 'knowledge_assertion', agent_type: 'manual_agent', primary_knowledge_source: 'infores:mechkg', publications: 'PMID:123|doi:10.1000/x"y<z>', mechkg_sign: '-' });
    expect(JSON.parse(edges[0]!.mechkg_evidence!)[0].statement).toBe(HOSTILE);
  });

  it('kgx-jsonl (one JSON object per line)', async () => {
    const f = await files(graph, 'kgx-jsonl');
    const nodes = f['nodes.jsonl']!.trim().split('\n').map((l) => JSON.parse(l));
    const edges = f['edges.jsonl']!.trim().split('\n').map((l) => JSON.parse(l));
    expect(nodes).toHaveLength(2);
    expect(nodes[0].name).toBe(HOSTILE);
    expect(edges[0].mechkg_evidence[0].statement).toBe(HOSTILE);
    expect(edges[0].publications).toEqual(['PMID:123', 'doi:10.1000/x"y<z>']);
  });

  it('csv (RFC 4180 reader)', async () => {
    const f = await files(graph, 'csv');
    const nodes = parseDelimitedTable(f['nodes.csv']!, ',').rows.map((r) => r.values);
    const edges = parseDelimitedTable(f['edges.csv']!, ',').rows.map((r) => r.values);
    expect(nodes.map((n) => n.label)).toEqual([HOSTILE, `${HOSTILE} 2`]);
    expect(edges[0]).toMatchObject({ source: 'alpha', predicate: 'inhibits', sign: '-', note: HOSTILE, source_label: HOSTILE });
    expect(JSON.parse(edges[0]!.context!)).toEqual({ tissue: HOSTILE });
  });

  it('sif (ids and predicates only, one interaction per line)', async () => {
    expect(await text(graph, 'sif')).toBe('alpha\tinhibits\tbeta\nbeta\tassociated_with\talpha\n');
  });

  it('svg figure (XML parser finds the label text and the numbered citation)', async () => {
    const out = await text(graph, 'svg');
    expect(XMLValidator.validate(out)).toBe(true);
    const texts: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) k === 'text' ? (c as { '#text'?: string }[]).forEach((t) => texts.push(t['#text'] ?? '')) : walk(c);
    };
    walk(xml.parse(out));
    const all = texts.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain(HOSTILE.replace(/\s+/g, ' '));
    expect(all).toContain('inhibits [1]');
    expect(all).toMatch(/\[1\] .*2020/);
  });

  it('png figure (a PNG at 150 dpi whose pixels show the red inhibits edge)', async () => {
    const out = await exportGraph(graph, 'png', {}, nodeExportEnv);
    expect(out).toBeInstanceOf(Uint8Array);
    const png = decodePng(Buffer.from(out as Uint8Array));
    const svg = String(await exportGraph(graph, 'svg', {}, nodeExportEnv));
    const [, w] = /<svg width="(\d+)pt"/.exec(svg) ?? [];
    expect(Math.abs(png.width - (Number(w) * 150) / 72)).toBeLessThan(2);
    let red = 0;
    for (let i = 0; i < png.rgb.length; i += 3) if (Math.abs(png.rgb[i]! - 0xc6) + Math.abs(png.rgb[i + 1]! - 0x28) + Math.abs(png.rgb[i + 2]! - 0x28) < 30) red++;
    expect(red).toBeGreaterThan(200);
  });

});

describe('real consumers read the curated graph', () => {
  const graph = loadGraph();
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (hasChromium) browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Graphviz (-Tcanon, -Tsvg) accepts the DOT export without a warning', async () => {
    const out = await text(graph, 'dot');
    for (const format of ['canon', 'svg'] as const) expect(realWarnings((await runGraphviz(out, format)).warnings)).toEqual([]);
    const objects = JSON.parse((await runGraphviz(out, 'json')).output).objects as { name: string }[];
    expect(objects.filter((o) => !o.name.startsWith('__legend') && o.name !== 'cluster_legend')).toHaveLength(graph.order);
  }, 180_000); // three whole-graph layouts in WebAssembly: over 50 s on the shared 2-core machine

  it('the svg figure renders without Graphviz warnings', async () => {
    const { figureDot } = await import('../../src/export/index.js');
    expect(realWarnings((await runGraphviz(figureDot(graph))).warnings)).toEqual([]);
  }, 120_000); // one whole-graph layout: 20 s under load

  it('GraphML is well-formed and every key is declared with a type', async () => {
    const out = await text(graph, 'graphml');
    expect(XMLValidator.validate(out)).toBe(true);
    const root = xml.parse(out).graphml;
    const keys = new Map<string, string>(root.key.map((k: Record<string, string>) => [k['@_id'], k['@_attr.type'] ?? `yfiles:${k['@_yfiles.type']}`]));
    // data keys typed; the two others are yEd's graphics keys
    expect([...keys.values()].filter((t) => !['string', 'boolean', 'int'].includes(t)).sort()).toEqual(['yfiles:edgegraphics', 'yfiles:nodegraphics']);
    for (const el of [...root.graph.node, ...root.graph.edge]) for (const d of el.data) expect(keys.has(d['@_key'])).toBe(true);
    expect(root.graph.node).toHaveLength(graph.order);
    expect(root.graph.edge).toHaveLength(graph.size);
  });

  it.skipIf(!hasChromium)('mermaid parses the whole graph', async () => {
    const parsed = await parseMermaid(browser!, await text(graph, 'mermaid'));
    expect(parsed.vertices).toHaveLength(graph.order);
    expect(parsed.edges).toHaveLength(graph.size);
  });

  it.skipIf(!HAS_NETWORKX)('networkx reads cyjs (cytoscape_graph) and GraphML (read_graphml)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechkg-nx-'));
    writeFileSync(join(dir, 'g.cyjs'), await text(graph, 'cyjs'));
    writeFileSync(join(dir, 'g.graphml'), await text(graph, 'graphml'));
    const script = [
      'import json, sys, networkx as nx',
      `d = sys.argv[1]`,
      'c = nx.cytoscape_graph(json.load(open(d + "/g.cyjs")))',
      'g = nx.read_graphml(d + "/g.graphml")',
      'e = next(iter(g.edges(data=True)))[2]',
      'print(json.dumps({"cy": [c.number_of_nodes(), c.number_of_edges(), c.is_directed(), c.is_multigraph()], "gml": [g.number_of_nodes(), g.number_of_edges()], "causal_type": type(e["causal"]).__name__, "strength_type": type(e["strength"]).__name__, "label": c.nodes["vitamin-b12"].get("label") if "vitamin-b12" in c else None}))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, dir], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    expect(got.cy).toEqual([graph.order, graph.size, true, true]);
    expect(got.gml).toEqual([graph.order, graph.size]);
    expect(got.causal_type).toBe('bool');
    expect(got.strength_type).toBe('int');
    if (graph.hasNode('vitamin-b12')) expect(got.label).toBe(graph.getNodeAttribute('vitamin-b12', 'label'));
  });
});
