/**
 * What is drawn, as a pure function of (graph, state): which elements are in Cytoscape, which classes
 * each one carries, which layout places them, and what to tell the user. The renderer only applies it.
 */
import type { KnowledgeGraph, Path, PathsResult } from '../../src/index.js';
import { elementCount, resolveName, runPathQuery, type EffectsView, type Failure, type Outcome } from './engine.js';
import type { UiState } from './ui-state.js';

export type { EffectsView } from './engine.js';

export interface Message {
  level: 'error' | 'info';
  text: string;
  suggestions?: { id: string; label: string }[];
  /** What a suggestion replaces: the focus, a path endpoint, or the perturbed node. */
  field?: 'focus' | 'from' | 'to' | 'perturb' | 'select';
}

export interface View {
  /** 'focus': a focused node and its neighbours only, laid out to be read (render/focus-layout.ts). */
  mode: 'overview' | 'focus' | 'local' | 'path' | 'empty';
  /** Node ids to draw; null for the whole graph. */
  nodes: string[] | null;
  /** Edge keys to draw; null for every edge among the drawn nodes. */
  edges: string[] | null;
  /** 'diagram': the precomputed pathway diagram; 'dagre': the path layout; 'focus': the focus layout; 'fcose': graphs without diagram data. */
  layout: 'diagram' | 'fcose' | 'dagre' | 'focus';
  /** Modules drawn collapsed (diagram only). */
  collapsed: string[];
  /** Changes when the drawn element set or layout changes (the renderer re-runs the layout). */
  layoutKey: string;
  classes: Map<string, string[]>;
  /** Ids to fit the viewport to after rendering, or null to fit everything drawn. */
  fitTo: string[] | null;
  /** Largest zoom for that fit (two nodes side by side are shown with their surroundings, not filling the canvas). */
  fitMaxZoom?: number;
  messages: Message[];
  focusId: string | null;
  /** The selected node or edge (sel=, resolved like any name; an edge by its key), or null. */
  selectedId: string | null;
  /** The nodes whose neighbours the neighbourhood view draws (expand=, resolved like any name). */
  expandedIds: string[];
  paths: Outcome<PathsResult> | null;
  activePath: Path | null;
  effects: Outcome<EffectsView> | null;
  /** True when the element limit cut the drawn neighbourhood. */
  truncated: boolean;
  /**
   * Nodes whose names must be readable on a zoomed-out drawing (render/readable-labels.ts), most important
   * first: 'marks' the perturbation's marked nodes (their rings are also drawn to a visible size), 'names'
   * the neighbourhood view's nodes, or the overview's (hubs first). Null where the layout already draws names
   * to read (focus, path).
   */
  readable: {
    kind: 'marks' | 'names';
    nodes: { id: string; priority: number }[];
    /** The overview: the diagram's compartment titles are drawn at a size to read, module titles where they fit. */
    titles?: boolean;
  } | null;
}

/** A chosen hypothesis (panels/hypotheses.ts): drawn when no path or perturbation is shown. */
export interface HypothesisOverlay {
  node: string;
  direction: 'up' | 'down';
  /** Nodes and edges of the routes behind its predictions. */
  nodes: string[];
  edges: string[];
  /** Each changed observation: what the hypothesis predicted against what was observed. */
  verdicts: ReadonlyMap<string, 'agree' | 'disagree' | 'ambiguous' | 'unreached'>;
}

/** Graphs without diagram data and more nodes than this are drawn in module lanes (no layout pause), smaller ones with fcose. */
export const LANES_ABOVE = 800;

export interface ViewContext {
  graph: KnowledgeGraph;
  /** The observation overlay: node id -> direction and level (1 to 3). */
  observations?: ReadonlyMap<string, { direction: 'up' | 'down'; level: 1 | 2 | 3 }>;
  /** Most elements handed to Cytoscape at once. */
  limit: number;
  effects?: (graph: KnowledgeGraph, node: string, direction: 'up' | 'down', depth: number | null) => Outcome<EffectsView>;
  hypothesis?: HypothesisOverlay | null;
}

function add(classes: Map<string, string[]>, id: string, cls: string): void {
  const list = classes.get(id);
  if (list) {
    if (!list.includes(cls)) list.push(cls);
  } else classes.set(id, [cls]);
}

function fail(messages: Message[], f: Failure, field: Message['field'], prefix = ''): void {
  messages.push({ level: 'error', text: prefix + f.message, suggestions: f.suggestions, ...(field ? { field } : {}) });
}

