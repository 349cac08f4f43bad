/** Test helper shared by the curation chain tests: the net sign of an explicit chain of causal edges. */
import type { KnowledgeGraph } from '../../src/index.js';

export type Sign = '+' | '-';

/** The causal edges source -> target (any predicate), with their signs. */
export function causalSigns(g: KnowledgeGraph, source: string, target: string): Sign[] {
  if (!g.hasNode(source)) throw new Error(`chain: no node "${source}"`);
  if (!g.hasNode(target)) throw new Error(`chain: no node "${target}"`);
  return g
    .outEdges(source, target)
    .map((e) => g.getEdgeAttributes(e))
    .filter((a) => a.causal && a.sign !== null)
    .map((a) => a.sign as Sign);
}

/**
 * Net sign of an explicit chain of node ids: each consecutive pair must be joined by a causal edge, and
 * the signs multiply. Throws (naming the broken step) when a step is missing or two parallel causal
 * edges disagree in sign, so a test can never pass on an ambiguous step.
 */
export function chainSign(g: KnowledgeGraph, ids: readonly string[]): Sign {
  if (ids.length < 2) throw new Error('chain: needs at least two node ids');
  let sign: Sign = '+';
  for (let i = 0; i + 1 < ids.length; i++) {
    const [a, b] = [ids[i]!, ids[i + 1]!];
    const signs = [...new Set(causalSigns(g, a, b))];
    if (signs.length === 0) throw new Error(`chain: no causal edge ${a} -> ${b}`);
    if (signs.length > 1) throw new Error(`chain: causal edges ${a} -> ${b} disagree in sign`);
    sign = sign === signs[0] ? '+' : '-';
  }
  return sign;
}
