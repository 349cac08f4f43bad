/** Data text is never interpreted: a graph whose labels and statements carry markup and script. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterRender, hasChromium, startApp, type App } from './harness.js';

describe.skipIf(!hasChromium)('hostile labels (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('executes nothing and shows every text literally', async () => {
    const { page, problems } = await app.open('?data=hostile');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    expect(await page.evaluate(() => window.__mechkg!.graphNodeCount())).toBe(3);

    // Search shows the label as text.
    await page.locator('#search-input').fill('script');
    await expect.poll(() => page.locator('[role="option"]').first().textContent()).toContain("<script>window.__pwned='label'</script>");
    await afterRender(page, () => page.locator('#search-input').press('Enter'));

    // Node details: label, description, synonyms, abbreviations, identifier, all literal.
    const details = page.locator('#details');
    await expect.poll(() => details.locator('h2').textContent()).toBe("<script>window.__pwned='label'</script>");
    const text = await details.textContent();
    expect(text).toContain(`<img src=x onerror="window.__pwned='description'"> described & "quoted"`);
    expect(text).toContain("Tom & Jerry's");
    expect(text).toContain('<b>XSS</b>');
    expect(text).toContain('constructor:x'); // a data key, not Object.prototype.constructor
    expect(text).toContain('toString:y');

    // Edge details: statement, note, context and source fields literal; the javascript: URL is not a link.
    await afterRender(page, () => details.locator('button', { hasText: 'evidence (1)' }).first().click());
    await expect.poll(() => page.locator('#details .details').getAttribute('data-kind')).toBe('edge');
    const edgeText = await details.textContent();
    expect(edgeText).toContain(`<img src=x onerror="window.__pwned='statement'"> inhibits & "blocks"`);
    expect(edgeText).toContain(`<a href="javascript:window.__pwned='note'">click</a>`);
    expect(edgeText).toContain("<script>window.__pwned = 'source title'</script> & \"quoted\" 'title'");
    expect(edgeText).toContain("<script>window.__pwned='tissue'</script>");

    // The disputing evidence on the other edge.
    await page.goto(`${app.url}?data=hostile&sel=img-node--causes--quote-node`);
    await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1);
    expect(await details.textContent()).toContain("</li></ul><script>window.__pwned='disputes'</script>");

    // Nothing ran, no markup was created from data, no link points at javascript:.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img, script:not([src]), b, i, h1:not(.brand), svg[onload]').length)).toBe(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('a[href]')].filter((a) => !/^https?:|^#/.test(a.getAttribute('href')!)).length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the production build ignores ?data= and has no fixtures in it', async () => {
    const { buildSite } = await import('./harness.js');
    const { readdir, readFile, rm } = await import('node:fs/promises');
    const dir = await buildSite('production');
    try {
      const assets = await readdir(`${dir}/assets`);
      const all = (await Promise.all(assets.map((f) => readFile(`${dir}/assets/${f}`, 'utf8')))).join('\n');
      expect(all).not.toContain('__pwned');
      expect(all).not.toContain('Generated test graph');
      expect(all).toContain('vitamin-b12');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
