/**
 * Direct tests of a path question (docs/semantics.md#direct-tests). The routes of `paths FROM TO` are
 * mechanisms, often animal-model steps; the graph may also hold human studies of a design that tests
 * causation (EVIDENCE_KINDS[kind].testsCausation: randomized trials, Mendelian randomization,
 * intervention studies) on an edge u -> v that asks the same question one step removed:
 * - u is FROM; or an intervention (category `intervention`: a regimen, supplement or programme) with a
 *   signed influence step u -> FROM (a regimen that raises FROM), unless FROM is a disease, phenotype or
 *   measurement (OUTCOME_CATEGORIES); or a state FROM prevents (FROM -> u
 *   by `prevents`: FROM's deficiency). Drugs, foods and exposures do much else besides (metformin lowers
 *   B12 and treats insulin resistance by other means), so their effects are not read as FROM's;
 * - v is TO; or, when TO is a disease, a phenotype with a signed influence step v -> TO (the lesion
 *   the disease is measured by).
 * The routes' net sign times the linking signs is the sign they predict for u -> v; the human evidence
 * supports or disputes the edge as stated, and so agrees with the prediction or not. Other one-step
 * neighbours are left out on purpose: when u is a consequence of FROM, or v one more cause of TO, the
 * edge tests a step of a mechanism, and the prediction would not follow (FROM can lower TO through other
 * routes while it raises v). No general ontology of proxies is assumed.
 */
import { EVIDENCE_KINDS, predicateVerb, type DisputedEffect, type EvidenceKind, type Stance } from '../model/vocabulary.js';
import type { SourceData } from '../model/schema.js';
import { ownValue } from '../model/own-key.js';
import { citeSource } from './cite-source.js';
import { edgeRelationOf, RELATION_CODES, type PathIndex } from './path-index.js';
import { nodeRef, type NodeRef } from './path-result.js';
import type { PathAgreement } from './path-agreement.js';
import type { NetSign } from './query-options.js';

/** One evidence entry of a design that tests causation in people, with its citation. */
export interface DirectTestEvidence {
  kind: EvidenceKind;
  stance: Stance;
  /** On a disputing entry, what the study found instead when the curator says: no effect, or the opposite one. */
  effect?: DisputedEffect;
  /** Registry id of the document the claim was read in. */
  source: string;
  /** Registry id of the study it reports, when that is another entry. */
  study?: string;
  statement: string;
  /** The study (`study ?? source`) in the one citation style (src/model/citation.ts). */
  citation: string;
  url?: string;
}

/** A step that links the tested edge to the question: `u -> FROM`, `FROM -> u` or `v -> TO`. */
export interface LinkStep {
  edge: string;
  source: string;
  target: string;
  predicate: string;
  sign: '+' | '-';
}

/**
 * - agrees: the human design supports the edge and its sign is the predicted one, or found the opposite
 *   of an edge of the opposite sign (which is the predicted effect);
 * - contradicts: it supports the edge and the sign is the opposite, or found the opposite of an edge of
 *   the predicted sign;
 * - not_confirmed: it found no effect, or disputes the edge of the predicted sign without saying what it
 *   found instead;
 * - inconclusive: it disputes an edge of the opposite sign without saying what it found instead (which
 *   does not show the predicted effect);
 * - mixed: such designs both support and dispute the edge;
 * - no_prediction: the routes give no direction (none found, a step without sign, or a tie).
 */
export type DirectTestVerdict = 'agrees' | 'contradicts' | 'not_confirmed' | 'inconclusive' | 'mixed' | 'no_prediction' | 'combined_regimen';

