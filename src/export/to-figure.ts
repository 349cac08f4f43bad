/**
 * Teaching figures (SVG, PNG): the subgraph laid out by Graphviz with sign-styled edges, each edge
 * labelled with numbered citations, and a legend and reference list under it. The DOT is built here;
 * the layout is the WebAssembly Graphviz (graphviz-wasm.ts) unless the host brings its own (ExportEnv.renderDot:
 * Node rasterises PNG and can run the system `dot` on request). Browser-safe.
 */
import { MechkgError } from '../errors.js';
import type { KnowledgeGraph } from '../model/types.js';
import { CATEGORIES, predicateLabel, type Category } from '../model/vocabulary.js';
import { attrList, dotHtml, dotString, edgeStyle, nodeStyle, SIGN_COLORS } from './dot-style.js';
import type { ExportEnv, ExportOptions } from './export-types.js';
import { runGraphviz } from './graphviz-wasm.js';
import { edgeSourceIds, numberSources } from './provenance.js';
import { citationText } from '../model/citation.js';

/** The DOT source of a figure (what `renderFigure` hands to Graphviz). */
export function figureDot(graph: KnowledgeGraph, options: ExportOptions = {}): string {
  const title = options.title ?? graph.getAttribute('name') ?? 'mechkg';
  const { order, numberOf } = numberSources(graph);
  const onPath = new Set((options.paths ?? []).flatMap((p) => p.edges));
  const lines = [
    `digraph ${dotString(title)} {`,
    '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.3, ranksep=0.35, pad=0.3, labelloc=b, labeljust=l, bgcolor="white"];',
    '  node [fontname="Helvetica", fontsize=13, margin="0.14,0.06"];',
    '  edge [fontname="Helvetica", fontsize=11, penwidth=1.6, arrowsize=0.9];',
  ];
  const categories: Category[] = [];
  graph.forEachNode((id, n) => {
    if (!categories.includes(n.category)) categories.push(n.category);
    lines.push(`  ${dotString(id)} [${attrList({ label: wrap(n.label, 14), ...nodeStyle(n.category), tooltip: n.description })}];`);
  });
  graph.forEachEdge((key, e, source, target) => {
    const numbers = [...new Set(edgeSourceIds(e).map((s) => numberOf.get(s)).filter((x): x is number => x !== undefined))].sort((a, b) => a - b);
    const flags = [e.preclinicalOnly ? 'preclinical' : '', e.contested ? 'disputed' : ''].filter(Boolean).join(', ');
    const label = [wrap(predicateLabel(e.predicate), 16), numbers.length ? `[${numbers.join(',')}]` : '', flags ? `(${flags})` : ''].filter(Boolean).join('\n');
    const style = edgeStyle(e);
    lines.push(
      `  ${dotString(source)} -> ${dotString(target)} [${attrList({
        label,
        ...style,
        ...(onPath.size > 0 && onPath.has(key) ? { penwidth: '2.6' } : {}),
        tooltip: e.evidence.map((ev) => ev.statement).join('\n'),
        id: key,
      })}];`,
    );
  });
  lines.push(`  label=<${captionTable(title, categories, order.map(citationText))}>;`, '}', '');
  return lines.join('\n');
}

/**
 * The teaching figure as SVG text, laid out by the WebAssembly Graphviz: what `mechkg export --format svg`
 * writes, for any host (the explorer offers it for the current view). The first call loads the WebAssembly.
 */
export async function renderFigureSvg(graph: KnowledgeGraph, options: ExportOptions = {}): Promise<string> {
  return (await runGraphviz(figureDot(graph, options), 'svg')).output;
}

/** Renders a figure as SVG text or PNG bytes: through the host's renderer if it has one, else SVG in WebAssembly. */
export async function renderFigure(graph: KnowledgeGraph, format: 'svg' | 'png', options: ExportOptions, env: ExportEnv): Promise<string | Uint8Array> {
  if (env.renderDot) return env.renderDot(figureDot(graph, options), format);
  if (format === 'svg') return renderFigureSvg(graph, options);
  throw new MechkgError('export: --format png needs a host that rasterises SVG (the Node CLI and library do; here, export svg)');
}

function captionTable(title: string, categories: Category[], references: string[]): string {
  const rows: string[] = [];
  rows.push(`<TR><TD ALIGN="LEFT"><B><FONT POINT-SIZE="16">${dotHtml(title)}</FONT></B></TD></TR>`);
  const swatches = categories
    .map((c) => `<TD BGCOLOR="${CATEGORIES[c].color}33" COLOR="${CATEGORIES[c].color}" BORDER="2" WIDTH="18" HEIGHT="12"><FONT POINT-SIZE="6"> </FONT></TD><TD ALIGN="LEFT">${dotHtml(CATEGORIES[c].label)}  </TD>`)
    .join('');
  if (swatches) rows.push(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="3" CELLPADDING="1"><TR>${swatches}</TR></TABLE></TD></TR>`);
  // Each arrow glyph gets a cell at least 26 points wide: Graphviz without fonts (the WebAssembly build) sizes
  // characters outside ASCII like a space, and the glyph would overprint the words after it.
  const glyph = (color: string, char: string) => `<TD WIDTH="26"><FONT COLOR="${color}"><B>${char}</B></FONT></TD>`;
  const words = (text: string) => `<TD ALIGN="LEFT">${text}      </TD>`;
  const arrows = [
    glyph(SIGN_COLORS['+'], '⟶') + words('increases, activates, required for (+)'),
    glyph(SIGN_COLORS['-'], '⊣') + words('decreases, inhibits, prevents (−)'),
    glyph(SIGN_COLORS.none, '⇢') + words('association, not causal'),
    words('[n] numbered references below'),
  ];
  rows.push(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="11"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1"><TR>${arrows.join('')}</TR></TABLE></FONT></TD></TR>`);
  if (references.length) {
    rows.push('<TR><TD ALIGN="LEFT"><B><FONT POINT-SIZE="12">References</FONT></B></TD></TR>');
    references.forEach((r, i) => rows.push(`<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="10">[${i + 1}] ${wrap(r, 130).split('\n').map(dotHtml).join('<BR ALIGN="LEFT"/>     ')}</FONT></TD></TR>`));
  }
  return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">${rows.join('')}</TABLE>`;
}

/** Breaks text at spaces so no line is longer than width (long words stay whole). */
export function wrap(text: string, width: number): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out.join('\n');
}
