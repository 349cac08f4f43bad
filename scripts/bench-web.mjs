#!/usr/bin/env node
/**
 * Web explorer benchmark (figures go to docs/web.md; nothing is asserted):
 *  1. bundle size of the production build, gzipped: the code the first render loads, all code, and the
 *     graph data (the curated graph's snapshot) the page fetches at start;
 *  2. time from navigation to the first complete render (layout done, frame drawn) of the curated
 *     graph in headless Chromium, median of RUNS cold loads;
 *  3. a generated graph of 5,000 elements (2,000 nodes, 3,000 edges) drawn whole: placement time (module
 *     lanes, no layout pass),
 *     and frame times while panning and zooming.
 *   node scripts/bench-web.mjs [--runs N] [--json]
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium } from '../tests/browser/launch-chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
const JSON_OUT = args.includes('--json');
const log = (...a) => {
  if (!JSON_OUT) console.log(...a);
};

async function buildSite(mode) {
  const outDir = await mkdtemp(join(tmpdir(), `mechkg-bench-${mode}-`));
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), mode, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

async function serve(dir) {
  const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer(async (req, res) => {
    try {
      let f = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if ((await stat(f)).isDirectory()) f = join(f, 'index.html');
      res.writeHead(200, { 'content-type': MIME[extname(f)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(await readFile(f));
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

const kb = (n) => Math.round(n / 102.4) / 10;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function bundleSizes(dir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const initialNames = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)].map((m) => m[1]));
  const files = await readdir(join(dir, 'assets'));
  const rows = [];
  for (const f of files) {
    const body = await readFile(join(dir, 'assets', f));
    rows.push({ file: f, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, initial: initialNames.has(f) });
  }
  const htmlGz = gzipSync(Buffer.from(html), { level: 9 }).length;
  // The page also preloads the curated graph's snapshot (JSON data, not code): counted apart.
  const isData = (r) => r.file.endsWith('.json');
  const initial = rows.filter((r) => r.initial && !isData(r)).reduce((a, r) => a + r.gzip, htmlGz);
  const data = rows.filter((r) => r.initial && isData(r)).reduce((a, r) => a + r.gzip, 0);
  const total = rows.filter((r) => !isData(r)).reduce((a, r) => a + r.gzip, htmlGz);
  return { files: rows.sort((a, b) => b.gzip - a.gzip), initialGzip: initial, dataGzip: data, totalGzip: total };
}

async function firstRender(browser, url, query = '', timeout = 60000) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url + query);
  await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1, null, { timeout });
  const out = await page.evaluate(() => ({
    firstRenderMs: performance.getEntriesByName('mechkg:first-render')[0]?.startTime ?? NaN,
    // The page's marks (web/app/main.ts, web/render/renderer.ts), ms from navigation: where the time goes.
    marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('mechkg:')).map((m) => [m.name.slice(7), m.startTime])),
    layoutMs: window.__mechkg.lastLayoutMs(),
    layout: window.__mechkg.lastLayout(),
    nodes: window.__mechkg.visibleNodeIds().length,
    edges: window.__mechkg.visibleEdgeIds().length,
  }));
  return { page, context, ...out };
}

/**
 * Frame times while a user pans (mouse drag) and zooms (wheel) over the canvas: real input events, so
 * Cytoscape's gesture optimisations (a texture of the last frame, edges hidden) apply as they do for a user.
 * The page records the interval between animation frames while the gestures run.
 */
async function panZoomFrames(page, steps = 150) {
  const box = await page.locator('#cy').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    w.__framesOn = true;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      w.__frames.push(now - last);
      last = now;
      if (w.__framesOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(cx, cy);
  for (let i = 0; i < steps; i++) {
    if (i % 50 === 0) await page.mouse.down();
    const t = i / steps;
    await page.mouse.move(cx + 200 * Math.cos(t * 6), cy + 150 * Math.sin(t * 6));
    if (i % 50 === 49) await page.mouse.up();
    if (i % 10 === 5) await page.mouse.wheel(0, i % 20 < 10 ? -120 : 120);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    window.__framesOn = false;
    return window.__frames.slice(1);
  });
}

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim() + (execFileSync('git', ['status', '--porcelain', '--', 'web', 'src', 'graph'], { cwd: ROOT, encoding: 'utf8' }).trim() ? ' (with uncommitted changes)' : '');
  } catch {
    return 'unknown';
  }
})();
const loadAtStart = loadavg()[0];
const prod = await buildSite('production');
const fixtures = await buildSite('fixtures');
const sizes = await bundleSizes(prod);
log(`bundle (gzip -9): first render (JS, CSS, HTML) ${kb(sizes.initialGzip)} KiB = ${Math.round(sizes.initialGzip / 100) / 10} kB, all code ${kb(sizes.totalGzip)} KiB = ${Math.round(sizes.totalGzip / 100) / 10} kB; graph data fetched at start ${Math.round(sizes.dataGzip / 100) / 10} kB`);
for (const f of sizes.files) log(`  ${f.initial ? '*' : ' '} ${f.file.padEnd(34)} ${String(kb(f.raw)).padStart(8)} KB raw ${String(kb(f.gzip)).padStart(7)} KB gz`);