export interface DirectTest {
  /** The tested edge u -> v. */
  edge: string;
  source: NodeRef;
  target: NodeRef;
  predicate: string;
  sign: '+' | '-';
  /** How u stands for FROM: [] when u is FROM; else its steps into FROM or out of FROM (raising u moves FROM, or u moves with FROM, by their sign). */
  fromLinks: LinkStep[];
  /** How v stands for TO: [] when v is TO; else its steps v -> TO. */
  toLinks: LinkStep[];
  /** The routes' net sign used for the prediction: the best-supported route's ('?' when none, or routes of both signs tie). */
  routeSign: NetSign;
  /** The sign the routes predict for u -> v: routeSign times the linking signs ('?' when links disagree in sign). */
  predicted: NetSign;
  /** What the designs that test causation say about the edge as stated. */
  finding: Stance | 'mixed';
  /**
   * When they dispute it: what they found instead, if every disputing entry says the same (`effect` on
   * the entries): `none` (no effect) or `opposite` (the other sign); null when unsaid or they differ.
   */
  disputedEffect: DisputedEffect | null;
  verdict: DirectTestVerdict;
  /** True for agrees, false for contradicts and not_confirmed, null otherwise. */
  agrees: boolean | null;
  /** The entries of designs that test causation, strongest kind first. */
  evidence: DirectTestEvidence[];
  /** The edge's observational human entries (context: what cohorts saw), by stance. */
  observational: { supports: number; disputes: number };
  /**
   * When u is a regimen standing in for FROM that also raises or lowers other mechanism nodes (B12 given with
   * folate): those nodes. Its trial tests the combination, not FROM alone, so its verdict is
   * `combined_regimen` and it is not judged (agrees null), whatever it found.
   */
  alsoActsOn?: NodeRef[];
  /** The test in words. */
  text: string;
}

type Side = 'into-from' | 'out-of-from' | 'into-to';

/**
 * FROMs no intervention stands in for: a disease, a phenotype or a measurement. A regimen that lowers one of
 * them treats it through many routes at once (lifestyle intervention lowers NAFLD and, by itself, obesity), so
 * its trial of something else is not a test of FROM's effect, as for drugs and foods. A regimen stands in for
 * what it supplies or acts on: a nutrient, a metabolite, a protein, a process.
 */
const OUTCOME_CATEGORIES: ReadonlySet<string> = new Set(['disease', 'phenotype', 'biomarker']);

/**
 * Whether a signed influence edge e may link `other` to the question's end `anchor` as `side` allows (see
 * the head comment), by what the index holds per edge: categories and the sign. The predicate of a
 * step out of FROM is read only for the edges a candidate needs (confirmLinks), since summaries cost
 * more than these arrays on a big index.
 */
function linkAllowed(index: PathIndex, e: number, side: Side, other: number, anchor: number): boolean {
  if (side === 'into-from') return index.nodeCategory(other) === 'intervention' && !OUTCOME_CATEGORIES.has(index.nodeCategory(anchor));
  if (side === 'out-of-from') return index.edgeSign(e) < 0; // `prevents`, confirmed later
  return index.nodeCategory(anchor) === 'disease' && index.nodeCategory(other) === 'phenotype';
}

/** The nodes linked to `anchor` by one allowed signed influence step, with those edges. */
function neighbourhood(index: PathIndex, anchor: number, sides: Side[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const side of sides) {
    const into = side !== 'out-of-from';
    const edges = into ? index.inEdges(anchor) : index.outEdges(anchor);
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      if (index.edgeSign(e) === 0 || !index.edgeCausal(e) || edgeRelationOf(index, e) !== RELATION_CODES.influence) continue;
      const other = into ? index.edgeSource(e) : index.edgeTarget(e);
      if (other === anchor || !linkAllowed(index, e, side, other, anchor)) continue;
      const list = out.get(other);
      if (list) list.push(e);
      else out.set(other, [e]);
    }
  }
  return out;
}

/** The link edges as steps, keeping a step out of `from` only when it is `prevents`. */
function confirmLinks(index: PathIndex, edges: readonly number[], from: number): LinkStep[] {
  const steps: LinkStep[] = [];
  for (const e of edges) {
    const s = index.edgeSummary(e);
    if (index.edgeSource(e) === from && s.predicate !== 'prevents') continue;
    steps.push({ edge: s.id, source: s.source, target: s.target, predicate: s.predicate, sign: index.edgeSign(e) > 0 ? '+' : '-' });
  }
  return steps;
}

/** The common sign of a node's links ('+' for the anchor itself), '?' when they disagree. */
function linkSign(links: LinkStep[] | undefined): NetSign {
  if (!links || links.length === 0) return '+';
  return links.every((l) => l.sign === links[0]!.sign) ? links[0]!.sign : '?';
}

function times(a: NetSign, b: NetSign): NetSign {
  return a === '?' || b === '?' ? '?' : a === b ? '+' : '-';
}

