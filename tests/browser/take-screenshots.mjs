#!/usr/bin/env node
/**
 * Screenshots of the explorer for docs/web.md and the README: builds the production site, serves it on
 * 127.0.0.1 and captures a few views in headless Chromium into docs/screenshots/.
 *   node tests/browser/take-screenshots.mjs [outDir] [--only name,name]
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from 'vite';
import { launchChromium } from './launch-chromium.mjs';
import { toPng8 } from './png8.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const ONLY = onlyAt >= 0 ? new Set(args.splice(onlyAt, 2)[1].split(',')) : null;
const OUT = resolve(args[0] ?? join(ROOT, 'docs/screenshots'));
const LAPTOP = { width: 1440, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };
const SHOTS = [
  {
    name: 'overview',
    query: '',
    viewport: LAPTOP,
    // Fold the query panels so the legend shows.
    before: async (page) => {
      await page.locator('#panel-paths > summary').click();
      await page.locator('#panel-perturb > summary').click();
    },
  },
  { name: 'overview-projector', query: '', viewport: PROJECTOR },
  { name: 'overview-phone', query: '', viewport: PHONE },
  { name: 'no-route', query: '?from=vitamin-b12&to=fasting-blood-glucose', viewport: LAPTOP },
  { name: 'focus', query: '?focus=homocysteine', viewport: LAPTOP },
  { name: 'path', query: '?from=B12&to=autophagy', viewport: LAPTOP },
  { name: 'step-through', query: '?from=B12&to=autophagy&step=3&presenter=1', viewport: PROJECTOR },
  { name: 'perturbation', query: '?perturb=B12&dir=down&depth=3', viewport: LAPTOP, before: async (page) => page.locator('#perturb-summary li[data-node="homocysteine"] details.why > summary').click() },
  { name: 'perturbation-projector', query: '?perturb=B12&dir=down&depth=3', viewport: PROJECTOR },
  { name: 'neighbourhood', query: '?focus=homocysteine&view=local&expand=homocysteine', viewport: LAPTOP },
  { name: 'lesson', query: '?lesson=metformin-b12-insulin-resistance&slide=3', viewport: PROJECTOR },
  { name: 'lesson-hypotheses', query: '?lesson=patient-panel-functional-b12-deficiency&slide=2', viewport: PROJECTOR },
  {
    name: 'overlay',
    query: '',
    viewport: LAPTOP,
    before: async (page) => {
      await page.locator('#panel-paths > summary').click();
      await page.locator('#panel-perturb > summary').click();
      await page.locator('#panel-observations > summary').click();
      await page.locator('#obs-text').fill('node,value\nhomocysteine,2.5\nmethylmalonic acid,3\nserum B12,1.2\nALT,1.5\nglutathione,-1.8\nautophagy,-2');
      await page.locator('#obs-show').click();
      await page.waitForTimeout(500);
    },
  },
  ...[
    ['hypotheses', LAPTOP],
    ['hypotheses-projector', PROJECTOR],
    ['hypotheses-phone', PHONE],
  ].map(([name, viewport]) => ({
    name,
    query: '',
    viewport,
    // The patient panel of issue 15, its ranked explanations, liver damage chosen: routes on the diagram.
    before: async (page) => {
      if (viewport !== PHONE) {
        await page.locator('#panel-paths > summary').click();
        await page.locator('#panel-perturb > summary').click();
      }
      await page.locator('#panel-observations > summary').click();
      await page.locator('#obs-text').fill('node,direction\nserum vitamin B12,high\nmethylmalonic acid,high\nhomocysteine,high\nALT,raised\nAST,raised');
      await page.locator('#obs-show').click();
      await page.locator('#panel-observations > summary').click();
      await page.locator('#hyp-list button[data-hypothesis="hepatocyte-injury:up"]').click();
      await page.waitForTimeout(700);
      if (viewport === PHONE) await page.locator('#hyp-chosen-title').scrollIntoViewIfNeeded();
    },
  })),
  { name: 'phone', query: '?focus=homocysteine', viewport: PHONE },
  { name: 'phone-step-through', query: '?from=B12&to=autophagy&step=2&presenter=1', viewport: PHONE },
];

/**
 * Waits until no render has completed for half a second, then a little more: Cytoscape first draws a zoomed
 * view from scaled textures and sharpens it shortly after, which a busy machine delays.
 */
async function settle(page) {
  let last = await page.evaluate(() => document.documentElement.dataset.renders);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(500);
    const now = await page.evaluate(() => document.documentElement.dataset.renders);
    if (now === last) break;
    last = now;
  }
  await page.waitForTimeout(700);
}

const dist = await mkdtemp(join(tmpdir(), 'mechkg-shots-'));
await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  try {
    let f = join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if ((await stat(f)).isDirectory()) f = join(f, 'index.html');
    res.writeHead(200, { 'content-type': MIME[extname(f)] ?? 'application/octet-stream' });
    res.end(await readFile(f));
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launchChromium();
await mkdir(OUT, { recursive: true });
try {
  for (const shot of SHOTS.filter((s) => !ONLY || ONLY.has(s.name))) {
    const page = await browser.newPage({ viewport: shot.viewport });
    await page.goto(url + shot.query);
    await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1, null, { timeout: 20000 });
    await settle(page);
    const file = join(OUT, `${shot.name}.png`);
    if (shot.before) {
      await shot.before(page);
      await settle(page);
    }
    // Keep the committed images small: a 256-colour palette PNG.
    await writeFile(file, toPng8(await page.screenshot()));
    console.log(`${file}: ${shot.query || '(overview)'} ${Math.round((await stat(file)).size / 1024)} KB`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  await rm(dist, { recursive: true, force: true });
}
