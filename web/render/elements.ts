/** Pure conversion of graph entities to Cytoscape element definitions (data only, no style). */
import type cytoscape from 'cytoscape';
import { predicateLabel as predicateOf, type KnowledgeGraph } from '../../src/index.js';

export const SIGN_GLYPH: Record<string, string> = { '+': '+', '-': '−', none: '·' };

/** A chosen hypothesis marks each observation: ▲ / ▼ as observed, then ✓ agrees, ✗ disagrees, ? ambiguous, · not reached. */
export const VERDICT_GLYPH = { agree: '✓', disagree: '✗', ambiguous: '?', unreached: '·' } as const;

/** The data field of that label (Cytoscape's data() mapper takes letters and digits only). */
export function verdictLabelKey(dir: 'up' | 'down', verdict: string): string {
  return `label${dir === 'up' ? 'Up' : 'Down'}${verdict[0]!.toUpperCase()}${verdict.slice(1)}`;
}

function verdictLabels(label: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [verdict, glyph] of Object.entries(VERDICT_GLYPH)) {
    out[verdictLabelKey('up', verdict)] = `▲\u00a0${label}\u00a0${glyph}`;
    out[verdictLabelKey('down', verdict)] = `▼\u00a0${label}\u00a0${glyph}`;
  }
  return out;
}

export function nodeElement(graph: KnowledgeGraph, id: string): cytoscape.ElementDefinition {
  const a = graph.getNodeAttributes(id);
  return {
    group: 'nodes',
    // focusLabel: the label in the focus view (name and links to the focus; the renderer writes it there).
    data: { id, label: a.label, focusLabel: a.label, category: a.category, degree: graph.degree(id), labelUp: `▲\u00a0${a.label}`, labelDown: `▼\u00a0${a.label}`, labelMixed: `◆\u00a0${a.label}`, labelFrom: `From: ${a.label}`, labelTo: `To: ${a.label}`, ...verdictLabels(a.label) },
  };
}

export function edgeElement(graph: KnowledgeGraph, key: string): cytoscape.ElementDefinition {
  const r = graph.getEdgeAttributes(key);
  const sign = r.sign ?? 'none';
  const label = predicateOf(r.predicate);
  const signLabel = `${SIGN_GLYPH[sign]} ${label}`;
  // On a drawn path the label also says, in words, what the marks on the line mean.
  // The marks go on a line of their own, so a marked step's label stays about as long as its edge.
  const pathLabel = [signLabel, [r.contested ? '◇ disputed' : '', r.preclinicalOnly ? '□ animal / in vitro only' : ''].filter(Boolean).join(' · ')].filter(Boolean).join('\n');
  return {
    group: 'edges',
    data: {
      id: key,
      source: graph.source(key),
      target: graph.target(key),
      predicate: r.predicate,
      predicateLabel: label,
      signLabel,
      pathLabel,
      sign,
      causal: r.causal,
      strength: r.strength,
      contested: r.contested,
      preclinicalOnly: r.preclinicalOnly,
    },
  };
}

/** Keys of the edges whose two ends are both in `nodes`. */
export function inducedEdgeKeys(graph: KnowledgeGraph, nodes: readonly string[]): string[] {
  if (nodes.length === graph.order) return graph.edges();
  const set = new Set(nodes);
  const out: string[] = [];
  for (const id of set) {
    graph.forEachOutEdge(id, (key, _a, _s, target) => {
      if (set.has(target)) out.push(key);
    });
  }
  return out;
}

/** Elements for a set of nodes and the given edges (or the edges among them). */
export function subgraphElements(graph: KnowledgeGraph, nodes: readonly string[], edges?: readonly string[]): cytoscape.ElementDefinition[] {
  const out = [...new Set(nodes)].map((id) => nodeElement(graph, id));
  for (const e of edges ?? inducedEdgeKeys(graph, nodes)) out.push(edgeElement(graph, e));
  return out;
}

/**
 * Marks `parallel` on each edge that shares its two nodes with another drawn edge (either direction) and on
 * loops: the stylesheet bends those apart (bezier) and draws the rest straight.
 */
export function markParallelEdges(els: cytoscape.ElementDefinition[]): cytoscape.ElementDefinition[] {
  const pair = (e: cytoscape.ElementDefinition) => {
    const s = String(e.data.source);
    const t = String(e.data.target);
    return s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
  };
  const count = new Map<string, number>();
  for (const e of els) if (e.group === 'edges') count.set(pair(e), (count.get(pair(e)) ?? 0) + 1);
  for (const e of els) if (e.group === 'edges' && (e.data.source === e.data.target || count.get(pair(e))! > 1)) e.data.parallel = true;
  return els;
}
