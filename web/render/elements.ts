/** Pure conversion of graph entities to Cytoscape element definitions (data only, no style). */
import type cytoscape from 'cytoscape';
import { PREDICATES, type KnowledgeGraph } from '../../src/index.js';

export function nodeElement(graph: KnowledgeGraph, id: string): cytoscape.ElementDefinition {
  const a = graph.getNodeAttributes(id);
  return {
    group: 'nodes',
    data: { id, label: a.label, category: a.category, degree: graph.degree(id), labelUp: `▲\u00a0${a.label}`, labelDown: `▼\u00a0${a.label}`, labelMixed: `◆\u00a0${a.label}` },
  };
}

export function edgeElement(graph: KnowledgeGraph, key: string): cytoscape.ElementDefinition {
  const r = graph.getEdgeAttributes(key);
  return {
    group: 'edges',
    data: {
      id: key,
      source: graph.source(key),
      target: graph.target(key),
      predicate: r.predicate,
      predicateLabel: PREDICATES[r.predicate].label,
      sign: r.sign ?? 'none',
      causal: r.causal,
      strength: r.strength,
      contested: r.contested,
      preclinicalOnly: r.preclinicalOnly,
    },
  };
}

/** Elements for a set of nodes and the edges among them (or the given edges only). */
export function subgraphElements(graph: KnowledgeGraph, nodes: Iterable<string>, edges?: Iterable<string>): cytoscape.ElementDefinition[] {
  const nodeSet = new Set(nodes);
  const out = [...nodeSet].map((id) => nodeElement(graph, id));
  if (edges) {
    for (const e of edges) out.push(edgeElement(graph, e));
  } else {
    for (const id of nodeSet) {
      graph.forEachOutEdge(id, (key, _a, _s, target) => {
        if (nodeSet.has(target)) out.push(edgeElement(graph, key));
      });
    }
  }
  return out;
}

