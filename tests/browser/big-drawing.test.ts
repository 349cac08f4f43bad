/**
 * A big graph (5,000 elements) in module lanes: like every diagram, its boxes are plain nodes sized around their
 * members rather than compounds (Cytoscape restyles a compound's whole family on every change), every node
 * inside its box, boxes drawn under the edges and the edges under the nodes.
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
      // The order Cytoscape draws in (its own z-sort): the position of the last box, first edge, last edge, first node.
      const order = (cy.elements() as unknown as { sortByZIndex(): cytoscape.CollectionReturnValue }).sortByZIndex().map((e) => (e.isEdge() ? 'edge' : e.data('box') !== undefined ? 'box' : 'node'));
      return {
        parents: cy.nodes(':parent').length,
        boxes: boxes.length,
        members: members.length,
        edges: cy.edges().length,
        outside: outside.map((n) => n.id()).slice(0, 5),
        order: { lastBox: order.lastIndexOf('box'), firstEdge: order.indexOf('edge'), lastEdge: order.lastIndexOf('edge'), firstNode: order.indexOf('node') },
      };
    });
    expect(r.members).toBe(2000);
    expect(r.edges).toBe(3000);
    expect(r.parents).toBe(0);
    expect(r.boxes).toBeGreaterThan(0);
    expect(r.outside).toEqual([]);
    expect(r.order.lastBox).toBeLessThan(r.order.firstEdge);
    expect(r.order.lastEdge).toBeLessThan(r.order.firstNode);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
