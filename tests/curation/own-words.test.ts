import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/node.js';

// The seed articles sit in shared/ beside the project (as in CI); elsewhere this check is skipped.
const SEEDS = join(import.meta.dirname, '../../../shared/seeds');
const RUN = 8; // words: a shared run this long is copied text, not a shared term or title

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Every run of RUN words in the seed articles, and the curated texts to check (read only when the seeds exist). */
function material() {
  const seedRuns = new Set<string>();
  for (const f of readdirSync(SEEDS)) {
    const w = words(readFileSync(join(SEEDS, f), 'utf8'));
    for (let i = 0; i + RUN <= w.length; i++) seedRuns.add(w.slice(i, i + RUN).join(' '));
  }
  const graph = loadGraph();
  const texts: { where: string; text: string }[] = [];
  graph.forEachNode((id, a) => texts.push({ where: `node ${id} description`, text: a.description }));
  graph.forEachEdge((id, a) => {
    if (a.note) texts.push({ where: `edge ${id} note`, text: a.note });
    a.evidence.forEach((ev, i) => {
      texts.push({ where: `edge ${id} evidence[${i}] statement`, text: ev.statement });
      if (ev.note) texts.push({ where: `edge ${id} evidence[${i}] note`, text: ev.note });
    });
  });
  for (const m of Object.values(graph.getAttribute('modules'))) texts.push({ where: `module ${m.id} summary`, text: m.summary });
  // Lessons are curated text too: summaries, sentences (the slides) and notes.
  for (const l of graph.getAttribute('lessons') ?? []) {
    if (l.lesson.summary) texts.push({ where: `lesson ${l.lesson.id} summary`, text: l.lesson.summary });
    l.steps.forEach((s, i) => {
      texts.push({ where: `lesson ${l.lesson.id} step ${i + 1} sentence`, text: s.sentence });
      if (s.note) texts.push({ where: `lesson ${l.lesson.id} step ${i + 1} note`, text: s.note });
    });
  }
  return { seedRuns, texts };
}

// describe.skipIf still runs its body to collect tests, so nothing is read outside the tests themselves.
describe.skipIf(!existsSync(SEEDS))("curated text is in the curators' own words", () => {
  it('shares no run of 8 words with a seed article', () => {
    const { seedRuns, texts } = material();
    const copied: string[] = [];
    for (const { where, text } of texts) {
      const w = words(text);
      for (let i = 0; i + RUN <= w.length; i++) {
        const run = w.slice(i, i + RUN).join(' ');
        if (seedRuns.has(run)) copied.push(`${where}: "${run}"`);
      }
    }
    expect(copied).toEqual([]);
  });

  it('checks a meaningful amount of text', () => {
    expect(material().texts.length).toBeGreaterThan(300);
  });
});
