/**
 * The order of `hypotheses` answers. A hypothesis's own key is significance, max(pConcordance, pRichness)
 * then min(pConcordance, pRichness); then concordance, the score (descending); then the summed route
 * lengths (closer explanations first). A hypothesis that acts through another (hypothesis-mediation.ts)
 * never ranks above it: its key is the worse of its own and its mediator's, and on a tie it comes after
 * the mediator. Then its own key, id and direction decide.
 */

/** One hypothesis (node, direction) as the ranking sees it: screen counts, later the forward ones. */
export interface Ranked {
  n: number;
  id: string;
  dir: 1 | -1;
  correct: number;
  incorrect: number;
  ambiguous: number;
  score: number;
  distanceSum: number;
  pConcordance: number;
  /** NaN until computed (a lower bound of 0 is used until then). */
  pRichness: number;
  /** Steps to the farthest changed observation it reaches: the radius of its richness draws. */
  horizon: number;
  reached: number;
  /** The hypothesis it acts through; null when none (or not checked yet). */
  via: Ranked | null;
}

interface Key {
  hi: number;
  lo: number;
  score: number;
  distanceSum: number;
}

function ownKey(h: Ranked): Key {
  const r = Number.isNaN(h.pRichness) ? 0 : h.pRichness;
  return { hi: Math.max(h.pConcordance, r), lo: Math.min(h.pConcordance, r), score: h.score, distanceSum: h.distanceSum };
}

function compareKeys(a: Key, b: Key): number {
  return a.hi - b.hi || a.lo - b.lo || b.score - a.score || a.distanceSum - b.distanceSum;
}

/** The key a hypothesis ranks by: its own, or its mediator's when that is worse. */
function rankKey(h: Ranked, seen = 0): Key {
  const own = ownKey(h);
  if (!h.via || seen > 64) return own;
  const via = rankKey(h.via, seen + 1);
  return compareKeys(own, via) >= 0 ? own : via;
}

/** Mediators between a hypothesis and a node that acts through nothing. */
export function mediationLevel(h: Ranked): number {
  let level = 0;
  for (let x = h.via; x && level <= 64; x = x.via) level++;
  return level;
}

export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    compareKeys(rankKey(a), rankKey(b)) ||
    mediationLevel(a) - mediationLevel(b) ||
    compareKeys(ownKey(a), ownKey(b)) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    b.dir - a.dir
  );
}

/** Inserts h into the sorted list `top`, keeping at most `limit`. */
export function insertSorted(top: Ranked[], h: Ranked, limit: number): void {
  let i = top.length;
  while (i > 0 && compareRanked(top[i - 1]!, h) > 0) i--;
  top.splice(i, 0, h);
  if (top.length > limit) top.pop();
}

/**
 * The hypotheses in screen order (compareRanked on their lower bounds: richness 0, no mediator), sorted
 * lazily: the order's first key is pConcordance, which takes few distinct values, so the hypotheses are
 * grouped by it and a group is sorted only when the walk reaches it (the walk usually stops within the
 * first groups).
 */
export function* inScreenOrder(hypotheses: Ranked[]): Generator<Ranked> {
  const groups = new Map<number, Ranked[]>();
  for (const h of hypotheses) {
    const g = groups.get(h.pConcordance);
    if (g) g.push(h);
    else groups.set(h.pConcordance, [h]);
  }
  for (const key of [...groups.keys()].sort((a, b) => a - b)) yield* groups.get(key)!.sort(compareRanked);
}