export function deriveView(ctx: ViewContext, state: UiState): View {
  const { graph, limit } = ctx;
  const messages: Message[] = [];
  const classes = new Map<string, string[]>();
  const tooBig = elementCount(graph) > limit;

  // Names -> ids (the focus, the query, the perturbation), each failure reported with suggestions.
  let focusId: string | null = null;
  if (state.focus) {
    const r = resolveName(graph, state.focus);
    if (r.ok) focusId = r.value;
    else fail(messages, r, 'focus', 'Focus: ');
  }

  // The other names a link holds (sel=, expand=) resolve the same way: ids, labels, synonyms, CURIEs.
  let selectedId: string | null = null;
  if (state.selected) {
    if (graph.hasEdge(state.selected)) selectedId = state.selected;
    else {
      const r = resolveName(graph, state.selected);
      if (r.ok) selectedId = r.value;
      else fail(messages, r, 'select', 'Selected: ');
    }
  }
  const expandedIds: string[] = [];
  for (const name of state.expanded) {
    const r = resolveName(graph, name);
    if (!r.ok) fail(messages, r, undefined, 'Expand: ');
    else if (!expandedIds.includes(r.value)) expandedIds.push(r.value);
  }

  let paths: Outcome<PathsResult> | null = null;
  let activePath: Path | null = null;
  const pathNodes = new Set<string>();
  const pathEdges = new Set<string>();
  /** A query without a route: its two ends, marked on the diagram (the panel says what direct tests found). */
  let noRouteEnds: [string, string] | null = null;
  if (state.query) {
    for (const field of ['from', 'to'] as const) {
      const r = resolveName(graph, state.query[field]);
      if (!r.ok) fail(messages, r, field, field === 'from' ? 'From: ' : 'To: ');
    }
    if (!messages.some((m) => m.field === 'from' || m.field === 'to')) {
      paths = runPathQuery(graph, state.query);
      if (!paths.ok) fail(messages, paths, undefined, 'Path query: ');
      else if (paths.value.paths.length === 0) {
        noRouteEnds = [paths.value.from.id, paths.value.to.id];
        const q = state.query;
        const opts = [q.sign !== 'any' ? `net sign ${q.sign}` : '', q.via.length ? `via ${q.via.join(', ')}` : '', q.avoid.length ? `avoiding ${q.avoid.join(', ')}` : '', q.minEvidence ? `evidence at least ${q.minEvidence}` : '']
          .filter(Boolean)
          .join(', ');
        messages.push({
          level: 'info',
          text: `No path from ${paths.value.from.label} to ${paths.value.to.label} within ${q.maxLength} steps${opts ? ` (${opts})` : ''}${q.associations ? '' : ' along causal edges'}. Try a longer maximum, fewer constraints${q.associations ? '' : ', or include non-causal edges'}.${paths.value.directTestsText ? ` ${paths.value.directTestsText}` : ''}`,
        });
      } else {
        const list = paths.value.paths;
        activePath = list[Math.min(Math.max(0, state.pathIndex), list.length - 1)]!;
        for (const p of list) {
          for (const n of p.nodes) pathNodes.add(n.id);
          for (const e of p.edges) pathEdges.add(e.id);
        }
      }
    }
  }

  let effects: Outcome<EffectsView> | null = null;
  if (state.perturb && ctx.effects) {
    const r = resolveName(graph, state.perturb.node);
    if (!r.ok) fail(messages, r, 'perturb', 'Perturbation: ');
    else {
      effects = ctx.effects(graph, r.value, state.perturb.direction, state.perturb.depth);
      if (!effects.ok) fail(messages, effects, undefined, 'Perturbation: ');
    }
  }

  // A chosen hypothesis is drawn only when no path or perturbation is (those are newer choices of the user).
  const hypothesis = !activePath && !effects?.ok && ctx.hypothesis && graph.hasNode(ctx.hypothesis.node) ? ctx.hypothesis : null;

  // Which elements are drawn.
  let mode: View['mode'];
  let nodes: string[] | null = null;
  let edges: string[] | null = null;
  let truncated = false;
  if (activePath) {
    mode = 'path';
    nodes = [...pathNodes];
    edges = [...pathEdges];
  } else if (hypothesis) {
    // Like a path view: only the routes behind the predictions (and the observations), laid out left to right.
    mode = 'path';
    nodes = [...new Set([hypothesis.node, ...hypothesis.nodes, ...hypothesis.verdicts.keys()])].filter((id) => graph.hasNode(id));
    edges = hypothesis.edges;
  } else if (state.scope === 'local' || tooBig) {
    const seeds = [...expandedIds];
    if (focusId && !seeds.includes(focusId)) seeds.unshift(focusId);
    if (effects?.ok) {
      seeds.unshift(effects.value.source);
      for (const id of effects.value.moves.keys()) seeds.push(id);
    }
    if (seeds.length === 0) {
      mode = 'empty';
      nodes = [];
      if (!tooBig) {
        messages.push({
          level: 'info',
          text: 'Neighbourhood view: Nothing is focused. Search for a node (key /) or double-click one in the overview, and its neighbours are drawn here; Overview (key o) shows everything.',
        });
      } else {
        messages.push({
          level: 'info',
          text: `This graph has ${graph.order.toLocaleString('en')} nodes and ${graph.size.toLocaleString('en')} edges, more than the explorer draws at once (${limit.toLocaleString('en')} elements). Search for a node to see its neighbourhood, or find a path.`,
        });
      }
    } else {
      mode = 'local';
      // Above the limit a focus with nothing expanded shows its neighbours (a bare ?focus= link).
      const expanded = new Set(expandedIds);
      if (tooBig && focusId && expanded.size === 0) expanded.add(focusId);
      const r = neighbourhood(graph, seeds, expanded, limit);
      nodes = r.nodes;
      truncated = r.truncated;
      if (truncated) messages.push({ level: 'info', text: `Showing ${nodes.length.toLocaleString('en')} nodes: the neighbourhood is larger than the drawing limit.` });
    }
  } else if (focusId && !effects?.ok && focusAlone(graph, focusId, state, ctx)) {
    // A focused node on its own: its neighbours are drawn around it, big enough to read. (On the whole diagram
    // a hub's neighbours span every compartment, and the fit that shows them all shrinks their names to 2 px.)
    mode = 'focus';
    nodes = [focusId, ...new Set(graph.neighbors(focusId))];
    edges = [...new Set(graph.edges(focusId))];
  } else {
    mode = 'overview';
  }

  // Classes: filters first, then path / step, perturbation, focus.
  const drawnNodes = nodes ?? graph.nodes();
  const drawnSet = new Set(drawnNodes);
  const drawnEdges = edges ?? inducedEdges(graph, drawnSet);
  const f = state.filters;
  const hiddenCats = new Set(f.hiddenCategories);
  const hiddenKinds = new Set(f.hiddenKinds);
  const hiddenSigns = new Set<string>(f.hiddenSigns);
  const hiddenNodes = new Set<string>();
  for (const id of drawnNodes) {
    if (hiddenCats.has(graph.getNodeAttribute(id, 'category')) && !pathNodes.has(id) && id !== focusId) {
      hiddenNodes.add(id);
      add(classes, id, 'hidden');
    }
  }
  for (const key of drawnEdges) {
    const r = graph.getEdgeAttributes(key);
    const hide =
      hiddenNodes.has(graph.source(key)) ||
      hiddenNodes.has(graph.target(key)) ||
      (!pathEdges.has(key) &&
        ((!f.showNonCausal && !r.causal) || hiddenSigns.has(r.sign ?? 'none') || (hiddenKinds.size > 0 && r.evidence.every((ev) => hiddenKinds.has(ev.kind)))));
    if (hide) add(classes, key, 'hidden');
  }

  if (activePath) {
    const onPath = new Set<string>([...activePath.nodes.map((n) => n.id), ...activePath.edges.map((e) => e.id)]);
    // While stepping, the other ranked paths recede further so the hop in hand stands out.
    const other = state.step === null ? 'path-alt' : 'faded';
    for (const id of [...pathNodes, ...pathEdges]) add(classes, id, onPath.has(id) ? 'on-path' : other);
    if (state.step !== null) {
      const hop = Math.min(Math.max(0, state.step), activePath.edges.length - 1);
      activePath.edges.forEach((e, i) => {
        add(classes, e.id, i < hop ? 'hop-done' : i === hop ? 'hop-current' : 'hop-todo');
      });
      activePath.nodes.forEach((n, i) => {
        add(classes, n.id, i <= hop ? 'hop-done' : i === hop + 1 ? 'hop-current' : 'hop-todo');
      });
      if (hop >= 0 && activePath.nodes[hop]) add(classes, activePath.nodes[hop]!.id, 'hop-current');
    }
  }

  if (effects?.ok) {
    const { source, moves } = effects.value;
    add(classes, source, 'perturbed');
    add(classes, source, state.perturb!.direction);
    for (const id of drawnNodes) {
      const move = moves.get(id);
      if (move) add(classes, id, move);
      else if (id !== source && !pathNodes.has(id)) add(classes, id, 'faded');
    }
    for (const key of drawnEdges) {
      const s = graph.source(key);
      const t = graph.target(key);
      const inEffect = (s === source || moves.has(s)) && moves.has(t);
      if (!inEffect && !pathEdges.has(key)) add(classes, key, 'faded');
    }
  }

  if (hypothesis) {
    const onRoute = new Set([hypothesis.node, ...hypothesis.nodes, ...hypothesis.edges]);
    add(classes, hypothesis.node, 'perturbed');
    add(classes, hypothesis.node, hypothesis.direction);
    for (const id of drawnNodes) {
      const verdict = hypothesis.verdicts.get(id);
      if (verdict) add(classes, id, `pred-${verdict}`);
      else if (onRoute.has(id)) {
        if (id !== hypothesis.node) add(classes, id, 'on-path');
      } else add(classes, id, 'faded');
    }
    for (const key of drawnEdges) add(classes, key, onRoute.has(key) ? 'on-path' : 'faded');
  }

  if (focusId && drawnSet.has(focusId)) {
    add(classes, focusId, 'focus');
    if (!activePath && !effects?.ok && !hypothesis && (mode === 'overview' || mode === 'focus')) {
      const near = new Set<string>([focusId]);
      graph.forEachEdge(focusId, (key, _a, s, t) => {
        near.add(s);
        near.add(t);
        add(classes, key, 'neighbour');
      });
      for (const id of near) if (id !== focusId) add(classes, id, 'neighbour');
      // The focus view's columns: what only acts on the focus stands on its left (nb-in), the rest on its right.
      if (mode === 'focus') {
        for (const id of near) if (id !== focusId) add(classes, id, graph.hasEdge(focusId, id) ? 'nb-out' : 'nb-in');
        graph.forEachEdge(focusId, (key, _a, s) => add(classes, key, s === focusId ? 'nb-out' : 'nb-in'));
      }
      for (const id of drawnNodes) if (!near.has(id)) add(classes, id, 'faded');
      for (const key of drawnEdges) if (!classes.get(key)?.includes('neighbour')) add(classes, key, 'faded');
    }
  }

  // No route: both ends stand out (ringed, named, everything else faded) so the reader sees what was asked.
  const ends = noRouteEnds && !effects?.ok && !hypothesis ? noRouteEnds.filter((id) => drawnSet.has(id)) : [];
  if (ends.length) {
    ends.forEach((id, i) => {
      add(classes, id, 'endpoint');
      add(classes, id, i === 0 ? 'endpoint-from' : 'endpoint-to');
    });
    const endSet = new Set(ends);
    for (const id of drawnNodes) if (!endSet.has(id)) add(classes, id, 'faded');
    for (const key of drawnEdges) add(classes, key, 'faded');
  }

  for (const id of state.highlight) if (drawnSet.has(id)) add(classes, id, 'highlight');
  if (ctx.observations) {
    for (const id of drawnNodes) {
      const o = ctx.observations.get(id);
      // A node on a chosen hypothesis's routes is not dimmed as unmeasured: the route is what is shown.
      if (o) add(classes, id, `obs-${o.direction}-${o.level}`);
      else if (!hypothesis || !(hypothesis.node === id || hypothesis.nodes.includes(id))) add(classes, id, 'obs-none');
    }
  }

  if (selectedId && (drawnSet.has(selectedId) || graph.hasEdge(selectedId))) add(classes, selectedId, 'selected');

  // A big graph without a diagram is drawn in module lanes, unless its file drew every node (then as drawn).
  const layout: View['layout'] = mode === 'path' ? 'dagre' : mode === 'focus' ? 'focus' : graph.getAttribute('layout') || (mode === 'overview' && graph.order > LANES_ABOVE && !drawnByFile(graph)) ? 'diagram' : 'fcose';
  const collapsed = layout === 'diagram' ? [...state.collapsed].sort() : [];
  const layoutKey = `${layout}:${nodes === null ? 'all' : [...nodes].sort().join(',')}|${collapsed.join(',')}`;
  // The whole path stays in view while stepping (the current hop is highlighted), so only a focus fits.
  let fitTo: string[] | null = null;
  const compartment = state.compartment && graph.getAttribute('layout')?.compartments.some((c) => c.id === state.compartment) ? state.compartment : null;
  if (!activePath && compartment && layout === 'diagram') {
    fitTo = [`box:${compartment}`];
  } else if (!activePath && focusId && drawnSet.has(focusId) && mode === 'overview') {
    fitTo = [focusId, ...graph.neighbors(focusId)];
  } else if (!activePath && effects?.ok && effects.value.moves.size > 0) {
    fitTo = [effects.value.source, ...effects.value.moves.keys()].filter((id) => drawnSet.has(id));
  } else if (hypothesis) {
    fitTo = [hypothesis.node, ...hypothesis.nodes, ...hypothesis.verdicts.keys()].filter((id) => drawnSet.has(id));
  } else if (ends.length) {
    fitTo = ends;
  }
  const fitMaxZoom = ends.length && fitTo === ends ? 1 : undefined;
  let readable: View['readable'] = null;
  if (layout === 'diagram' || layout === 'fcose') {
    const shown = (id: string) => drawnSet.has(id) && !hiddenNodes.has(id);
    if (effects?.ok && !activePath && !hypothesis) {
      // The perturbed node, then the nodes that go up or down, then mixed and unknown; hubs first within each.
      const { source, moves } = effects.value;
      const rank = (id: string) => (id === source ? 3 : moves.get(id) === 'up' || moves.get(id) === 'down' ? 2 : 1) * 1e6 + graph.degree(id);
      readable = { kind: 'marks', nodes: [source, ...moves.keys()].filter(shown).map((id) => ({ id, priority: rank(id) })) };
    } else if (ends.length) {
      // Both ends are the view's subject: named first, wherever their names fit.
      readable = { kind: 'marks', nodes: ends.filter(shown).map((id) => ({ id, priority: 3e6 })) };
    } else if (mode === 'local') {
      const seeds = new Set(expandedIds);
      const rank = (id: string) => (id === focusId ? 3 : seeds.has(id) ? 2 : 1) * 1e6 + graph.degree(id);
      readable = { kind: 'names', nodes: drawnNodes.filter(shown).map((id) => ({ id, priority: rank(id) })) };
    } else if (mode === 'overview' && drawnNodes.length <= LANES_ABOVE && !focusId && !hypothesis && !ctx.observations && !compartment && state.highlight.length === 0) {
      // The whole diagram: names where they fit, hubs first (the rest show on zooming in), and the box titles. (Not
      // on a drawing of thousands of nodes, where few names find room and placing them would slow every pan.)
      readable = { kind: 'names', titles: true, nodes: drawnNodes.filter(shown).map((id) => ({ id, priority: graph.degree(id) })) };
    }
  }
  return { mode, nodes, edges, layout, collapsed, layoutKey, classes, fitTo, ...(fitMaxZoom ? { fitMaxZoom } : {}), messages, focusId, selectedId, expandedIds, paths, activePath, effects, truncated, readable };
}

