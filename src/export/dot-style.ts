/** Graphviz styling and quoting shared by the DOT export and the SVG/PNG teaching figures. */
import type { EdgeRecord } from '../model/types.js';
import { CATEGORIES, type Category } from '../model/vocabulary.js';

/** A DOT quoted string: `\` and `"` escaped, newlines as `\n` (escString), so any text is one safe ID. */
export function dotString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

/** Text for an HTML-like label: XML-escaped, newlines as <BR/>. */
export function dotHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r\n|\r|\n/g, '<BR/>');
}

const SHAPES: Record<string, { shape: string; style?: string }> = {
  ellipse: { shape: 'ellipse' },
  'round-rectangle': { shape: 'box', style: 'rounded' },
  rectangle: { shape: 'box' },
  hexagon: { shape: 'hexagon' },
  octagon: { shape: 'octagon' },
  diamond: { shape: 'diamond' },
  pentagon: { shape: 'pentagon' },
  barrel: { shape: 'cylinder' },
  tag: { shape: 'cds' },
  vee: { shape: 'invtriangle' },
  star: { shape: 'star' },
  'round-tag': { shape: 'cds', style: 'rounded' },
  'round-diamond': { shape: 'Mdiamond' },
};

export const SIGN_COLORS = { '+': '#2f7d32', '-': '#c62828', none: '#6b6b6b' } as const;

/** Node attributes for a category: shape, pale fill and a border in the category colour. */
export function nodeStyle(category: Category): Record<string, string> {
  const c = CATEGORIES[category];
  const s = SHAPES[c.shape] ?? { shape: 'box' };
  return { shape: s.shape, style: [s.style, 'filled'].filter(Boolean).join(','), color: c.color, fillcolor: `${c.color}33`, penwidth: '2' };
}

/** Edge attributes: arrowhead normal for +, tee for -, open for no direction; dashed and grey when not causal. */
export function edgeStyle(e: Pick<EdgeRecord, 'sign' | 'causal' | 'contested'>): Record<string, string> {
  const color = e.causal ? SIGN_COLORS[e.sign ?? 'none'] : SIGN_COLORS.none;
  const arrowhead = e.sign === '+' ? 'normal' : e.sign === '-' ? 'tee' : 'empty';
  const style = e.causal ? (e.contested ? 'bold' : 'solid') : 'dashed';
  return { color, fontcolor: color, arrowhead, style };
}

export function attrList(attrs: Record<string, string | undefined>, raw: ReadonlySet<string> = new Set()): string {
  return Object.entries(attrs)
    .filter((kv): kv is [string, string] => kv[1] !== undefined)
    .map(([k, v]) => `${k}=${raw.has(k) ? v : dotString(v)}`)
    .join(', ');
}
