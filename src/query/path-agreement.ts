/**
 * Whether the routes of an answer agree on the direction of the effect, and what the best-supported
 * one says (docs/semantics.md#ranking-paths). Counted over the routes listed (the top `limit`).
 */
import { EVIDENCE_KINDS, type EvidenceKind } from '../model/vocabulary.js';
import { pathQuality, type Path } from './path-result.js';
import type { NetSign } from './query-options.js';

export interface RouteRef {
  /** 0-based index into the listed paths. */
  pathIndex: number;
  sign: NetSign;
  length: number;
  weakestEvidence: EvidenceKind | null;
  weakestStudies: number;
}

/** The best-supported route of a net sign that none of the listed paths has. */
export interface UnlistedRoute {
  sign: NetSign;
  length: number;
  weakestEvidence: EvidenceKind | null;
  weakestStudies: number;
  /** Node ids in route order. */
  nodes: string[];
  /** False when a step is an association (only with includeAssociations). */
  causal: boolean;
}

export interface Unlisted {
  routes: UnlistedRoute[];
  /** True when the look for them ran to the end (or was not needed: nothing beyond the list). */
  checked: boolean;
}

export interface PathAgreement {
  /**
   * Listed causal routes whose net sign raises / lowers the target, and those with a step of no
   * direction (when every listed route passes through an association, those routes are counted).
   */
  routesUp: number;
  routesDown: number;
  routesUnknown: number;
  /** Listed routes with an association step (includeAssociations), not counted above while a causal route is listed. */
  routesThroughAssociations: number;
  /** True when some listed routes raise the target and others lower it. */
  disagree: boolean;
  /** The best-supported listed (causal, when any is) route: best weakest-link quality, then fewest steps, then first listed. */
  strongest: RouteRef;
  /**
   * A route of the opposite sign whose weakest link is as good as the strongest's: the evidence does
   * not decide between the two directions. Null when none.
   */
  tiedWith: RouteRef | null;
  /**
   * When the limit cut the list: the best-supported route of each net sign the listed paths lack (so
   * "all listed routes raise it" never hides a route that lowers it). Empty when there is none.
   */
  unlisted: UnlistedRoute[];
  /** False when the work budget cut the look for unlisted routes (there may be some). */
  unlistedChecked: boolean;
  /** The agreement in words: "3 routes lower it, 2 raise it; the best-supported (#1, ...) lowers it." */
  text: string;
}

const PLURAL: Record<NetSign, string> = { '+': 'raise it', '-': 'lower it', '?': 'have no known direction' };
const SINGULAR: Record<NetSign, string> = { '+': 'raises it', '-': 'lowers it', '?': 'has no known direction' };

function ref(paths: readonly Path[], i: number): RouteRef {
  const p = paths[i]!;
  return { pathIndex: i, sign: p.sign, length: p.length, weakestEvidence: p.weakestEvidence, weakestStudies: p.weakestStudies };
}

/** "3 routes lower it", then "2 raise it": only the first count names the routes. */
function routes(n: number, sign: NetSign, first: boolean): string {
  return `${n}${first ? ` route${n === 1 ? '' : 's'}` : ''} ${n === 1 ? SINGULAR[sign] : PLURAL[sign]}`;
}

function weakestText(r: Pick<RouteRef, 'weakestEvidence' | 'weakestStudies'>): string {
  if (!r.weakestEvidence) return 'a step without evidence';
  return `weakest step ${EVIDENCE_KINDS[r.weakestEvidence].label}, ${r.weakestStudies} stud${r.weakestStudies === 1 ? 'y' : 'ies'}`;
}

/** True when every step is causal (influence or conversion): the route's sign is an effect, not a correlation. */
export function isCausalRoute(p: Pick<Path, 'edges'>): boolean {
  return p.edges.every((e) => e.causal);
}

