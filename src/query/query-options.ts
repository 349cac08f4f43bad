/**
 * Option checking shared by the queries (defaults -> validate -> resolve): every bad value throws a
 * UsageError that names the function, the option and what was expected.
 */
import { NameResolutionError, UsageError } from '../errors.js';
import { resolveNode } from '../graph/resolve-name.js';
import { editDistance } from '../load/edit-distance.js';
import { CATEGORIES, EVIDENCE_KINDS, EVIDENCE_KIND_NAMES, type EvidenceKind } from '../model/vocabulary.js';
import type { QueryContext } from './query-input.js';
import { conceptsOf, isFlowIndex, reactionOf } from './flow-index.js';
import { edgeRefuted, edgeRelationOf, RELATION_CODES, type PathIndex } from './path-index.js';

export type NetSign = '+' | '-' | '?';

/** An integer in [min, max]; Infinity is accepted only when allowInfinity. */
export function checkInteger(where: string, name: string, value: unknown, min: number, max: number, allowInfinity = false): number {
  if (allowInfinity && value === Infinity) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${where}: option ${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value) ?? String(value)}`);
  }
  return value;
}

export function checkChoice<T extends string>(where: string, name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${where}: option ${name} must be one of ${choices.join(', ')}; got ${JSON.stringify(value) ?? String(value)}`);
  }
  return value as T;
}

/** '+' / '-' / '?' (also accepts up/down, positive/negative) as a sign code 1 / -1 / 0. */
export function checkSign(where: string, name: string, value: unknown): -1 | 0 | 1 {
  const aliases: Record<string, -1 | 0 | 1> = { '+': 1, up: 1, positive: 1, '-': -1, down: -1, negative: -1, '?': 0, unknown: 0 };
  const code = typeof value === 'string' ? aliases[value.toLowerCase()] : undefined;
  if (code === undefined) throw new UsageError(`${where}: option ${name} must be "+" or "-" (or "?"), got ${JSON.stringify(value) ?? String(value)}`);
  return code;
}

/** Strength of an evidence kind name (for minEvidence); 0 when not given. */
export function checkEvidenceKind(where: string, name: string, value: unknown): number {
  if (value === undefined) return 0;
  const kind = checkChoice(where, name, value, EVIDENCE_KIND_NAMES);
  return EVIDENCE_KINDS[kind].strength;
}

export function checkStringList(where: string, name: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new UsageError(`${where}: option ${name} must be a list of names`);
  }
  return value as string[];
}

/** Resolves a node name like the CLI does; throws NameResolutionError (with suggestions) when it fails. */
export function resolveNumber(ctx: QueryContext, name: string): number {
  return ctx.index.indexOf(resolveNode(ctx.names, name));
}

/** The node numbers and categories a traversal must not enter. */
export interface Avoidance {
  nodes: Set<number>;
  categories: Set<string>;
}

/** Each entry is a category name (e.g. "disease") or a node name. */
export function resolveAvoid(ctx: QueryContext, entries: readonly string[]): Avoidance {
  const out: Avoidance = { nodes: new Set(), categories: new Set() };
  for (const entry of entries) {
    if (Object.hasOwn(CATEGORIES, entry)) {
      out.categories.add(entry);
      continue;
    }
    try {
      out.nodes.add(resolveNumber(ctx, entry));
    } catch (err) {
      // avoid also takes category names: say so when the entry is neither.
      if (err instanceof NameResolutionError && err.reason === 'unknown') {
        const near = Object.keys(CATEGORIES).find((c) => editDistance(c, entry.toLowerCase()) <= 2);
        const hint = near ? `did you mean the category "${near}"? ` : '';
        throw new NameResolutionError(
          `avoid: "${entry}" is neither a node nor a category (${Object.keys(CATEGORIES).join(', ')}); ${hint}${err.message}`,
          err.query,
          err.reason,
          err.suggestions,
        );
      }
      throw err;
    }
  }
  return out;
}

/** Which edges a traversal may follow and which nodes it may enter. */
export interface Traversal {
  /** 1 for nodes that may not be entered (avoided), 0 otherwise. */
  blocked: Uint8Array;
  edgeAllowed(e: number): boolean;
}

export interface TraversalOptions {
  includeAssociations: boolean;
  minStrength: number;
  avoid: Avoidance;
  /** Nodes never blocked (query endpoints), whatever their category. */
  keep?: readonly number[];
  /**
   * Also follow edges whose evidence only disputes them (edgeRefuted): only for listing the graph's edges
   * (neighbors), never for a route, which would present a failed claim as a cause.
   */
  includeRefuted?: boolean;
  /**
   * The node every route ends at (paths, shortest, regulators): routes into it refuse the production
   * steps of the reactions that consume it (conversionCycleEdge), since such a route follows the
   * target's own mass flow round a cycle back to it (docs/semantics.md, rule 8). And no route leaves
   * the target's concept (the target and its deficiency or excess states) to come back into it (rule 9).
   */
  to?: number;
  /**
   * With `to`: leave rule 8 to the caller, which keeps it along each route (conversion-cycle.ts: a
   * production step is refused only when mass flow alone follows it into `to`); the traversal then
   * refuses no production step, so distance bounds computed over it stay lower bounds.
   */
  cycleByRoute?: boolean;
  /**
   * The node every route starts at (paths, shortest, effects): no route re-enters its concept once it
   * has left it (rule 9): raising B12 does not act through B12 deficiency reached back from insulin resistance.
   */
  from?: number;
}

