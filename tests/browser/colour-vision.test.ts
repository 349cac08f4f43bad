/**
 * Sign must survive colour-vision deficiency: under Chromium's simulated deuteranopia and protanopia the
 * legend's "raises" and "lowers" glyphs and a drawn path's edges still differ in shape and in glyph, and
 * their colours stay apart; the stylesheet never encodes sign by colour alone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startApp, type App } from './harness.js';

/** RGBA pixels of a screenshot, decoded in a blank page (no CSP there). */
async function pixels(app: App, png: Buffer): Promise<{ width: number; height: number; data: number[] }> {
  const blank = await app.browser.newPage();
  try {
    return await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return { width: c.width, height: c.height, data: Array.from(g.getImageData(0, 0, c.width, c.height).data) };
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

/** Ink mask (not near-white) and mean ink colour of an image, from column `fromX` (a fraction of the width) on. */
function ink(p: { width: number; height: number; data: number[] }, fromX = 0) {
  const mask: boolean[] = [];
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    if ((i / 4) % p.width < fromX * p.width) continue;
    const on = p.data[i]! + p.data[i + 1]! + p.data[i + 2]! < 600;
    mask.push(on);
    if (on) {
      r += p.data[i]!;
      g += p.data[i + 1]!;
      b += p.data[i + 2]!;
      n++;
    }
  }
  return { mask, n, color: [r / n, g / n, b / n] as const };
}

async function glyph(app: App, page: Page, key: string, fromX = 0) {
  const el = page.locator(`#legend li[data-legend="${key}"] svg`);
  return ink(await pixels(app, await el.screenshot()), fromX);
}

describe.skipIf(!hasChromium)('colour-vision deficiency (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  for (const deficiency of ['deuteranopia', 'protanopia'] as const) {
    it(`under simulated ${deficiency}, + and − differ in shape and glyph, and their colours stay apart`, async () => {
      const { page } = await app.open('?from=B12&to=autophagy');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: deficiency });
      const plus = await glyph(app, page, 'positive');
      const minus = await glyph(app, page, 'negative');
      // Shape: the line ends (arrowhead, T-bar) cover different pixels (intersection over union well below 1).
      const [plusEnd, minusEnd] = [await glyph(app, page, 'positive', 0.7), await glyph(app, page, 'negative', 0.7)];
      let both = 0;
      let either = 0;
      plusEnd.mask.forEach((on, i) => {
        if (on && minusEnd.mask[i]) both++;
        if (on || minusEnd.mask[i]) either++;
      });
      expect(both / either).toBeLessThan(0.6);
      // Colour: still far apart after the simulation (Euclidean RGB distance of the mean ink).
      const dist = Math.hypot(...plus.color.map((c, i) => c - minus.color[i]!));
      expect(dist).toBeGreaterThan(80);
      // The legend text carries the glyph and the word, not colour alone.
      expect(await page.locator('#legend li[data-legend="positive"]').textContent()).toMatch(/^\+ raises/);
      expect(await page.locator('#legend li[data-legend="negative"]').textContent()).toMatch(/^− lowers/);
      // The drawn path: each edge's end shape and label glyph follow its sign.
      const edges = await page.evaluate(() =>
        window.__mechkg!.cy!.edges('.on-path').map((e) => ({ sign: e.data('sign'), arrow: e.style('target-arrow-shape'), label: e.data('pathLabel') as string })),
      );
      expect(edges.length).toBeGreaterThan(2);
      expect(new Set(edges.map((e) => e.sign))).toEqual(new Set(['+', '-']));
      for (const e of edges) {
        expect(e.arrow).toBe(e.sign === '+' ? 'triangle' : 'tee');
        expect(e.label.startsWith(e.sign === '+' ? '+ ' : '− ')).toBe(true);
      }
      await page.context().close();
    });
  }
});
