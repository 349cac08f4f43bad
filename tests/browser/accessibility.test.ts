/**
 * Accessibility in real Chromium: axe-core finds no serious or critical violation on the main views;
 * focus moves to what an action opened and back; the phone layout draws a usable canvas, presenter
 * step-through included.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterRender, hasChromium, startApp, type App } from './harness.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations, as "rule: target" lines. */
async function axe(page: Page): Promise<string[]> {
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ passes: unknown[]; violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {});
    return { passes: r.passes.length, serious: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)) };
  });
  // axe ran its rules (colour contrast, names, headings, scrollable regions ...), not nothing.
  expect(result.passes).toBeGreaterThan(10);
  return result.serious;
}

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.closest('#details') ? ' in details' : ''}${el.closest('#teach') ? ' in teach' : ''}${el.closest('#path-results') ? ' in results' : ''}` : 'none';
});

describe.skipIf(!hasChromium)('accessibility (Chromium, axe-core)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const [view, query] of [
    ['overview', ''],
    ['path', '?from=B12&to=autophagy'],
    ['step-through', '?from=B12&to=autophagy&step=2&presenter=1'],
    ['perturbation', '?perturb=B12&dir=down'],
    ['details', '?focus=homocysteine'],
    ['edge details', '?from=B12&to=autophagy&sel=homocysteine--inhibits--syntaxin-17'],
  ] as const) {
    it(`${view}: no serious or critical axe violation`, async () => {
      const { page } = await app.open(query);
      expect(await axe(page)).toEqual([]);
      await page.context().close();
    });
  }

  for (const [size, viewport] of [
    ['laptop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`hypotheses for the observation overlay, one chosen (${size}): no serious or critical axe violation, nothing scrolls sideways`, async () => {
      const { page } = await app.open();
      await page.setViewportSize(viewport);
      await page.locator('#panel-observations > summary').click();
      await page.locator('#obs-text').fill('node,direction\nserum vitamin B12,high\nmethylmalonic acid,high\nhomocysteine,high\nALT,raised\nAST,raised');
      await afterRender(page, () => page.locator('#obs-show').click());
      // one that acts through liver damage: its row marker and the chosen one's note are checked too
      await afterRender(page, () => page.locator('#hyp-list button[data-hypothesis="alcohol:up"]').click());
      await expect.poll(() => focused(page)).toBe('h3#hyp-chosen-title');
      expect(await page.locator('.hyp-through-detail').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(await axe(page)).toEqual([]);
      await page.context().close();
    }, 60_000);
  }

  it('focus follows actions: path results, step-through, a details link, and back', async () => {
    const { page } = await app.open();
    await page.locator('#path-from').fill('B12');
    await page.locator('#path-to').fill('autophagy');
    await afterRender(page, () => page.locator('#path-run').click());
    await expect.poll(() => focused(page)).toMatch(/in results/);
    await afterRender(page, () => page.locator('#step-start').click());
    await expect.poll(() => focused(page)).toMatch(/in teach/);
    await afterRender(page, () => page.keyboard.press('Escape'));
    await expect.poll(() => focused(page)).toBe('button#step-start in results');
    // A node link in the details panel moves focus to the new details heading.
    await afterRender(page, () => page.locator('#details .hops button.link').first().click());
    await expect.poll(() => focused(page)).toMatch(/^h2 in details/);
  });

  it('the details panel is a few Tab stops away through the skip links, and every control shows a focus ring', async () => {
    const { page } = await app.open('?focus=homocysteine');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to search');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to details');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/in details|aside#details/);
    // A focused button draws an outline.
    await page.locator('#btn-overview').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.context().close();
  });

  for (const [view, query] of [
    ['overview', ''],
    ['presenter step-through', '?from=B12&to=autophagy&step=2&presenter=1'],
  ] as const) {
    it(`phone (390x844) ${view}: the drawing has room and nothing scrolls sideways`, async () => {
      const { page } = await app.open(query);
      await page.setViewportSize({ width: 390, height: 844 });
      // The drawing is fitted to the window it opens in: reload at this size.
      await page.reload();
      await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1);
      const box = (await page.locator('#cy').boundingBox())!;
      expect(box.height).toBeGreaterThan(250);
      expect(box.width).toBeGreaterThan(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (query.includes('step')) {
        // One screen: the page does not scroll, the strip sits under the drawing, not over it, and its buttons are on screen.
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(844);
        const strip = (await page.locator('#teach').boundingBox())!;
        expect(strip.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
        for (const id of ['#teach-prev', '#teach-next', '#teach-close']) {
          const b = (await page.locator(id).boundingBox())!;
          expect(b.y + b.height).toBeLessThanOrEqual(844);
        }
        // The drawing shows the hop in hand: its nodes and edge stand inside the canvas.
        const hopInView = () =>
          page.evaluate(() => {
            const cy = window.__mechkg!.cy!;
            return cy.elements('.hop-current').map((e) => {
              const b = e.renderedBoundingBox({ includeLabels: false });
              return b.x1 >= -1 && b.y1 >= -1 && b.x2 <= cy.width() + 1 && b.y2 <= cy.height() + 1;
            });
          });
        const hop = await hopInView();
        expect(hop.length).toBeGreaterThanOrEqual(2);
        expect(hop.every(Boolean)).toBe(true);
        // Next moves to the next hop, and it is drawn in view too.
        await page.locator('#teach-next').click();
        await expect.poll(() => page.locator('#teach-count').textContent()).toBe('Step 3 of 4');
        await expect.poll(async () => (await hopInView()).every(Boolean)).toBe(true);
      }
      expect(await axe(page)).toEqual([]);
      await page.context().close();
    });
  }
});
