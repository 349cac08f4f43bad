/**
 * The Cytoscape stylesheet, as data: per-category shape and colour come from CATEGORIES, edge looks
 * from the sign / causal / contested / preclinical fields the loader derives, the diagram's boxes from
 * their `box` data, and every UI state is a class (.faded, .on-path, .up, ...). The legend entries are
 * defined here too, next to the styles they explain, so the two cannot drift apart.
 *
 * Colour is never the only carrier of meaning: sign is also the end of the line (arrowhead for +,
 * T-bar for −) and a + / − glyph in every edge label; perturbation and overlay marks carry ▲ ▼ ◆
 * glyphs. The palette is Okabe-Ito's (safe for the common colour-vision deficiencies), with the two
 * signs also far apart in lightness.
 */
import type cytoscape from 'cytoscape';
import { CATEGORIES, type Category } from '../../src/index.js';
import { verdictLabelKey } from './elements.js';

export const COLORS = {
  /** Okabe-Ito blue: raises (+). */
  positive: '#0072b2',
  /** Okabe-Ito vermillion: lowers (−). */
  negative: '#d55e00',
  unsigned: '#6e7781',
  path: '#e69f00',
  focus: '#111111',
  /** Perturbation and observations: the ends of a purple-orange diverging scale (PuOr). */
  up: '#b35806',
  down: '#542788',
  mixed: '#4d4d4d',
  contested: '#cc79a7',
  selected: '#0a58ca',
} as const;

/** The observation overlay's diverging scale (ColorBrewer PuOr, colour-blind safe): level 1 to 3 each way. */
export const OBSERVATION_SCALE = { up: ['#fdb863', '#e08214', '#b35806'], down: ['#b2abd2', '#8073ac', '#542788'] } as const;

/** The ring of an observed node when a hypothesis is chosen, by verdict. */
export const PREDICTION_RING = {
  agree: { 'border-width': 6, 'border-style': 'solid' },
  disagree: { 'border-width': 6, 'border-style': 'dashed' },
  ambiguous: { 'border-width': 9, 'border-style': 'double' },
  unreached: { 'border-width': 4, 'border-style': 'dotted' },
} as const;

/** Fills of the diagram's boxes. */
export const BOX_COLORS = { compartment: '#eaf3fa', lane: '#f4f4f1', module: '#ffffff', border: '#7d8fa3', new: '#e69f00' } as const;

/** Node size by degree: hubs are larger (the stylesheet maps it; diagram boxes are sized from it). */
export const NODE_SIZE = { degrees: [1, 16], px: [24, 50] } as const;

export function nodeDiameter(degree: number): number {
  const [d0, d1] = NODE_SIZE.degrees;
  const [p0, p1] = NODE_SIZE.px;
  return p0 + ((Math.min(Math.max(degree, d0), d1) - d0) / (d1 - d0)) * (p1 - p0);
}

/** Font of the node and edge labels; the size of a path edge's label (the path layout makes room for it). */
export const LABEL_FONT = 'system-ui, "DejaVu Sans", sans-serif';
export const PATH_LABEL_PX = 13;

/** Smallest rendered size (font size x zoom) of a label the user must read, where the canvas allows it. */
export const READABLE_PX = 10;

/**
 * Names made readable on a zoomed-out drawing (render/readable-labels.ts), on screen: label size and wrap width,
 * and for perturbation marks the least ring width and body diameter.
 */
export const READABLE_LABEL = { px: 12, maxWidth: 130, ringPx: 3, markPx: 14 } as const;

/** The overview's box titles on screen (at least): compartments always, modules where they meet nothing. */
export const READABLE_TITLE = { compartment: 14, module: 12 } as const;

/** Rendered label size below which Cytoscape leaves a node or edge label out (it would be unreadable). */
export const MIN_ZOOMED_FONT_PX = 6;