/** One all-zero `blocked` per index, shared by the traversals that avoid nothing (never written). */
const nothingBlocked = new WeakMap<object, Uint8Array>();

export function makeTraversal(ctx: QueryContext, opts: TraversalOptions): Traversal {
  const { index } = ctx;
  let blocked: Uint8Array;
  if (opts.avoid.categories.size === 0 && opts.avoid.nodes.size === 0) {
    // Nothing avoided: no O(nodes) allocation per query on big graphs.
    blocked = nothingBlocked.get(index) ?? new Uint8Array(index.nodeCount);
    nothingBlocked.set(index, blocked);
  } else {
    blocked = new Uint8Array(index.nodeCount);
    if (opts.avoid.categories.size > 0) {
      for (let n = 0; n < index.nodeCount; n++) if (opts.avoid.categories.has(index.nodeCategory(n))) blocked[n] = 1;
    }
    for (const n of opts.avoid.nodes) blocked[n] = 1;
    for (const n of opts.keep ?? []) blocked[n] = 0;
    // In the flow view a reaction twin is avoided with its enzyme.
    if (isFlowIndex(index)) for (let n = index.realNodeCount; n < index.nodeCount; n++) blocked[n] = blocked[index.nodeOrigin(n)]!;
  }
  const { includeAssociations, minStrength } = opts;
  // A refuted edge has strength 0, so a minimum evidence kind already drops it; an index without disputes has none.
  const dropRefuted = !opts.includeRefuted && minStrength === 0 && index.edgeContested !== undefined;
  const allowed: (e: number) => boolean = dropRefuted
    ? (e) => (includeAssociations || index.edgeCausal(e)) && !edgeRefuted(index, e)
    : (e) => (includeAssociations || index.edgeCausal(e)) && index.edgeStrength(e) >= minStrength;
  const consumers = opts.to === undefined || opts.cycleByRoute ? null : consumersOf(index, opts.to);
  const noCycle = consumers === null ? allowed : (e: number) => allowed(e) && !conversionCycleEdge(index, consumers, e);
  const concepts = opts.from === undefined && opts.to === undefined ? null : conceptsOf(index);
  if (concepts === null) return { blocked, edgeAllowed: noCycle };
  // Rule 9 at the ends: no step into the start's concept from outside it, none out of the end's concept.
  const cf = opts.from === undefined ? -1 : concepts[opts.from]!;
  const ct = opts.to === undefined ? -1 : concepts[opts.to]!;
  return {
    blocked,
    edgeAllowed: (e) => {
      const cu = concepts[index.edgeSource(e)]!;
      const cv = concepts[index.edgeTarget(e)]!;
      return !(cv === cf && cu !== cf) && !(cu === ct && cv !== ct) && noCycle(e);
    },
  };
}

/**
 * The traversal of a search from each of many start nodes (hypotheses screens and ranks every upstream
 * node at once): makeTraversal with `from` set to the start, built once per concept that has states and
 * shared by its members (rule 9 at the start depends only on the start's concept). A start alone in its
 * concept gets `base` itself: for it the rule is the clamp the searches already keep (no route passes back
 * through the start), so the traversal is the same object and callers can tell who needs a search of its own.
 */
export function traversalsFrom(ctx: QueryContext, opts: Omit<TraversalOptions, 'from' | 'to'>, base: Traversal = makeTraversal(ctx, opts)): (start: number) => Traversal {
  const concepts = conceptsOf(ctx.index);
  if (concepts === null) return () => base;
  // Real members per concept (a reaction twin shares its enzyme's concept, and the clamp already covers it).
  const { index } = ctx;
  const real = isFlowIndex(index) ? index.realNodeCount : index.nodeCount;
  const members = new Map<number, number>();
  for (let n = 0; n < real; n++) members.set(concepts[n]!, (members.get(concepts[n]!) ?? 0) + 1);
  const byConcept = new Map<number, Traversal>();
  return (start) => {
    const c = concepts[start]!;
    if ((members.get(c) ?? 0) < 2) return base;
    let t = byConcept.get(c);
    if (!t) byConcept.set(c, (t = makeTraversal(ctx, { ...opts, from: start })));
    return t;
  };
}

