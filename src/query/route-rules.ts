/**
 * The route rules a path answer applied that a reader would otherwise not see, stated in the answer
 * itself (`routeRules` in the JSON, one sentence appended to the agreement text): which routes the
 * engine did not follow, and why (docs/semantics.md, perturbation rules 8 and 9).
 */
import type { PathIndex } from './path-index.js';

export type RouteRuleName = 'conversion_cycle';

export interface RouteRule {
  rule: RouteRuleName;
  /** The nodes the rule names (for conversion_cycle: the enzymes whose reactions consume the target). */
  nodes: string[];
  text: string;
}

/**
 * The conversion-cycle rule of a route into `target`: the reactions (enzymes) that consume it, whose
 * production steps no route into it takes when conversions alone lead on from there to the target
 * (conversion-cycle.ts). Null when nothing consumes the target.
 */
export function conversionCycleRule(index: PathIndex, target: number, consumers: ReadonlyMap<number, ReadonlySet<number>> | null): RouteRule | null {
  if (consumers === null || consumers.size === 0) return null;
  const nodes = [...consumers.keys()].map((n) => index.nodeId(n)).sort();
  const labels = [...consumers.keys()].map((n) => index.nodeSummary(n).label).sort();
  const to = index.nodeSummary(target).label;
  return {
    rule: 'conversion_cycle',
    nodes,
    text: `Routes from the product of a reaction that consumes ${to} (${listWords(labels)}) back to ${to} by conversions alone are not followed: they carry ${to}'s own mass round a cycle back to it, which is conversion, not regulation (a route that passes through an influence on the way, such as feedback inhibition, is kept).`,
  };
}

function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
