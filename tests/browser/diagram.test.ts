/** The overview is the precomputed pathway diagram: the same picture on every load and after any query. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeDiagram, type PositionsFile } from '../../src/index.js';
import { loadGraph } from '../../src/node.js';
import { afterRender, hasChromium, startApp, waitForRender, type App } from './harness.js';

describe.skipIf(!hasChromium)('pathway diagram (Chromium)', () => {
  let app: App;
  const graph = loadGraph();
  const positions = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../graph/layout/positions.json'), 'utf8')) as PositionsFile;
  const expected = placeDiagram(graph, graph.getAttribute('layout')!, positions);
  const sample = ['vitamin-b12', 'homocysteine', 'syntaxin-17', 'methylmalonic-acid', 'nafld', 'metformin'];

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws every node where the positions file puts it, inside its compartment, with no layout run', async () => {
    const { page, problems } = await app.open();
    expect(await page.evaluate(() => window.__mechkg!.lastLayout())).toBe('diagram');
    for (const id of graph.nodes()) {
      const p = await page.evaluate((n) => window.__mechkg!.positionOf(n), id);
      expect(p, id).toEqual({ x: expected.nodes.get(id)!.x, y: expected.nodes.get(id)!.y });
    }
    const boxes = await page.evaluate(() => window.__mechkg!.boxIds());
    for (const c of ['gut-lumen', 'enterocyte', 'blood', 'hepatocyte', 'mitochondrion', 'adipose', 'pancreas']) expect(boxes).toContain(`box:${c}`);
    // A node lies inside its compartment's box.
    const inside = await page.evaluate(() => {
      const cy = window.__mechkg!.cy!;
      const n = cy.getElementById('syntaxin-17');
      const bb = cy.getElementById('box:hepatocyte').boundingBox({});
      const p = n.position();
      return p.x > bb.x1 && p.x < bb.x2 && p.y > bb.y1 && p.y < bb.y2;
    });
    expect(inside).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('draws each node inside its module box and each module box inside its compartment, boxes under edges under nodes', async () => {
    const { page } = await app.open();
    const r = await page.evaluate(() => {
      const cy = window.__mechkg!.cy!;
      const within = (inner: cytoscape.BoundingBox12, outer: cytoscape.BoundingBox12) => inner.x1 >= outer.x1 && inner.x2 <= outer.x2 && inner.y1 >= outer.y1 && inner.y2 <= outer.y2;
      const body = (e: cytoscape.SingularElementArgument) => e.boundingBox({ includeLabels: false, includeOverlays: false });
      const outsideModule = cy.nodes('[diagramBox]').filter((n) => !within(body(n), body(cy.getElementById(n.data('diagramBox'))))).map((n) => n.id());
      const outsideCompartment = cy.nodes('[box = "module"], [box = "new"]').filter((b) => !within(body(b), body(cy.getElementById(`box:${String(b.id()).slice(4).split('/')[0]}`)))).map((b) => b.id());
      const order = (cy.elements() as unknown as { sortByZIndex(): cytoscape.CollectionReturnValue }).sortByZIndex().map((e) => (e.isEdge() ? 'edge' : e.data('box') !== undefined ? 'box' : 'node'));
      return { members: cy.nodes('[diagramBox]').length, parents: cy.nodes(':parent').length, outsideModule, outsideCompartment, lastBox: order.lastIndexOf('box'), firstEdge: order.indexOf('edge'), lastEdge: order.lastIndexOf('edge'), firstNode: order.indexOf('node') };
    });
    expect(r.members).toBe(graph.order);
    expect(r.parents).toBe(0);
    expect(r.outsideModule).toEqual([]);
    expect(r.outsideCompartment).toEqual([]);
    expect(r.lastBox).toBeLessThan(r.firstEdge);
    expect(r.lastEdge).toBeLessThan(r.firstNode);
    await page.context().close();
  });

  it('is the same picture after a reload and after a path query and back', async () => {
    const { page } = await app.open();
    const read = () => page.evaluate((ids) => ids.map((id) => window.__mechkg!.positionOf(id)), sample);
    const first = await read();
    await page.reload();
    await waitForRender(page);
    expect(await read()).toEqual(first);
    await page.locator('#path-from').fill('B12');
    await page.locator('#path-to').fill('autophagy');
    await afterRender(page, () => page.locator('#path-run').click());
    expect(await page.evaluate(() => window.__mechkg!.lastLayout())).toBe('dagre');
    await afterRender(page, () => page.locator('#btn-overview').click());
    expect(await read()).toEqual(first);
    await page.context().close();
  });

  it('collapses a module into one box per compartment with summary edges, and opens it again', async () => {
    const { page } = await app.open();
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    await page.locator('#panel-modules > summary').click();
    const button = page.locator('#modules button[data-module="methionine-cycle"]');
    await afterRender(page, () => button.click());
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('collapse')).toBe('methionine-cycle');
    const members = graph.filterNodes((_id, a) => a.modules[0] === 'methionine-cycle');
    const visible = new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()));
    expect(members.filter((id) => visible.has(id))).toEqual([]);
    const box = await page.evaluate(() => {
      const n = window.__mechkg!.cy!.getElementById('box:hepatocyte/methionine-cycle');
      // The box's width is data computed from its title: the same as Cytoscape's deprecated width: label gave.
      const width = n.width();
      n.style('width', 'label');
      const byLabel = n.width();
      n.removeStyle('width');
      return { box: n.data('box'), label: n.data('label'), edges: n.connectedEdges().length, width, byLabel };
    });
    expect(box.box).toBe('collapsed');
    expect(box.width).toBe(box.byLabel);
    // Cytoscape warns on deprecated or invalid style; the stylesheet uses none (only the comparison above did).
    expect(warnings.filter((w) => !w.includes('deprecated for `width`'))).toEqual([]);
    expect(warnings.filter((w) => w.includes('deprecated for `width`'))).toHaveLength(1);
    expect(box.label).toMatch(/\(\d+\)$/);
    expect(box.edges).toBeGreaterThan(0);
    await afterRender(page, () => button.click());
    expect(new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()))).toEqual(new Set(graph.nodes()));
    await page.context().close();
  });
});
