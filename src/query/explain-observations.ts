/**
 * explainObservations: which upstream perturbations account for a set of measured changes (reverse causal
 * reasoning, after Catlett et al. 2013 and CausalR). Every node that causally reaches an observation is a
 * candidate, raised or lowered; each hypothesis predicts the observed nodes by the dominant-direction rule
 * (hypothesis-predictions.ts) and is scored by its agreement with them:
 *
 * - pConcordance: the RCR binomial test, P(X >= correct), X ~ Binomial(correct + incorrect, 1/2);
 * - pRichness: the RCR richness test, P(X >= observations reached), X hypergeometric: draws = nodes the
 *   hypothesis reaches within its horizon (the steps to its farthest changed observation reached, so that
 *   where the depth cap falls does not decide it), successes = changed observations, population = the
 *   graph's other nodes (or, when the file lists unchanged measurements, the measured nodes);
 * - pPermutation (optional, seeded): the weighted score against the observations placed at random over
 *   the same population.
 *
 * Ranked by significance: max(pConcordance, pRichness) (both tests must pass), then the other p-value;
 * then by concordance (the score); then shorter routes; a hypothesis acting only through another
 * (hypothesis-mediation.ts) after it (hypothesis-ranking.ts). The exact top `limit` is found without a
 * forward search per candidate: one backward search per observation gives every candidate's counts (hypothesis-screen.ts); a candidate's
 * concordance key is a lower bound of its final key, so candidates are taken in that order and richness
 * (a forward reach count, stopped as soon as it cannot make the top) is computed only while a candidate
 * can still enter. All searches spend one work budget; `complete` says whether it ran out.
 */
import { NameResolutionError, UsageError } from '../errors.js';
import { resolveNode } from '../graph/resolve-name.js';
import { Budget, type BudgetOptions, type WorkStats } from './budget.js';
import type { EffectKind } from './effect-entries.js';
import { predictionsFrom, type Predictions } from './hypothesis-predictions.js';
import { findMediator, type MediationSearch } from './hypothesis-mediation.js';
import { compareRanked, inScreenOrder, insertSorted, type Ranked } from './hypothesis-ranking.js';
import { screenCandidates, type ObservedNode, type Screen } from './hypothesis-screen.js';
import { flowIndex, isFlowIndex } from './flow-index.js';
import { LayeredBfs } from './layered-bfs.js';
import type { PathIndex } from './path-index.js';
import { pathNode, type Path, type PathNode } from './path-result.js';
import { queryContext, type QueryContext, type QueryInput } from './query-input.js';
import { checkChoice, checkEvidenceKind, checkInteger, makeTraversal, traversalsFrom, type Traversal } from './query-options.js';
import { withLease } from './scratch.js';
import { seededRandom } from './seeded-random.js';
import { binomialUpperTail, hypergeometricUpperTail } from './tail-probabilities.js';
import type { EvidenceKind } from '../model/vocabulary.js';

export type ObservedDirection = 'up' | 'down' | 'unchanged';

export interface ObservationInput {
  /** Node name: id, label, synonym, abbreviation or CURIE. */
  node: string;
  direction: ObservedDirection;
  /** Positive weight in the score and the permutation test (default 1). */
  weight?: number;
  value?: number;
  /** Where the row came from (file:line), repeated in messages and in the answer. */
  where?: string;
}

export interface ExplainObservationsOptions extends BudgetOptions {
  /** Longest route from a hypothesis to an observation, in steps (default 4). */
  maxDepth?: number;
  /** Most hypotheses returned (default 10). */
  limit?: number;
  minEvidence?: EvidenceKind;
  /** Random placements for pPermutation (default 0: not computed). */
  permutations?: number;
  /** Seed of the permutation test (default 1). */
  seed?: number;
  /**
   * The parsimony rule (default true): a hypothesis whose every correct prediction runs through another
   * hypothesis's node, which does as well, is marked `actsThrough` it and ranked after it
   * (hypothesis-mediation.ts). false ranks by the p-values alone.
   */
  mediation?: boolean;
}

