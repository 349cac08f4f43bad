/**
 * A lesson step is a view: this turns one into the UI state the explorer draws (focus, path and hop,
 * perturbation, highlighted nodes, compartment), so a lesson plays through the same code as any link.
 */
import type { KnowledgeGraph, LessonFileData } from '../../src/index.js';
import { DEFAULT_MAX_LENGTH, initialState, type UiState } from './ui-state.js';

export type Lesson = LessonFileData;

export function findLesson(graph: KnowledgeGraph, id: string): Lesson | null {
  return graph.getAttribute('lessons')?.find((l) => l.lesson.id === id) ?? null;
}

/** The state for step `index` (0-based, clamped) of a lesson; filters and collapsed modules are kept. */
export function lessonStepState(lesson: Lesson, index: number, keep: Pick<UiState, 'filters' | 'collapsed'>): UiState {
  const i = Math.min(Math.max(0, index), lesson.steps.length - 1);
  const step = lesson.steps[i]!;
  const s = initialState();
  s.filters = keep.filters;
  s.collapsed = keep.collapsed;
  s.presenter = true;
  s.lesson = { id: lesson.lesson.id, step: i };
  s.highlight = [...step.highlight];
  s.compartment = step.compartment ?? null;
  if (step.focus) {
    s.focus = step.focus;
    s.selected = step.focus;
  }
  if (step.path) {
    s.query = { from: step.path.from, to: step.path.to, maxLength: step.path.max ?? DEFAULT_MAX_LENGTH, sign: 'any', via: [], avoid: [], minEvidence: '', rank: 'length', associations: false };
    s.pathIndex = step.path.rank - 1;
    s.step = step.path.hop === undefined ? null : step.path.hop - 1;
  }
  if (step.perturb) s.perturb = { node: step.perturb.node, direction: step.perturb.direction, depth: step.perturb.depth ?? null };
  return s;
}
