/**
 * The path view draws honestly: no edge of the drawing runs through a node that is not one of its ends (issue 14,
 * item 4). Checked on the drawn geometry Cytoscape reports (endpoints, segment and bezier control points), for
 * several real queries, at a laptop and a phone size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterRender, hasChromium, startApp, type App } from './harness.js';

const QUERIES: [string, string][] = [
  ['B12', 'NAFLD'],
  ['B12', 'autophagy'],
  ['metformin', 'insulin resistance'],
  ['methylmalonyl-CoA', 'lipogenesis'],
];

describe.skipIf(!hasChromium)('path drawing (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    it(`no edge crosses a node it does not join (${viewport.width}x${viewport.height})`, async () => {
      const { page } = await app.open();
      await page.setViewportSize(viewport);
      for (const [from, to] of QUERIES) {
        await page.locator('#path-from').fill(from);
        await page.locator('#path-to').fill(to);
        await afterRender(page, () => page.locator('#path-run').click());
        const report = await page.evaluate(() => {
          const cy = window.__mechkg!.cy!;
          type P = { x: number; y: number };
          const crosses = (a: P, b: P, r: { x1: number; y1: number; x2: number; y2: number }) => {
            // Liang-Barsky clip of segment a-b against the rectangle
            let t0 = 0;
            let t1 = 1;
            const dx = b.x - a.x;
            const dy = b.y - a.y;
            for (const [p, q] of [[-dx, a.x - r.x1], [dx, r.x2 - a.x], [-dy, a.y - r.y1], [dy, r.y2 - a.y]] as const) {
              if (p === 0) {
                if (q < 0) return false;
              } else {
                const t = q / p;
                if (p < 0) t0 = Math.max(t0, t);
                else t1 = Math.min(t1, t);
                if (t0 > t1) return false;
              }
            }
            return true;
          };
          const polyline = (e: cytoscape.EdgeSingular): P[] => {
            const s = e.sourceEndpoint();
            const t = e.targetEndpoint();
            const style = e.style('curve-style');
            if (style === 'segments') return [s, ...(e.segmentPoints() ?? []), t];
            const c = e.controlPoints();
            if (!c || c.length === 0) return [s, t];
            // sample the quadratic bezier(s) Cytoscape draws through the control points
            const pts: P[] = [s];
            let from = s;
            c.forEach((cp, i) => {
              const end = i === c.length - 1 ? t : { x: (cp.x + c[i + 1]!.x) / 2, y: (cp.y + c[i + 1]!.y) / 2 };
              for (let k = 1; k <= 8; k++) {
                const u = k / 8;
                pts.push({ x: (1 - u) ** 2 * from.x + 2 * (1 - u) * u * cp.x + u ** 2 * end.x, y: (1 - u) ** 2 * from.y + 2 * (1 - u) * u * cp.y + u ** 2 * end.y });
              }
              from = end;
            });
            return pts;
          };
          const nodes = cy.nodes(':visible').filter((n) => !n.isParent() && !String(n.id()).startsWith('box:'));
          const bad: string[] = [];
          cy.edges(':visible').forEach((e) => {
            const line = polyline(e);
            nodes.forEach((n) => {
              if (n.same(e.source()) || n.same(e.target())) return;
              const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
              const r = { x1: bb.x1 + 2, y1: bb.y1 + 2, x2: bb.x2 - 2, y2: bb.y2 - 2 };
              for (let i = 1; i < line.length; i++) {
                if (crosses(line[i - 1]!, line[i]!, r)) {
                  bad.push(`${e.id()} crosses ${n.id()}`);
                  return;
                }
              }
            });
          });
          return { edges: cy.edges(':visible').length, nodes: nodes.length, bad };
        });
        expect(report.edges, `${from} -> ${to} draws edges`).toBeGreaterThan(0);
        expect(report.bad, `${from} -> ${to}`).toEqual([]);
      }
      await page.context().close();
    });
  }
});