export interface ResolvedObservation {
  node: PathNode;
  direction: ObservedDirection;
  weight: number;
  value?: number;
  /** The name as given. */
  input: string;
  where?: string;
}

export interface UnresolvedObservation {
  input: string;
  where?: string;
  reason: 'unknown' | 'ambiguous';
  suggestions: { id: string; label: string }[];
}

export interface HypothesisPrediction {
  node: PathNode;
  observed: ObservedDirection;
  /** What the hypothesis predicts for the node; null when no causal route reaches it within the depth. */
  predicted: EffectKind | null;
  /** true / false when both sides have a direction, else null. */
  agrees: boolean | null;
  /** Steps of the route behind the prediction, null when not reached. */
  distance: number | null;
  /**
   * dominantEffects' confidence, 0 to 1: how strongly the evidence of the shortest routes backs the
   * prediction (0 for mixed or unknown); null when not reached.
   */
  confidence: number | null;
  /** The route behind the prediction (its sign is the route's own net sign: raising the hypothesis node). */
  path: Path | null;
  /** For `mixed`: the equally short route of the other sign. */
  otherPath?: Path;
}

export interface Hypothesis {
  node: PathNode;
  /** The perturbation hypothesised: the node raised (up) or lowered (down). */
  direction: 'up' | 'down';
  correct: number;
  incorrect: number;
  /** Reached, but the shortest routes disagree (mixed) or have no sign (unknown). */
  ambiguous: number;
  /** Changed observations no causal route reaches within the depth. */
  unreached: number;
  /** Weighted correct minus weighted incorrect (correct - incorrect without weights). */
  score: number;
  pConcordance: number;
  pRichness: number;
  pPermutation: number | null;
  /**
   * Steps to the farthest changed observation the hypothesis reaches: the richness test draws from this
   * radius, not from the depth cap, so where the cap falls does not change it.
   */
  horizon: number;
  /** Nodes the hypothesis reaches within its horizon (the richness test's draws): graph nodes, or measured nodes when unchanged ones are given. */
  reached: number;
  /** One per resolved observation except the hypothesis node itself, in input order. */
  predictions: HypothesisPrediction[];
  /**
   * The hypothesis this one explains the observations through (every shortest route behind every
   * correct prediction passes its node, and it does at least as well): ranked after it. null when none.
   */
  actsThrough: (PathNode & { direction: 'up' | 'down' }) | null;
}

export interface ExplainObservationsStats extends WorkStats {
  /** Observations whose backward search finished (all unless the budget ran out). */
  observationsScreened: number;
  /** Nodes that reach a changed observation. */
  candidates: number;
  /** Hypotheses (node, direction) with at least one correct prediction: the ones ranked. */
  hypothesesTested: number;
  /** Hypotheses whose richness was computed to decide the top `limit`. */
  richnessComputed: number;
  /** Hypotheses checked for a mediator (the parsimony rule). */
  mediationChecks: number;
  /** Shown hypotheses that act through another. */
  actingThrough: number;
  /**
   * Shown hypotheses whose dominantEffects counts differ from the backward screen's (their own counts are
   * shown; the screen ranked the others). 0 unless a rare route shape defeats the mirrored rule.
   */
  screenMismatches: number;
  /** What the richness and permutation tests draw from. */
  population: { kind: 'graph' | 'observations'; size: number };
  permutations: number;
  seed: number;
}

export interface ExplainObservationsResult {
  observations: ResolvedObservation[];
  unresolved: UnresolvedObservation[];
  depth: number;
  /** The budget did not cut the search: the list is exactly the top `limit`. */
  complete: boolean;
  /** More hypotheses were ranked than `limit` shows. */
  truncated: boolean;
  hypotheses: Hypothesis[];
  stats: ExplainObservationsStats;
}

