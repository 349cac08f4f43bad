/** Cytoscape.js JSON of the view. */
import { visible, type ExportContext } from './context.js';
import { download, fileStem } from './download.js';

/** Cytoscape.js JSON of the drawn, unfiltered elements, with positions (opens in Cytoscape desktop). */
export function exportCytoscapeJson(ctx: ExportContext): void {
  const els = visible(ctx.cy);
  const json = {
    format_version: '1.0',
    generated_by: 'mechkg explorer',
    target_cytoscapejs_version: '~3.34',
    data: { name: ctx.title },
    elements: {
      nodes: els.nodes().map((n) => ({ data: n.data(), position: n.position(), classes: n.classes().join(' ') })),
      edges: els.edges().map((e) => ({ data: e.data(), classes: e.classes().join(' ') })),
    },
  };
  download(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }), `${fileStem(ctx.title)}.cyjs`);
}