/**
 * The agreement of the listed paths, null when there are none. `more` says whether routes beyond them
 * may exist. Routes through an association (with --include-associations) are counted apart: the sign
 * of a correlation is not an effect, so they neither vote nor become "the best-supported" while a
 * causal route is listed.
 */
export function pathAgreement(paths: readonly Path[], more = false, unlisted: Unlisted = { routes: [], checked: true }): PathAgreement | null {
  if (paths.length === 0) return null;
  const causal = paths.map(isCausalRoute);
  const voters = causal.some(Boolean) ? paths.map((_, i) => i).filter((i) => causal[i]) : paths.map((_, i) => i);
  const count: Record<NetSign, number> = { '+': 0, '-': 0, '?': 0 };
  for (const i of voters) count[paths[i]!.sign]++;
  const quality = paths.map(pathQuality);
  let best = voters[0]!;
  for (const i of voters) {
    if (quality[i]! > quality[best]! || (quality[i] === quality[best] && paths[i]!.length < paths[best]!.length)) best = i;
  }
  const strongest = ref(paths, best);
  let tied = -1;
  if (strongest.sign !== '?') {
    for (const i of voters) {
      const p = paths[i]!;
      if (p.sign !== '?' && p.sign !== strongest.sign && quality[i] === quality[best] && (tied < 0 || p.length < paths[tied]!.length)) tied = i;
    }
  }
  const tiedWith = tied < 0 ? null : ref(paths, tied);
  const associative = paths.length - voters.length;
  const allAssociative = !causal.some(Boolean);
  // The strongest route's sign first, as in "3 routes lower it, 2 raise it; the best-supported lowers it".
  const order = ([strongest.sign, '+', '-', '?'] as NetSign[]).filter((s, i, all) => all.indexOf(s) === i && count[s] > 0);
  const listed = more ? ' listed' : '';
  const kind = associative > 0 ? ' causal' : '';
  let text: string;
  if (voters.length === 1) text = `The only${kind} route${more ? ' listed' : ' found'} ${SINGULAR[strongest.sign]}.`;
  else if (order.length === 1) text = `All ${voters.length}${kind} routes${listed} ${PLURAL[strongest.sign]}.`;
  else {
    const counts = order.map((s, i) => routes(count[s], s, i === 0)).join(', ');
    const verdict = tiedWith
      ? `the best-supported routes disagree: #${strongest.pathIndex + 1} ${SINGULAR[strongest.sign]} and #${tiedWith.pathIndex + 1} ${SINGULAR[tiedWith.sign]} on equally strong evidence (${weakestText(strongest)})`
      : `the best-supported (#${strongest.pathIndex + 1}, ${weakestText(strongest)}) ${SINGULAR[strongest.sign]}`;
    text = `${counts}${more ? ' (of those listed)' : ''}; ${verdict}.`;
    text = text.charAt(0).toUpperCase() + text.slice(1);
  }
  if (allAssociative) text = `Every route passes through an association (a correlation, not an effect): ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  else if (associative > 0) text += ` ${associative} more route${associative === 1 ? ' passes' : 's pass'} through an association (a correlation, not an effect) and ${associative === 1 ? 'is' : 'are'} not counted.`;
  for (const u of unlisted.routes) {
    const through = u.causal ? '' : ' (through an association)';
    text += ` Beyond the list, the best-supported route that ${SINGULAR[u.sign]}${through} is not shown (${u.length} step${u.length === 1 ? '' : 's'}, ${weakestText(u)}).`;
  }
  if (!unlisted.checked) text += ' (The work budget cut the look for routes of the other sign beyond the list.)';
  return {
    routesUp: count['+'],
    routesDown: count['-'],
    routesUnknown: count['?'],
    routesThroughAssociations: associative,
    disagree: count['+'] > 0 && count['-'] > 0,
    strongest,
    tiedWith,
    unlisted: unlisted.routes,
    unlistedChecked: unlisted.checked,
    text,
  };
}