const WHERE = 'hypotheses';
/** Every observation costs a whole backward search: a larger default budget than path enumeration's. */
const DEFAULT_EXPANSIONS = 200_000_000;
const DEFAULT_MILLIS = 20_000;

export function explainObservations(input: QueryInput, observations: readonly ObservationInput[], options: ExplainObservationsOptions = {}): ExplainObservationsResult {
  const depth = checkInteger(WHERE, 'maxDepth', options.maxDepth ?? 4, 1, 1000);
  const limit = checkInteger(WHERE, 'limit', options.limit ?? 10, 1, Number.MAX_SAFE_INTEGER, true);
  const minStrength = checkEvidenceKind(WHERE, 'minEvidence', options.minEvidence);
  const permutations = checkInteger(WHERE, 'permutations', options.permutations ?? 0, 0, 1_000_000);
  const seed = checkInteger(WHERE, 'seed', options.seed ?? 1, 0, 2 ** 32 - 1);
  const mediation = options.mediation ?? true;
  if (typeof mediation !== 'boolean') throw new UsageError(`${WHERE}: option mediation must be true or false, got ${JSON.stringify(mediation)}`);
  if (!Array.isArray(observations)) throw new UsageError(`${WHERE}: observations must be a list`);
  const ctx = queryContext(input);
  const { index } = ctx;
  const { resolved, unresolved, observed } = resolveObservations(ctx, observations);
  // Searches run over the perturbation view, where conversions follow the SBGN rules (as dominantEffects does).
  const flow = flowIndex(index);
  const travOptions = { includeAssociations: false, minStrength, avoid: { nodes: new Set<number>(), categories: new Set<string>() } };
  const trav = makeTraversal({ ...ctx, index: flow }, travOptions);
  // Each hypothesis is a perturbation of its node: searches from it keep rule 9 at the start, as dominantEffects does.
  const travFrom = traversalsFrom({ ...ctx, index: flow }, travOptions, trav);
  const maxExpansions = options.maxExpansions ?? DEFAULT_EXPANSIONS;
  const budget = new Budget(WHERE, { maxExpansions, maxMillis: DEFAULT_MILLIS, ...options });
  // The shown hypotheses' dominantEffects searches get what is left of both limits.
  const deadline = now() + (options.maxMillis ?? DEFAULT_MILLIS);

  const changed = observed.filter((o) => o.sign !== 0);
  const observedAt = new Map(observed.map((o) => [o.n, o]));
  const byObservation = observed.some((o) => o.sign === 0);
  const population = { kind: byObservation ? ('observations' as const) : ('graph' as const), size: byObservation ? observed.length : index.nodeCount };

  const screen = screenCandidates(flow, trav, observed, depth, budget, travFrom);
  const ranked = rankByScreen(index, screen);
  const tested = ranked.length;
  const changedExcept = (n: number) => changed.length - (observedAt.get(n)?.sign ? 1 : 0);
  const richness = (h: Ranked, reached: number) =>
    roundP(hypergeometricUpperTail(h.correct + h.incorrect + h.ambiguous, richnessPopulation(index, population.kind, observed, h.n), changedExcept(h.n), reached));

  // Forward predictions (with routes) of the hypotheses settled, for the mediation rule and the answer.
  const forward = new Map<Ranked, Predictions>();
  const predictionsOf = (h: Ranked): Predictions => {
    let p = forward.get(h);
    if (!p) {
      const targets = observed.map((x) => x.n);
      p = predictionsFrom(input, ctx, h.n, { depth, ...(options.minEvidence ? { minEvidence: options.minEvidence } : {}), targets, everywhere: false, maxExpansions: maxExpansions - budget.expansions, maxMillis: deadline - now() }, budget);
      if (!p.complete && !budget.stoppedBy) budget.stoppedBy = p.stoppedBy;
      forward.set(h, p);
    }
    return p;
  };
  const byHypothesis = new Map(ranked.map((h) => [hypothesisKey(h.n, h.dir), h]));
  const mediationSearch: MediationSearch = { flow, trav: travFrom, depth, observed, budget, hypothesis: (n, dir) => byHypothesis.get(hypothesisKey(n, dir)) };

  let richnessComputed = 0;
  let mediationChecks = 0;
  /** h's richness; false when h cannot make the top (below kth) or the budget ran out. */
  const computeRichness = (h: Ranked, kth: Ranked | null): boolean => {
    if (!Number.isNaN(h.pRichness)) return true;
    richnessComputed++;
    if (byObservation) {
      h.reached = h.correct + h.incorrect + h.ambiguous + (screen.unchangedAt.get(h.n) ?? []).filter((d) => d <= h.horizon).length;
      h.pRichness = richness(h, h.reached);
      return true;
    }
    const reached = reachCount(flow, travFrom(h.n), h.n, h.horizon, budget, (lowerBound) => (kth ? compareRanked({ ...h, pRichness: richness(h, lowerBound) }, kth) > 0 : false));
    if (reached === null) return false;
    h.reached = reached;
    h.pRichness = richness(h, reached);
    return true;
  };
  // Richness, then the hypothesis h acts through (settled first, its key bounds h's); false when h cannot
  // make the top or the budget ran out.
  const settled = new Set<Ranked>();
  const settling = new Set<Ranked>();
  const settle = (h: Ranked, kth: Ranked | null): boolean => {
    if (settled.has(h)) return true;
    if (!computeRichness(h, kth)) return false;
    if (kth && compareRanked(h, kth) > 0) return false;
    if (mediation) {
      settling.add(h);
      mediationChecks++;
      const m = findMediator(h, predictionsOf(h), mediationSearch);
      if (m && !settling.has(m) && settle(m, null)) h.via = m;
      settling.delete(h);
    }
    if (budget.exhausted) return false;
    settled.add(h);
    return true;
  };

  // Take candidates in order of their lower bound until none left can enter the top `limit`; a mediator
  // enters with (before) the hypotheses that act through it.
  const top: Ranked[] = [];
  const inserted = new Set<Ranked>();
  const insert = (h: Ranked) => {
    if (inserted.has(h)) return;
    if (h.via) insert(h.via);
    inserted.add(h);
    insertSorted(top, h, limit);
  };
  for (const h of inScreenOrder(ranked)) {
    if (budget.exhausted) break;
    if (inserted.has(h)) continue;
    const kth = top.length === limit ? top[limit - 1]! : null;
    if (kth && compareRanked(lowerBound(h), kth) > 0) break;
    if (settle(h, kth)) insert(h);
  }

  const random = seededRandom(seed);
  const mismatches = { count: 0 };
  const described = top.map((h) => ({
    h,
    hyp: describeHypothesis(input, ctx, h, resolved, observed, { depth, minEvidence: options.minEvidence, maxExpansions, deadline }, budget, permutations, random, population.kind, changedExcept(h.n), mismatches, forward.get(h)),
  }));
  // The forward rule decides: should it ever disagree with the screen (it may not), its counts stand.
  for (const { h, hyp } of described) {
    Object.assign(h, { correct: hyp.correct, incorrect: hyp.incorrect, ambiguous: hyp.ambiguous, score: hyp.score, pConcordance: hyp.pConcordance, pRichness: hyp.pRichness, reached: hyp.reached });
    h.distanceSum = hyp.predictions.reduce((s, p) => s + (p.observed !== 'unchanged' && p.distance !== null ? p.distance : 0), 0);
    hyp.actsThrough = h.via ? { ...pathNode(index, h.via.n), direction: h.via.dir === 1 ? 'up' : 'down' } : null;
  }
  const hypotheses = described.sort((a, b) => compareRanked(a.h, b.h)).map((x) => x.hyp);

  const work = budget.stats();
  return {
    observations: resolved,
    unresolved,
    depth,
    complete: work.stoppedBy === null,
    truncated: tested > hypotheses.length,
    hypotheses,
    stats: {
      ...work,
      observationsScreened: screen.screened,
      candidates: screen.candidates.length,
      hypothesesTested: tested,
      richnessComputed,
      mediationChecks,
      actingThrough: hypotheses.filter((h) => h.actsThrough).length,
      screenMismatches: mismatches.count,
      population,
      permutations,
      seed,
    },
  };
}

