/**
 * A big graph (5,000 elements) draws its module boxes as plain nodes sized around their members rather than as
 * compounds (Cytoscape restyles a compound's whole family on every change): still the same picture, every node
 * inside its box, boxes under the edges and the edges under the nodes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startApp, type App } from './harness.js';

describe.skipIf(!hasChromium)('a 5,000-element drawing (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws every node inside its box, without compounds, boxes under edges under nodes', async () => {
    const { page, problems } = await app.open('?data=synthetic-5000&limit=5000');
    const r = await page.evaluate(() => {
      const cy = window.__mechkg!.cy!;
      const boxes = cy.nodes('[box]');
      const members = cy.nodes().filter((n) => n.data('box') === undefined);
      const outside = members.filter((n) => {
        const p = n.position();
        return !boxes.some((b) => {
          const bb = b.boundingBox({ includeLabels: false });
          return b.data('box') !== 'lane' && p.x > bb.x1 && p.x < bb.x2 && p.y > bb.y1 && p.y < bb.y2;
        });
      });
      const z = (e: cytoscape.SingularElementArgument) => Number(e.style('z-index'));
      return {
        parents: cy.nodes(':parent').length,
        boxes: boxes.length,
        members: members.length,
        edges: cy.edges().length,
        outside: outside.map((n) => n.id()).slice(0, 5),
        order: { box: Math.max(...boxes.map(z)), edge: Math.min(...cy.edges().map(z)), node: Math.min(...members.map(z)) },
        compare: [boxes[0]!.style('z-index-compare'), cy.edges()[0]!.style('z-index-compare')],
      };
    });
    expect(r.members).toBe(2000);
    expect(r.edges).toBe(3000);
    expect(r.parents).toBe(0);
    expect(r.boxes).toBeGreaterThan(0);
    expect(r.outside).toEqual([]);
    expect(r.compare).toEqual(['manual', 'manual']);
    expect(r.order.box).toBeLessThan(r.order.edge);
    expect(r.order.edge).toBeLessThan(r.order.node);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
