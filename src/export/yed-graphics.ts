/**
 * yEd's drawing of a GraphML export (the `y:` elements under the `nodegraphics` / `edgegraphics` keys, as yEd
 * itself writes them): a ShapeNode per node with its geometry (where the diagram or the opened file placed
 * it), fill colour and shape by category and its label; a PolyLineEdge per edge coloured and tipped by sign
 * (an arrow for `+`, a tee for `-`, dashed grey when not causal) with the predicate as its label. Without
 * these yEd shows every node as the same unlabeled square at the origin. Other readers skip them (networkx
 * turns them into `label`, `x`, `y` and `shape_type`; mechkg reads back the label and the geometry's centre).
 */
import type { EdgeRecord, NodeRecord } from '../model/types.js';
import { CATEGORIES, predicateLabel } from '../model/vocabulary.js';
import { SIGN_COLORS } from './dot-style.js';
import { escapeXml } from './text-codecs.js';

export const YED_NAMESPACE = 'http://www.yworks.com/xml/graphml';
export const YED_NODE_KEY = 'y_node';
export const YED_EDGE_KEY = 'y_edge';

/** mechkg's (Cytoscape) node shapes as yEd's ShapeNode shapes; yEd has no barrel, tag, pentagon or vee, so the nearest. */
const YED_SHAPES: Readonly<Record<string, string>> = {
  ellipse: 'ellipse',
  rectangle: 'rectangle',
  'round-rectangle': 'roundrectangle',
  diamond: 'diamond',
  'round-diamond': 'diamond',
  hexagon: 'hexagon',
  octagon: 'octagon',
  pentagon: 'hexagon',
  star: 'star5',
  barrel: 'rectangle3d',
  tag: 'fatarrow',
  'round-tag': 'fatarrow',
  vee: 'triangle',
  triangle: 'triangle',
};

const HEIGHT = 30;
/** Wide enough for the label at yEd's default 12 pt Dialog (about 7 px a character), within bounds. */
const widthOf = (label: string) => Math.min(260, Math.max(40, Math.round(label.length * 7 + 20)));
const num = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));

/** The nodegraphics <data> of a node centred at (x, y). */
export function yedNodeGraphics(n: NodeRecord, at: { x: number; y: number }, indent: string): string {
  const style = CATEGORIES[n.category];
  const w = widthOf(n.label);
  return [
    `${indent}<data key="${YED_NODE_KEY}">`,
    `${indent}  <y:ShapeNode>`,
    `${indent}    <y:Geometry height="${num(HEIGHT)}" width="${num(w)}" x="${num(at.x - w / 2)}" y="${num(at.y - HEIGHT / 2)}"/>`,
    `${indent}    <y:Fill color="${style.color.toUpperCase()}" transparent="false"/>`,
    `${indent}    <y:BorderStyle color="#000000" type="line" width="1.0"/>`,
    `${indent}    <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" modelName="internal" modelPosition="c" textColor="#000000" visible="true">${escapeXml(n.label)}</y:NodeLabel>`,
    `${indent}    <y:Shape type="${YED_SHAPES[style.shape] ?? 'rectangle'}"/>`,
    `${indent}  </y:ShapeNode>`,
    `${indent}</data>`,
  ].join('\n');
}

/** The edgegraphics <data> of an edge (no arrowheads in an undirected graph). */
export function yedEdgeGraphics(e: EdgeRecord, undirected: boolean, indent: string): string {
  const color = e.causal ? SIGN_COLORS[e.sign ?? 'none'] : SIGN_COLORS.none;
  const target = undirected ? 'none' : e.causal && e.sign === '-' ? 't_shape' : 'standard';
  // a file's own edge label (Cytoscape, GEXF) is what its tool showed; else the predicate
  const given = e.attributes?.label;
  const label = typeof given === 'string' && given !== '' ? given : predicateLabel(e.predicate);
  return [
    `${indent}<data key="${YED_EDGE_KEY}">`,
    `${indent}  <y:PolyLineEdge>`,
    `${indent}    <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>`,
    `${indent}    <y:LineStyle color="${color.toUpperCase()}" type="${e.causal ? 'line' : 'dashed'}" width="${e.causal ? '2.0' : '1.0'}"/>`,
    `${indent}    <y:Arrows source="none" target="${target}"/>`,
    `${indent}    <y:EdgeLabel alignment="center" fontFamily="Dialog" fontSize="10" fontStyle="plain" hasBackgroundColor="false" hasLineColor="false" modelName="centered" modelPosition="center" textColor="#000000" visible="true">${escapeXml(label)}</y:EdgeLabel>`,
    `${indent}    <y:BendStyle smoothed="false"/>`,
    `${indent}  </y:PolyLineEdge>`,
    `${indent}</data>`,
  ].join('\n');
}