function resolveObservations(ctx: ReturnType<typeof queryContext>, observations: readonly ObservationInput[]) {
  const resolved: ResolvedObservation[] = [];
  const unresolved: UnresolvedObservation[] = [];
  const observed: ObservedNode[] = [];
  const firstAt = new Map<number, ObservationInput>();
  observations.forEach((o, i) => {
    const where = o.where ?? `observation ${i + 1}`;
    if (typeof o?.node !== 'string' || o.node.trim() === '') throw new UsageError(`${WHERE}: ${where}: node must be a non-empty name`);
    const direction = checkChoice(`${WHERE}: ${where}`, 'direction', o.direction, ['up', 'down', 'unchanged'] as const);
    const weight = o.weight ?? 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) throw new UsageError(`${WHERE}: ${where}: weight must be a positive number, got ${JSON.stringify(weight)}`);
    let n: number;
    try {
      n = ctx.index.indexOf(resolveNode(ctx.names, o.node));
    } catch (err) {
      if (!(err instanceof NameResolutionError)) throw err;
      unresolved.push({ input: o.node, ...(o.where ? { where: o.where } : {}), reason: err.reason, suggestions: err.suggestions });
      return;
    }
    const first = firstAt.get(n);
    if (first) {
      throw new UsageError(`${WHERE}: ${where}: "${o.node}" and ${first.where ?? 'an earlier observation'} ("${first.node}") both name ${ctx.index.nodeId(n)}; give each node once`);
    }
    firstAt.set(n, { ...o, where });
    resolved.push({ node: pathNode(ctx.index, n), direction, weight, ...(o.value !== undefined ? { value: o.value } : {}), input: o.node, ...(o.where ? { where: o.where } : {}) });
    observed.push({ n, sign: direction === 'up' ? 1 : direction === 'down' ? -1 : 0, weight });
  });
  if (resolved.length === 0) {
    const names = unresolved.slice(0, 5).map((u) => `"${u.input}"${u.suggestions[0] ? ` (did you mean ${u.suggestions[0].label}?)` : ''}`);
    throw new UsageError(`${WHERE}: none of the ${observations.length} observation(s) names a node of the graph: ${names.join(', ')}${unresolved.length > 5 ? ', ...' : ''}`);
  }
  if (!observed.some((o) => o.sign !== 0)) throw new UsageError(`${WHERE}: no observation went up or down (all ${observed.length} resolved ones are unchanged)`);
  return { resolved, unresolved, observed };
}

