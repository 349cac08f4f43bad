/**
 * The CLI's teaching figure (`mechkg export --format svg`) of the drawn subgraph: Graphviz layout,
 * numbered citations and the reference list. The library loads its WebAssembly Graphviz on the first click.
 */
import { inducedSubgraph, renderFigureSvg } from '../../src/index.js';
import { visible, type ExportContext } from './context.js';
import { download, fileStem } from './download.js';

export async function exportTeachingFigure(ctx: ExportContext): Promise<void> {
  const els = visible(ctx.cy);
  const sub = inducedSubgraph(
    ctx.graph,
    els.nodes().map((n) => n.id()),
    els.edges().map((e) => e.id()),
  );
  const text = await renderFigureSvg(sub, { title: ctx.title, ...(ctx.paths ? { paths: ctx.paths } : {}) });
  download(new Blob([text], { type: 'image/svg+xml' }), `${fileStem(ctx.title)}-figure.svg`);
}
