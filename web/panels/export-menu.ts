/**
 * The Export menu. The exporters (export-view.ts, the library's format registry, cytoscape-svg) are
 * loaded the first time the menu opens, so they do not weigh on the first render.
 */
import { h, replaceChildren } from '../ui/dom.js';
import type { ExportContext } from '../exports/index.js';

export function setUpExportMenu(menu: HTMLDetailsElement, body: HTMLElement, context: () => ExportContext, onError: (message: string) => void): void {
  let loaded = false;
  menu.addEventListener('toggle', async () => {
    if (!menu.open || loaded) return;
    loaded = true;
    replaceChildren(body, h('span', { class: 'hint' }, 'Loading exporters…'));
    try {
      const ex = await import('../exports/index.js');
      const run = (fn: () => unknown) => async () => {
        try {
          await fn();
        } catch (err) {
          onError(err instanceof Error ? err.message : String(err));
        }
      };
      const formats = ex.subgraphFormats();
      const select = h('select', { attrs: { id: 'export-format', 'aria-label': 'Subgraph format' } }, formats.map((f) => h('option', { attrs: { value: f.name, title: f.description } }, f.name)));
      replaceChildren(
        body,
        h('button', { attrs: { type: 'button', id: 'export-png' }, on: { click: run(() => ex.exportPng(context())) } }, 'PNG image (with legend)'),
        h('button', { attrs: { type: 'button', id: 'export-svg' }, on: { click: run(() => ex.exportSvg(context())) } }, 'SVG image (with legend)'),
        h('button', { attrs: { type: 'button', id: 'export-json' }, on: { click: run(() => ex.exportCytoscapeJson(context())) } }, 'The view as Cytoscape JSON, with positions (.view.cyjs)'),
        h('button', { attrs: { type: 'button', id: 'export-figure', title: 'Laid out by Graphviz with numbered citations, as mechkg export --format svg' }, on: { click: run(() => ex.exportTeachingFigure(context())) } }, 'Teaching figure (SVG, with references)'),
        h('p', { class: 'hint' }, 'The drawn subgraph without positions, through the same exporters as `mechkg export`:'),
        h('div', { class: 'row' }, select, h('button', { attrs: { type: 'button', id: 'export-subgraph' }, on: { click: run(() => ex.exportSubgraph(context(), select.value)) } }, 'Export')),
      );
      (body.querySelector('button') as HTMLButtonElement | null)?.focus();
    } catch (err) {
      loaded = false;
      onError(err instanceof Error ? err.message : String(err));
    }
  });
}