/** The label of a collapsed module's box (bold, one line, cut with an ellipsis at maxWidth). */
export const COLLAPSED_LABEL = { px: 15, maxWidth: 260 } as const;

/**
 * The focus view's neighbours (render/focus-layout.ts): node size and label size (model px, before the
 * presenter scale) and the width at which a label wraps.
 */
export const FOCUS_NODE = { size: 26, px: 12, labelWidth: 150 } as const;

/** Space between a diagram box's edge and what it holds (render/diagram-elements.ts sizes the boxes). */
export const BOX_PADDING = { compartment: 16, module: 10 } as const;

export interface StyleOptions {
  /** 1 on a laptop; larger in presenter mode. */
  fontScale: number;
}

export function buildStylesheet({ fontScale }: StyleOptions): cytoscape.StylesheetJson {
  const font = (px: number) => Math.round(px * fontScale);
  const categoryRules = (Object.keys(CATEGORIES) as Category[]).map((c) => ({
    selector: `node[category = "${c}"]`,
    style: { shape: CATEGORIES[c].shape, 'background-color': CATEGORIES[c].color },
  }));
  const mark = (color: string, label: string): cytoscape.Css.Node => ({
    label: `data(${label})`,
    'border-width': 7,
    'border-color': color,
    // A lighter fill, so the ring stands out on every category colour (the shape still shows the category).
    'background-opacity': 0.35,
    'font-weight': 'bold',
    color,
  });
  // Cytoscape pays for every property an element takes from a rule (it re-checks bounds and caches per
  // property), so each rule sets only what its elements need: label styling only where there is a label,
  // no property that a later rule overrides for the same element, none that equals Cytoscape's default.
  return [
    // Nodes are drawn over edges (z-index-compare auto); z-index orders nodes among themselves.
    { selector: 'node', style: { 'z-index': 10, label: 'data(label)', 'font-family': LABEL_FONT } },
    // Graph nodes (they carry a degree; the diagram's boxes do not). Hubs are larger and labelled larger, so the
    // overview stays readable when zoomed out.
    {
      selector: 'node[degree]',
      style: {
        width: `mapData(degree, ${NODE_SIZE.degrees.join(', ')}, ${NODE_SIZE.px.join(', ')})`,
        height: `mapData(degree, ${NODE_SIZE.degrees.join(', ')}, ${NODE_SIZE.px.join(', ')})`,
        'font-size': `mapData(degree, ${NODE_SIZE.degrees.join(', ')}, ${font(11)}, ${font(20)})`,
        'border-width': 1.5,
        'border-color': '#30363d',
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': `${Math.round(120 * fontScale)}px`,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-outline-opacity': 0.9,
        'min-zoomed-font-size': MIN_ZOOMED_FONT_PX,
      },
    },
    ...categoryRules,
    // The diagram's furniture: compartments, lanes and module boxes, plain nodes sized around their members.
    {
      selector: 'node[box]',
      style: {
        shape: 'round-rectangle',
        'background-color': BOX_COLORS.compartment,
        'border-width': 2,
        'border-color': BOX_COLORS.border,
        'font-size': font(34),
        'font-weight': 'bold',
        color: '#2b3a4a',
        'text-margin-y': -6,
        'text-max-width': 'data(labelWidth)',
        'text-wrap': 'ellipsis',
        'min-zoomed-font-size': 4,
        events: 'no',
      },
    },
    { selector: 'node[box][w]', style: { width: 'data(w)', height: 'data(h)', padding: '0px', 'z-index-compare': 'manual', 'z-index': 0 } },
    { selector: 'node[box][w][?inner]', style: { 'z-index': 1 } },
    { selector: 'node[box = "lane"]', style: { 'background-color': BOX_COLORS.lane, 'border-style': 'dashed' } },
    {
      selector: 'node[box = "module"], node[box = "new"]',
      style: { 'background-color': BOX_COLORS.module, 'background-opacity': 0.75, 'border-width': 1, 'border-style': 'dashed', 'font-size': font(15), 'font-weight': 'normal', color: '#3d4650', 'text-margin-y': -2, events: 'yes' },
    },
    { selector: 'node[box = "new"]', style: { 'border-color': BOX_COLORS.new, 'border-width': 2 } },
    // A collapsed module: one line of label in a box as wide as the label (boxWidth: render/diagram-elements.ts).
    {
      selector: 'node[box = "collapsed"]',
      style: { width: 'data(boxWidth)', height: 34, padding: '10px', 'background-color': '#ffffff', 'border-style': 'dashed', 'text-valign': 'center', 'font-size': font(COLLAPSED_LABEL.px), events: 'yes' },
    },
    {
      selector: 'edge',
      // Above the diagram's boxes (z-index 0 and 1, compared manually), which are nodes drawn under everything.
      // Straight unless another edge joins the same two nodes (render/elements.ts marks those), where bezier
      // bundling bends them apart: a lone bezier edge is drawn straight anyway, at a higher cost.
      style: { 'z-index': 5, 'curve-style': 'straight', width: 'mapData(strength, 0, 7, 1.2, 4)', 'arrow-scale': 1.4, opacity: 0.6 },
    },
    { selector: 'edge[?parallel]', style: { 'curve-style': 'bezier' } },
    { selector: 'edge[sign = "+"]', style: { 'line-color': COLORS.positive, 'target-arrow-color': COLORS.positive, 'target-arrow-shape': 'triangle' } },
    { selector: 'edge[sign = "-"]', style: { 'line-color': COLORS.negative, 'target-arrow-color': COLORS.negative, 'target-arrow-shape': 'tee', 'arrow-scale': 1.8 } },
    { selector: 'edge[sign != "+"][sign != "-"]', style: { 'line-color': COLORS.unsigned, 'target-arrow-color': COLORS.unsigned, 'target-arrow-shape': 'circle' } },
    { selector: 'edge[!causal]', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] } },
    // Preclinical only: a hollow square where the line starts; the line keeps its colour and end, so its sign stays readable.
    { selector: 'edge[?preclinicalOnly]', style: { 'source-arrow-shape': 'square', 'source-arrow-fill': 'hollow', 'source-arrow-color': '#1f2328' } },
    { selector: 'edge[?contested]', style: { 'mid-target-arrow-shape': 'diamond', 'mid-target-arrow-fill': 'hollow', 'mid-target-arrow-color': COLORS.contested } },
    // Edges have a label only in these states (the overview draws none): the label's look is set only there.
    {
      selector: 'edge.neighbour, edge.on-path, edge.selected, edge[?meta]',
      style: {
        'font-family': LABEL_FONT,
        'font-size': font(11),
        'text-rotation': 'autorotate',
        'text-margin-y': -11,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        color: '#1f2328',
        'min-zoomed-font-size': MIN_ZOOMED_FONT_PX,
      },
    },
    { selector: 'edge[?meta]', style: { 'line-style': 'solid', width: 'mapData(count, 1, 8, 2, 7)', label: 'data(predicateLabel)', 'font-size': font(10) } },
    // UI state, derived from the state object by state/view.ts
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.16, 'text-opacity': 0.3 } },
    { selector: 'node.neighbour', style: { 'border-width': 2.5, 'border-color': '#30363d' } },
    { selector: 'edge.neighbour', style: { opacity: 1, label: 'data(signLabel)' } },
    // The focus view: neighbours at one size, labelled on the outer side of their column with their name and how
    // they are linked to the focus (focusLabel: set by the renderer with the layout), so the edges need no label.
    {
      selector: 'node.nb-in, node.nb-out',
      style: { label: 'data(focusLabel)', width: FOCUS_NODE.size, height: FOCUS_NODE.size, 'font-size': font(FOCUS_NODE.px), 'text-valign': 'center', 'text-margin-y': 0, 'text-max-width': `${font(FOCUS_NODE.labelWidth)}px` },
    },
    { selector: 'node.nb-in', style: { 'text-halign': 'left', 'text-margin-x': -6, 'text-justification': 'right' } },
    { selector: 'node.nb-out', style: { 'text-halign': 'right', 'text-margin-x': 6, 'text-justification': 'left' } },
    { selector: 'edge.nb-in, edge.nb-out', style: { label: '' } },
    { selector: 'node.focus', style: { 'border-width': 5, 'border-color': COLORS.focus, 'font-size': font(15), 'font-weight': 'bold', 'z-index': 20 } },
    { selector: '.path-alt', style: { opacity: 0.35, 'font-size': font(11) } },
    { selector: 'edge.path-alt', style: { label: '' } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': COLORS.focus, 'font-size': font(15), 'font-weight': 'bold', width: 40, height: 40, 'z-index': 20 } },
    {
      selector: 'edge.on-path',
      // Level text on the line, in the box the path layout left for it (top-to-bottom paths have vertical edges).
      style: { width: 6, opacity: 1, label: 'data(pathLabel)', 'text-wrap': 'wrap', 'text-margin-y': 0, 'text-rotation': 'none', 'font-size': font(PATH_LABEL_PX), 'font-weight': 'bold', 'z-index': 20, 'underlay-color': COLORS.path, 'underlay-opacity': 0.35, 'underlay-padding': 4, 'arrow-scale': 1.6 },
    },
    { selector: 'edge.on-path[sign = "-"]', style: { 'arrow-scale': 2 } },
    { selector: '.hop-done', style: { opacity: 1 } },
    { selector: '.hop-todo', style: { opacity: 0.3 } },
    { selector: '.hop-current', style: { opacity: 1, 'underlay-color': COLORS.path, 'underlay-opacity': 0.7, 'underlay-padding': 10, 'z-index': 30 } },
    { selector: 'node.up', style: mark(COLORS.up, 'labelUp') },
    { selector: 'node.down', style: mark(COLORS.down, 'labelDown') },
    { selector: 'node.mixed', style: { ...mark(COLORS.mixed, 'labelMixed'), 'border-style': 'double', 'border-width': 9 } },
    { selector: 'node.perturbed', style: { 'underlay-color': '#000000', 'underlay-opacity': 0.3, 'underlay-padding': 10, 'font-size': font(15) } },
    { selector: 'node.unknown', style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': COLORS.unsigned } },
    // The two ends of a path query that found no route: ringed, glowing and named with their role.
    { selector: 'node.endpoint', style: { 'border-width': 6, 'border-color': COLORS.focus, 'underlay-color': COLORS.path, 'underlay-opacity': 0.6, 'underlay-padding': 12, 'font-weight': 'bold', 'font-size': font(15), 'z-index': 25 } },
    { selector: 'node.endpoint-from', style: { label: 'data(labelFrom)' } },
    { selector: 'node.endpoint-to', style: { label: 'data(labelTo)' } },
    { selector: 'node.highlight', style: { 'underlay-color': COLORS.path, 'underlay-opacity': 0.6, 'underlay-padding': 12, 'font-weight': 'bold', 'z-index': 25 } },
    // Observation overlay: the fill follows the scale (the shape still tells the category), ▲ / ▼ in the label.
    { selector: 'node.obs-none', style: { 'background-color': '#ffffff', 'border-color': '#8c959f', opacity: 0.5 } },
    ...(['up', 'down'] as const).flatMap((dir) =>
      OBSERVATION_SCALE[dir].map((color, i) => ({
        selector: `node.obs-${dir}-${i + 1}`,
        style: { 'background-color': color, 'background-opacity': 1, 'border-width': 3, 'border-color': '#1f2328', width: 46, height: 46, 'font-size': 16, 'z-index': 30, label: `data(${dir === 'up' ? 'labelUp' : 'labelDown'})`, 'font-weight': 'bold' } as cytoscape.Css.Node,
      })),
    ),
    // A chosen hypothesis: the ring's line says the verdict (solid agrees, dashed disagrees, double ambiguous,
    // dotted not reached) and the label ends in ✓ ✗ ? ·, so no colour is needed to read it.
    ...(Object.keys(PREDICTION_RING) as (keyof typeof PREDICTION_RING)[]).flatMap((verdict) => [
      { selector: `node.pred-${verdict}`, style: { ...PREDICTION_RING[verdict], 'border-color': '#000000', 'z-index': 31 } as cytoscape.Css.Node },
      ...(['up', 'down'] as const).map((dir) => ({
        selector: [1, 2, 3].map((level) => `node.obs-${dir}-${level}.pred-${verdict}`).join(', '),
        style: { label: `data(${verdictLabelKey(dir, verdict)})` },
      })),
    ]),
    { selector: 'node.selected', style: { 'overlay-color': COLORS.selected, 'overlay-opacity': 0.2, 'overlay-padding': 6 } },
    { selector: 'edge.selected', style: { 'overlay-color': COLORS.selected, 'overlay-opacity': 0.25, 'overlay-padding': 5, label: 'data(signLabel)' } },
  ];
}