/** The weakest design that tests causation: an edge such a design supports is at least this strong. */
const WEAKEST_TEST = Math.min(...Object.values(EVIDENCE_KINDS).filter((k) => k.testsCausation).map((k) => k.strength));

/**
 * False when edge e cannot carry a testing entry, read from the index's arrays without its summary: a
 * supporting one would make it at least WEAKEST_TEST strong, a disputing one contested (an index without
 * edgeContested has no disputes). Edges of KGX files (strength 0, no disputes) all fail it.
 */
function mayHoldTest(index: PathIndex, e: number): boolean {
  return index.edgeStrength(e) >= WEAKEST_TEST || (index.edgeContested?.(e) ?? false);
}

function testsCausation(kind: string): boolean {
  return ownValue<{ testsCausation: boolean }>(EVIDENCE_KINDS, kind)?.testsCausation === true;
}

/**
 * The direct tests of FROM (node s) -> TO (node t) given the routes' agreement (null: no route), on the
 * graph's own index (not the flow view), strongest design first, then edge id. Indexes whose edges carry
 * no evidence entries (KGX files: publications, not study kinds) have none.
 */
export function directTests(index: PathIndex, sources: Readonly<Record<string, SourceData>>, s: number, t: number, agreement: PathAgreement | null): DirectTest[] {
  const from = neighbourhood(index, s, ['into-from', 'out-of-from']);
  const to = neighbourhood(index, t, ['into-to']);
  from.set(s, []);
  to.set(t, []);
  // Neither side may be the other end: u = TO or v = FROM would test a linking step, not the question.
  from.delete(t);
  to.delete(s);
  const candidates = new Set<number>();
  // Scan the cheaper side: the out-edges of every u, or the in-edges of every v.
  let outCost = 0;
  let inCost = 0;
  for (const u of from.keys()) outCost += index.outDegree(u);
  for (const v of to.keys()) inCost += index.inDegree(v);
  for (const n of outCost <= inCost ? from.keys() : to.keys()) {
    const edges = outCost <= inCost ? index.outEdges(n) : index.inEdges(n);
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const u = index.edgeSource(e);
      const v = index.edgeTarget(e);
      if (u !== v && from.has(u) && to.has(v) && index.edgeCausal(e) && index.edgeSign(e) !== 0 && mayHoldTest(index, e)) candidates.add(e);
    }
  }
  const routeSign: NetSign = !agreement || agreement.tiedWith ? '?' : agreement.strongest.sign;
  const voters = agreement ? agreement.routesUp + agreement.routesDown + agreement.routesUnknown : 0;
  const byRoutes = !agreement || agreement.disagree ? 'the best-supported route predicts' : voters === 1 ? 'the route predicts' : 'the routes predict';
  const tests: DirectTest[] = [];
  for (const e of candidates) {
    const summary = index.edgeSummary(e);
    const designs = summary.evidence.filter((ev) => testsCausation(ev.kind));
    if (designs.length === 0) continue;
    const u = index.edgeSource(e);
    const v = index.edgeTarget(e);
    const fromLinks = confirmLinks(index, from.get(u)!, s);
    const toLinks = confirmLinks(index, to.get(v)!, -1);
    if ((u !== s && fromLinks.length === 0) || (v !== t && toLinks.length === 0)) continue;
    const sign: '+' | '-' = index.edgeSign(e) > 0 ? '+' : '-';
    const predicted = times(times(routeSign, linkSign(fromLinks)), linkSign(toLinks));
    const supports = designs.some((ev) => ev.stance === 'supports');
    const disputes = designs.some((ev) => ev.stance === 'disputes');
    const finding: DirectTest['finding'] = supports && disputes ? 'mixed' : supports ? 'supports' : 'disputes';
    const disputedEffect = commonEffect(designs);
    const alsoActsOn = u === s || index.nodeCategory(u) !== 'intervention' ? [] : coInterventions(index, u, s);
    const verdict: DirectTestVerdict = alsoActsOn.length ? 'combined_regimen' : predicted === '?' ? 'no_prediction' : finding === 'mixed' ? 'mixed' : judge(finding, disputedEffect, sign === predicted);
    const evidence = designs
      .map((ev): DirectTestEvidence => {
        const cited = citeSource(sources, ev.study ?? ev.source);
        return { kind: ev.kind, stance: ev.stance, ...(ev.effect ? { effect: ev.effect } : {}), source: ev.source, ...(ev.study ? { study: ev.study } : {}), statement: ev.statement, ...cited };
      })
      .sort((a, b) => EVIDENCE_KINDS[b.kind].strength - EVIDENCE_KINDS[a.kind].strength);
    const observational = { supports: 0, disputes: 0 };
    for (const ev of summary.evidence) if (ev.kind === 'observational_human') observational[ev.stance]++;
    const test: Omit<DirectTest, 'text'> = {
      edge: summary.id,
      source: nodeRef(index, u),
      target: nodeRef(index, v),
      predicate: summary.predicate,
      sign,
      fromLinks,
      toLinks,
      routeSign,
      predicted,
      finding,
      disputedEffect,
      verdict,
      agrees: verdict === 'agrees' ? true : verdict === 'contradicts' || verdict === 'not_confirmed' ? false : null,
      evidence,
      observational,
      ...(alsoActsOn.length ? { alsoActsOn: alsoActsOn.map((n) => nodeRef(index, n)) } : {}),
    };
    tests.push({ ...test, text: testText(test, byRoutes, nodeRef(index, s).label) });
  }
  const strongest = (x: DirectTest) => EVIDENCE_KINDS[x.evidence[0]!.kind].strength;
  return tests.sort((a, b) => strongest(b) - strongest(a) || (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0));
}

