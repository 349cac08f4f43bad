/**
 * Confounders of a route. A `confounds` edge points from a common cause to the outcome side of the
 * association it distorts (graph/README.md), so a route that reaches that outcome (at any position,
 * endpoints included) may rest on a confounded association: the edge is reported with the route. A
 * confounder that is merely on the route, without the outcome, is not: the association it distorts is
 * then not part of the route.
 */
import { EVIDENCE_KINDS } from '../model/vocabulary.js';
import { ownValue } from '../model/own-key.js';
import { nodeRef, type Confounder } from './path-result.js';
import type { PathIndex } from './path-index.js';
import { evidenceKindOf } from './query-options.js';

/**
 * The association a confounds note names, by the data convention "Confounds the <exposure> - <outcome>
 * association ...": the words between "the" and "association" when they hold a dash, else null.
 */
export function namedAssociation(note: string | undefined): string | null {
  const m = note ? /\bthe ([^.:;,()]+?\s[-–]\s[^.:;,()]+?) association\b/i.exec(note) : null;
  return m ? m[1]!.replace(/\s[-–]\s/, ' – ') : null;
}

/** Confounders found per node for one answer: routes of one result share their nodes. */
export type ConfounderMemo = Map<number, Confounder[]>;

/** The confounds edges whose outcome is node n (the confounder may be anywhere). */
function confoundersAt(index: PathIndex, n: number, memo: ConfounderMemo): Confounder[] {
  let list = memo.get(n);
  if (list) return list;
  list = [];
  if (index.edgeConfounds) {
    const into = index.inEdges(n);
    for (let i = 0; i < into.length; i++) {
      const e = into[i]!;
      if (!index.edgeConfounds(e)) continue;
      const summary = index.edgeSummary(e);
      const confounder = nodeRef(index, index.edgeSource(e));
      const outcome = nodeRef(index, n);
      const association = namedAssociation(summary.note);
      const strength = summary.evidence.reduce((best, ev) => (ev.stance === 'supports' ? Math.max(best, ownValue(EVIDENCE_KINDS, ev.kind)?.strength ?? 0) : best), 0);
      list.push({
        confounder,
        outcome,
        association,
        edge: summary.id,
        evidence: evidenceKindOf(strength),
        ...(summary.note ? { note: summary.note } : {}),
        text: association ? `${confounder.label} confounds the ${association} association` : `${confounder.label} confounds the observed link involving ${outcome.label}`,
      });
    }
  }
  memo.set(n, list);
  return list;
}

/**
 * The confounders of a route through `nodes` (node ids in route order), each once, by confounder then
 * outcome label. `index` must be the graph's own index (not the flow view), so each edge is seen once.
 */
export function routeConfounders(index: PathIndex, nodes: readonly { id: string }[], memo: ConfounderMemo = new Map()): Confounder[] {
  if (!index.edgeConfounds) return [];
  const seen = new Set<string>();
  const out: Confounder[] = [];
  for (const { id } of nodes) {
    const n = index.indexOf(id);
    if (n < 0) continue;
    for (const c of confoundersAt(index, n, memo)) {
      if (seen.has(c.edge)) continue;
      seen.add(c.edge);
      out.push(c);
    }
  }
  return out.sort(byConfounder);
}

/** Confounder label, then outcome label, then edge id. */
export function byConfounder(a: Confounder, b: Confounder): number {
  return a.confounder.label.localeCompare(b.confounder.label) || a.outcome.label.localeCompare(b.outcome.label) || (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0);
}