/**
 * Whether a focus is the whole view: not when a lesson step also points at a compartment or at nodes beyond
 * the focus's neighbours, or an observation overlay is shown, since those need the diagram around them.
 */
function focusAlone(graph: KnowledgeGraph, focusId: string, state: UiState, ctx: ViewContext): boolean {
  if (state.compartment || ctx.observations?.size) return false;
  const near = new Set([focusId, ...graph.neighbors(focusId)]);
  return state.highlight.every((id) => near.has(id));
}

function inducedEdges(graph: KnowledgeGraph, nodes: Set<string>): string[] {
  if (nodes.size === graph.order) return graph.edges();
  const out: string[] = [];
  for (const id of nodes) {
    graph.forEachOutEdge(id, (key, _a, _s, t) => {
      if (nodes.has(t)) out.push(key);
    });
  }
  return out;
}

/** Seeds plus the neighbours of the expanded seeds, breadth first, stopping before the element limit. */
function neighbourhood(graph: KnowledgeGraph, seeds: string[], expanded: Set<string>, limit: number): { nodes: string[]; truncated: boolean } {
  const out = new Set<string>();
  let edgesEstimate = 0;
  const budget = () => out.size + edgesEstimate < limit;
  for (const s of seeds) if (graph.hasNode(s)) out.add(s);
  for (const s of seeds) {
    if (!expanded.has(s) || !graph.hasNode(s)) continue;
    for (const n of graph.neighbors(s)) {
      if (!budget()) return { nodes: [...out], truncated: true };
      if (!out.has(n)) {
        out.add(n);
        edgesEstimate += 1.5;
      }
    }
  }
  return { nodes: [...out], truncated: false };
}

const drawn = new WeakMap<KnowledgeGraph, boolean>();

/** Whether every node of an opened file has the position the file drew it at (computed once per graph). */
function drawnByFile(graph: KnowledgeGraph): boolean {
  let d = drawn.get(graph);
  if (d === undefined) drawn.set(graph, (d = graph.order > 0 && graph.everyNode((_id, n) => n.position !== undefined)));
  return d;
}
