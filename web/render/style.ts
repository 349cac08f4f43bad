/**
 * The Cytoscape stylesheet, as data: per-category shape and colour come from CATEGORIES, edge looks
 * from the sign / causal / contested / preclinical fields the loader derives, and every UI state is a
 * class (.faded, .on-path, .up, ...). The legend entries are defined here too, next to the styles they
 * explain, so the two cannot drift apart.
 */
import type cytoscape from 'cytoscape';
import { CATEGORIES, type Category } from '../../src/index.js';

export const COLORS = {
  positive: '#1a7f37',
  negative: '#cf222e',
  unsigned: '#6e7781',
  path: '#f0a000',
  focus: '#111111',
  up: '#d55e00',
  down: '#0072b2',
  mixed: '#7a3b9b',
  selected: '#0a58ca',
} as const;

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
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        // Hubs are larger and labelled larger, so the overview stays readable when zoomed out.
        width: 'mapData(degree, 1, 16, 24, 50)',
        height: 'mapData(degree, 1, 16, 24, 50)',
        'border-width': 1.5,
        'border-color': '#30363d',
        'font-family': 'system-ui, "DejaVu Sans", sans-serif',
        'font-size': `mapData(degree, 1, 16, ${font(11)}, ${font(26)})`,
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': `${Math.round(110 * fontScale)}px`,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-outline-opacity': 0.9,
        'min-zoomed-font-size': 7,
      },
    },
    ...categoryRules,
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: 'mapData(strength, 0, 7, 1, 4.5)',
        'line-color': COLORS.unsigned,
        'target-arrow-color': COLORS.unsigned,
        'target-arrow-shape': 'circle',
        'arrow-scale': 1.1,
        opacity: 0.85,
        'font-size': font(10),
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        color: '#1f2328',
      },
    },
    { selector: 'edge[sign = "+"]', style: { 'line-color': COLORS.positive, 'target-arrow-color': COLORS.positive, 'target-arrow-shape': 'triangle' } },
    { selector: 'edge[sign = "-"]', style: { 'line-color': COLORS.negative, 'target-arrow-color': COLORS.negative, 'target-arrow-shape': 'tee' } },
    { selector: 'edge[!causal]', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] } },
    { selector: 'edge[?preclinicalOnly]', style: { 'line-opacity': 0.55, 'line-style': 'dashed', 'line-dash-pattern': [2, 3] } },
    {
      selector: 'edge[?contested]',
      style: { 'mid-target-arrow-shape': 'diamond', 'mid-target-arrow-fill': 'hollow', 'mid-target-arrow-color': '#8250df', 'arrow-scale': 1.3 },
    },
    // UI state, derived from the state object by view.ts
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.13, 'text-opacity': 0.25 } },
    { selector: 'node.neighbour', style: { 'border-width': 2.5, 'border-color': '#30363d' } },
    { selector: 'edge.neighbour', style: { opacity: 1, label: 'data(predicateLabel)' } },
    { selector: 'node.focus', style: { 'border-width': 5, 'border-color': COLORS.focus, 'font-size': font(14), 'font-weight': 'bold', 'z-index': 20 } },
    { selector: '.path-alt', style: { opacity: 0.3, 'font-size': font(11) } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': COLORS.path, 'font-size': font(14), 'font-weight': 'bold', width: 40, height: 40, 'z-index': 20 } },
    { selector: 'edge.on-path', style: { width: 6, opacity: 1, label: 'data(predicateLabel)', 'font-size': font(12), 'z-index': 20, 'underlay-color': COLORS.path, 'underlay-opacity': 0.35, 'underlay-padding': 4 } },
    { selector: '.hop-done', style: { opacity: 1 } },
    { selector: '.hop-todo', style: { opacity: 0.25 } },
    { selector: '.hop-current', style: { opacity: 1, 'underlay-color': COLORS.path, 'underlay-opacity': 0.6, 'underlay-padding': 10, 'z-index': 30 } },
    { selector: 'node.up', style: { label: 'data(labelUp)', 'border-width': 6, 'border-color': COLORS.up, 'font-weight': 'bold' } },
    { selector: 'node.down', style: { label: 'data(labelDown)', 'border-width': 6, 'border-color': COLORS.down, 'font-weight': 'bold' } },
    { selector: 'node.mixed', style: { label: 'data(labelMixed)', 'border-width': 6, 'border-style': 'double', 'border-color': COLORS.mixed, 'font-weight': 'bold' } },
    { selector: 'node.perturbed', style: { 'underlay-color': '#000000', 'underlay-opacity': 0.25, 'underlay-padding': 9, 'font-size': font(14) } },
    { selector: 'node.unknown', style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': COLORS.unsigned } },
    { selector: 'node.selected', style: { 'overlay-color': COLORS.selected, 'overlay-opacity': 0.2, 'overlay-padding': 6 } },
    { selector: 'edge.selected', style: { 'overlay-color': COLORS.selected, 'overlay-opacity': 0.25, 'overlay-padding': 5, label: 'data(predicateLabel)' } },
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
  /** Opacity of the line (preclinical-only edges are faint). */
  opacity: number;
  width: number;
  /** A hollow diamond in the middle (contested). */
  midDiamond: boolean;
}

export const EDGE_LEGEND: readonly EdgeLegendEntry[] = [
  { key: 'positive', label: 'increases / activates / required for (+)', color: COLORS.positive, arrow: 'triangle', dash: null, opacity: 1, width: 3, midDiamond: false },
  { key: 'negative', label: 'decreases / inhibits / prevents (−)', color: COLORS.negative, arrow: 'tee', dash: null, opacity: 1, width: 3, midDiamond: false },
  { key: 'unsigned', label: 'no direction (biomarker, association)', color: COLORS.unsigned, arrow: 'circle', dash: [7, 4], opacity: 1, width: 2, midDiamond: false },
  { key: 'noncausal', label: 'dashed: correlation, not causal', color: COLORS.positive, arrow: 'triangle', dash: [7, 4], opacity: 1, width: 2, midDiamond: false },
  { key: 'preclinical', label: 'faint dotted: only animal / in vitro evidence', color: COLORS.positive, arrow: 'triangle', dash: [2, 3], opacity: 0.55, width: 3, midDiamond: false },
  { key: 'contested', label: '◇ mid-line: some evidence disputes it', color: COLORS.negative, arrow: 'tee', dash: null, opacity: 1, width: 3, midDiamond: true },
  { key: 'strength', label: 'thicker line: stronger best evidence', color: COLORS.unsigned, arrow: 'triangle', dash: null, opacity: 1, width: 5, midDiamond: false },
];

/** Highlight and perturbation marks, for the legend. */
export const MARK_LEGEND: readonly { key: string; label: string; color: string; symbol: string }[] = [
  { key: 'path', label: 'on the selected path', color: COLORS.path, symbol: '' },
  { key: 'up', label: '▲ goes up after the perturbation', color: COLORS.up, symbol: '▲' },
  { key: 'down', label: '▼ goes down', color: COLORS.down, symbol: '▼' },
  { key: 'mixed', label: '◆ mixed: paths of both signs', color: COLORS.mixed, symbol: '◆' },
];
