/**
 * Browser test harness: builds the explorer once per test file in fixtures mode (vite's build API, into
 * a temporary directory), serves it from 127.0.0.1 on a random port with node:http, and drives the
 * Chromium that global-setup.ts found (system, else the npm-bundled one) through playwright-core.
 * Requests to any other host are blocked, so the tests also prove the site works offline.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchTestChromium } from './test-chromium.js';

export { hasChromium } from './test-chromium.js';

const ROOT = resolve(import.meta.dirname, '../..');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** Builds web/ with `mode` into a fresh temporary directory and returns it. */
export async function buildSite(mode: 'fixtures' | 'production' = 'fixtures'): Promise<string> {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'mechkg-web-'));
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), mode, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** A static file server for dir on 127.0.0.1 (random port). */
export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface App {
  url: string;
  browser: Browser;
  /** A new page, offline except for the test server, that records errors and CSP violations. */
  open(query?: string): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

export async function startApp(): Promise<App> {
  const dir = await buildSite('fixtures');
  const server = await serve(dir);
  const browser = await launchTestChromium();
  return {
    url: server.url,
    browser,
    async open(query = '') {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const problems: string[] = [];
      await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { __csp: string[] }).__csp ??= [];
          (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await page.goto(server.url + query);
      await waitForRender(page);
      return { page, problems };
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the app has rendered at least `count` times (the first render by default). */
export async function waitForRender(page: Page, count = 1): Promise<void> {
  await page.waitForFunction((n) => {
    const r = document.documentElement.dataset.renders;
    return r === 'failed' || Number(r) >= n;
  }, count, { timeout: 20000 });
}

/** Waits for the next render after an action. */
export async function afterRender<T>(page: Page, action: () => Promise<T>): Promise<T> {
  const before = Number(await page.evaluate(() => document.documentElement.dataset.renders ?? '0'));
  const out = await action();
  await waitForRender(page, before + 1);
  return out;
}
