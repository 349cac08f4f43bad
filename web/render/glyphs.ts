/** Legend glyphs as SVG elements (HTML legend, details panel, SVG export), drawn from the same data as the stylesheet. */
import { CATEGORIES, ownValue } from '../../src/index.js';
import { svg } from '../ui/dom.js';
import { svgPoints } from './shapes.js';
import { COLORS, type EdgeLegendEntry } from './style.js';

export function categoryGlyph(category: string, size = 18): SVGSVGElement {
  const c = ownValue(CATEGORIES, category);
  const r = size / 2 - 1.5;
  return svg(
    'svg',
    { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true' },
    svg('polygon', { points: svgPoints(c?.shape ?? 'rectangle', size / 2, size / 2, r), fill: c?.color ?? '#999', stroke: '#30363d', 'stroke-width': 1 }),
  );
}

export function edgeGlyph(e: EdgeLegendEntry, width = 46, height = 18): SVGSVGElement {
  const y = height / 2;
  const end = width - 4;
  const lineEnd = e.arrow === 'triangle' ? end - 8 : e.arrow === 'circle' ? end - 6 : end;
  const children: SVGElement[] = [
    svg('line', {
      x1: 2,
      y1: y,
      x2: lineEnd,
      y2: y,
      stroke: e.color,
      'stroke-width': e.width,
      'stroke-opacity': e.opacity,
      ...(e.dash ? { 'stroke-dasharray': e.dash.join(' ') } : {}),
    }),
  ];
  if (e.arrow === 'triangle') children.push(svg('polygon', { points: `${end - 9},${y - 5} ${end},${y} ${end - 9},${y + 5}`, fill: e.color }));
  else if (e.arrow === 'tee') children.push(svg('line', { x1: end, y1: y - 6, x2: end, y2: y + 6, stroke: e.color, 'stroke-width': 3 }));
  else children.push(svg('circle', { cx: end - 3, cy: y, r: 3.5, fill: e.color }));
  if (e.startSquare) children.push(svg('rect', { x: 1, y: y - 4, width: 8, height: 8, fill: '#ffffff', stroke: '#1f2328', 'stroke-width': 1.5 }));
  if (e.midDiamond) children.push(svg('polygon', { points: `${width / 2 - 6},${y} ${width / 2},${y - 5} ${width / 2 + 6},${y} ${width / 2},${y + 5}`, fill: '#ffffff', stroke: COLORS.contested, 'stroke-width': 1.5 }));
  return svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' }, ...children);
}

export function markGlyph(color: string, symbol: string): SVGSVGElement {
  const children: SVGElement[] = [svg('circle', { cx: 9, cy: 9, r: 6.5, fill: '#ffffff', stroke: color, 'stroke-width': 3.5 })];
  if (symbol) {
    const t = svg('text', { x: 9, y: 12.5, 'text-anchor': 'middle', 'font-size': 9, fill: color });
    t.textContent = symbol;
    children.push(t);
  }
  return svg('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true' }, ...children);
}

