/** PNG and SVG of the drawing with the legend beside it (canvas and SVG legends drawn from style.ts's data). */
import cytoscape from 'cytoscape';
import { CATEGORIES, type Category } from '../../src/index.js';
import { categoryGlyph, edgeGlyph } from '../render/glyphs.js';
import { tracePolygon } from '../render/shapes.js';
import { COLORS, EDGE_LEGEND, MARK_LEGEND, type EdgeLegendEntry } from '../render/style.js';
import { svg } from '../ui/dom.js';
import type { ExportContext } from './context.js';
import { download, fileStem } from './download.js';

let svgReady: Promise<void> | null = null;
/** Registers cytoscape-svg the first time an SVG is made, so it stays out of the first download. */
function ensureSvg(): Promise<void> {
  svgReady ??= import('cytoscape-svg').then(({ default: ext }) => {
    cytoscape.use(ext);
  });
  return svgReady;
}

const LEGEND_WIDTH = 380;
/** White margin around the drawing, in CSS pixels. */
const MARGIN = 24;
const ROW = 24;

interface LegendModel {
  title: string;
  categories: Category[];
  edges: readonly EdgeLegendEntry[];
  marks: typeof MARK_LEGEND;
}

function legendModel(ctx: ExportContext): LegendModel {
  const shown = ctx.cy.nodes().filter((n) => !n.hasClass('hidden'));
  const cats = new Set(shown.map((n) => n.data('category') as string));
  const categories = (Object.keys(CATEGORIES) as Category[]).filter((c) => cats.has(c));
  const classes = new Set(ctx.cy.elements().map((e) => e.classes()).flat());
  const marks = MARK_LEGEND.filter((m) => classes.has(m.key === 'path' ? 'on-path' : m.key));
  return { title: ctx.title, categories, edges: EDGE_LEGEND, marks };
}

/** The title in at most two lines of about 40 characters. */
function titleLines(title: string): string[] {
  const lines: string[] = [''];
  for (const word of title.split(/\s+/)) {
    const last = lines[lines.length - 1]!;
    if (!last || last.length + 1 + word.length <= 40) lines[lines.length - 1] = last ? `${last} ${word}` : word;
    else lines.push(word);
  }
  if (lines.length > 2) return [lines[0]!, clip(lines.slice(1).join(' '), 40)];
  return lines;
}

function legendHeight(m: LegendModel): number {
  return 80 + ROW * (m.categories.length + m.edges.length + m.marks.length) + 3 * 28;
}

export async function exportPng(ctx: ExportContext): Promise<void> {
  const { cy } = ctx;
  const blob = (await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 })) as Blob;
  const img = await createImageBitmap(blob);
  const model = legendModel(ctx);
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = img.width + (2 * MARGIN + LEGEND_WIDTH) * scale;
  canvas.height = Math.max(img.height + 2 * MARGIN * scale, legendHeight(model) * scale);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, MARGIN * scale, MARGIN * scale);
  g.save();
  g.translate(img.width + 2 * MARGIN * scale, 0);
  g.scale(scale, scale);
  drawLegendCanvas(g, model);
  g.restore();
  const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!out) throw new Error('exportPng: the browser could not encode the PNG');
  download(out, `${fileStem(ctx.title)}.png`);
}

