/** The explorer in real Chromium: rendering, search, path by URL, details, filters, export, history. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effects, findPaths, loadGraph, resolveNode } from '../../src/node.js';
import { afterRender, hasChromium, startApp, waitForRender, type App } from './harness.js';

const GENEMANIA = join(import.meta.dirname, '../../../shared/conformance/cytoscape/documentation_demos_genemania-export_data.json');
const B12_TO_AUTOPHAGY = ['vitamin-b12', 'methionine-synthase', 'homocysteine', 'syntaxin-17', 'autophagy'];

const hook = <T>(page: Page, fn: (h: NonNullable<Window['__mechkg']>) => T) => page.evaluate(fn as never, undefined) as Promise<T>;

describe.skipIf(!hasChromium)('web explorer (Chromium)', () => {
  let app: App;
  const graph = loadGraph();

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('renders every node and edge of the curated graph, without errors or CSP violations', async () => {
    const { page, problems } = await app.open();
    const visible = await page.evaluate(() => window.__mechkg!.visibleNodeIds());
    expect(new Set(visible)).toEqual(new Set(graph.nodes()));
    expect(await page.evaluate(() => window.__mechkg!.visibleEdgeIds().length)).toBe(graph.size);
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('overview');
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('search: typing an abbreviation offers the node, Enter selects, centres and highlights its neighbourhood', async () => {
    const { page } = await app.open();
    await page.locator('#search-input').fill('Hcy');
    const option = page.locator('[role="option"]').first();
    await expect.poll(() => option.textContent()).toContain('homocysteine');
    await afterRender(page, () => page.locator('#search-input').press('Enter'));
    expect(await page.evaluate(() => window.__mechkg!.state().focus)).toBe('homocysteine');
    expect(await page.evaluate(() => window.__mechkg!.classesOf('homocysteine'))).toContain('focus');
    const neighbour = graph.neighbors('homocysteine')[0]!;
    expect(await page.evaluate((id) => window.__mechkg!.classesOf(id), neighbour)).toContain('neighbour');
    // The focus view draws the focus and its neighbours only, laid out to be read (tests/browser/readability.test.ts).
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('focus');
    expect(new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()))).toEqual(new Set(['homocysteine', ...graph.neighbors('homocysteine')]));
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('homocysteine');
    expect(new URL(page.url()).searchParams.get('focus')).toBe('homocysteine');
    await page.context().close();
  });

  it('the path panel says whether the routes agree and names the confounders of the selected route', async () => {
    const { page, problems } = await app.open('?from=metformin&to=insulin%20resistance');
    await expect.poll(() => page.locator('#path-agreement').textContent()).toMatch(/route/);
    const agreement = (await page.locator('#path-agreement').textContent())!;
    // The same words as the library gives for the explorer's query (12 paths, best-supported first).
    const expected = findPaths(graph, 'metformin', 'insulin resistance', { limit: 12 }).agreement!;
    expect(agreement).toContain(expected.text);
    if (expected.disagree) expect(agreement).toMatch(/^Routes disagree\. /);
    // Select the first route the library says is confounded (the best-supported one may be metformin's direct effect, which is not).
    const routes = findPaths(graph, 'metformin', 'insulin resistance', { limit: 12 }).paths;
    const k = routes.findIndex((p) => p.confounders!.some((c) => c.edge === 'metformin--confounds--insulin-resistance'));
    expect(k).toBeGreaterThanOrEqual(0);
    await page.locator(`.path-item[data-path-index="${k}"]`).click();
    await expect.poll(() => page.locator('#path-confounders').textContent()).toContain('metformin confounds the B12 – insulin resistance association');
    expect(await page.locator('#path-confounders li[data-edge="metformin--confounds--insulin-resistance"]').count()).toBe(1);
    expect(await page.locator('#path-confounders h3').textContent()).toBe(`⚠ Confounding on route #${k + 1}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('?from=B12&to=autophagy highlights vitamin B12 -> methionine synthase -> homocysteine -> syntaxin 17 -> autophagy', async () => {
    const { page, problems } = await app.open('?from=B12&to=autophagy');
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('path');
    const onPath = await page.evaluate(() => window.__mechkg!.visibleNodeIds().filter((id) => window.__mechkg!.classesOf(id).includes('on-path')));
    expect(new Set(onPath)).toEqual(new Set(B12_TO_AUTOPHAGY));
    const onPathEdges = await page.evaluate(() => window.__mechkg!.visibleEdgeIds().filter((id) => window.__mechkg!.classesOf(id).includes('on-path')));
    expect(onPathEdges).toHaveLength(4);
    for (let i = 0; i < 4; i++) {
      const [s, t] = [B12_TO_AUTOPHAGY[i]!, B12_TO_AUTOPHAGY[i + 1]!];
      expect(onPathEdges.some((e) => graph.source(e) === s && graph.target(e) === t)).toBe(true);
    }
    // Laid out in order, left to right or top to bottom (whichever draws it larger): x or y grows along the path.
    const ps = await page.evaluate((ids) => ids.map((id) => window.__mechkg!.cy!.getElementById(id).position()), B12_TO_AUTOPHAGY);
    const grows = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);
    expect(grows(ps.map((p) => p.x)) || grows(ps.map((p) => p.y))).toBe(true);
    await expect.poll(() => page.locator('.path-item[aria-pressed="true"]').textContent()).toContain('vitamin B12 → methionine synthase → homocysteine → syntaxin 17 → autophagy');
    expect(await page.locator('.path-item').first().textContent()).toMatch(/weakest: /);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('step-through shows one hop at a time with its citation; arrow keys move', async () => {
    const { page } = await app.open('?from=B12&to=autophagy&step=1');
    await expect.poll(() => page.locator('#teach-count').textContent()).toBe('Step 1 of 4');
    expect(await page.locator('#teach-sentence').textContent()).toContain('vitamin B12');
    expect(await page.locator('#teach .evidence').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__mechkg!.classesOf('methionine-synthase'))).toContain('hop-current');
    await afterRender(page, () => page.keyboard.press('ArrowRight'));
    await expect.poll(() => page.locator('#teach-count').textContent()).toBe('Step 2 of 4');
    expect(new URL(page.url()).searchParams.get('step')).toBe('2');
    await page.context().close();
  });

  it('the details panel lists every evidence entry of an edge with its source link', async () => {
    const key = graph.edges().find((e) => graph.source(e) === 'homocysteine' && graph.target(e) === 'syntaxin-17')!;
    const { page } = await app.open('?from=B12&to=autophagy');
    // Click the edge on the canvas.
    const box = (await page.locator('#cy').boundingBox())!;
    const mid = await page.evaluate((id) => window.__mechkg!.cy!.getElementById(id).renderedMidpoint(), key);
    await afterRender(page, () => page.mouse.click(box.x + mid.x, box.y + mid.y));
    expect(await page.evaluate(() => window.__mechkg!.state().selected)).toBe(key);
    const items = page.locator('#details .evidence');
    const evidence = graph.getEdgeAttribute(key, 'evidence');
    await expect.poll(() => items.count()).toBe(evidence.length);
    const text = await page.locator('#details').textContent();
    for (const ev of evidence) expect(text).toContain(ev.statement);
    expect(text).toMatch(/supports/);
    const sources = graph.getAttribute('sources');
    const withDoi = evidence.map((ev) => sources[ev.source]).find((s) => s?.doi);
    if (withDoi) expect(await page.locator(`#details a[href="https://doi.org/${withDoi.doi}"]`).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('node details link identifiers to their ontology pages', async () => {
    const { page } = await app.open('?focus=B12');
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('vitamin B12');
    expect(await page.locator('#details a[href^="https://www.ebi.ac.uk/chebi/"]').count()).toBe(1);
    await page.context().close();
  });

  it('filters: unticking a category hides its nodes and their edges; unticking a sign hides those edges', async () => {
    const { page } = await app.open();
    const diseases = graph.filterNodes((_id, a) => a.category === 'disease');
    expect(diseases.length).toBeGreaterThan(0);
    await afterRender(page, () => page.locator('#filter-cat-disease').uncheck());
    const visible = new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()));
    expect(diseases.filter((id) => visible.has(id))).toEqual([]);
    expect(visible.size).toBe(graph.order - diseases.length);
    const edges = await page.evaluate(() => window.__mechkg!.visibleEdgeIds());
    expect(edges.filter((e) => diseases.includes(graph.source(e)) || diseases.includes(graph.target(e)))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('disease');
    await afterRender(page, () => page.locator('#filter-sign-negative').uncheck());
    const after = await page.evaluate(() => window.__mechkg!.visibleEdgeIds());
    expect(after.filter((e) => graph.getEdgeAttribute(e, 'sign') === '-')).toEqual([]);
    expect(after.length).toBeGreaterThan(0);
    await afterRender(page, () => page.locator('#filter-noncausal').uncheck());
    const causalOnly = await page.evaluate(() => window.__mechkg!.visibleEdgeIds());
    expect(causalOnly.filter((e) => !graph.getEdgeAttribute(e, 'causal'))).toEqual([]);
    await page.context().close();
  });

  it('perturbation: lowering B12 colours every downstream node as the library computes it', async () => {
    const { page } = await app.open('?perturb=B12&dir=down');
    expect(await page.evaluate(() => window.__mechkg!.classesOf('vitamin-b12'))).toContain('perturbed');
    const expected = effects(graph, 'vitamin-b12', { direction: 'down' }).effects;
    expect(expected.length).toBeGreaterThan(3);
    for (const e of expected) expect(await page.evaluate((id) => window.__mechkg!.classesOf(id), e.node.id)).toContain(e.effect);
    const up = expected.filter((e) => e.effect === 'up').length;
    await expect.poll(() => page.locator('#perturb-summary').textContent()).toContain(`Lowering vitamin B12: ${up} up`);
    await page.context().close();
  });

  it('export: PNG is a non-empty PNG, SVG parses as SVG with the legend, JSON is Cytoscape JSON, subgraph via the registry re-opens', async () => {
    const { page } = await app.open('?from=B12&to=autophagy');
    await page.locator('#export-menu > summary').click();
    await page.locator('#export-png').waitFor();
    const save = async (id: string) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(id).click()]);
      return readFile((await dl.path())!);
    };
    const png = await save('#export-png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5000);
    const svgText = (await save('#export-svg')).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length, text: doc.documentElement.textContent };
    }, svgText);
    expect(parsed).toMatchObject({ root: 'svg', errors: 0 });
    expect(parsed.text).toContain('Nodes');
    expect(parsed.text).toContain('homocysteine');
    const json = JSON.parse((await save('#export-json')).toString('utf8'));
    expect(json.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(expect.arrayContaining(B12_TO_AUTOPHAGY));
    await page.locator('#export-format').selectOption('graphml');
    const graphml = (await save('#export-subgraph')).toString('utf8');
    expect(graphml).toContain('<graphml');
    expect(graphml).toContain('syntaxin-17');
    // The exported subgraph opens again through the library's GraphML importer.
    const drawn = await page.evaluate(() => window.__mechkg!.visibleNodeIds().length);
    await afterRender(page, () => page.locator('#open-files').setInputFiles({ name: 'paths.graphml', mimeType: 'application/xml', buffer: Buffer.from(graphml) }));
    expect(await page.evaluate(() => window.__mechkg!.graphNodeCount())).toBe(drawn);
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('overview');
    await page.context().close();
  });

  it.skipIf(!existsSync(GENEMANIA))('an opened Cytoscape file is drawn where it drew its nodes, with no layout run', async () => {
    const text = await readFile(GENEMANIA, 'utf8');
    const doc = JSON.parse(text);
    const drawn = (Array.isArray(doc) ? doc : doc.elements.nodes ?? doc.elements).filter((el: { position?: unknown; data: { source?: string } }) => el.position && el.data.source === undefined);
    expect(drawn.length).toBeGreaterThan(20);
    const { page, problems } = await app.open('');
    await afterRender(page, () => page.locator('#open-files').setInputFiles({ name: 'genemania.json', mimeType: 'application/json', buffer: Buffer.from(text) }));
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => window.__mechkg!.graphNodeCount())).toBe(drawn.length);
    expect(await page.evaluate(() => window.__mechkg!.lastLayout())).toBe('fcose');
    for (const el of drawn) {
      const at = await page.evaluate((id) => window.__mechkg!.positionOf(id), String(el.data.id));
      expect(at).toEqual({ x: el.position.x, y: el.position.y });
    }
    await page.context().close();
  });

  it("export: the teaching figure is the CLI's SVG for the view, and its WebAssembly Graphviz loads only on that click", async () => {
    const { page, problems } = await app.open('?from=B12&to=autophagy');
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.locator('#export-menu > summary').click();
    await page.locator('#export-figure').waitFor();
    const initial = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    expect(initial.filter((p) => /viz/i.test(p))).toEqual([]);
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.locator('#export-figure').click()]);
    expect(scripts.filter((p) => /viz/i.test(p))).toHaveLength(1);
    expect(dl.suggestedFilename()).toMatch(/-figure\.svg$/);
    const svgText = (await readFile((await dl.path())!)).toString('utf8');
    expect(svgText).toContain('<!-- Generated by graphviz version');
    const figure = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.getElementsByTagName('parsererror').length) return null;
      return { texts: [...doc.querySelectorAll('text')].map((t) => t.textContent), nodes: [...doc.querySelectorAll('g.node > title')].map((t) => t.textContent) };
    }, svgText);
    const texts = figure!.texts;
    for (const label of ['vitamin B12', 'homocysteine', 'syntaxin 17', 'References']) expect(texts).toContain(label);
    // Exactly the drawn nodes, each a Graphviz node titled with its id.
    expect(new Set(figure!.nodes)).toEqual(new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds())));
    expect(texts.some((t) => /^\[1\] /.test(t!))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('names that do not resolve and queries without a path say so', async () => {
    const { page } = await app.open('?focus=vitamin%20B13');
    await expect.poll(() => page.locator('.message.error').textContent()).toMatch(/no node named "vitamin B13"/);
    expect(await page.locator('.message.error button').count()).toBeGreaterThan(0);
    // A node with no outgoing edge reaches nothing.
    const sink = graph.nodes().find((id) => graph.outDegree(id) === 0 && id !== 'vitamin-b12')!;
    await page.goto(`${app.url}?from=${sink}&to=vitamin-b12`);
    await waitForRender(page);
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/No path from/);
    // No route, but human studies test the question directly: the path panel says what they found, as the CLI does.
    // (B12 -> fasting glucose: the trial's B12 regimen found no effect on it.)
    const none = findPaths(graph, 'vitamin-b12', 'fasting-blood-glucose', { maxLength: 6 });
    expect(none.paths).toEqual([]);
    expect(none.directTestsText).toMatch(/^No route was found, but direct human tests exist: /);
    await page.goto(`${app.url}?from=vitamin-b12&to=fasting-blood-glucose`);
    await waitForRender(page);
    await expect.poll(() => page.locator('#path-none').textContent()).toBe('No causal path found from vitamin B12 to fasting blood glucose.');
    expect(await page.locator('#path-direct-tests').textContent()).toBe(none.directTestsText);
    expect(await page.locator('#messages').textContent()).toContain(none.directTestsText);
    // The diagram marks both ends of the question, named with their role at a size to read, the rest faded.
    const ends = await page.evaluate(() => {
      const cy = window.__mechkg!.cy!;
      const zoom = cy.zoom();
      const end = (id: string) => {
        const n = cy.getElementById(id);
        const px = n.pstyle('font-size').pfValue * zoom;
        return { classes: [...n.classes()], label: n.pstyle('label').strValue as string, px, drawn: px >= n.pstyle('min-zoomed-font-size').pfValue, inView: n.renderedBoundingBox({}).x1 >= 0 && n.renderedBoundingBox({}).x2 <= cy.width() };
      };
      const others = cy.nodes('[degree]').filter((n) => !n.hasClass('endpoint'));
      return { from: end('vitamin-b12'), to: end('fasting-blood-glucose'), othersFaded: others.every((n) => n.hasClass('faded')), endpoints: cy.nodes('.endpoint').length };
    });
    expect(ends.endpoints).toBe(2);
    expect(ends.from).toMatchObject({ label: 'From: vitamin B12', drawn: true, inView: true });
    expect(ends.from.classes).toContain('endpoint-from');
    expect(ends.to).toMatchObject({ label: 'To: fasting blood glucose', drawn: true, inView: true });
    expect(ends.to.classes).toContain('endpoint-to');
    expect(Math.min(ends.from.px, ends.to.px)).toBeGreaterThanOrEqual(10);
    expect(ends.othersFaded).toBe(true);
    await page.context().close();
  });

  // Every node name a link holds resolves as the CLI resolves it (issue 12: ids are the file's ids; mechkg:x is x
  // only where the graph has no node mechkg:x), and one that does not resolve says so.
  it('links resolve focus, path, selection and expansion names like the CLI, and say when one does not', async () => {
    const errors = (page: Page) => page.locator('#messages .message.error').allTextContents();
    const pemt = resolveNode(graph, 'HGNC:8830');
    expect(graph.getNodeAttribute(pemt, 'identifiers')).toContain('HGNC:8830');
    const { page } = await app.open('?focus=mechkg:homocysteine');
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('focus');
    expect(await page.evaluate(() => window.__mechkg!.classesOf('homocysteine'))).toContain('focus');
    expect(await errors(page)).toEqual([]);
    const at = async (query: string) => {
      await page.goto(`${app.url}${query}`);
      await waitForRender(page);
    };
    await at('?focus=HGNC:8830');
    expect(await page.evaluate((id) => window.__mechkg!.classesOf(id), pemt)).toContain('focus');
    await at('?from=mechkg:vitamin-b12&to=mechkg:autophagy');
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('path');
    expect(await errors(page)).toEqual([]);
    // sel= and expand= take the same names: the details panel opens on the node, its neighbours are drawn.
    await at('?sel=HGNC:8830');
    expect(await page.locator('#details h2').textContent()).toBe(graph.getNodeAttribute(pemt, 'label'));
    expect(await page.evaluate((id) => window.__mechkg!.classesOf(id), pemt)).toContain('selected');
    expect(await errors(page)).toEqual([]);
    await at('?focus=homocysteine&view=local&expand=homocysteine,HGNC:8830');
    const drawn = new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()));
    for (const n of graph.neighbors(pemt)) expect(drawn.has(n)).toBe(true);
    expect(await errors(page)).toEqual([]);
    // Unknown names: a visible message for each, with what was typed.
    await at('?focus=mechkg:no-such-node&sel=no-such-selection&view=local&expand=no-such-seed');
    const said = await errors(page);
    expect(said.some((t) => t.startsWith('Focus: no node named "mechkg:no-such-node"'))).toBe(true);
    expect(said.some((t) => t.startsWith('Selected: no node named "no-such-selection"'))).toBe(true);
    expect(said.some((t) => t.startsWith('Expand: no node named "no-such-seed"'))).toBe(true);
    // An opened file keeps its ids: mechkg:x and a bare x are two nodes, a source CURIE is the node's id.
    await page.goto(app.url);
    await waitForRender(page);
    const nodes = 'id\tcategory\tname\nHGNC:11603\tbiolink:Gene\tSTX17\nGO:0006914\tbiolink:BiologicalProcess\tautophagy\nmechkg:x\tbiolink:ChemicalEntity\tthing x\nx\tbiolink:ChemicalEntity\tbare x\n';
    const edges = 'subject\tpredicate\tobject\tobject_direction_qualifier\nHGNC:11603\tbiolink:affects\tGO:0006914\tincreased\nmechkg:x\tbiolink:affects\tHGNC:11603\tincreased\nx\tbiolink:affects\tGO:0006914\tdecreased\n';
    await afterRender(page, () =>
      page.locator('#open-files').setInputFiles([
        { name: 't_nodes.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(nodes) },
        { name: 't_edges.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(edges) },
      ]),
    );
    expect(new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()))).toEqual(new Set(['HGNC:11603', 'GO:0006914', 'mechkg:x', 'x']));
    // Back and forward read the link again (a link cannot reopen the file; within the page it names its nodes).
    const follow = (query: string) =>
      afterRender(page, () =>
        page.evaluate((q) => {
          history.pushState(null, '', q);
          dispatchEvent(new PopStateEvent('popstate'));
        }, query),
      );
    const focused = () => page.evaluate(() => window.__mechkg!.cy!.nodes('.focus').map((n) => n.id()));
    for (const [query, id] of [['?focus=mechkg:x', 'mechkg:x'], ['?focus=x', 'x'], ['?focus=HGNC:11603', 'HGNC:11603'], ['?focus=hgnc:11603', 'HGNC:11603']] as const) {
      await follow(query);
      expect(await focused()).toEqual([id]);
    }
    await follow('?from=mechkg:x&to=GO:0006914');
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('path');
    expect(new Set(await page.evaluate(() => window.__mechkg!.cy!.nodes('.on-path').map((n) => n.id())))).toEqual(new Set(['mechkg:x', 'HGNC:11603', 'GO:0006914']));
    expect(await errors(page)).toEqual([]);
    await page.context().close();
  });

  it('back and forward restore the view from the URL', async () => {
    const { page } = await app.open('?focus=homocysteine');
    await page.locator('#path-from').fill('B12');
    await page.locator('#path-to').fill('autophagy');
    await afterRender(page, () => page.locator('#path-run').click());
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('path');
    await afterRender(page, () => page.goBack());
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('focus');
    expect(await page.evaluate(() => window.__mechkg!.state().focus)).toBe('homocysteine');
    await afterRender(page, () => page.goForward());
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('path');
    await page.context().close();
  });

  it('neighbourhood view: expand and collapse neighbours from the details panel', async () => {
    const { page } = await app.open('?focus=homocysteine');
    await afterRender(page, () => page.locator('#btn-local').click());
    const around = new Set(['homocysteine', ...graph.neighbors('homocysteine')]);
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('local');
    expect(new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()))).toEqual(around);
    // Expand a neighbour: its neighbours join.
    const next = 'methionine-synthase';
    await afterRender(page, () => page.locator('#details button', { hasText: 'methionine synthase' }).first().click());
    await afterRender(page, () => page.locator('#details button', { hasText: 'Expand neighbours' }).click());
    const grown = new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()));
    for (const n of graph.neighbors(next)) expect(grown.has(n)).toBe(true);
    await afterRender(page, () => page.locator('#details button', { hasText: 'Collapse neighbours' }).click());
    expect(new Set(await page.evaluate(() => window.__mechkg!.visibleNodeIds()))).toEqual(around);
    expect(new URL(page.url()).searchParams.get('view')).toBe('local');
    await page.context().close();
  });

  // The neighbourhood is the same picture as the overview: every node where the overview draws it, whether the
  // positions are the curated diagram's or fcose's (a graph without diagram data, opened straight on a neighbourhood).
  for (const [name, data, focus] of [
    ['the curated diagram', '', 'homocysteine'],
    ['a graph drawn with fcose', 'data=synthetic-400&', 'n10'],
  ] as const) {
    it(`"Neighbourhood only" keeps the overview's positions: ${name}`, async () => {
      const { page } = await app.open(`?${data}focus=${focus}&view=local&expand=${focus}`);
      expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('local');
      const ids = await page.evaluate(() => window.__mechkg!.visibleNodeIds());
      expect(ids.length).toBeGreaterThan(1);
      const local = await page.evaluate((list) => list.map((id) => window.__mechkg!.positionOf(id)), ids);
      await page.goto(`${app.url}?${data}`);
      await waitForRender(page);
      expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('overview');
      expect(await page.evaluate(() => window.__mechkg!.lastLayout())).toBe(data ? 'fcose' : 'diagram');
      const overview = await page.evaluate((list) => list.map((id) => window.__mechkg!.positionOf(id)), ids);
      expect(local).toEqual(overview);
      await page.context().close();
    });
  }

  it('a graph above the drawing limit draws only a neighbourhood', async () => {
    const { page } = await app.open('?data=synthetic-6000');
    expect(await page.evaluate(() => window.__mechkg!.graphNodeCount())).toBe(2400);
    expect(await page.evaluate(() => window.__mechkg!.drawnElementCount())).toBe(0);
    await expect.poll(() => page.locator('.message').first().textContent()).toMatch(/more than the explorer draws at once/);
    await page.goto(`${app.url}?data=synthetic-6000&focus=n10`);
    await waitForRender(page);
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('local');
    const drawn = await page.evaluate(() => window.__mechkg!.drawnElementCount());
    expect(drawn).toBeGreaterThan(1);
    expect(drawn).toBeLessThanOrEqual(3000);
    await page.context().close();
  });
});
