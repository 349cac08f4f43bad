/**
 * Confounders of a route. A `confounds` edge C -> X says that C, a common cause, distorts an association
 * whose outcome side is X; its note names the association ("Confounds the B12 - insulin resistance
 * association", graph/README.md). A route can rest on that association when it passes through X and
 * through a node E on the other side of it: the node the note names as the other side, or something C
 * itself affects (C has a causal or another confounds edge to E). E is never C itself: C's own direct
 * effect on X (metformin treats insulin resistance) is not an association C confounds. Then the
 * confounds edge is reported with the route, with E as `exposure` (the named node when it is on the route).
 */
import { compareText } from '../model/compare-text.js';
import { EVIDENCE_KINDS } from '../model/vocabulary.js';
import { ownValue } from '../model/own-key.js';
import { tryResolveNode, type NameSource } from '../graph/resolve-name.js';
import { nodeRef, type Confounder } from './path-result.js';
import { edgeRefuted, type PathIndex } from './path-index.js';
import { weakestKindOf } from './query-options.js';

/**
 * The association a confounds note names, by the data convention "Confounds the <exposure> - <outcome>
 * association ...": the words between "the" and "association" when they hold a dash, else null.
 */
export function namedAssociation(note: string | undefined): string | null {
  const m = note ? /\bthe ([^.:;,()]+?\s[-–]\s[^.:;,()]+?) association\b/i.exec(note) : null;
  return m ? m[1]!.replace(/\s[-–]\s/, ' – ') : null;
}

/** One confounds edge C -> X with the nodes that stand for the other side of its association. */
export interface ConfoundsEdge {
  e: number;
  confounder: number;
  outcome: number;
  /** Nodes E whose association with X the confounder distorts (never C or X). */
  exposures: Set<number>;
  /** The one the note names, or -1. */
  named: number;
  association: string | null;
}

/** The confounds edges into each node looked up so far for one answer (its routes share their nodes). */
export type ConfounderMemo = Map<number, ConfoundsEdge[]>;

/** The node the association names on the side that is not X, when that name resolves to exactly one node. */
function namedExposure(names: NameSource | null, index: PathIndex, association: string | null, outcome: number): number {
  if (!names || !association) return -1;
  for (const side of association.split(' – ')) {
    const id = tryResolveNode(names, side.trim());
    const n = id === null ? -1 : index.indexOf(id);
    if (n >= 0 && n !== outcome) return n;
  }
  return -1;
}

function confoundsInto(index: PathIndex, names: NameSource | null, x: number, memo: ConfounderMemo): ConfoundsEdge[] {
  let list = memo.get(x);
  if (list) return list;
  list = [];
  const into = index.inEdges(x);
  for (let i = 0; i < into.length; i++) {
    const e = into[i]!;
    if (!index.edgeConfounds!(e) || edgeRefuted(index, e)) continue;
    const c = index.edgeSource(e);
    const exposures = new Set<number>();
    const outs = index.outEdges(c);
    for (let j = 0; j < outs.length; j++) {
      const f = outs[j]!;
      if ((index.edgeCausal(f) || index.edgeConfounds!(f)) && !edgeRefuted(index, f)) exposures.add(index.edgeTarget(f));
    }
    const association = namedAssociation(index.edgeSummary(e).note);
    const named = namedExposure(names, index, association, x);
    if (named >= 0) exposures.add(named);
    exposures.delete(c);
    exposures.delete(x);
    list.push({ e, confounder: c, outcome: x, exposures, named: exposures.has(named) ? named : -1, association });
  }
  memo.set(x, list);
  return list;
}

function build(index: PathIndex, edge: ConfoundsEdge, exposure: number | null): Confounder {
  const summary = index.edgeSummary(edge.e);
  const confounder = nodeRef(index, edge.confounder);
  const outcome = nodeRef(index, edge.outcome);
  const strength = summary.evidence.reduce((best, ev) => (ev.stance === 'supports' ? Math.max(best, ownValue(EVIDENCE_KINDS, ev.kind)?.strength ?? 0) : best), 0);
  return {
    confounder,
    outcome,
    ...(exposure === null ? {} : { exposure: nodeRef(index, exposure) }),
    association: edge.association,
    edge: summary.id,
    evidence: weakestKindOf(strength, [summary.evidence]),
    ...(summary.note ? { note: summary.note } : {}),
    text: edge.association
      ? `${confounder.label} confounds the ${edge.association} association`
      : exposure === null
        ? `${confounder.label} confounds the observed link involving ${outcome.label}`
        : `${confounder.label} confounds the observed link between ${nodeRef(index, exposure).label} and ${outcome.label}`,
  };
}

/**
 * The confounders of a route through `nodes` (node ids in route order), each edge once, by confounder
 * then outcome label. `index` must be the graph's own index (not the flow view); `names` resolves the
 * association a note names (null: only the confounder's own edges say what it affects).
 */
export function routeConfounders(index: PathIndex, names: NameSource | null, nodes: readonly { id: string }[], memo: ConfounderMemo = new Map()): Confounder[] {
  if (!index.edgeConfounds) return [];
  const on = nodes.map(({ id }) => index.indexOf(id)).filter((n) => n >= 0);
  const onRoute = new Set(on);
  const out: Confounder[] = [];
  const seen = new Set<number>();
  for (const x of on) {
    for (const edge of confoundsInto(index, names, x, memo)) {
      if (seen.has(edge.e)) continue;
      const exposure = onRoute.has(edge.named) ? edge.named : on.find((n) => edge.exposures.has(n));
      if (exposure === undefined || !onRoute.has(edge.outcome)) continue;
      seen.add(edge.e);
      out.push(build(index, edge, exposure));
    }
  }
  return out.sort(byConfounder);
}

/** The confounds edges that leave node n: what n, when it is the perturbed node, confounds by itself. */
export function confoundedBy(index: PathIndex, n: number): Confounder[] {
  if (!index.edgeConfounds) return [];
  const out: Confounder[] = [];
  const outs = index.outEdges(n);
  for (let i = 0; i < outs.length; i++) {
    const e = outs[i]!;
    if (!index.edgeConfounds(e) || edgeRefuted(index, e)) continue;
    const x = index.edgeTarget(e);
    const association = namedAssociation(index.edgeSummary(e).note);
    out.push(build(index, { e, confounder: n, outcome: x, exposures: new Set(), named: -1, association }, null));
  }
  return out.sort(byConfounder);
}

/** Confounder label, then outcome label, then edge id. */
export function byConfounder(a: Confounder, b: Confounder): number {
  return compareText(a.confounder.label, b.confounder.label) || compareText(a.outcome.label, b.outcome.label) || (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0);
}