/** One row of the edge legend: how a line looks and what it means. */
export interface EdgeLegendEntry {
  key: string;
  label: string;
  color: string;
  /** Arrow at the target end. */
  arrow: 'triangle' | 'tee' | 'circle';
  dash: number[] | null;
  /** Opacity of the line. */
  opacity: number;
  width: number;
  /** A hollow diamond in the middle (contested). */
  midDiamond: boolean;
  /** A hollow square at the start (preclinical only). */
  startSquare: boolean;
}

const entry = (e: Omit<EdgeLegendEntry, 'opacity' | 'midDiamond' | 'startSquare' | 'dash'> & Partial<EdgeLegendEntry>): EdgeLegendEntry => ({ opacity: 1, midDiamond: false, startSquare: false, dash: null, ...e });

export const EDGE_LEGEND: readonly EdgeLegendEntry[] = [
  entry({ key: 'positive', label: '+ raises: increases / activates / required for (arrowhead)', color: COLORS.positive, arrow: 'triangle', width: 3 }),
  entry({ key: 'negative', label: '− lowers: decreases / inhibits / prevents (T-bar)', color: COLORS.negative, arrow: 'tee', width: 3 }),
  entry({ key: 'unsigned', label: 'no direction: biomarker, association (dot)', color: COLORS.unsigned, arrow: 'circle', dash: [7, 4], width: 2 }),
  entry({ key: 'noncausal', label: 'dashed: correlation, not causal', color: COLORS.positive, arrow: 'triangle', dash: [7, 4], width: 2 }),
  entry({ key: 'preclinical', label: '□ at the start: only animal / in vitro evidence', color: COLORS.positive, arrow: 'triangle', width: 3, startSquare: true }),
  entry({ key: 'contested', label: '◇ mid-line: some evidence disputes it', color: COLORS.negative, arrow: 'tee', width: 3, midDiamond: true }),
  entry({ key: 'strength', label: 'thicker line: stronger best evidence', color: COLORS.unsigned, arrow: 'triangle', width: 5 }),
];

/** Highlight and perturbation marks, for the legend. */
export const MARK_LEGEND: readonly { key: string; label: string; color: string; symbol: string }[] = [
  { key: 'path', label: 'on the selected path (orange glow)', color: COLORS.path, symbol: '' },
  { key: 'up', label: '▲ goes up after the perturbation', color: COLORS.up, symbol: '▲' },
  { key: 'down', label: '▼ goes down', color: COLORS.down, symbol: '▼' },
  { key: 'mixed', label: '◆ mixed: routes of both signs', color: COLORS.mixed, symbol: '◆' },
];