/** p-values are kept to 12 significant digits, so that rounding noise (0.5000000000000001) never decides a rank. */
function roundP(p: number): number {
  return Number(p.toPrecision(12));
}

const pConcordanceMemo = new Map<number, number>();
function pConcordance(correct: number, incorrect: number): number {
  const key = correct * 0x200000 + incorrect;
  let p = pConcordanceMemo.get(key);
  if (p === undefined) {
    p = roundP(binomialUpperTail(correct, correct + incorrect, 0.5));
    if (pConcordanceMemo.size < 100_000) pConcordanceMemo.set(key, p);
  }
  return p;
}

/** Hypotheses with at least one correct prediction, each with its screen counts (unsorted). */
function rankByScreen(index: PathIndex, s: Screen): Ranked[] {
  const out: Ranked[] = [];
  for (const n of s.candidates) {
    for (const dir of [1, -1] as const) {
      const correct = dir === 1 ? s.correct[n]! : s.incorrect[n]!;
      if (correct === 0) continue;
      const incorrect = dir === 1 ? s.incorrect[n]! : s.correct[n]!;
      const wc = dir === 1 ? s.weightCorrect[n]! : s.weightIncorrect[n]!;
      const wi = dir === 1 ? s.weightIncorrect[n]! : s.weightCorrect[n]!;
      out.push({
        n,
        id: index.nodeId(n),
        dir,
        correct,
        incorrect,
        ambiguous: s.ambiguous[n]!,
        score: roundScore(wc - wi),
        distanceSum: s.distanceSum[n]!,
        pConcordance: pConcordance(correct, incorrect),
        pRichness: NaN,
        horizon: s.horizon[n]!,
        reached: 0,
        via: null,
      });
    }
  }
  return out;
}

