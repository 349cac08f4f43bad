/** Lessons in real Chromium: presenter mode with keys and one link per step; the HTML handout and PPTX deck opened and checked. */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/node.js';
import { afterRender, hasChromium, startApp, type App } from './harness.js';

const LESSON = 'b12-homocysteine-liver-fat';
/** Issue 15's patient panel: steps with an observation overlay and a chosen hypothesis. */
const PANEL = 'patient-panel-functional-b12-deficiency';

describe.skipIf(!hasChromium)('lessons (Chromium)', () => {
  let app: App;
  const graph = loadGraph();
  const lesson = graph.getAttribute('lessons')!.find((l) => l.lesson.id === LESSON)!;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the lessons and plays one in presenter mode, a link per step, with keys', async () => {
    const { page, problems } = await app.open();
    await page.locator('#panel-lessons > summary').click();
    expect(await page.locator('#lessons li[data-lesson]').count()).toBe(graph.getAttribute('lessons')!.length);
    await afterRender(page, () => page.locator(`#lessons li[data-lesson="${LESSON}"] button[data-action="play"]`).click());
    expect(new URL(page.url()).searchParams.get('lesson')).toBe(LESSON);
    expect(new URL(page.url()).searchParams.get('slide')).toBe('1');
    expect(await page.evaluate(() => document.body.classList.contains('presenter'))).toBe(true);
    await expect.poll(() => page.locator('#lesson-sentence').textContent()).toBe(lesson.steps[0]!.sentence);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lesson-title');
    // Step 1 shows its compartment and highlights its nodes.
    for (const id of lesson.steps[0]!.highlight) expect(await page.evaluate((n) => window.__mechkg!.classesOf(n), id)).toContain('highlight');
    // → goes to step 2: the path it names, at its hop.
    await afterRender(page, () => page.keyboard.press('ArrowRight'));
    expect(new URL(page.url()).searchParams.get('slide')).toBe('2');
    await expect.poll(() => page.locator('#lesson-count').textContent()).toMatch(/step 2 of 6/);
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('path');
    expect(await page.evaluate(() => window.__mechkg!.classesOf('methionine-synthase'))).toContain('hop-current');
    // The citations are numbered and linked to their sources.
    expect(await page.locator('#lesson-strip ol.lesson-citations li').count()).toBe(lesson.steps[1]!.citations.length);
    // A step link opens that step directly.
    await page.goto(`${app.url}?lesson=${LESSON}&slide=6`);
    await page.waitForFunction(() => Number(document.documentElement.dataset.renders) >= 1);
    await expect.poll(() => page.locator('#lesson-sentence').textContent()).toBe(lesson.steps[5]!.sentence);
    expect(await page.evaluate(() => window.__mechkg!.classesOf('vitamin-b12'))).toContain('perturbed');
    // Esc ends the lesson and gives focus back to its button.
    await afterRender(page, () => page.keyboard.press('Escape'));
    expect(new URL(page.url()).searchParams.get('lesson')).toBeNull();
    expect(await page.locator('#lesson-strip').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an unknown lesson says so and lists the lessons', async () => {
    const { page } = await app.open('?lesson=no-such-lesson');
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/No lesson named "no-such-lesson"\. Lessons: .*b12-homocysteine-liver-fat/);
    await page.context().close();
  });

  it('a lesson step shows its observations and draws its hypothesis; the next step without them clears the overlay', async () => {
    const { page, problems } = await app.open(`?lesson=${PANEL}&slide=2`);
    const panel = graph.getAttribute('lessons')!.find((l) => l.lesson.id === PANEL)!;
    const step = panel.steps[1]!;
    await expect.poll(() => page.evaluate(() => window.__mechkg!.classesOf('hepatocyte-injury'))).toEqual(expect.arrayContaining(['perturbed', 'up']));
    expect(await page.evaluate(() => window.__mechkg!.mode())).toBe('path');
    for (const o of step.observations) expect(await page.evaluate((id) => window.__mechkg!.classesOf(id), o.node)).toEqual(expect.arrayContaining([`obs-${o.direction}-3`, 'pred-agree']));
    expect(await page.locator('#obs-result tbody tr').count()).toBe(step.observations.length);
    expect(await page.locator(`#hyp-list button[data-hypothesis="${step.hypothesis!.node}:${step.hypothesis!.direction}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#lesson-sentence').textContent()).toBe(step.sentence);
    // Step 3 is a path without observations: the lesson's overlay goes, the lesson stays.
    await afterRender(page, () => page.keyboard.press('ArrowRight'));
    await expect.poll(() => page.locator('#lesson-count').textContent()).toMatch(/step 3 of 7/);
    await expect.poll(() => page.evaluate(() => window.__mechkg!.classesOf('serum-vitamin-b12').some((c) => c.startsWith('obs-') || c.startsWith('pred-')))).toBe(false);
    expect(await page.evaluate(() => window.__mechkg!.state().query?.from)).toBe('hepatocyte-injury');
    // Step 6 draws a rival hypothesis; ending the lesson clears everything it showed.
    await page.goto(`${app.url}?lesson=${PANEL}&slide=6`);
    await expect.poll(() => page.evaluate(() => window.__mechkg!.classesOf('proton-pump-inhibitors'))).toEqual(expect.arrayContaining(['perturbed', 'up']));
    await afterRender(page, () => page.locator('#lesson-exit').click());
    await expect.poll(() => page.evaluate(() => window.__mechkg!.classesOf('proton-pump-inhibitors').includes('perturbed'))).toBe(false);
    expect(await page.locator('#obs-result tbody tr').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60000);

  const save = async (page: Page, action: string, id: string) => {
    await page.evaluate(() => ((document.getElementById('panel-lessons') as HTMLDetailsElement).open = true));
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 110000 }), page.locator(`#lessons li[data-lesson="${id}"] button[data-action="${action}"]`).click()]);
    return { name: dl.suggestedFilename(), body: await readFile((await dl.path())!) };
  };

  for (const id of [LESSON, PANEL]) {
    it(`exports a self-contained offline HTML handout: every step with its figure, sentence, citations and note (${id})`, async () => {
      const lesson = graph.getAttribute('lessons')!.find((l) => l.lesson.id === id)!;
      const { page, problems } = await app.open();
      const { name, body } = await save(page, 'handout', id);
      expect(name).toMatch(/\.html$/);
      const html = body.toString('utf8');
      // Nothing to fetch and nothing to run: no script, no external src; images are inline PNG data.
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\ssrc="(?!data:image\/png;base64,)/);
      // Parsed in a blank page: the explorer's CSP reports the handout's own <style> even in an inert document.
      const blank = await app.browser.newPage();
      const check = await blank.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'text/html');
        return {
          sections: [...doc.querySelectorAll('section')].map((s) => ({ text: s.textContent ?? '', imgs: s.querySelectorAll('img[src^="data:image/png;base64,"]').length, cites: s.querySelectorAll('ol.cites li').length })),
          title: doc.querySelector('h1')?.textContent,
        };
      }, html);
      await blank.close();
      expect(check.title).toBe(lesson.lesson.title);
      expect(check.sections).toHaveLength(lesson.steps.length);
      lesson.steps.forEach((s, i) => {
        expect(check.sections[i]!.text).toContain(s.sentence);
        if (s.note) expect(check.sections[i]!.text).toContain(s.note);
        expect(check.sections[i]!.imgs).toBe(1);
        expect(check.sections[i]!.cites).toBe(s.citations.length);
      });
      // The figures differ from step to step (each is its own view).
      const imgs = [...html.matchAll(/src="(data:image\/png;base64,[^"]+)"/g)].map((m) => m[1]);
      expect(new Set(imgs).size).toBeGreaterThan(3);
      // The page is back where it was.
      expect(new URL(page.url()).searchParams.get('lesson')).toBeNull();
      expect(problems).toEqual([]);
      await page.context().close();
    }, 120000);

    it(`exports a PPTX deck, one slide per step: figure, sentence, numbered citations, the note as speaker notes (${id})`, async () => {
      const lesson = graph.getAttribute('lessons')!.find((l) => l.lesson.id === id)!;
      const { page, problems } = await app.open();
      const { name, body } = await save(page, 'slides', id);
      expect(name).toMatch(/\.pptx$/);
      const zip = await JSZip.loadAsync(body);
      const slideFiles = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
      expect(slideFiles).toHaveLength(lesson.steps.length + 1); // a title slide, then one per step
      const xml = async (f: string) => (await zip.file(f)!.async('string')).replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
      expect(await xml('ppt/slides/slide1.xml')).toContain(lesson.lesson.title);
      for (let i = 0; i < lesson.steps.length; i++) {
        const s = lesson.steps[i]!;
        const text = await xml(`ppt/slides/slide${i + 2}.xml`);
        expect(text).toContain(s.title);
        expect(text).toContain(s.sentence);
        s.citations.forEach((_c, k) => expect(text).toContain(`[${k + 1}]`));
        const rels = await zip.file(`ppt/slides/_rels/slide${i + 2}.xml.rels`)!.async('string');
        expect(rels).toMatch(/media\/image[^"]*\.png/);
        if (s.note) {
          const notes = rels.match(/notesSlides\/(notesSlide\d+\.xml)/)?.[1];
          expect(notes).toBeTruthy();
          expect(await xml(`ppt/notesSlides/${notes}`)).toContain(s.note);
        }
      }
      expect(problems).toEqual([]);
      await page.context().close();
    }, 120000);
  }
});