/**
 * What else regimen u supplies besides FROM: the other nodes of FROM's category it raises by a supported
 * influence step (B12 given with folate raises two vitamins). Such a trial tests the combination, not FROM
 * alone. What it lowers or raises of other kinds (homocysteine falling, absorption rising, the outcomes its
 * trial measures) is how FROM acts or is supplied, not a second ingredient.
 */
function coInterventions(index: PathIndex, u: number, from: number): number[] {
  const out = new Set<number>();
  const kind = index.nodeCategory(from);
  const edges = index.outEdges(u);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const v = index.edgeTarget(e);
    if (v === from || v === u || index.edgeSign(e) <= 0 || index.edgeStrength(e) === 0 || !index.edgeCausal(e)) continue;
    if (edgeRelationOf(index, e) === RELATION_CODES.influence && index.nodeCategory(v) === kind) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** What the disputing entries found instead, when all of them say and agree; null otherwise. */
function commonEffect(entries: readonly { stance: Stance; effect?: DisputedEffect | undefined }[]): DisputedEffect | null {
  const effects = new Set(entries.filter((ev) => ev.stance === 'disputes').map((ev) => ev.effect ?? null));
  return effects.size === 1 ? [...effects][0]! : null;
}

/**
 * The verdict of tests that all support or all dispute the edge, given whether its sign is the predicted
 * one: a study that found no effect does not confirm the prediction whichever way the edge points; one that
 * found the opposite of the edge found the other sign; a dispute that says neither only fails to show the edge.
 */
function judge(finding: Stance, effect: DisputedEffect | null, predictedSign: boolean): DirectTestVerdict {
  if (finding === 'supports') return predictedSign ? 'agrees' : 'contradicts';
  if (effect === 'none') return 'not_confirmed';
  if (effect === 'opposite') return predictedSign ? 'contradicts' : 'agrees';
  return predictedSign ? 'not_confirmed' : 'inconclusive';
}

const DESIGN_NAMES: Partial<Record<EvidenceKind, [string, string]>> = {
  randomized_trial: ['a randomized trial', 'randomized trials'],
  mendelian_randomization: ['Mendelian randomization', 'Mendelian randomization studies'],
  intervention_study: ['a non-randomized intervention study', 'non-randomized intervention studies'],
};

/** What a group of entries said: supported the edge, disputed it (saying no more), found no effect, found the opposite. */
type Said = 'supports' | 'disputes' | DisputedEffect;

function saidBy(ev: DirectTestEvidence): Said {
  return ev.stance === 'supports' ? 'supports' : (ev.effect ?? 'disputes');
}

/** "a randomized trial disputes", "2 randomized trials and Mendelian randomization support", "a randomized trial found". */
function designsSaying(evidence: DirectTestEvidence[], said: Said): string | null {
  const studies = new Map<EvidenceKind, Set<string>>();
  for (const ev of evidence) {
    if (saidBy(ev) !== said) continue;
    const set = studies.get(ev.kind) ?? new Set<string>();
    set.add(ev.study ?? ev.source);
    studies.set(ev.kind, set);
  }
  if (studies.size === 0) return null;
  const names = [...studies].map(([kind, set]) => {
    const [one, many] = DESIGN_NAMES[kind] ?? [EVIDENCE_KINDS[kind].label, EVIDENCE_KINDS[kind].label];
    return set.size === 1 ? one : `${set.size} ${many}`;
  });
  const plural = names.length > 1 || [...studies.values()].some((set) => set.size > 1);
  const verb = said === 'supports' ? (plural ? 'support' : 'supports') : said === 'disputes' ? (plural ? 'dispute' : 'disputes') : 'found';
  return `${names.join(' and ')} ${verb}`;
}

const MOVE: Record<'+' | '-', string> = { '+': 'rise', '-': 'fall' };

/**
 * "a randomized trial disputes that X decreases Y (the routes predict that fall)": what the designs said
 * about the edge, what cohorts saw on the same edge, then the prediction ("that" when the edge has the
 * predicted sign, "a" when the opposite). A disputing entry that says what it found instead reads "found
 * no effect of X on Y" or "found an effect opposite to the claim that X decreases Y"; after a first clause
 * that states the claim, only "found no effect" / "found the opposite".
 */
function testText(x: Omit<DirectTest, 'text'>, byRoutes: string, fromLabel: string): string {
  const claim = `${x.source.label} ${predicateVerb(x.predicate)} ${x.target.label}`;
  const plain = [designsSaying(x.evidence, 'disputes'), designsSaying(x.evidence, 'supports')].filter((p) => p !== null).join(' and ');
  const opposite = designsSaying(x.evidence, 'opposite');
  const none = designsSaying(x.evidence, 'none');
  const clauses: string[] = [];
  if (plain) clauses.push(`${plain} that ${claim}`);
  if (opposite) clauses.push(clauses.length ? `${opposite} the opposite` : `${opposite} an effect opposite to the claim that ${claim}`);
  const claimStated = clauses.length > 0;
  if (none) clauses.push(clauses.length ? `${none} no effect` : `${none} no effect of ${x.source.label} on ${x.target.label}`);
  const { supports, disputes } = x.observational;
  // "which" needs the claim before it; after "no effect of X on Y" they are said of that effect.
  const cohorts =
    supports + disputes === 0
      ? ''
      : claimStated
        ? disputes === 0 ? ', which observational studies support' : supports === 0 ? ', which observational studies dispute' : ', on which observational studies are mixed'
        : disputes === 0 ? ', though observational studies support the effect' : supports === 0 ? ', and observational studies dispute it' : ', and observational studies are mixed on it';
  const prediction = x.predicted === '?' ? '' : ` (${byRoutes} ${claimStated && x.sign === x.predicted ? 'that' : 'a'} ${MOVE[x.predicted]})`;
  // The cohorts are said right after the first clause, which names the claim or the effect they bear on.
  clauses[0] += cohorts;
  const combined = x.alsoActsOn?.length ? `; the regimen also supplies ${listLabels(x.alsoActsOn.map((n) => n.label))}, so it does not test ${fromLabel} alone` : '';
  return `${clauses.join(', and ')}${prediction}${combined}`;
}

/** At most this many tests are named in the sentence; the JSON lists them all. */
const NAMED = 3;

/**
 * The tests in one sentence, for the agreement text: "Direct human tests do not bear this out: a
 * randomized trial disputes that ...; Mendelian randomization disputes that ...". Null when none.
 */
export function directTestsText(tests: readonly DirectTest[], routesFound: boolean): string | null {
  if (tests.length === 0) return null;
  const judged = tests.filter((x) => x.agrees !== null);
  const lead = !routesFound
    ? 'No route was found, but direct human tests exist'
    : judged.length === 0
      ? 'Direct human tests'
      : judged.every((x) => x.agrees)
        ? 'Direct human tests agree'
        : judged.every((x) => !x.agrees)
          ? 'Direct human tests do not bear this out'
          : 'Direct human tests disagree with one another';
  const named = tests.slice(0, NAMED).map((x) => x.text);
  const more = tests.length > NAMED ? `; and ${tests.length - NAMED} more` : '';
  return `${lead}: ${named.join('; ')}${more}.`;
}

function listLabels(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
