/** The drawn subgraph through the library's export registry (the same writers as `mechkg export`). */
import { EXPORT_FORMATS, exportGraph, inducedSubgraph, ownValue } from '../../src/index.js';
import { visible, type ExportContext } from './context.js';
import { download, fileStem } from './download.js';

/** The formats of the library's registry that run without a host (no Graphviz, no bundled assets). */
export function subgraphFormats(): { name: string; description: string }[] {
  return Object.values(EXPORT_FORMATS)
    .filter((f) => f.needs.length === 0)
    .map((f) => ({ name: f.name, description: f.description }));
}

/** The drawn subgraph (minus filtered elements) through the library's exporter for `format`. */
export async function exportSubgraph(ctx: ExportContext, format: string): Promise<void> {
  const els = visible(ctx.cy);
  const sub = inducedSubgraph(
    ctx.graph,
    els.nodes().map((n) => n.id()),
    els.edges().map((e) => e.id()),
  );
  const f = ownValue(EXPORT_FORMATS, format);
  if (!f) throw new Error(`exportSubgraph: unknown format "${format}"`);
  const out = await exportGraph(sub, format, { title: ctx.title, positions: ctx.positions, ...(ctx.paths ? { paths: ctx.paths } : {}) }, {});
  const stem = fileStem(ctx.title);
  if (typeof out === 'string') download(new Blob([out], { type: 'text/plain' }), `${stem}${f.extensions[0]}`);
  else if (out instanceof Uint8Array) download(new Blob([out as BlobPart]), `${stem}${f.extensions[0]}`);
  else for (const file of out.files) download(new Blob([file.content as BlobPart], { type: 'text/plain' }), `${stem}_${file.name}`);
}

