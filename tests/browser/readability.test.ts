/**
 * The labels a user must read are big enough on screen and do not run into each other: in the focus view
 * (the focused node and its neighbours) and the path view (the chosen path's nodes and steps), at laptop and
 * projector sizes the rendered size of every such label (font size x zoom) is at least 10 px, and on those
 * sizes and a phone no two drawn labels overlap. Measured on what Cytoscape draws (issue 14).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startApp, type App } from './harness.js';

const FLOOR_PX = 10;
const LAPTOP = { width: 1440, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

const VIEWS = [
  { name: 'focus', query: '?focus=homocysteine', mustRead: 'node.focus, node.neighbour' },
  { name: 'focus on a hub', query: '?focus=vitamin-b12-deficiency', mustRead: 'node.focus, node.neighbour' },
  { name: 'path', query: '?from=B12&to=autophagy', mustRead: '.on-path' },
  { name: 'path', query: '?from=B12&to=NAFLD', mustRead: '.on-path' },
] as const;

interface Report {
  zoom: number;
  /** Labels to read, with their rendered size in px. */
  sizes: { id: string; px: number }[];
  overlaps: string[];
}

describe.skipIf(!hasChromium)('readable labels (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  // Pairs of label boxes that overlap, as page code; 1 px of slack: touching boxes are not overlapping text.
  const OVERLAPS = `(boxes) => {
      const overlaps = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const p = boxes[i].b, q = boxes[j].b;
          if (p.x1 + 1 < q.x2 && q.x1 + 1 < p.x2 && p.y1 + 1 < q.y2 && q.y1 + 1 < p.y2) overlaps.push(boxes[i].id + ' / ' + boxes[j].id);
        }
      return overlaps;
    }`;

  const measure = (mustRead: string) =>
    `(() => {
      const cy = window.__mechkg.cy;
      const zoom = cy.zoom();
      const labelOf = (e) => ['label', 'source-label', 'target-label'].map((p) => e.pstyle(p).strValue).find((t) => t) ?? '';
      const drawn = cy.elements().filter((e) => e.visible() && labelOf(e) && e.pstyle('opacity').value * e.pstyle('text-opacity').value >= 0.5 && !e.data('box'));
      const sizes = cy.elements(${JSON.stringify(mustRead)}).filter((e) => e.visible() && labelOf(e)).map((e) => ({ id: e.id(), px: e.pstyle('font-size').pfValue * zoom }));
      const boxes = drawn.map((e) => ({ id: e.id(), b: e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) }));
      const overlaps = (${OVERLAPS})(boxes);
      return { zoom, sizes, overlaps };
    })()`;

  // On the zoomed-out diagram (a perturbation, the neighbourhood view) the names drawn are readable and apart:
  // Cytoscape leaves out labels under its minimum size, so "drawn" counts only labels at or above it.
  const drawnLabels = (subject: string) =>
    `(() => {
      const cy = window.__mechkg.cy;
      const zoom = cy.zoom();
      const drawn = cy.nodes().filter((n) => n.visible() && !n.data('box') && n.pstyle('label').strValue && n.pstyle('opacity').value * n.pstyle('text-opacity').value >= 0.5 && n.pstyle('font-size').pfValue * zoom >= n.pstyle('min-zoomed-font-size').pfValue);
      const boxes = drawn.map((e) => ({ id: e.id(), b: e.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) }));
      const overlaps = (${OVERLAPS})(boxes);
      const marked = cy.nodes('.up, .down, .mixed, .perturbed');
      return {
        drawn: drawn.map((n) => ({ id: n.id(), px: n.pstyle('font-size').pfValue * zoom })),
        overlaps,
        subjectDrawn: drawn.some((n) => n.id() === ${JSON.stringify(subject)}),
        rings: marked.map((n) => ({ id: n.id(), ring: n.pstyle('border-width').pfValue * zoom, body: n.width() * zoom })),
      };
    })()`;
  for (const view of [
    { name: 'perturbation', query: '?perturb=B12&dir=down&depth=3', subject: 'vitamin-b12' },
    { name: 'neighbourhood', query: '?focus=homocysteine&view=local&expand=homocysteine', subject: 'homocysteine' },
  ]) {
    for (const [size, viewport] of [['laptop', LAPTOP], ['projector', PROJECTOR]] as const) {
      it(`${view.name} on the diagram at ${size} size: names drawn at least ${FLOOR_PX} px, none overlapping${view.name === 'perturbation' ? ', rings visible' : ''}`, async () => {
        const { page } = await app.open(view.query);
        await page.setViewportSize(viewport);
        await page.reload();
        await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1);
        const report = (await page.evaluate(drawnLabels(view.subject))) as { drawn: { id: string; px: number }[]; overlaps: string[]; subjectDrawn: boolean; rings: { id: string; ring: number; body: number }[] };
        expect(report.subjectDrawn).toBe(true);
        expect(report.drawn.length).toBeGreaterThan(8);
        expect(report.drawn.filter((d) => d.px < FLOOR_PX)).toEqual([]);
        expect(report.overlaps).toEqual([]);
        if (view.name === 'perturbation') {
          expect(report.rings.length).toBeGreaterThan(20);
          expect(report.rings.filter((r) => r.ring < 3 || r.body < 14)).toEqual([]);
        }
        await page.context().close();
      });
    }
  }

  // The overview (issue 14: names too small to read on a projector): every label drawn, node name or box title, is
  // at least 12 px on screen and meets no other; every compartment with room for a few letters is named at desktop sizes, and modules where they fit.
  const overview = `(() => {
    const cy = window.__mechkg.cy;
    const zoom = cy.zoom();
    const drawn = cy.nodes().filter((n) => n.visible() && n.pstyle('label').strValue && n.pstyle('font-size').pfValue * zoom >= n.pstyle('min-zoomed-font-size').pfValue);
    const boxes = drawn.map((e) => ({ id: e.id(), b: e.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) }));
    const overlaps = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const p = boxes[i].b, q = boxes[j].b;
        if (p.x1 + 1 < q.x2 && q.x1 + 1 < p.x2 && p.y1 + 1 < q.y2 && q.y1 + 1 < p.y2) overlaps.push(boxes[i].id + ' / ' + boxes[j].id);
      }
    const hubs = cy.nodes('[degree]').sort((a, b) => b.data('degree') - a.data('degree') || (a.id() < b.id() ? -1 : 1)).slice(0, 10).map((n) => n.id());
    return {
      names: drawn.filter((n) => !n.data('box')).map((n) => ({ id: n.id(), px: n.pstyle('font-size').pfValue * zoom })),
      titles: drawn.filter((n) => n.data('box')).map((n) => ({ id: n.id(), px: n.pstyle('font-size').pfValue * zoom, inner: Boolean(n.data('inner')) })),
      // A compartment too narrow on screen for a few letters of its title may go unnamed at this zoom.
      compartments: cy.nodes('[box][!inner]').filter((n) => n.data('w') * zoom >= 60).map((n) => n.id()),
      hubsNamed: hubs.filter((id) => drawn.some((n) => n.id() === id)).length,
      overlaps,
    };
  })()`;
  for (const [size, viewport] of [['laptop', LAPTOP], ['projector', PROJECTOR], ['phone', PHONE]] as const) {
    it(`overview at ${size} size: names and box titles drawn at least 12 px, none overlapping${size === 'phone' ? '' : ', compartments named'}`, async () => {
      const { page } = await app.open();
      await page.setViewportSize(viewport);
      await page.reload();
      await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1);
      const report = (await page.evaluate(overview)) as { names: { id: string; px: number }[]; titles: { id: string; px: number; inner: boolean }[]; compartments: string[]; hubsNamed: number; overlaps: string[] };
      expect(report.names.length).toBeGreaterThan(size === 'phone' ? 5 : 30);
      expect([...report.names, ...report.titles].filter((d) => d.px < 12)).toEqual([]);
      expect(report.overlaps).toEqual([]);
      if (size !== 'phone') {
        // Hubs go first, but a hub in a crowded spot has no room for its name at this zoom (it shows on zooming in).
        expect(report.hubsNamed).toBeGreaterThanOrEqual(3);
        expect(report.compartments.length).toBeGreaterThan(3);
        const titled = new Set(report.titles.map((t) => t.id));
        expect(report.compartments.filter((id) => !titled.has(id))).toEqual([]);
        // Module titles need room above their boxes: on a projector there is some for several.
        if (size === 'projector') expect(report.titles.filter((t) => t.inner).length).toBeGreaterThan(5);
      }
      await page.context().close();
    });
  }

  // Zoomed in and panned, the names stay readable and apart (the overview places them over the whole diagram once
  // per zoom, so a pan shows names already placed).
  it('overview zoomed in and panned: names drawn at least 12 px, none overlapping', async () => {
    const { page } = await app.open();
    await page.setViewportSize(PROJECTOR);
    await page.reload();
    await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1);
    const box = (await page.locator('#cy').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(600);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 400, box.y + box.height / 2 - 200, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(600);
    const report = (await page.evaluate(`(() => {
      const r = ${overview};
      const cy = window.__mechkg.cy;
      const inView = r.names.filter((n) => { const p = cy.getElementById(n.id).renderedPosition(); return p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height(); });
      return { ...r, inView: inView.length, zoom: cy.zoom() };
    })()`)) as { names: { id: string; px: number }[]; titles: { id: string; px: number }[]; overlaps: string[]; inView: number };
    expect(report.inView).toBeGreaterThan(10);
    expect([...report.names, ...report.titles].filter((d) => d.px < 12)).toEqual([]);
    expect(report.overlaps).toEqual([]);
    await page.context().close();
  });

  for (const view of VIEWS) {
    for (const [size, viewport] of [['laptop', LAPTOP], ['projector', PROJECTOR], ['phone', PHONE]] as const) {
      it(`${view.name} ${view.query} at ${size} size: ${size === 'phone' ? 'no label overlaps another' : `labels at least ${FLOOR_PX} px, none overlapping`}`, async () => {
        const { page } = await app.open(view.query);
        await page.setViewportSize(viewport);
        // The layout follows the window: reload at this size.
        await page.reload();
        await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1);
        const report = (await page.evaluate(measure(view.mustRead))) as Report;
        expect(report.sizes.length).toBeGreaterThan(view.name.startsWith('focus') ? 3 : 2);
        expect(report.overlaps).toEqual([]);
        if (size !== 'phone') expect(report.sizes.filter((s) => s.px < FLOOR_PX)).toEqual([]);
        await page.context().close();
      });
    }
  }
});
