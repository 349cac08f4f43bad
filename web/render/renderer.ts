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
import { buildStylesheet, COLLAPSED_LABEL, FOCUS_NODE, LABEL_FONT, PATH_LABEL_PX, READABLE_LABEL, READABLE_PX, READABLE_TITLE } from './style.js';
import { placeReadableLabels, type Box, type LabelCandidate, type LabelSide } from './readable-labels.js';
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
  /** The view's nodes whose names must be readable at the current zoom, and those given a readable size. */
  private readable: View['readable'] = null;
  private resized = new Set<string>();
  private relabelTimer: ReturnType<typeof setTimeout> | null = null;
  /** The zoom the overview's names were last placed at. */
  private placedZoom = NaN;

  constructor(container: HTMLElement, graph: KnowledgeGraph, private readonly limit: number, positions: PositionsFile | null) {
    this.graph = graph;
    this.positions = positions;
    // Big drawings stay smooth while panning and zooming: during the gesture Cytoscape moves a cached
    // texture of the last frame (and hides edges) instead of redrawing thousands of elements per frame.
    const big = Math.min(elementCount(graph), limit) > 2000;
    this.cy = cytoscape({
      hideEdgesOnViewport: big,
      textureOnViewport: big,
      container,
      // No layout at start (Cytoscape's default runs a grid layout over the empty graph).
      layout: { name: 'preset' },
      style: buildStylesheet({ fontScale: 1 }),
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: 0.05,
      maxZoom: 6,
      pixelRatio: 'auto',
    });
    this.seedFilePositions();
    // Zooming and panning change which names fit: placed again once the gesture rests. (The overview places its
    // names over the whole diagram, not only the part on the canvas, so a pan at the same zoom changes nothing.)
    this.cy.on('viewport', () => {
      if (!this.readable) return;
      if (this.readable.titles && this.cy.zoom() === this.placedZoom) return;
      if (this.relabelTimer) clearTimeout(this.relabelTimer);
      this.relabelTimer = setTimeout(() => {
        this.relabelTimer = null;
        this.placeReadable();
      }, 200);
    });
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
      // A neighbourhood of a graph drawn with fcose stands where the overview puts it (the same picture, so the
      // reader's map holds): opened first, the overview's layout is computed before the neighbourhood is drawn.
      if (view.layout === 'fcose' && view.mode !== 'overview' && view.nodes && this.graph.order <= LANES_ABOVE && elementCount(this.graph) <= this.limit && view.nodes.some((id) => !this.fcosePositions.has(id))) {
        await this.layOutOverview(view);
      }
      const els = this.elementsFor(view);
      // Classes go in with the elements (setting them afterwards restyles each element a second time).
      for (const e of els) if (e.data.box === undefined && e.data.meta !== true) e.classes = view.classes.get(e.data.id as string) ?? [];
      cy.batch(() => {
        cy.elements().remove();
        cy.add(els);
      });
    }
    if (!relayout) cy.batch(() => {
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
    // On a phone's narrow canvas a path is stepped through hop by hop: the canvas shows the hop in hand, large
    // (the strip under it explains it); a wider canvas keeps the whole path in view.
    const hop = cy.width() < 600 && view.layout === 'dagre' ? cy.elements('.hop-current') : cy.collection();
    const fitKey = `${view.layoutKey}|${view.fitTo?.join(',') ?? '*'}|${cy.width()}x${cy.height()}|${hop.map((e) => e.id()).join(',')}`;
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
      if (view.layout === 'dagre' && chosen.nonempty() && cy.zoom() * PATH_LABEL_PX * this.fontScale < READABLE_PX) {
        cy.fit(chosen, 20);
        // A long route on a small window: draw its labels at the readable size from its start, the rest a drag away.
        const readable = (READABLE_PX / (PATH_LABEL_PX * this.fontScale)) * 1.001;
        if (cy.zoom() < readable) {
          const bb = chosen.boundingBox();
          const pan = { x: 20 - bb.x1 * readable, y: cy.height() / 2 - ((bb.y1 + bb.y2) / 2) * readable };
          if (bb.h * readable > cy.height() - 40) pan.y = 20 - bb.y1 * readable;
          cy.viewport({ zoom: readable, pan });
        }
      }
      if (hop.nonempty()) cy.fit(hop, 30);
      // A phone shows the focus view's column at a size to read, from the top: the rest is a drag away.
      if (view.layout === 'focus' && cy.height() > cy.width() * 1.2 && target.nonempty()) {
        const bb = target.boundingBox();
        const zoom = Math.min(2.2, (cy.width() - 40) / bb.w);
        if (zoom > cy.zoom() * 1.05) cy.viewport({ zoom, pan: { x: 20 - bb.x1 * zoom, y: 20 - bb.y1 * zoom } });
      }
      const most = Math.min(2.2, view.fitMaxZoom ?? 2.2);
      if (cy.zoom() > most) cy.zoom({ level: most, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    }
    this.readable = view.readable;
    this.placeReadable();
    if (first) {
      performance.mark('mechkg:fitted');
      cy.one('render', () => performance.mark('mechkg:drawn'));
    }
    await nextFrame(cy);
    this.stats.renders++;
  }

  /**
   * Names (and perturbation rings) to read on a zoomed-out drawing: each node of view.readable whose label is
   * drawn smaller than READABLE_LABEL.px gets a label of that size on screen where it fits (render/readable-labels.ts),
   * and a marked node a ring and body big enough to see. Sizes are style bypasses, cleared and set again on each
   * view and zoom.
   */
  private placeReadable(): void {
    const cy = this.cy;
    const zoom = cy.zoom();
    const want = this.readable;
    cy.batch(() => {
      for (const id of this.resized) cy.getElementById(id).removeStyle('font-size text-max-width min-zoomed-font-size border-width width height text-valign text-halign text-margin-x text-margin-y text-justification');
    });
    this.resized.clear();
    if (!want || want.nodes.length === 0) return;
    const px = READABLE_LABEL.px * this.fontScale;
    const nodes = want.nodes.map((w) => ({ n: cy.getElementById(w.id) as unknown as cytoscape.NodeSingular, priority: w.priority })).filter(({ n }) => n.nonempty() && n.visible());
    cy.batch(() => {
      if (want.kind !== 'marks') return;
      for (const { n } of nodes) {
        const ring = Math.max(pstyle(n, 'border-width').pfValue, READABLE_LABEL.ringPx / zoom);
        const body = Math.max(n.width(), READABLE_LABEL.markPx / zoom);
        n.style({ 'border-width': ring, width: body, height: body } as never);
        this.resized.add(n.id());
      }
    });
    const top = Math.max(...want.nodes.map((w) => w.priority));
    const candidates: LabelCandidate[] = [];
    const obstacles: { x1: number; y1: number; x2: number; y2: number }[] = [];
    const labelBoxOf = (e: cytoscape.NodeSingular) => e.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
    /** Names Cytoscape would draw smaller than px (and at least at its minimum, so they show): kept from view unless placed. */
    const small = new Set<string>();
    for (const { n, priority } of nodes) {
      const text = pstyle(n, 'label').strValue as string;
      if (!text) continue;
      const shown = pstyle(n, 'font-size').pfValue * zoom;
      if (shown >= px) obstacles.push(labelBoxOf(n));
      else {
        const p = n.renderedPosition();
        if (shown >= pstyle(n, 'min-zoomed-font-size').pfValue) small.add(n.id());
        // The overview has no subject: no name is drawn over another node.
        candidates.push({ id: n.id(), x: p.x, y: p.y, r: (n.outerWidth() * zoom) / 2, text, priority, force: !want.titles && priority === top });
      }
    }
    // The canvas; on the overview, the canvas and the whole diagram on screen (zoomed in, every name is placed once).
    const area: Box = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
    if (want.titles) {
      this.placedZoom = zoom;
      const pan = cy.pan();
      cy.nodes('[box][w]').forEach((b) => {
        const p = b.position();
        area.x1 = Math.min(area.x1, (p.x - b.data('w') / 2) * zoom + pan.x);
        area.x2 = Math.max(area.x2, (p.x + b.data('w') / 2) * zoom + pan.x);
        area.y1 = Math.min(area.y1, (p.y - b.data('h') / 2) * zoom + pan.y);
        area.y2 = Math.max(area.y2, (p.y + b.data('h') / 2) * zoom + pan.y);
      });
    }
    // Box titles drawn at this zoom are in the way too; on the overview they are made readable first (placeTitles).
    if (want.titles) obstacles.push(...this.placeTitles(candidates, area));
    else
      cy.nodes('[box]').forEach((b) => {
        if (pstyle(b, 'font-size').pfValue * zoom >= pstyle(b, 'min-zoomed-font-size').pfValue) obstacles.push(labelBoxOf(b));
      });
    const placed = placeReadableLabels(candidates, { px, family: LABEL_FONT, weight: want.kind === 'marks' ? 'bold' : 'normal', maxWidth: READABLE_LABEL.maxWidth * this.fontScale }, area, obstacles);
    const gap = 3 / zoom;
    const at: Record<LabelSide, Record<string, string | number>> = {
      below: { 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': gap },
      above: { 'text-valign': 'top', 'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': -gap },
      right: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': gap, 'text-margin-y': 0, 'text-justification': 'left' },
      left: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -gap, 'text-margin-y': 0, 'text-justification': 'right' },
      'below-right': { 'text-valign': 'bottom', 'text-halign': 'right', 'text-margin-x': gap, 'text-margin-y': gap, 'text-justification': 'left' },
      'below-left': { 'text-valign': 'bottom', 'text-halign': 'left', 'text-margin-x': -gap, 'text-margin-y': gap, 'text-justification': 'right' },
      'above-right': { 'text-valign': 'top', 'text-halign': 'right', 'text-margin-x': gap, 'text-margin-y': -gap, 'text-justification': 'left' },
      'above-left': { 'text-valign': 'top', 'text-halign': 'left', 'text-margin-x': -gap, 'text-margin-y': -gap, 'text-justification': 'right' },
    };
    cy.batch(() => {
      for (const c of candidates) {
        const side = placed.get(c.id);
        // A name with no room is not drawn small over the others: it shows once it would be readable. (One that
        // Cytoscape leaves out anyway, under its minimum size, needs nothing: the first frame restyles less.)
        if (!side && !small.has(c.id)) continue;
        cy.getElementById(c.id).style((side ? { 'font-size': px / zoom, 'text-max-width': `${(READABLE_LABEL.maxWidth * this.fontScale) / zoom}px`, 'min-zoomed-font-size': 0, ...at[side] } : { 'min-zoomed-font-size': px }) as never);
        this.resized.add(c.id);
      }
    });
  }

  /**
   * The overview's box titles at a size to read (READABLE_TITLE on screen, one line cut to the box's width as
   * Cytoscape cuts it): every compartment's (whole where it has room, else cut to its box), then each module's,
   * largest box first, where it meets no title kept and no node; a title cut to a few letters, or a module title
   * with no room, is hidden until zooming in draws it at that size. Returns the screen boxes of the titles drawn,
   * which the node names then keep clear of.
   */
  private placeTitles(nodes: readonly LabelCandidate[], area: Box): Box[] {
    const cy = this.cy;
    const zoom = cy.zoom();
    const kept: { x1: number; y1: number; x2: number; y2: number }[] = [];
    const meets = (a: (typeof kept)[number], b: (typeof kept)[number]) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const bodies = nodes.map((c) => ({ x1: c.x - c.r, y1: c.y - c.r, x2: c.x + c.r, y2: c.y + c.r }));
    const titled = new Set<unknown>();
    const boxes = cy
      .nodes('[box][w]')
      .filter((b) => b.visible() && Boolean(b.data('label')))
      .sort((a, b) => Number(Boolean(a.data('inner'))) - Number(Boolean(b.data('inner'))) || b.data('w') * b.data('h') - a.data('w') * a.data('h') || (a.id() < b.id() ? -1 : 1));
    cy.batch(() => {
      boxes.forEach((b) => {
        const inner = Boolean(b.data('inner'));
        const px = (inner ? READABLE_TITLE.module : READABLE_TITLE.compartment) * this.fontScale;
        const natural = pstyle(b, 'font-size').pfValue * zoom;
        const weight = inner ? 'normal' : 'bold';
        const size = Math.max(px, natural);
        const label = String(b.data('label'));
        const p = b.renderedPosition();
        const bottom = p.y - (Number(b.data('h')) / 2) * zoom + pstyle(b, 'text-margin-y').pfValue * zoom;
        const at = (width: number) => ({ x1: p.x - width / 2 - 2, y1: bottom - size * 1.25 - 2, x2: p.x + width / 2 + 2, y2: bottom + 2 });
        const free = (box: Box) => box.x1 >= area.x1 && box.y1 >= Math.min(0, area.y1) && box.x2 <= area.x2 && !kept.some((k) => meets(k, box)) && !bodies.some((k) => meets(k, box));
        // A compartment's whole title where it has room (a narrow compartment's may run past its box), else cut to
        // the box; a module title is cut to its box. A title cut to a few letters says nothing and is left out.
        const full = textWidth(label, size, LABEL_FONT, weight);
        const cut = ellipsisWidth(label, size, LABEL_FONT, weight, Number(b.data('labelWidth')) * zoom);
        const whole = !inner && full > cut && free(at(full));
        // A module drawn in several compartments is named once, in its largest box.
        const named = inner && titled.has(b.data('module'));
        const fits = whole || (!inner ? cut >= Math.min(full, 4 * px) : !named && free(at(cut)) && cut >= Math.min(full, 6 * px));
        if (fits && inner) titled.add(b.data('module'));
        if (fits) kept.push(at(whole ? full : cut));
        if (natural >= px && !whole) return;
        b.style((fits ? { 'font-size': size / zoom, 'min-zoomed-font-size': 0, ...(whole ? { 'text-max-width': `${Math.ceil(full / zoom) + 2}px` } : {}) } : { 'min-zoomed-font-size': px }) as never);
        this.resized.add(b.id());
      });
    });
    return kept;
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

  /** Lays out the whole graph as the overview does (same elements, same starting points) and keeps the positions. */
  private async layOutOverview(view: View): Promise<void> {
    const overview: View = { ...view, mode: 'overview', nodes: null, edges: null, classes: new Map(), fitTo: null, readable: null };
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(this.elementsFor(overview));
    });
    await this.runLayout(overview);
    this.cy.elements().remove();
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

/** Cytoscape's parsed style value of an element (documented, missing from its typings). */
function pstyle(ele: cytoscape.SingularElementArgument, name: string): { pfValue: number; strValue: string } {
  return (ele as unknown as { pstyle(name: string): { pfValue: number; strValue: string } }).pstyle(name);
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
