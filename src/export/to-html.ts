/**
 * One self-contained, offline HTML file: the subgraph in an interactive Cytoscape view, its legend, the
 * evidence of every edge and a step-through of its paths. Cytoscape is inlined (the host supplies its
 * source), the data sits in a <script type="application/json"> block with `<`, `>` and `&` escaped, the
 * page script writes text only with textContent, and a Content-Security-Policy allows exactly the two
 * inline scripts (by SHA-256 hash) and nothing from the network.
 */
import { MechkgError } from '../errors.js';
import type { KnowledgeGraph } from '../model/types.js';
import { CATEGORIES, curieUrl, EVIDENCE_KINDS, predicateLabel, type Category } from '../model/vocabulary.js';
import type { ExportEnv, ExportOptions } from './export-types.js';
import { mechkgHtmlApp, type HtmlPageData } from './html-app.js';
import { edgeSentence, edgeSourceIds, numberSources } from './provenance.js';
import { citationParts, citationText } from '../model/citation.js';
import type { Context } from '../model/schema.js';

function contextText(c: Context | undefined): string | undefined {
  if (!c) return undefined;
  const parts = Object.entries(c).map(([k, v]) => `${k}: ${v}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** The JSON the page script reads (exported for tests and the web app). */
export function htmlPageData(graph: KnowledgeGraph, options: ExportOptions = {}): HtmlPageData {
  const { order, numberOf } = numberSources(graph);
  const categories: Category[] = [];
  graph.forEachNode((_id, n) => {
    if (!categories.includes(n.category)) categories.push(n.category);
  });
  return {
    title: options.title ?? graph.getAttribute('name') ?? 'mechkg',
    nodes: graph.mapNodes((id, n) => ({
      id,
      label: n.label,
      category: n.category,
      categoryLabel: CATEGORIES[n.category].label,
      color: CATEGORIES[n.category].color,
      shape: CATEGORIES[n.category].shape,
      description: n.description,
      synonyms: [...n.synonyms, ...n.abbreviations],
      identifiers: n.identifiers.map((curie) => ({ curie, url: curieUrl(curie) })),
    })),
    edges: graph.mapEdges((key, e, source, target) => ({
      id: key,
      source,
      target,
      label: `${predicateLabel(e.predicate)}${edgeSourceIds(e).length ? ` [${[...new Set(edgeSourceIds(e).map((s) => numberOf.get(s)).filter((n) => n !== undefined))].sort((a, b) => a! - b!).join(',')}]` : ''}`,
      sentence: edgeSentence(graph, key),
      sign: e.sign,
      causal: e.causal,
      contested: e.contested,
      preclinicalOnly: e.preclinicalOnly,
      ...(e.note ? { note: e.note } : {}),
      ...(e.context ? { context: contextText(e.context)! } : {}),
      evidence: e.evidence.map((ev) => ({
        kind: EVIDENCE_KINDS[ev.kind].label,
        stance: ev.stance,
        statement: ev.statement,
        ...(ev.note ? { note: ev.note } : {}),
        ...(ev.context ? { context: contextText(ev.context)! } : {}),
        ref: numberOf.get(ev.source) ?? null,
      })),
    })),
    references: order.map((s, i) => ({ n: i + 1, text: citationText(s), url: citationParts(s).url ?? null })),
    categories: categories.map((c) => ({ name: c, label: CATEGORIES[c].label, color: CATEGORIES[c].color })),
    paths: options.paths ?? [],
  };
}

/** JSON safe inside a <script> element: no `<`, `>` or `&` can close it or open a comment. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

async function sha256Base64(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let bin = '';
  for (const b of new Uint8Array(digest)) bin += String.fromCharCode(b);
  return btoa(bin);
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 Helvetica, Arial, sans-serif; color: #222; display: grid; grid-template-columns: minmax(0, 1fr) 420px; grid-template-rows: auto minmax(0, 1fr); height: 100vh; }
  header { grid-column: 1 / 3; padding: 8px 16px; border-bottom: 1px solid #ddd; display: flex; align-items: baseline; gap: 16px; }
  header h1 { font-size: 18px; margin: 0; }
  header .by { color: #777; font-size: 12px; }
  #cy { min-height: 0; }
  aside { overflow: auto; border-left: 1px solid #ddd; padding: 8px 14px 24px; }
  h2 { font-size: 14px; text-transform: uppercase; letter-spacing: 0.04em; color: #555; margin: 16px 0 6px; }
  h3 { font-size: 14px; margin: 8px 0 2px; }
  #legend { list-style: none; padding: 0; margin: 0; columns: 2; font-size: 12px; }
  #legend li { margin: 2px 0; break-inside: avoid; }
  .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; opacity: 0.8; }
  .arrow { display: inline-block; width: 22px; height: 0; border-top: 2px solid; margin-right: 6px; vertical-align: 3px; }
  .arrow.plus { border-color: #2f7d32; } .arrow.minus { border-color: #c62828; } .arrow.assoc { border-color: #6b6b6b; border-top-style: dashed; }
  .path-list button, .step-controls button { margin: 2px 4px 2px 0; padding: 3px 8px; border: 1px solid #bbb; border-radius: 4px; background: #f7f7f7; cursor: pointer; }
  .path-list button.active { background: #1c7ed6; color: #fff; border-color: #1c7ed6; }
  .step-controls { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
  .path-nodes { font-weight: bold; }
  .flags { color: #666; font-size: 12px; }
  ol.evidence { padding-left: 20px; margin: 4px 0 10px; }
  ol.evidence li { margin: 4px 0; }
  ol.evidence li.disputes { color: #8a1c1c; }
  .kind { display: inline-block; font-size: 11px; background: #eef; border-radius: 3px; padding: 0 4px; }
  .note, .context, .cite { font-size: 12px; color: #555; }
  .edge-block { border-top: 1px solid #eee; padding-top: 4px; }
  .muted { color: #777; }
  #references { font-size: 12px; padding-left: 24px; }
`;

/** The complete HTML document (needs env.asset('cytoscape') for the Cytoscape source). */
export async function writeHtml(graph: KnowledgeGraph, options: ExportOptions, env: ExportEnv): Promise<string> {
  if (!env.asset) throw new MechkgError('export: --format html needs the Cytoscape.js source (the host provides no asset loader)');
  const cytoscapeSource = (await env.asset('cytoscape')).replace(/<\/(script)/gi, '<\\/$1');
  const app = `(${mechkgHtmlApp.toString()})();`;
  const hashes = await Promise.all([cytoscapeSource, app].map(sha256Base64));
  const csp = `default-src 'none'; script-src ${hashes.map((h) => `'sha256-${h}'`).join(' ')}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="mechkg export --format html">',
    '<title>mechkg</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header><h1 id="title"></h1><span class="by">exported from mechkg · drag to pan, scroll to zoom, click a node or edge for its evidence</span></header>',
    '<div id="cy"></div>',
    '<aside>',
    '<noscript><p>This page needs JavaScript to draw the graph; the evidence is in the data block of the file.</p></noscript>',
    '<h2>Legend</h2><ul id="legend"></ul>',
    '<h2>Paths</h2><div id="paths"></div>',
    '<h2>Selected</h2><div id="details"></div>',
    '<h2>Evidence for every edge</h2><div id="all-evidence"></div>',
    '<h2>References</h2><ol id="references"></ol>',
    '</aside>',
    `<script type="application/json" id="mechkg-data">${scriptSafeJson(htmlPageData(graph, options))}</script>`,
    `<script>${cytoscapeSource}</script>`,
    `<script>${app}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