const browser = await launchChromium();
const prodServer = await serve(prod);
const fixServer = await serve(fixtures);
const result = { date: new Date().toISOString(), commit, loadAverage: { start: loadAtStart }, machine: `${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GB`, chromium: browser.version(), runs: RUNS, bundle: sizes };
try {
  const renders = [];
  const phases = [];
  let counts = null;
  for (let i = 0; i < RUNS + 1; i++) {
    const r = await firstRender(browser, prodServer.url);
    if (i > 0) {
      // the first load warms the OS file cache
      renders.push(r.firstRenderMs);
      phases.push(r.marks);
    }
    counts = { nodes: r.nodes, edges: r.edges, layoutMs: r.layoutMs, layout: r.layout };
    await r.context.close();
  }
  // Phases, from the marks: script start, graph loaded, Cytoscape and panels set up, elements added, fitted,
  // frame drawn (Cytoscape's render event), first complete render (the next animation frame after it).
  const names = ['start', 'graph-loaded', 'apply', 'elements', 'fitted', 'drawn', 'first-render'];
  const phaseMedians = Object.fromEntries(names.map((n) => [n, median(phases.map((p) => p[n] ?? NaN))]));
  result.curated = { ...counts, firstRenderMedianMs: median(renders), firstRenderMs: renders, phaseMediansMs: phaseMedians };
  log(`curated graph (${counts.nodes} nodes, ${counts.edges} edges): placement: ${counts.layout}, ${Math.round(counts.layoutMs)} ms`);
  log(`  phases, median ms from navigation: ${names.map((n) => `${n} ${Math.round(phaseMedians[n])}`).join(' · ')}`);
  log(`FIRST COMPLETE RENDER of the curated graph, median of ${RUNS} cold loads: ${Math.round(median(renders))} ms (min ${Math.round(Math.min(...renders))}, max ${Math.round(Math.max(...renders))}; goal < 1000 ms on a quiet machine; load average ${loadAtStart.toFixed(2)} at the start)`);

  const layouts = [];
  let frames = [];
  let big = null;
  for (let i = 0; i < 3; i++) {
    const r = await firstRender(browser, fixServer.url, '?data=synthetic-5000&limit=5000', 120000);
    layouts.push(r.layoutMs);
    big = r;
    if (i === 2) frames = await panZoomFrames(r.page);
    await r.context.close();
  }
  result.synthetic = {
    nodes: big.nodes,
    edges: big.edges,
    layoutMedianMs: median(layouts),
    layoutMs: layouts,
    firstRenderMs: big.firstRenderMs,
    frameMedianMs: median(frames),
    frameP95Ms: pct(frames, 95),
    frameMaxMs: Math.max(...frames),
  };
  log(`synthetic ${big.nodes} nodes + ${big.edges} edges: placement (${big.layout}) median ${Math.round(median(layouts))} ms (${layouts.map(Math.round).join(', ')}); first render ${Math.round(big.firstRenderMs)} ms`);
  log(`  pan/zoom: ${frames.length} frames, median ${median(frames).toFixed(1)} ms, p95 ${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms per frame`);
  result.loadAverage.end = loadavg()[0];
  log(`machine: ${result.machine}; Chromium ${result.chromium}; ${result.date}; commit ${commit}; load average ${loadAtStart.toFixed(2)} at the start, ${result.loadAverage.end.toFixed(2)} at the end`);
  if (JSON_OUT) console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await prodServer.close();
  await fixServer.close();
  await rm(prod, { recursive: true, force: true });
  await rm(fixtures, { recursive: true, force: true });
}
