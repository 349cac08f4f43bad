/**
 * A read-only window.__mechkg for browser tests and the benchmark: counts, drawn ids, classes, state.
 * It exposes no way to change data; the Cytoscape instance itself is exposed only in the test build.
 */
import type cytoscape from 'cytoscape';
import type { KnowledgeGraph } from '../../src/index.js';
import { isFurniture } from '../render/diagram-elements.js';
import type { Renderer } from '../render/renderer.js';
import type { UiState } from '../state/ui-state.js';
import type { View } from '../state/view.js';

export interface TestHookSources {
  renderer: Renderer;
  graph(): KnowledgeGraph;
  view(): View;
  state(): UiState;
}

export interface MechkgTestHook {
  /** Completed renders (0 until the first frame with a finished layout). */
  renders(): number;
  graphNodeCount(): number;
  graphEdgeCount(): number;
  /** Node ids drawn in Cytoscape and not hidden by a filter. */
  visibleNodeIds(): string[];
  visibleEdgeIds(): string[];
  /** Every element Cytoscape holds (hidden or not). */
  drawnElementCount(): number;
  classesOf(id: string): string[];
  state(): UiState;
  mode(): View['mode'];
  lastLayoutMs(): number;
  /** How the drawing was placed: 'diagram' (precomputed), 'dagre' (path) or 'fcose'. */
  lastLayout(): string;
  /** Where a drawn element sits (model coordinates), or null. */
  positionOf(id: string): { x: number; y: number } | null;
  /** Ids of the diagram's boxes drawn (compartments, modules, collapsed modules). */
  boxIds(): string[];
  cy?: cytoscape.Core;
}

declare global {
  interface Window {
    __mechkg?: MechkgTestHook;
  }
}

export function installTestHook(src: TestHookSources): { rendered(): void } {
  const cy = src.renderer.cy;
  const shown = (e: cytoscape.SingularElementArgument) => !e.hasClass('hidden') && !isFurniture(e);
  const hook: MechkgTestHook = {
    renders: () => src.renderer.stats.renders,
    graphNodeCount: () => src.graph().order,
    graphEdgeCount: () => src.graph().size,
    visibleNodeIds: () => cy.nodes().filter(shown).map((n) => n.id()),
    visibleEdgeIds: () => cy.edges().filter(shown).map((e) => e.id()),
    drawnElementCount: () => cy.elements().length,
    classesOf: (id) => {
      const e = cy.getElementById(id);
      return e.empty() ? [] : [...e.classes()];
    },
    state: () => structuredClone(src.state()),
    mode: () => src.view().mode,
    lastLayoutMs: () => src.renderer.stats.lastLayoutMs,
    lastLayout: () => src.renderer.stats.lastLayout,
    positionOf: (id) => {
      const e = cy.getElementById(id);
      return e.nonempty() && e.isNode() ? { ...e.position() } : null;
    },
    boxIds: () => cy.nodes('[box]').map((n) => n.id()),
  };
  if (__MECHKG_FIXTURES__) hook.cy = cy;
  Object.freeze(hook);
  Object.defineProperty(window, '__mechkg', { value: hook, writable: false, configurable: false });
  return {
    rendered() {
      document.documentElement.dataset.renders = String(src.renderer.stats.renders);
      if (src.renderer.stats.renders === 1) performance.mark('mechkg:first-render');
    },
  };
}