function drawLegendCanvas(g: CanvasRenderingContext2D, m: LegendModel): void {
  let y = 8;
  g.fillStyle = '#1f2328';
  g.font = 'bold 15px system-ui, "DejaVu Sans", sans-serif';
  for (const line of titleLines(m.title)) {
    y += 20;
    g.fillText(line, 12, y);
  }
  const section = (text: string) => {
    y += 28;
    g.fillStyle = '#57606a';
    g.font = 'bold 12px system-ui, "DejaVu Sans", sans-serif';
    g.fillText(text, 12, y);
  };
  const label = (text: string) => {
    g.fillStyle = '#1f2328';
    g.font = '12px system-ui, "DejaVu Sans", sans-serif';
    g.fillText(text, 70, y + 4);
  };
  section('Nodes');
  for (const c of m.categories) {
    y += ROW;
    tracePolygon(g, CATEGORIES[c].shape, 30, y, 9);
    g.fillStyle = CATEGORIES[c].color;
    g.fill();
    g.strokeStyle = '#30363d';
    g.lineWidth = 1;
    g.stroke();
    label(CATEGORIES[c].label);
  }
  section('Edges');
  for (const e of m.edges) {
    y += ROW;
    g.save();
    g.globalAlpha = e.opacity;
    g.strokeStyle = e.color;
    g.lineWidth = e.width;
    g.setLineDash(e.dash ?? []);
    g.beginPath();
    g.moveTo(12, y);
    g.lineTo(50, y);
    g.stroke();
    g.restore();
    g.fillStyle = e.color;
    g.strokeStyle = e.color;
    if (e.arrow === 'triangle') {
      g.beginPath();
      g.moveTo(48, y - 5);
      g.lineTo(58, y);
      g.lineTo(48, y + 5);
      g.closePath();
      g.fill();
    } else if (e.arrow === 'tee') {
      g.lineWidth = 3;
      g.beginPath();
      g.moveTo(54, y - 6);
      g.lineTo(54, y + 6);
      g.stroke();
    } else {
      g.beginPath();
      g.arc(54, y, 3.5, 0, Math.PI * 2);
      g.fill();
    }
    if (e.startSquare) {
      g.fillStyle = '#ffffff';
      g.fillRect(10, y - 4, 8, 8);
      g.strokeStyle = '#1f2328';
      g.lineWidth = 1.5;
      g.strokeRect(10, y - 4, 8, 8);
    }
    if (e.midDiamond) {
      g.beginPath();
      g.moveTo(25, y);
      g.lineTo(31, y - 5);
      g.lineTo(37, y);
      g.lineTo(31, y + 5);
      g.closePath();
      g.fillStyle = '#ffffff';
      g.fill();
      g.strokeStyle = COLORS.contested;
      g.lineWidth = 1.5;
      g.stroke();
    }
    label(e.label);
  }
  if (m.marks.length) {
    section('Highlights');
    for (const mark of m.marks) {
      y += ROW;
      g.beginPath();
      g.arc(30, y, 7, 0, Math.PI * 2);
      g.fillStyle = '#ffffff';
      g.fill();
      g.strokeStyle = mark.color;
      g.lineWidth = 3.5;
      g.stroke();
      label(mark.label);
    }
  }
}

export async function exportSvg(ctx: ExportContext): Promise<void> {
  const { cy } = ctx;
  await ensureSvg();
  const text = (cy as unknown as { svg(o: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const drawing = doc.documentElement;
  if (drawing.nodeName !== 'svg') throw new Error('exportSvg: cytoscape-svg did not return an SVG document');
  const w = Number(drawing.getAttribute('width')) || 800;
  const hgt = Number(drawing.getAttribute('height')) || 600;
  const model = legendModel(ctx);
  const totalH = Math.max(hgt + 2 * MARGIN, legendHeight(model));
  const totalW = w + 2 * MARGIN + LEGEND_WIDTH;
  const root = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', version: '1.1', width: totalW, height: totalH, viewBox: `0 0 ${totalW} ${totalH}` });
  const titleEl = svg('title');
  titleEl.textContent = ctx.title;
  root.appendChild(titleEl);
  root.appendChild(svg('rect', { x: 0, y: 0, width: totalW, height: totalH, fill: '#ffffff' }));
  const inner = document.importNode(drawing, true) as unknown as SVGSVGElement;
  inner.setAttribute('x', String(MARGIN));
  inner.setAttribute('y', String(MARGIN));
  root.appendChild(inner);
  root.appendChild(legendSvg(model, w + 2 * MARGIN));
  const out = new XMLSerializer().serializeToString(root);
  download(new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${out}`], { type: 'image/svg+xml' }), `${fileStem(ctx.title)}.svg`);
}

function legendSvg(m: LegendModel, x0: number): SVGGElement {
  const g = svg('g', { transform: `translate(${x0},0)`, 'font-family': 'system-ui, DejaVu Sans, sans-serif', 'font-size': 12, fill: '#1f2328' });
  let y = 8;
  const text = (s: string, x: number, yy: number, attrs: Record<string, string | number> = {}) => {
    const t = svg('text', { x, y: yy, ...attrs });
    t.textContent = s;
    g.appendChild(t);
  };
  for (const line of titleLines(m.title)) {
    y += 20;
    text(line, 12, y, { 'font-size': 15, 'font-weight': 'bold' });
  }
  const section = (s: string) => {
    y += 28;
    text(s, 12, y, { 'font-weight': 'bold', fill: '#57606a' });
  };
  const place = (el: SVGSVGElement, x: number, yy: number) => {
    el.setAttribute('x', String(x));
    el.setAttribute('y', String(yy));
    g.appendChild(el);
  };
  section('Nodes');
  for (const c of m.categories) {
    y += ROW;
    place(categoryGlyph(c, 20), 20, y - 10);
    text(CATEGORIES[c].label, 70, y + 4);
  }
  section('Edges');
  for (const e of m.edges) {
    y += ROW;
    place(edgeGlyph(e, 50, 18), 10, y - 9);
    text(e.label, 70, y + 4);
  }
  if (m.marks.length) {
    section('Highlights');
    for (const mark of m.marks) {
      y += ROW;
      g.appendChild(svg('circle', { cx: 30, cy: y, r: 7, fill: '#ffffff', stroke: mark.color, 'stroke-width': 3.5 }));
      text(mark.label, 70, y + 4);
    }
  }
  return g;
}


function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
