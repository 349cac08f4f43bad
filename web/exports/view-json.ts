/**
 * The view as Cytoscape.js JSON: the drawn, unfiltered subgraph through the library's Cytoscape JSON
 * writer (so networkx.cytoscape_graph and Cytoscape desktop read it, and mechkg re-imports it with its
 * descriptions and evidence), plus each node's position, compartment and the view's classes. Saved as
 * NAME.view.cyjs, apart from the subgraph export (NAME.cyjs, no positions).
 */
import { inducedSubgraph, toCytoscapeJson } from '../../src/index.js';
import { visible, type ExportContext } from './context.js';
import { download, fileStem } from './download.js';

export function viewCytoscapeJson(ctx: ExportContext): ReturnType<typeof toCytoscapeJson> {
  const els = visible(ctx.cy);
  const sub = inducedSubgraph(
    ctx.graph,
    els.nodes().map((n) => n.id()),
    els.edges().map((e) => e.id()),
  );
  const json = toCytoscapeJson(sub, { title: ctx.title });
  json.data = { ...json.data, name: ctx.title, generated_by: 'mechkg explorer (view)' };
  for (const n of json.elements.nodes as { data: Record<string, unknown>; position?: { x: number; y: number }; classes?: string }[]) {
    const ele = ctx.cy.getElementById(String(n.data.id));
    n.position = { x: Math.round(ele.position('x')), y: Math.round(ele.position('y')) };
    const box = ele.data('diagramBox') as string | undefined;
    if (box) n.data.diagram_box = box.replace(/^box:/, '');
    n.classes = ele.classes().join(' ');
  }
  for (const e of json.elements.edges as { data: Record<string, unknown>; classes?: string }[]) e.classes = ctx.cy.getElementById(String(e.data.id)).classes().join(' ');
  return json;
}

export function exportCytoscapeJson(ctx: ExportContext): void {
  download(new Blob([JSON.stringify(viewCytoscapeJson(ctx), null, 2)], { type: 'application/json' }), `${fileStem(ctx.title)}.view.cyjs`);
}
