/**
 * The HTML export in real Chromium, offline: the hostile-label page shows every text as text and runs no
 * injected script; the B12 -> autophagy page written by the CLI shows the path and steps through its
 * evidence. Skipped when the machine has no Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph, htmlPageData, selectPaths } from '../../src/export/index.js';
import { loadGraph } from '../../src/node.js';
import { nodeExportEnv } from '../../src/node/export-env.js';
import { hasChromium, launchChromium } from './chromium.js';
import { HOSTILE, hostileGraph } from './graph-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'mechkg-html-'));

/** Opens a file offline: any request that is not the file itself is recorded and aborted. */
async function open(browser: Browser, file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const url = pathToFileURL(file).href;
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, requests, errors };
}

describe.skipIf(!hasChromium)('html export in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows hostile labels as text, runs no injected script and loads nothing from the network', async () => {
    const file = join(dir, 'hostile.html');
    const html = String(await exportGraph(hostileGraph(), 'html', {}, nodeExportEnv));
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+';/);
    writeFileSync(file, html);
    const { page, requests, errors } = await open(browser, file);
    const got = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      title: document.getElementById('title')!.textContent,
      evidence: document.getElementById('all-evidence')!.textContent,
      references: document.getElementById('references')!.textContent,
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      canvases: document.querySelectorAll('#cy canvas').length,
    }));
    expect(got.pwned).toBeUndefined();
    expect(got.title).toBe(HOSTILE);
    expect(got.evidence).toContain(HOSTILE);
    expect(got.references).toContain(HOSTILE);
    expect(got.scripts).toBe(3);
    expect(got.images).toBe(0);
    expect(got.canvases).toBeGreaterThan(0);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('`mechkg export --paths B12 autophagy --format html --out b12.html` shows the path and steps through its evidence', async () => {
    const file = join(dir, 'b12.html');
    const r = spawnSync(process.execPath, ['bin/mechkg.js', 'export', '--paths', 'B12', 'autophagy', '--format', 'html', '--out', file], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/wrote .*b12\.html/);
    expect(r.status).toBe(0);
    const graph = loadGraph();
    const selection = selectPaths(graph, 'B12', 'autophagy');
    const data = htmlPageData(selection.graph, { paths: selection.paths });
    const first = data.paths[0]!;
    const firstEdge = data.edges.find((e) => e.id === first.edges[0])!;

    const { page, requests, errors } = await open(browser, file);
    expect(await page.textContent('#paths .path-nodes')).toBe(first.nodes.map((id) => data.nodes.find((n) => n.id === id)!.label).join(' → '));
    expect(await page.textContent('#step-count')).toBe(`${first.edges.length} steps`);
    await page.click('#step-next');
    expect(await page.textContent('#step-count')).toBe(`Step 1 of ${first.edges.length}`);
    const step = await page.textContent('#paths .edge-block');
    expect(step).toContain(firstEdge.sentence);
    expect(step).toContain(firstEdge.evidence[0]!.statement);
    for (let i = 1; i < first.edges.length; i++) await page.click('#step-next');
    expect(await page.textContent('#step-count')).toBe(`Step ${first.edges.length} of ${first.edges.length}`);
    const all = await page.textContent('#all-evidence');
    for (const e of data.edges) for (const ev of e.evidence) expect(all).toContain(ev.statement);
    await page.screenshot({ path: join(dir, 'b12.png') });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
