/**
 * Applies a View to Cytoscape: adds and removes elements to match the drawn set, re-runs the layout
 * when that set changes, then sets every element's classes from view.classes. Holds no UI state.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { KnowledgeGraph } from '../../src/index.js';
import { elementCount } from '../state/engine.js';
import { subgraphElements } from './elements.js';
import { buildStylesheet } from './style.js';
import type { View } from '../state/view.js';

// Extensions are registered once: fcose at start-up, dagre (path layout) the first time it is
// needed, so it stays out of the first download (cytoscape-svg loads with the exports).
cytoscape.use(fcose);
let dagreReady: Promise<void> | null = null;
function ensureDagre(): Promise<void> {
  dagreReady ??= import('cytoscape-dagre').then(({ default: dagre }) => {
    cytoscape.use(dagre);
  });
  return dagreReady;
}

export interface RenderStats {
  /** Renders completed (layout done and frame drawn). */
  renders: number;
  lastLayoutMs: number;
  lastLayout: string;
}

export class Renderer {
  readonly cy: cytoscape.Core;
  readonly stats: RenderStats = { renders: 0, lastLayoutMs: 0, lastLayout: '' };
  private graph: KnowledgeGraph;
  private layoutKey = '';
  private overviewPositions: Map<string, cytoscape.Position> | null = null;
  private fitKey = '';

  constructor(container: HTMLElement, graph: KnowledgeGraph, limit: number) {
    this.graph = graph;
    // Big drawings stay smooth while panning and zooming if edges are hidden during the gesture.
    const big = Math.min(elementCount(graph), limit) > 2000;
    this.cy = cytoscape({
      hideEdgesOnViewport: big,
      container,
      style: buildStylesheet({ fontScale: 1 }),
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: 0.05,
      maxZoom: 6,
      pixelRatio: 'auto',
    });
  }

  setGraph(graph: KnowledgeGraph): void {
    this.graph = graph;
    this.layoutKey = '';
    this.fitKey = '';
    this.overviewPositions = null;
    this.cy.elements().remove();
  }

  setFontScale(fontScale: number): void {
    this.cy.style(buildStylesheet({ fontScale }));
  }

  /** Brings Cytoscape in line with the view; resolves once the frame with the new layout is drawn. */
  async apply(view: View): Promise<void> {
    const cy = this.cy;
    const relayout = view.layoutKey !== this.layoutKey;
    if (relayout) {
      const wanted = view.nodes === null ? this.graph.nodes() : view.nodes;
      const els = subgraphElements(this.graph, wanted, view.edges ?? undefined);
      const wantedIds = new Set(els.map((e) => e.data.id as string));
      cy.batch(() => {
        cy.elements().filter((e) => !wantedIds.has(e.id())).remove();
        const missing = els.filter((e) => cy.getElementById(e.data.id as string).empty());
        // Spread new nodes before the layout runs, so no two share a point (Cytoscape cannot draw such edges).
        const spread = 40 * Math.sqrt(missing.length + 1);
        for (const e of missing) if (e.group === 'nodes') e.position = { x: Math.random() * spread, y: Math.random() * spread };
        if (missing.length) cy.add(missing);
      });
    }
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        const cls = view.classes.get(ele.id());
        ele.classes(cls ?? []);
      });
    });
    if (relayout) {
      this.layoutKey = view.layoutKey;
      await this.runLayout(view);
      this.fitKey = '';
    }
    cy.resize();
    const fitKey = `${view.layoutKey}|${view.fitTo?.join(',') ?? '*'}|${cy.width()}x${cy.height()}`;
    if (fitKey !== this.fitKey) {
      this.fitKey = fitKey;
      const fitIds = view.fitTo ? new Set(view.fitTo) : null;
      const target = fitIds ? cy.elements().filter((e) => fitIds.has(e.id())) : cy.elements(':visible');
      if (target.nonempty()) cy.fit(target, view.fitTo ? 60 : 30);
      if (cy.zoom() > 2.2) cy.zoom({ level: 2.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    }
    await nextFrame(cy);
    this.stats.renders++;
  }

  private async runLayout(view: View): Promise<void> {
    const cy = this.cy;
    const t0 = performance.now();
    const eles = cy.elements();
    const saved = this.overviewPositions;
    if (view.mode === 'overview' && saved && eles.nodes().filter((n) => !saved.has(n.id())).empty()) {
      eles.layout({ name: 'preset', positions: Object.fromEntries(saved), fit: false }).run();
    } else if (eles.nonempty()) {
      if (view.layout === 'dagre') await ensureDagre();
      const options = view.layout === 'dagre' ? dagreOptions() : fcoseOptions(eles.nodes().length);
      const layout = eles.layout(options);
      const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
      layout.run();
      await done;
      if (view.mode === 'overview') {
        this.overviewPositions = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
      }
    }
    this.stats.lastLayoutMs = performance.now() - t0;
    this.stats.lastLayout = view.layout;
  }

  /** The elements drawn and not hidden by a filter. */
  visibleElements(): cytoscape.CollectionReturnValue {
    return this.cy.elements().filter((e) => !e.hasClass('hidden'));
  }

  centerOn(id: string): void {
    const n = this.cy.getElementById(id);
    if (n.nonempty()) this.cy.animate({ center: { eles: n }, duration: 250 });
  }
}

function fcoseOptions(nodes: number): cytoscape.LayoutOptions {
  const big = nodes > 800;
  return {
    name: 'fcose',
    quality: big ? 'draft' : 'default',
    randomize: true,
    animate: false,
    fit: true,
    padding: 30,
    nodeDimensionsIncludeLabels: !big,
    uniformNodeDimensions: big,
    packComponents: true,
    idealEdgeLength: () => 110,
    nodeRepulsion: () => 25000,
    edgeElasticity: () => 0.4,
    nestingFactor: 0.1,
    gravity: 0.3,
    numIter: big ? 1200 : 1000,
    tile: true,
  } as unknown as cytoscape.LayoutOptions;
}

function dagreOptions(): cytoscape.LayoutOptions {
  return {
    name: 'dagre',
    rankDir: 'LR',
    nodeSep: 30,
    rankSep: 70,
    edgeSep: 12,
    animate: false,
    fit: true,
    padding: 50,
    nodeDimensionsIncludeLabels: true,
  } as unknown as cytoscape.LayoutOptions;
}

function nextFrame(cy: cytoscape.Core): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve();
    };
    cy.one('render', () => requestAnimationFrame(() => finish()));
    // Nothing to draw (empty view) emits no render event.
    setTimeout(finish, 500);
    cy.forceRender();
  });
}

