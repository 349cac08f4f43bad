/**
 * Readable names on a zoomed-out diagram (the perturbation marks, the neighbourhood view): at the zoom that
 * fits the whole diagram, node labels are 3 to 5 px on screen and Cytoscape leaves them out. These nodes get
 * their label at a size to read instead, placed like a map's names: most important first, each under, over or
 * beside its node where it meets no label already kept and no marked node's body, so no two names overlap. A
 * node whose name does not fit keeps its mark; its name is in the panel's list and shows on zooming in.
 * Pure: screen coordinates in, the ids to label out.
 */
import { textWidth } from './text-width.js';

export interface LabelCandidate {
  id: string;
  /** Centre of the node on screen (rendered px). */
  x: number;
  y: number;
  /** Radius of the node's body on screen, its mark included. */
  r: number;
  text: string;
  /** Higher goes first. */
  priority: number;
  /** The view's subject (the perturbed or focused node): labelled even where its label meets other nodes. */
  force?: boolean;
}

export interface LabelFont {
  /** Font size on screen. */
  px: number;
  family: string;
  weight: 'normal' | 'bold';
  /** Width at which a label wraps, on screen. */
  maxWidth: number;
}

/** Gap between a node and its label (the stylesheet's text-margin-y, on screen) and around each label. */
const GAP = 3;
const LINE_HEIGHT = 1.2;

export type Box = { x1: number; y1: number; x2: number; y2: number };
const meets = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The lines of a label wrapped greedily by words at maxWidth (as Cytoscape's text-wrap: wrap) and the widest. */
function wrapped(text: string, font: LabelFont): { lines: number; width: number } {
  let lines = 0;
  let width = 0;
  const w = (t: string) => textWidth(t, font.px, font.family, font.weight);
  for (const part of text.split('\n')) {
    let line = '';
    for (const word of part.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && w(next) > font.maxWidth) {
        lines++;
        width = Math.max(width, w(line));
        line = word;
      } else line = next;
    }
    lines++;
    width = Math.max(width, w(line));
  }
  // A single word wider than maxWidth is not broken (text-overflow-wrap: whitespace), so the line stays that wide.
  return { lines, width };
}

/** Where a label stands around its node (below first, as the stylesheet draws node labels; then the corners). */
export type LabelSide = 'below' | 'above' | 'right' | 'left' | 'below-right' | 'below-left' | 'above-right' | 'above-left';
export const LABEL_SIDES: readonly LabelSide[] = ['below', 'above', 'right', 'left', 'below-right', 'below-left', 'above-right', 'above-left'];

/** The label's box on screen on the given side of its node, as Cytoscape draws it there. */
export function labelBox(c: LabelCandidate, font: LabelFont, side: LabelSide = 'below'): Box {
  const { lines, width } = wrapped(c.text, font);
  const height = lines * font.px * LINE_HEIGHT;
  // As Cytoscape draws a label with text-valign / text-halign: beside the node's box, or off one of its corners.
  const vertical = side.startsWith('below') ? 'below' : side.startsWith('above') ? 'above' : 'middle';
  const horizontal = side.endsWith('right') ? 'right' : side.endsWith('left') ? 'left' : 'centre';
  const x1 = horizontal === 'centre' ? c.x - width / 2 : horizontal === 'right' ? c.x + c.r + GAP : c.x - c.r - GAP - width;
  const y1 = vertical === 'middle' ? c.y - height / 2 : vertical === 'below' ? c.y + c.r + GAP : c.y - c.r - GAP - height;
  return { x1: x1 - GAP, y1: y1 - GAP, x2: x1 + width + GAP, y2: y1 + height + GAP };
}

/**
 * The candidates whose labels to draw, and on which side: greedily by priority (ties by id, so the same view
 * gives the same names), each on the first side where its box meets no kept label, no other candidate's body
 * and no `obstacles` box (labels Cytoscape draws anyway), inside `area` (the canvas, from 0, 0; or a larger box on
 * screen, so that a pan needs no new placement); a label with no such side is left out.
 */
export function placeReadableLabels(candidates: readonly LabelCandidate[], font: LabelFont, area: { width: number; height: number } | Box, obstacles: readonly Box[] = []): Map<string, LabelSide> {
  const canvas: Box = 'width' in area ? { x1: 0, y1: 0, x2: area.width, y2: area.height } : area;
  const inside = (box: Box) => box.x1 >= canvas.x1 && box.y1 >= canvas.y1 && box.x2 <= canvas.x2 && box.y2 <= canvas.y2;
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const bodies = candidates.map((c) => ({ id: c.id, box: { x1: c.x - c.r, y1: c.y - c.r, x2: c.x + c.r, y2: c.y + c.r } }));
  const kept: Box[] = [...obstacles];
  const out = new Map<string, LabelSide>();
  for (const c of order) {
    for (const side of LABEL_SIDES) {
      const box = labelBox(c, font, side);
      if (!inside(box)) continue;
      if (kept.some((k) => meets(k, box))) continue;
      if (bodies.some((b) => b.id !== c.id && meets(b.box, box))) continue;
      kept.push(box);
      out.set(c.id, side);
      break;
    }
    if (c.force && !out.has(c.id)) {
      const side = LABEL_SIDES.find((sd) => {
        const box = labelBox(c, font, sd);
        return inside(box) && !kept.some((k) => meets(k, box));
      });
      if (side) {
        kept.push(labelBox(c, font, side));
        out.set(c.id, side);
      }
    }
  }
  return out;
}