/** A number per (node, direction). */
function hypothesisKey(n: number, dir: 1 | -1): number {
  return n * 2 + (dir === 1 ? 0 : 1);
}

/** What h's key is at least before its richness and mediator are known. */
function lowerBound(h: Ranked): Ranked {
  return { ...h, pRichness: NaN, via: null };
}

function roundScore(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * Real nodes reached from start within depth (any sign: the plain breadth-first ball of the flow view,
 * reaction twins not counted), grown a layer at a time; null as soon as `hopeless(countSoFar)` says the
 * count can no longer help, or the budget runs out.
 */
function reachCount(index: PathIndex, trav: Traversal, start: number, depth: number, budget: Budget, hopeless: (lowerBound: number) => boolean): number | null {
  const real = isFlowIndex(index) ? index.realNodeCount : index.nodeCount;
  return withLease(index, (lease) => {
    const bfs = new LayeredBfs(index, trav, start, 'out', false, lease, budget);
    let counted = 1;
    let found = 0;
    const count = () => {
      const states = bfs.states();
      for (; counted < states.length; counted++) if (states[counted]! < real) found++;
      return found;
    };
    while (bfs.depth < depth && !bfs.done) {
      bfs.grow();
      if (budget.exhausted) return null;
      if (hopeless(count())) return null;
    }
    return count();
  });
}

function describeHypothesis(
  input: QueryInput,
  ctx: QueryContext,
  h: Ranked,
  resolved: ResolvedObservation[],
  observed: ObservedNode[],
  o: { depth: number; minEvidence: EvidenceKind | undefined; maxExpansions: number; deadline: number },
  budget: Budget,
  permutations: number,
  random: () => number,
  populationKind: 'graph' | 'observations',
  changedCount: number,
  mismatches: { count: number },
  cached: Predictions | undefined,
): Hypothesis {
  const { index } = ctx;
  const everywhere = permutations > 0 && populationKind === 'graph';
  const pred =
    cached && !everywhere
      ? cached
      : predictionsFrom(
    input,
    ctx,
    h.n,
    {
      depth: o.depth,
      ...(o.minEvidence ? { minEvidence: o.minEvidence } : {}),
      targets: observed.map((x) => x.n),
      everywhere,
      maxExpansions: o.maxExpansions - budget.expansions,
      maxMillis: o.deadline - now(),
    },
    budget,
  );
  // A search of its own ran out: the answer is not complete, cut by the same limit.
  if (!pred.complete && !budget.stoppedBy) budget.stoppedBy = pred.stoppedBy;
  const predicted = (n: number): EffectKind | null => flip(pred.effect(n), h.dir);
  let correct = 0;
  let incorrect = 0;
  let ambiguous = 0;
  let wc = 0;
  let wi = 0;
  let observedReached = 0;
  const predictions: HypothesisPrediction[] = [];
  resolved.forEach((r, i) => {
    const o = observed[i]!;
    if (o.n === h.n) return;
    const kind = predicted(o.n);
    if (kind !== null && (o.sign !== 0 || pred.distance(o.n) <= h.horizon)) observedReached++;
    const routes = pred.routes(o.n);
    const agrees = o.sign === 0 || (kind !== 'up' && kind !== 'down') ? null : (kind === 'up') === (o.sign === 1);
    if (o.sign !== 0 && kind !== null) {
      if (agrees === true) {
        correct++;
        wc += o.weight;
      } else if (agrees === false) {
        incorrect++;
        wi += o.weight;
      } else ambiguous++;
    }
    const entry: HypothesisPrediction = {
      node: r.node,
      observed: r.direction,
      predicted: kind,
      agrees,
      distance: kind === null ? null : pred.distance(o.n),
      confidence: kind === null ? null : pred.confidence(o.n),
      path: routes[0] ?? null,
    };
    if (routes[1]) entry.otherPath = routes[1];
    predictions.push(entry);
  });
  const score = roundScore(wc - wi);
  const pC = pConcordance(correct, incorrect);
  // The forward rule and the screen agree (hypothesis-screen.ts); if a count ever differs, the forward one
  // stands. Richness draws from the same breadth-first ball the screen counted (reachCount).
  const reached = populationKind === 'graph' ? h.reached : observedReached;
  const agreesWithScreen = correct === h.correct && incorrect === h.incorrect && ambiguous === h.ambiguous && reached === h.reached;
  if (!agreesWithScreen) mismatches.count++;
  const pR = agreesWithScreen
    ? h.pRichness
    : roundP(hypergeometricUpperTail(correct + incorrect + ambiguous, richnessPopulation(index, populationKind, observed, h.n), changedCount, reached));
  return {
    node: pathNode(index, h.n),
    direction: h.dir === 1 ? 'up' : 'down',
    correct,
    incorrect,
    ambiguous,
    unreached: changedCount - correct - incorrect - ambiguous,
    score,
    pConcordance: pC,
    pRichness: pR,
    pPermutation: permutations > 0 ? permutationP(index, pred, h, observed, populationKind, score, permutations, random) : null,
    horizon: h.horizon,
    reached,
    predictions,
    actsThrough: null,
  };
}

function now(): number {
  return globalThis.performance ? globalThis.performance.now() : Date.now();
}

function richnessPopulation(index: PathIndex, kind: 'graph' | 'observations', observed: ObservedNode[], n: number): number {
  return kind === 'graph' ? index.nodeCount - 1 : observed.length - (observed.some((o) => o.n === n) ? 1 : 0);
}

function flip(kind: EffectKind | null, dir: 1 | -1): EffectKind | null {
  if (dir === 1 || kind === null) return kind;
  return kind === 'up' ? 'down' : kind === 'down' ? 'up' : kind;
}

/**
 * P(score of the observations placed at random >= the observed score): the observed (direction,
 * weight) labels, the hypothesis node's own excluded, are dealt to distinct random members of the
 * population (the graph's other nodes, or the measured nodes), `permutations` times; (1 + hits) / (1 + n).
 */
function permutationP(
  index: PathIndex,
  pred: Predictions,
  h: Ranked,
  observed: ObservedNode[],
  kind: 'graph' | 'observations',
  score: number,
  permutations: number,
  random: () => number,
): number {
  const labels = observed.filter((o) => o.n !== h.n);
  const members = kind === 'observations' ? labels.map((o) => o.n) : null;
  const size = members ? members.length : index.nodeCount;
  const signAt = (n: number): number => {
    const e = pred.effect(n);
    return e === 'up' ? h.dir : e === 'down' ? -h.dir : 0;
  };
  let hits = 0;
  const picked = new Set<number>();
  const order = members ? [...members] : [];
  for (let p = 0; p < permutations; p++) {
    let s = 0;
    if (members) {
      // Fisher-Yates shuffle of the measured nodes: label i goes to order[i].
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      labels.forEach((l, i) => (s += l.sign * l.weight * signAt(order[i]!)));
    } else {
      picked.clear();
      for (const l of labels) {
        let n: number;
        do n = Math.floor(random() * size);
        while (n === h.n || picked.has(n));
        picked.add(n);
        s += l.sign * l.weight * signAt(n);
      }
    }
    if (roundScore(s) >= score) hits++;
  }
  return (1 + hits) / (1 + permutations);
}
