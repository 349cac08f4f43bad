/**
 * Lessons in the explorer: the list (left panel) and, while one plays, the presenter strip under the
 * drawing: step k of n, the step's sentence, numbered citations, and the lecturer's note (folded, since
 * it is for the speaker). Keys: → / PageDown next, ← / PageUp previous, Home / End, Esc leaves.
 */
import type { KnowledgeGraph } from '../../src/index.js';
import { citation } from '../panels/evidence.js';
import type { Lesson } from '../state/lesson-state.js';
import { h, replaceChildren } from '../ui/dom.js';

export interface LessonActions {
  play(id: string, step: number): void;
  exit(): void;
  exportHandout(id: string): void;
  exportSlides(id: string): void;
}

export function renderLessonList(el: HTMLElement, graph: KnowledgeGraph, playing: string | null, actions: LessonActions): void {
  const lessons = graph.getAttribute('lessons') ?? [];
  if (!lessons.length) {
    replaceChildren(el, h('p', { class: 'hint' }, 'This graph has no lessons (graph/lessons/*.yaml).'));
    return;
  }
  replaceChildren(
    el,
    h(
      'ul',
      { class: 'lesson-list' },
      lessons.map((l) =>
        h(
          'li',
          { attrs: { 'data-lesson': l.lesson.id } },
          h('strong', {}, l.lesson.title),
          h('span', { class: 'hint' }, `${l.steps.length} steps · for ${l.lesson.audience}`),
          h(
            'div',
            { class: 'buttons' },
            h('button', { class: playing === l.lesson.id ? '' : 'primary', attrs: { type: 'button', 'data-action': 'play', 'aria-pressed': String(playing === l.lesson.id) }, on: { click: () => actions.play(l.lesson.id, 0) } }, playing === l.lesson.id ? '↺ From the start' : '▶ Present'),
            h('button', { attrs: { type: 'button', 'data-action': 'handout', title: 'One offline HTML file: each step with its figure, sentence, citations and note' }, on: { click: () => actions.exportHandout(l.lesson.id) } }, 'Handout (HTML)'),
            h('button', { attrs: { type: 'button', 'data-action': 'slides', title: 'A PowerPoint deck, one slide per step, the note as speaker notes' }, on: { click: () => actions.exportSlides(l.lesson.id) } }, 'Slides (PPTX)'),
          ),
        ),
      ),
    ),
  );
}

/** Numbered citations of a step, as list items. */
export function citationItems(graph: KnowledgeGraph, ids: readonly string[]): HTMLElement[] {
  const sources = graph.getAttribute('sources') ?? {};
  return ids.map((id) => h('li', {}, citation(id, sources[id])));
}

export function renderLessonStrip(el: HTMLElement, graph: KnowledgeGraph, lesson: Lesson | null, step: number, actions: LessonActions): void {
  if (!lesson) {
    el.hidden = true;
    replaceChildren(el);
    return;
  }
  const i = Math.min(Math.max(0, step), lesson.steps.length - 1);
  const s = lesson.steps[i]!;
  el.hidden = false;
  replaceChildren(
    el,
    h(
      'div',
      { class: 'teach-head' },
      h('h2', { class: 'lesson-title', attrs: { id: 'lesson-title', tabindex: -1 } }, h('span', { class: 'teach-count', attrs: { id: 'lesson-count' } }, `${lesson.lesson.title} · step ${i + 1} of ${lesson.steps.length}`), h('span', { class: 'lesson-step-title' }, s.title)),
      h(
        'div',
        { class: 'buttons' },
        h('button', { attrs: { type: 'button', id: 'lesson-prev', disabled: i === 0, 'aria-keyshortcuts': 'ArrowLeft PageUp' }, on: { click: () => actions.play(lesson.lesson.id, i - 1) } }, '← Previous'),
        h('button', { class: 'primary', attrs: { type: 'button', id: 'lesson-next', disabled: i === lesson.steps.length - 1, 'aria-keyshortcuts': 'ArrowRight PageDown' }, on: { click: () => actions.play(lesson.lesson.id, i + 1) } }, 'Next →'),
        h('button', { attrs: { type: 'button', id: 'lesson-exit', 'aria-keyshortcuts': 'Escape' }, on: { click: () => actions.exit() } }, 'End lesson'),
      ),
    ),
    h('p', { class: 'teach-sentence', attrs: { id: 'lesson-sentence' } }, s.sentence),
    s.citations.length ? h('ol', { class: 'lesson-citations', attrs: { 'aria-label': 'Citations' } }, citationItems(graph, s.citations)) : null,
    s.note ? h('details', { class: 'lesson-note' }, h('summary', {}, "Lecturer's note"), h('p', {}, s.note)) : null,
  );
}
