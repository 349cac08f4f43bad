/**
 * Outlines of the Cytoscape node shapes used by CATEGORIES, as polygons in a unit box [-1, 1]², so the
 * HTML legend, the PNG legend (canvas) and the SVG legend draw the same glyph the graph shows.
 */

function ngon(sides: number, rotation = 0): number[] {
  const pts: number[] = [];
  const start = -Math.PI / 2 + rotation;
  for (let i = 0; i < sides; i++) {
    const a = start + (2 * Math.PI * i) / sides;
    pts.push(Math.cos(a), Math.sin(a));
  }
  return pts;
}

function star(): number[] {
  const pts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (Math.PI * i) / 5;
    const r = i % 2 === 0 ? 1 : 0.45;
    pts.push(r * Math.cos(a), r * Math.sin(a));
  }
  return pts;
}

function roundRect(r: number): number[] {
  const pts: number[] = [];
  const corners: [number, number, number][] = [
    [1 - r, -1 + r, -Math.PI / 2],
    [1 - r, 1 - r, 0],
    [-1 + r, 1 - r, Math.PI / 2],
    [-1 + r, -1 + r, Math.PI],
  ];
  for (const [cx, cy, a0] of corners) {
    for (let i = 0; i <= 4; i++) {
      const a = a0 + (Math.PI / 2) * (i / 4);
      pts.push(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
  }
  return pts;
}

const POLYGONS: Record<string, number[]> = {
  ellipse: ngon(32),
  rectangle: [-1, -1, 1, -1, 1, 1, -1, 1],
  'round-rectangle': roundRect(0.35),
  barrel: [-1, -0.75, -0.8, -1, 0.8, -1, 1, -0.75, 1, 0.75, 0.8, 1, -0.8, 1, -1, 0.75],
  hexagon: ngon(6, Math.PI / 6),
  octagon: ngon(8, Math.PI / 8),
  pentagon: ngon(5),
  diamond: [0, -1, 1, 0, 0, 1, -1, 0],
  'round-diamond': [0, -1, 0.15, -0.85, 1, 0, 0.15, 0.85, 0, 1, -0.15, 0.85, -1, 0, -0.15, -0.85],
  tag: [-1, -1, 0.5, -1, 1, 0, 0.5, 1, -1, 1],
  'round-tag': [-1, -0.85, -0.85, -1, 0.5, -1, 1, 0, 0.5, 1, -0.85, 1, -1, 0.85],
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  star: star(),
};

/** The unit polygon of a Cytoscape shape name (a square for a shape this table does not know). */
export function shapePolygon(shape: string): number[] {
  return POLYGONS[shape] ?? POLYGONS.rectangle!;
}

/** The polygon scaled to a box of half-size r centred on (cx, cy), as SVG `points`. */
export function svgPoints(shape: string, cx: number, cy: number, r: number): string {
  const p = shapePolygon(shape);
  const out: string[] = [];
  for (let i = 0; i < p.length; i += 2) out.push(`${(cx + p[i]! * r).toFixed(2)},${(cy + p[i + 1]! * r).toFixed(2)}`);
  return out.join(' ');
}

/** Traces the polygon on a canvas path. */
export function tracePolygon(ctx: CanvasRenderingContext2D, shape: string, cx: number, cy: number, r: number): void {
  const p = shapePolygon(shape);
  ctx.beginPath();
  ctx.moveTo(cx + p[0]! * r, cy + p[1]! * r);
  for (let i = 2; i < p.length; i += 2) ctx.lineTo(cx + p[i]! * r, cy + p[i + 1]! * r);
  ctx.closePath();
}
