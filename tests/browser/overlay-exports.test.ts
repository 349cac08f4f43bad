/** The observation overlay, the view export networkx reads, and what empty views and local files say. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/node.js';
import { afterRender, hasChromium, startApp, type App } from './harness.js';

function hasNetworkx(): boolean {
  try {
    execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasChromium)('overlay, view export and messages (Chromium)', () => {
  let app: App;
  const graph = loadGraph();
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('colours observed nodes on the diverging scale, lists every row and its problems, and says the table is not in the link', async () => {
    const { page, problems } = await app.open();
    await page.locator('#panel-observations > summary').click();
    await page.locator('#obs-text').fill('node,value\nhomocysteine,3\nserum B12,-3\nALT,0.5\nvitamin B13,1');
    await afterRender(page, () => page.locator('#obs-show').click());
    expect(await page.evaluate(() => window.__mechkg!.classesOf('homocysteine'))).toContain('obs-up-3');
    expect(await page.evaluate(() => window.__mechkg!.classesOf('serum-vitamin-b12'))).toContain('obs-down-3');
    expect(await page.evaluate(() => window.__mechkg!.classesOf('serum-alt'))).toContain('obs-up-1');
    expect(await page.evaluate(() => window.__mechkg!.classesOf('methionine'))).toContain('obs-none');
    expect(await page.locator('#obs-result tbody tr').count()).toBe(3);
    expect(await page.locator('#obs-result .obs-problems').textContent()).toMatch(/pasted table:5: .*vitamin B13/);
    expect(await page.locator('#obs-result').textContent()).toMatch(/not part of the link/);
    expect(await page.locator('.obs-legend svg rect').count()).toBe(6);
    // Up and down read apart without colour: the label glyph.
    expect(await page.evaluate(() => window.__mechkg!.cy!.getElementById('homocysteine').style('label'))).toMatch(/^▲/);
    expect(await page.evaluate(() => window.__mechkg!.cy!.getElementById('serum-vitamin-b12').style('label'))).toMatch(/^▼/);
    await afterRender(page, () => page.locator('#obs-clear').click());
    expect(await page.evaluate(() => window.__mechkg!.classesOf('homocysteine'))).not.toContain('obs-up-3');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('ranks the hypotheses for the observations with the library, and draws a chosen one as its routes, predicted against observed', async () => {
    const { page, problems } = await app.open('?perturb=B12&dir=down');
    await page.locator('#panel-observations > summary').click();
    // issue 15's patient panel: serum B12, MMA and homocysteine high, ALT and AST raised
    await page.locator('#obs-text').fill('node,direction\nserum vitamin B12,high\nmethylmalonic acid,high\nhomocysteine,high\nALT,raised\nAST,raised');
    await afterRender(page, () => page.locator('#obs-show').click());
    expect(await page.locator('#panel-hypotheses').getAttribute('open')).not.toBeNull();
    // The same answer as the CLI's library call.
    const { explainObservations } = await import('../../src/index.js');
    const expected = explainObservations(graph, ['serum-vitamin-b12', 'methylmalonic-acid', 'homocysteine', 'serum-alt', 'serum-ast'].map((node) => ({ node, direction: 'up' as const })), { limit: 25 }); // as many as the panel shows
    const rows = await page.locator('#hyp-list tbody button.hyp-choose').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-hypothesis')));
    expect(rows).toEqual(expected.hypotheses.map((h) => `${h.node.id}:${h.direction}`));
    expect(rows[0]).toBe('hepatocyte-injury:up');
    // Liver damage's causes follow it, each row saying it acts through liver damage (in words, not only an arrow).
    const through = await page.locator('#hyp-list tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('.hyp-through')?.textContent ?? null));
    expect(through).toEqual(expected.hypotheses.map((h) => (h.actsThrough ? `acts through ${h.actsThrough.direction === 'up' ? '▲' : '▼'} ${h.actsThrough.label} ${h.actsThrough.direction === 'up' ? 'raised' : 'lowered'}` : null)));
    expect(through.filter((t) => t === 'acts through ▲ liver damage raised').length).toBeGreaterThanOrEqual(5);
    await afterRender(page, () => page.locator('#hyp-list button[data-hypothesis="alcohol:up"]').click());
    expect(await page.locator('.hyp-through-detail').textContent()).toMatch(/^Acts through liver damage raised: every shortest route/);
    await afterRender(page, () => page.locator('.hyp-through-detail button').click());
    expect(await page.locator('#hyp-list button[aria-pressed="true"]').getAttribute('data-hypothesis')).toBe('hepatocyte-injury:up');
    expect(await page.locator('.hyp-through-detail').count()).toBe(0);
    await afterRender(page, () => page.locator('#hyp-clear').click());
    expect(await page.locator('#hyp-summary').textContent()).toMatch(new RegExp(`^${expected.stats.hypothesesTested} hypotheses tested for 5 changed observations`));

    // Choosing liver damage (by keyboard) replaces the perturbation with its routes, and focus moves to what it opened.
    await page.locator('#hyp-list button[data-hypothesis="hepatocyte-injury:up"]').focus();
    await afterRender(page, () => page.keyboard.press('Enter'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hyp-chosen-title');
    expect(await page.evaluate(() => window.__mechkg!.state().perturb)).toBeNull();
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('path');
    const liver = expected.hypotheses.find((h) => h.node.id === 'hepatocyte-injury' && h.direction === 'up')!;
    const routeNodes = new Set(liver.predictions.flatMap((p) => p.path?.nodes.map((n) => n.id) ?? []));
    const routeEdges = new Set(liver.predictions.flatMap((p) => p.path?.edges.map((e) => e.id) ?? []));
    expect(new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()))).toEqual(routeNodes);
    expect(new Set(await page.evaluate(() => window.__mechkg!.visibleEdgeIds()))).toEqual(routeEdges);
    const hyp = await page.evaluate(() => window.__mechkg!.classesOf('hepatocyte-injury'));
    expect(hyp).toEqual(expect.arrayContaining(['perturbed', 'up']));
    for (const p of liver.predictions) {
      expect(await page.evaluate((id) => window.__mechkg!.classesOf(id), p.node.id)).toContain(`pred-${p.agrees ? 'agree' : 'disagree'}`);
      // observed and verdict read without colour: ▲ and ✓ in the label
      expect(await page.evaluate((id) => window.__mechkg!.cy!.getElementById(id).style('label'), p.node.id)).toMatch(p.agrees ? /^▲.*✓$/ : /^▲.*✗$/);
    }
    // Each prediction lists its route; a step opens that edge's evidence in the details panel.
    expect(await page.locator('.hyp-chosen .predictions > li').count()).toBe(5);
    const b12 = page.locator('.hyp-chosen .predictions > li[data-node="serum-vitamin-b12"]');
    expect(await b12.textContent()).toMatch(/observed ▲ up, predicted ▲ up, 2 steps, confidence \d\.\d\d/);
    const step = liver.predictions.find((p) => p.node.id === 'serum-vitamin-b12')!.path!.edges[0]!;
    await afterRender(page, () => b12.locator('.route-steps button').first().click());
    expect(await page.evaluate(() => window.__mechkg!.state().selected)).toBe(step.id);
    expect(await page.locator('#details .evidence').count()).toBeGreaterThan(0);

    // A perturbation chosen afterwards takes the diagram back; the panel shows nothing chosen.
    await page.locator('#perturb-node').fill('folate');
    await page.locator('#perturb-node').press('Escape'); // close the suggestions over the buttons
    await afterRender(page, () => page.locator('#perturb-up').click());
    expect(await page.evaluate(() => window.__mechkg!.mode())).not.toBe('path');
    expect(await page.locator('#hyp-list button[aria-pressed="true"]').count()).toBe(0);
    expect(await page.evaluate(() => window.__mechkg!.classesOf('serum-vitamin-b12'))).not.toContain('pred-agree');
    // Clearing the observations clears the hypotheses.
    await afterRender(page, () => page.locator('#obs-clear').click());
    expect(await page.locator('#hyp-list').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('the view export is Cytoscape JSON with positions that networkx loads, named apart from the subgraph export', async () => {
    const { page } = await app.open('?from=B12&to=autophagy');
    await page.locator('#export-menu > summary').click();
    await page.locator('#export-json').waitFor();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    expect(dl.suggestedFilename()).toMatch(/\.view\.cyjs$/);
    const text = (await readFile((await dl.path())!)).toString('utf8');
    const json = JSON.parse(text);
    expect(json.directed).toBe(true);
    const node = json.elements.nodes.find((n: { data: { id: string } }) => n.data.id === 'homocysteine');
    expect(node.data).toMatchObject({ value: 'homocysteine', name: 'homocysteine', description: graph.getNodeAttribute('homocysteine', 'description') });
    expect(typeof node.position.x).toBe('number');
    expect(json.elements.edges.every((e: { data: { evidence?: unknown[] } }) => Array.isArray(e.data.evidence) && e.data.evidence.length > 0)).toBe(true);
    const [sub] = await Promise.all([page.waitForEvent('download'), page.locator('#export-format').selectOption('cyjs').then(() => page.locator('#export-subgraph').click())]);
    expect(sub.suggestedFilename()).toMatch(/\.cyjs$/);
    expect(sub.suggestedFilename()).not.toMatch(/\.view\.cyjs$/);
    if (!hasNetworkx()) {
      console.warn('overlay-exports: python3 with networkx not found; skipped the networkx.cytoscape_graph check of the view export');
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'mechkg-cyjs-'));
      const file = join(dir, 'view.cyjs');
      await writeFile(file, text);
      const out = execFileSync('python3', ['-c', 'import json,sys,networkx as nx; g=nx.cytoscape_graph(json.load(open(sys.argv[1]))); print(g.number_of_nodes(), g.number_of_edges(), g.nodes["homocysteine"]["name"])', file]).toString().trim();
      expect(out).toBe(`${json.elements.nodes.length} ${json.elements.edges.length} homocysteine`);
    }
    await page.context().close();
  });

  it('perturbation "why?" lists the routes pushing up apart from those pushing down, and says when they disagree', async () => {
    const { page } = await app.open('?perturb=metformin&dir=up');
    const row = page.locator('#perturb-summary li[data-node="insulin-resistance"]');
    // The dominant direction (issue 10): metformin's own effect lowers insulin resistance; the longer route
    // through lower B12 raises it, and "why?" says the routes disagree and which way the best ones go.
    await expect.poll(() => row.locator('.move-down').first().textContent()).toMatch(/down|fall|lower|▼/i);
    await row.locator('details.why > summary').click();
    expect(await row.locator('.why-words').textContent()).toMatch(/Routes disagree.*longer routes \(\d steps\) push insulin resistance up.*only the shortest routes \(1 step\) vote, so it goes down \(confidence \d\.\d\d\)/);
    // dominantEffects' confidence on the row, and each sign's route count, length and best evidence
    expect(await row.textContent()).toMatch(/▼ down insulin resistance \(1 step, confidence \d\.\d\d\)/);
    expect(await row.locator('.why-head.move-up').textContent()).toMatch(/▲ Routes pushing it up: \d+ routes? of \d steps \(longer than the 1 step that decide\), best weakest link /);
    expect(await row.locator('.why-head.move-down').textContent()).toMatch(/▼ Routes pushing it down: 1 route of 1 step, best weakest link /);
    expect(await row.locator('ul.routes-up li').count()).toBeGreaterThan(0);
    expect(await row.locator('ul.routes-down li').count()).toBeGreaterThan(0);
    // Raising metformin: the direct route lowers insulin resistance; the B12 route raises it.
    expect(await row.locator('ul.routes-down').textContent()).toContain('metformin → insulin resistance');
    expect(await row.locator('ul.routes-up').textContent()).toMatch(/vitamin B12/);
    // Marks stay visible on every node colour: the ring's colour contrasts with the faded fill.
    const contrast = await page.evaluate(() => {
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/\d+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const mix = (c: string, a: number) => `rgb(${(c.match(/\d+/g) ?? []).slice(0, 3).map((v) => Math.round(Number(v) * a + 255 * (1 - a))).join(',')})`;
      const worst: Record<string, number> = {};
      window.__mechkg!.cy!.nodes('.up, .down, .mixed').forEach((n) => {
        const ring = n.style('border-color') as string;
        const fill = mix(n.style('background-color') as string, Number(n.style('background-opacity')));
        const [a, b] = [lum(ring), lum(fill)];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const key = n.data('category') as string;
        worst[key] = Math.min(worst[key] ?? Infinity, ratio);
      });
      return worst;
    });
    expect(Object.keys(contrast).length).toBeGreaterThan(3);
    for (const [category, ratio] of Object.entries(contrast)) expect(ratio, category).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });

  it('an empty neighbourhood view and an unknown search say what to do', async () => {
    const { page } = await app.open('?view=local');
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/Nothing is focused.*Search for a node/);
    await page.locator('#search-input').fill('zzqqxx');
    await afterRender(page, () => page.locator('#search-input').press('Enter'));
    await expect.poll(() => page.locator('.message.error').textContent()).toMatch(/no node named "zzqqxx"/);
    await page.context().close();
  });

  it('a graph opened from a file is named in the link, and a link to it says plainly that it cannot reopen it', async () => {
    const { page } = await app.open();
    const yaml = await readFile(join(import.meta.dirname, 'fixtures/hostile/sources.yaml'), 'utf8');
    const mod = await readFile(join(import.meta.dirname, 'fixtures/hostile/modules/hostile.yaml'), 'utf8');
    await afterRender(page, () => page.locator('#open-files').setInputFiles([
      { name: 'sources.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) },
      { name: 'hostile.yaml', mimeType: 'text/yaml', buffer: Buffer.from(mod) },
    ]));
    await page.locator('#btn-overview').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('graph')).toMatch(/^file:/);
    expect(await page.locator('#status').textContent()).toMatch(/opened from a local file/);
    await page.goto(page.url());
    await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1);
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/a graph opened from a local file, which a link cannot reopen/);
    expect(await page.evaluate(() => window.__mechkg!.graphNodeCount())).toBe(graph.order);
    await page.context().close();
  });
});
