/**
 * The focus view's layout: the focused node and its neighbours only, drawn so every name can be read.
 * What acts on the focus stands in a column on its left (labels to the left), what it acts on in a column
 * on its right (labels to the right); a neighbour linked both ways stands on the right. Each row is as tall
 * as its node or its wrapped label, so no two labels meet, and every edge runs straight from the focus to
 * its own row, so none crosses another node. On a tall, narrow screen (a phone) both columns stack on the
 * right, causes first (the stylesheet then puts every label on the right: node.nb-in's left-hand labels are
 * only for the wide layout; see Renderer.layOutFocus). Deterministic: rows are in label order.
 */
import { textWidth } from './text-width.js';

export interface FocusNode {
  id: string;
  label: string;
  /** Diameter of the node's body (model px). */
  size: number;
  /** Label font size (model px). */
  px: number;
  /** 'in': it acts on the focus; 'out': the focus acts on it (or both). */
  side: 'in' | 'out';
}

/** Where each node stands (model coordinates, the focus at 0, 0). */
export type FocusLayout = Map<string, { x: number; y: number }>;

/** Room between the focus and a column, so the fanning edges keep apart. */
export const FOCUS_GAP = 200;
const ROW_GAP = 10;
const LINE_HEIGHT = 1.25;

/** Lines a label takes at maxWidth: its own lines, each wrapped greedily by words (as Cytoscape's text-wrap: wrap). */
export function wrappedLines(label: string, px: number, family: string, maxWidth: number): number {
  let lines = 0;
  for (const text of label.split('\n')) {
    lines++;
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && textWidth(next, px, family) > maxWidth) {
        lines++;
        line = word;
      } else line = next;
    }
  }
  return lines;
}

export function layoutFocus(focus: FocusNode, neighbours: readonly FocusNode[], opts: { tall: boolean; family: string; labelMaxWidth: number }): FocusLayout {
  const positions: FocusLayout = new Map([[focus.id, { x: 0, y: 0 }]]);
  const byLabel = (a: FocusNode, b: FocusNode) => a.label.localeCompare(b.label, 'en') || (a.id < b.id ? -1 : 1);
  const rowHeight = (n: FocusNode) => Math.max(n.size, wrappedLines(n.label, n.px, opts.family, opts.labelMaxWidth) * n.px * LINE_HEIGHT) + ROW_GAP;
  const column = (nodes: FocusNode[], x: number) => {
    const total = nodes.reduce((sum, n) => sum + rowHeight(n), 0);
    let y = -total / 2;
    for (const n of nodes) {
      const h = rowHeight(n);
      positions.set(n.id, { x, y: Math.round(y + h / 2) });
      y += h;
    }
  };
  const causes = neighbours.filter((n) => n.side === 'in').sort(byLabel);
  const effects = neighbours.filter((n) => n.side === 'out').sort(byLabel);
  if (opts.tall) column([...causes, ...effects], FOCUS_GAP);
  else {
    column(causes, -FOCUS_GAP);
    column(effects, FOCUS_GAP);
  }
  return positions;
}
