/**
 * Applies a View to Cytoscape: rebuilds the elements when the drawn set or layout changes, places them
 * (the precomputed pathway diagram, the path layout, or fcose from deterministic starting points for
 * graphs without diagram data), then sets every graph element's classes from view.classes. Holds no UI state.
 */
import cytoscape from 'cytoscape';
import { moduleLanes, placeDiagram, type Diagram, type KnowledgeGraph, type PositionsFile } from '../../src/index.js';
import { LANES_ABOVE } from '../state/view.js';
import { elementCount } from '../state/engine.js';
import type { View } from '../state/view.js';
import { diagramElements, isFurniture } from './diagram-elements.js';
import { inducedEdgeKeys, markParallelEdges, subgraphElements } from './elements.js';
import { buildStylesheet, COLLAPSED_LABEL, FOCUS_NODE, LABEL_FONT, PATH_LABEL_PX, READABLE_PX } from './style.js';
import { ellipsisWidth, textWidth } from './text-width.js';
import { layoutFocus } from './focus-layout.js';


// The path layout (dagre) and fcose (for graphs without a diagram) load the first time they are needed,
// so the curated graph's first render downloads neither.
let pathLayout: Promise<typeof import('./path-layout.js')> | null = null;
let fcoseReady: Promise<void> | null = null;
function ensureFcose(): Promise<void> {
  fcoseReady ??= import('cytoscape-fcose').then(({ default: fcose }) => {
    cytoscape.use(fcose);
  });
  return fcoseReady;
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
  private positions: PositionsFile | null;
  private diagramMemo: Diagram | null | undefined;
  private layoutKey = '';
  private fitKey = '';
  private fcosePositions = new Map<string, cytoscape.Position>();
  private fontScale = 1;

  constructor(container: HTMLElement, graph: KnowledgeGraph, limit: number, positions: PositionsFile | null) {
    this.graph = graph;
    this.positions = positions;
    // Big drawings stay smooth while panning and zooming: during the gesture Cytoscape moves a cached
    // texture of the last frame (and hides edges) instead of redrawing thousands of elements per frame.
    const big = Math.min(elementCount(graph), limit) > 2000;
    this.cy = cytoscape({
      hideEdgesOnViewport: big,
      textureOnViewport: big,
      container,
      style: buildStylesheet({ fontScale: 1 }),
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: 0.05,
      maxZoom: 6,
      pixelRatio: 'auto',
    });
    this.seedFilePositions();
  }

  /**
   * An opened file that drew its nodes (Cytoscape JSON position, CX2 x/y, yEd geometry) is shown as drawn:
   * its positions stand where fcose's would, and fcose runs only when some drawn node has none.
   */
  private seedFilePositions(): void {
    this.graph.forEachNode((id, n) => {
      if (n.position) this.fcosePositions.set(id, { x: n.position.x, y: n.position.y });
    });
  }

  /** The stored diagram positions of the graph shown (null for an opened file or a fixture). */
  storedPositions(): PositionsFile | null {
    return this.positions;
  }

  setGraph(graph: KnowledgeGraph, positions: PositionsFile | null): void {
    this.graph = graph;
    this.positions = positions;
    this.diagramMemo = undefined;
    this.layoutKey = '';
    this.fitKey = '';
    this.fcosePositions.clear();
    this.seedFilePositions();
    this.cy.elements().remove();
  }

  /** The pathway diagram of the graph, or null when the graph has no compartments (graph/layout). */
  diagram(): Diagram | null {
    if (this.diagramMemo === undefined) {
      const layout = this.graph.getAttribute('layout');
      this.diagramMemo = layout ? placeDiagram(this.graph, layout, this.positions) : this.graph.order > LANES_ABOVE ? placeDiagram(this.graph, moduleLanes(this.graph), null) : null;
    }
    return this.diagramMemo;
  }

  setFontScale(fontScale: number): void {
    // The constructor's stylesheet is at scale 1: restyling everything to the same sheet would cost a frame.
    if (fontScale === this.fontScale) return;
    this.fontScale = fontScale;
    this.cy.batch(() => {
      this.cy.nodes('[box = "collapsed"]').forEach((n) => {
        n.data('boxWidth', this.collapsedWidth(n.data('label')));
      });
    });
    this.cy.style(buildStylesheet({ fontScale }));
    // The path and focus layouts leave room for labels at their drawn size: lay them out again at the new size.
    if (this.stats.lastLayout === 'dagre' || this.stats.lastLayout === 'focus') this.layoutKey = '';
  }

  /** Brings Cytoscape in line with the view; resolves once the frame with the new layout is drawn. */
  async apply(view: View): Promise<void> {
    const cy = this.cy;
    const relayout = view.layoutKey !== this.layoutKey;
    const first = this.stats.renders === 0;
    if (first) performance.mark('mechkg:apply');
    if (relayout) {
      const els = this.elementsFor(view);
      cy.batch(() => {
        cy.elements().remove();
        cy.add(els);
      });
    }
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        if (isFurniture(ele)) return;
        // Setting classes restyles the element even when they are unchanged: on a big drawing that is
        // most of the first render, so only elements whose classes differ are touched.
        const want = view.classes.get(ele.id()) ?? [];
        const have = ele.classes();
        if (have.length !== want.length || want.some((c) => !ele.hasClass(c))) ele.classes(want);
      });
    });
    if (first) performance.mark('mechkg:elements');
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
      // The diagram's boxes enclose everything it draws: fitting them measures a few dozen boxes, not every node
      // label and edge (Cytoscape computes those edges again for the first frame).
      const boxes = cy.nodes('[box]');
      const target = fitIds ? cy.elements().filter((e) => fitIds.has(e.id())) : boxes.nonempty() ? boxes : cy.elements().filter((e) => !e.hasClass('hidden'));
      if (target.nonempty()) cy.fit(target, view.fitTo ? 60 : 20);
      // Many ranked routes make a wide drawing: if fitting them all would shrink the chosen route's labels below
      // a readable size, the chosen route is fitted instead (the others run off the edge; key f fits all).
      const chosen = cy.elements('.on-path');
      if (view.layout === 'dagre' && chosen.nonempty() && cy.zoom() * PATH_LABEL_PX * this.fontScale < READABLE_PX) cy.fit(chosen, 20);
      // A phone shows the focus view's column at a size to read, from the top: the rest is a drag away.
      if (view.layout === 'focus' && cy.height() > cy.width() * 1.2 && target.nonempty()) {
        const bb = target.boundingBox();
        const zoom = Math.min(2.2, (cy.width() - 40) / bb.w);
        if (zoom > cy.zoom() * 1.05) cy.viewport({ zoom, pan: { x: 20 - bb.x1 * zoom, y: 20 - bb.y1 * zoom } });
      }
      if (cy.zoom() > 2.2) cy.zoom({ level: 2.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    }
    if (first) {
      performance.mark('mechkg:fitted');
      cy.one('render', () => performance.mark('mechkg:drawn'));
    }
    await nextFrame(cy);
    this.stats.renders++;
  }

  /** A collapsed module's box is as wide as its label (bold, one line, cut at COLLAPSED_LABEL.maxWidth). */
  private collapsedWidth(label: string): number {
    return ellipsisWidth(label, Math.round(COLLAPSED_LABEL.px * this.fontScale), LABEL_FONT, 'bold', COLLAPSED_LABEL.maxWidth);
  }

  private elementsFor(view: View): cytoscape.ElementDefinition[] {
    const nodes = view.nodes ?? this.graph.nodes();
    const edges = view.edges ?? inducedEdgeKeys(this.graph, nodes);
    const diagram = view.layout === 'diagram' ? this.diagram() : null;
    if (diagram) return markParallelEdges(diagramElements(this.graph, diagram, nodes, edges, new Set(view.collapsed), (label) => this.collapsedWidth(label)));
    const els = markParallelEdges(subgraphElements(this.graph, nodes, edges));
    // Deterministic starting points (from the id), so the same graph gives the same picture with fcose; the path
    // and focus layouts place every node themselves, but nodes that all start at one point make degenerate edges,
    // which Cytoscape warns about if it measures them before the layout is done.
    const spread = 60 * Math.sqrt(nodes.length + 1);
    for (const e of els) if (e.group === 'nodes') e.position = (view.layout === 'fcose' ? this.fcosePositions.get(e.data.id as string) : undefined) ?? seeded(e.data.id as string, spread);
    return els;
  }

  private async runLayout(view: View): Promise<void> {
    const cy = this.cy;
    const t0 = performance.now();
    const eles = cy.elements();
    if (view.layout === 'dagre' && eles.nonempty()) {
      pathLayout ??= import('./path-layout.js');
      const { layoutPath, segmentsFor, TB_LABEL_GAP } = await pathLayout;
      const { rankdir, positions, bends } = layoutPath(cy, { px: PATH_LABEL_PX * this.fontScale, family: LABEL_FONT });
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          n.position(positions.get(n.id())!);
          if (rankdir === 'TB') n.style({ 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': TB_LABEL_GAP, 'text-margin-y': 0, 'text-justification': 'left' } as never);
        });
        cy.edges().forEach((e) => {
          const seg = segmentsFor(e.source().position(), e.target().position(), bends.get(e.id()) ?? []);
          if (seg) e.style({ 'curve-style': 'segments', 'segment-weights': seg.weights, 'segment-distances': seg.distances, 'edge-distances': 'node-position' } as never);
        });
      });
    } else if (view.layout === 'focus' && view.focusId && eles.nonempty()) {
      this.layOutFocus(view.focusId);
    } else if (view.layout === 'fcose' && eles.nodes().filter((n) => !this.fcosePositions.has(n.id())).nonempty()) {
      await ensureFcose();
      const layout = eles.layout(fcoseOptions(eles.nodes().length));
      const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
      layout.run();
      await done;
      if (view.mode === 'overview') for (const n of cy.nodes()) this.fcosePositions.set(n.id(), { ...n.position() });
    }
    this.stats.lastLayoutMs = performance.now() - t0;
    this.stats.lastLayout = view.layout;
  }

  /**
   * The focus view: the focus in the middle, what acts on it on the left, what it acts on on the right
   * (render/focus-layout.ts). A neighbour's label says how it is linked, under or over its name ("− decreases",
   * "← + increases" for an edge back to the focus), so no label stands on the fanning edges, where they would
   * collide. A phone stacks both columns on the right.
   */
  private layOutFocus(focusId: string): void {
    const cy = this.cy;
    const focus = cy.getElementById(focusId) as unknown as cytoscape.NodeSingular;
    if (focus.empty() || !focus.isNode()) return;
    const tall = cy.height() > cy.width() * 1.2;
    const neighbours = cy.nodes().filter((n) => n.id() !== focusId).toArray() as cytoscape.NodeSingular[];
    cy.batch(() => {
      for (const n of neighbours) {
        const left = n.hasClass('nb-in') && !tall;
        const links = n
          .edgesWith(focus)
          .sort((a, b) => (a.id() < b.id() ? -1 : 1))
          .map((e) => `${(e as cytoscape.EdgeSingular).source().id() === focusId || left ? '' : '← '}${e.data('signLabel')}`);
        n.data('focusLabel', (left ? [n.data('label'), ...links] : [...links, n.data('label')]).join('\n'));
        // One column on the right: its labels all go on the right, away from the edges.
        if (tall && n.hasClass('nb-in')) n.style({ 'text-halign': 'right', 'text-margin-x': 6, 'text-justification': 'left' } as never);
      }
    });
    const asFocusNode = (n: cytoscape.NodeSingular) => ({ id: n.id(), label: String(n.data(n.id() === focusId ? 'label' : 'focusLabel')), size: n.width(), px: parseFloat(n.style('font-size')), side: n.hasClass('nb-in') ? ('in' as const) : ('out' as const) });
    const positions = layoutFocus(asFocusNode(focus), neighbours.map(asFocusNode), { tall, family: LABEL_FONT, labelMaxWidth: Math.round(FOCUS_NODE.labelWidth * this.fontScale) });
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.position(positions.get(n.id()) ?? { x: 0, y: 0 });
      });
    });
  }

  /** The graph's nodes and edges drawn and not hidden by a filter (no boxes, no summary edges). */
  visibleElements(): cytoscape.CollectionReturnValue {
    return this.cy.elements().filter((e) => !e.hasClass('hidden') && !isFurniture(e));
  }

  centerOn(id: string): void {
    const n = this.cy.getElementById(id);
    if (n.nonempty()) this.cy.animate({ center: { eles: n }, duration: 250 });
  }
}

/** A point in [0, spread)² from a string hash (FNV-1a), the same for the same id on every load. */
function seeded(id: string, spread: number): { x: number; y: number } {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  const a = h / 2 ** 32;
  const b = (Math.imul(h ^ 0x9e3779b9, 0x85ebca6b) >>> 0) / 2 ** 32;
  return { x: a * spread, y: b * spread };
}

function fcoseOptions(nodes: number): cytoscape.LayoutOptions {
  const big = nodes > 800;
  return {
    name: 'fcose',
    quality: big ? 'draft' : 'default',
    randomize: false,
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