/**
 * The reactions that use node t up and make something: each (real) enzyme with a consumption edge to t,
 * with the reactions (edgeReaction) those edges belong to that have a production edge. Null when there are
 * none, so a traversal into a node nothing consumes pays nothing.
 */
export function consumersOf(index: PathIndex, t: number): ReadonlyMap<number, ReadonlySet<number>> | null {
  const origin = isFlowIndex(index) ? (n: number) => index.nodeOrigin(n) : (n: number) => n;
  let out: Map<number, Set<number>> | null = null;
  const ins = index.inEdges(t);
  for (let i = 0; i < ins.length; i++) {
    const e = ins[i]!;
    if (edgeRelationOf(index, e) !== RELATION_CODES.consumption) continue;
    const enzyme = origin(index.edgeSource(e));
    if (!hasProduct(index, enzyme, reactionOf(index, e))) continue;
    out ??= new Map();
    const reactions = out.get(enzyme) ?? new Set<number>();
    reactions.add(reactionOf(index, e));
    out.set(enzyme, reactions);
  }
  return out;
}

/** Whether the (real) enzyme has a production edge in the given reaction. */
function hasProduct(index: PathIndex, enzyme: number, reaction: number): boolean {
  const outs = index.outEdges(enzyme);
  for (let i = 0; i < outs.length; i++) {
    const e = outs[i]!;
    if (edgeRelationOf(index, e) === RELATION_CODES.production && reactionOf(index, e) === reaction) return true;
  }
  return false;
}

/**
 * Whether edge e, in a route that ends at the node `consumers` consume, is the production step of one of
 * those reactions (`E produces P` with `E consumes target` in the same reaction, or its copy on E's
 * reaction twin). Such a
 * route goes on from P back to the target: it follows the target's own conversion round a cycle (more
 * methionine synthase makes methionine from homocysteine; methionine -> SAM -> SAH -> homocysteine
 * returns that mass), which is not evidence that the enzyme raises the target. Conversion is not
 * regulation (docs/semantics.md, perturbation rule 8).
 */
export function conversionCycleEdge(index: PathIndex, consumers: ReadonlyMap<number, ReadonlySet<number>>, e: number): boolean {
  if (edgeRelationOf(index, e) !== RELATION_CODES.production) return false;
  const source = index.edgeSource(e);
  return consumers.get(isFlowIndex(index) ? index.nodeOrigin(source) : source)?.has(reactionOf(index, e)) ?? false;
}

/**
 * The evidence kind of a strength, or null for 0. Two kinds share strength 4 (a non-randomized
 * intervention study and an observational study), so a strength alone does not name a kind: where the
 * evidence is at hand, weakestKindOf names it from the entries; without it, of kinds that share a strength
 * the one that makes the smaller claim (does not test causation) is named.
 */
export function evidenceKindOf(strength: number): EvidenceKind | null {
  let named: EvidenceKind | null = null;
  for (const kind of EVIDENCE_KIND_NAMES) {
    if (EVIDENCE_KINDS[kind].strength !== strength) continue;
    if (named === null || (EVIDENCE_KINDS[named].testsCausation && !EVIDENCE_KINDS[kind].testsCausation)) named = kind;
  }
  return named;
}

/** Strengths that more than one evidence kind has (4: intervention and observational human studies). */
const SHARED_STRENGTHS = new Set<number>(EVIDENCE_KIND_NAMES.map((k) => EVIDENCE_KINDS[k].strength).filter((v, i, all) => all.indexOf(v) !== i));

/** Whether a strength names more than one evidence kind, so that only the entries can tell which. */
export function sharesStrength(strength: number): boolean {
  return SHARED_STRENGTHS.has(strength);
}

/**
 * The evidence kind of a route's weakest link from the entries of its steps of that strength (`steps`:
 * one list of evidence per such step): each step's strongest supporting kind of that strength (a design
 * that tests causation before one that does not), and of the steps the one that makes the smaller claim
 * (an observational study before an intervention study), so the weakest link is never named as a design it
 * is not. Falls back to evidenceKindOf when no entry has that strength; null for 0.
 */
export function weakestKindOf(strength: number, steps: Iterable<readonly { kind: string; stance?: string }[]>): EvidenceKind | null {
  if (strength === 0) return null;
  const tests = (k: EvidenceKind) => EVIDENCE_KINDS[k].testsCausation;
  let named: EvidenceKind | null = null;
  for (const evidence of steps) {
    let best: EvidenceKind | null = null;
    for (const ev of evidence) {
      if (ev.stance === 'disputes' || !Object.hasOwn(EVIDENCE_KINDS, ev.kind)) continue;
      const kind = ev.kind as EvidenceKind;
      if (EVIDENCE_KINDS[kind].strength !== strength) continue;
      if (best === null || (tests(kind) && !tests(best))) best = kind;
    }
    if (best !== null && (named === null || (!tests(best) && tests(named)))) named = best;
  }
  return named ?? evidenceKindOf(strength);
}
