/**
 * Ranked explanations of the observation overlay: the library's explainObservations (the query behind
 * `mechkg hypotheses`, run here through engine-hypotheses.ts) on the rows the observation panel resolved. Each
 * hypothesis is a button; choosing one lists what it predicts for every observation (✓ ✗ ? ·) with the
 * route behind the prediction and each step's evidence, and the diagram shows the routes, predicted
 * against observed (state/view.ts draws it from hypothesisOverlay()).
 */
import { EVIDENCE_KINDS, type ExplainObservationsResult, type Hypothesis, type HypothesisPrediction, type KnowledgeGraph, type Path } from '../../src/index.js';
import { runHypotheses } from '../state/engine-hypotheses.js';
import type { HypothesisOverlay } from '../state/view.js';
import { h, replaceChildren } from '../ui/dom.js';
import { signBadge, stepMarks } from './evidence.js';
import type { ObservationTable } from './observations.js';

export interface HypothesisActions {
  /** A hypothesis was chosen (or null: none); the diagram redraws. */
  choose(overlay: HypothesisOverlay | null): void;
  /** Show a node or an edge (its evidence) in the details panel. */
  select(id: string): void;
}

const ARROW = { up: '▲', down: '▼', mixed: '◆', unknown: '?', unchanged: '=' } as const;
const VERB = { up: 'raised', down: 'lowered' } as const;
const SHOWN = 25;
const COLUMNS: [string, string][] = [
  ['#', 'rank'],
  ['Hypothesis', 'node raised ▲ or lowered ▼'],
  ['✓/✗/?/·', 'correct / incorrect / ambiguous (routes disagree) / not reached'],
  ['p conc.', 'concordance: chance of this many right directions by coin toss'],
  ['p rich.', 'richness: chance that a random node set of this size holds this many observations'],
];

/** p-values as a reader scans them: two significant digits, exponent below 0.001. */
export function pText(p: number): string {
  return p >= 0.001 ? String(Number(p.toPrecision(2))) : p.toExponential(1).replace('e-', 'e−');
}

type Verdict = 'agree' | 'disagree' | 'ambiguous' | 'unreached' | 'unchanged';

function verdictOf(p: HypothesisPrediction): Verdict {
  if (p.observed === 'unchanged') return 'unchanged';
  if (p.predicted === null) return 'unreached';
  return p.agrees === true ? 'agree' : p.agrees === false ? 'disagree' : 'ambiguous';
}

const MARK: Record<Verdict, { glyph: string; words: string }> = {
  agree: { glyph: '✓', words: 'predicted as observed' },
  disagree: { glyph: '✗', words: 'predicted the other way' },
  ambiguous: { glyph: '?', words: 'reached, but the routes do not say which way' },
  unreached: { glyph: '·', words: 'not reached within the depth' },
  unchanged: { glyph: '=', words: 'measured unchanged (counts only for richness)' },
};

/** What the diagram shows for a hypothesis: its node, the routes behind the predictions, and each observation's verdict. */
export function hypothesisOverlay(graph: KnowledgeGraph, hyp: Hypothesis): HypothesisOverlay {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const verdicts = new Map<string, 'agree' | 'disagree' | 'ambiguous' | 'unreached'>();
  for (const p of hyp.predictions) {
    const v = verdictOf(p);
    if (v !== 'unchanged') verdicts.set(p.node.id, v);
    for (const route of [p.path, p.otherPath]) {
      if (!route) continue;
      for (const n of route.nodes) if (graph.hasNode(n.id)) nodes.add(n.id);
      for (const e of route.edges) if (graph.hasEdge(e.id)) edges.add(e.id);
    }
  }
  return { node: hyp.node.id, direction: hyp.direction, nodes: [...nodes], edges: [...edges], verdicts };
}

export function createHypothesisPanel(el: HTMLElement, graph: () => KnowledgeGraph, actions: HypothesisActions) {
  const body = h('div', { attrs: { id: 'hyp-result', 'aria-live': 'polite' } });
  replaceChildren(
    el,
    h('p', { class: 'hint' }, 'Which upstream change explains the observations (reverse causal reasoning, as mechkg hypotheses). Colour the graph with a table of observations first.'),
    body,
  );
  let result: ExplainObservationsResult | null = null;
  let chosen: number | null = null;

  const choose = (i: number | null, focus: boolean) => {
    chosen = i;
    render();
    actions.choose(i === null || !result ? null : hypothesisOverlay(graph(), result.hypotheses[i]!));
    if (focus) body.querySelector<HTMLElement>(i === null ? '#hyp-list button' : '#hyp-chosen-title')?.focus();
  };

  const render = () => {
    if (!result) return;
    const r = result;
    const changed = r.observations.filter((o) => o.direction !== 'unchanged').length;
    const head = h(
      'p',
      { attrs: { id: 'hyp-summary' } },
      `${r.stats.hypothesesTested} hypotheses tested for ${changed} changed observation${changed === 1 ? '' : 's'} (depth ${r.depth}); the first ${r.hypotheses.length} shown`,
      r.complete ? '.' : h('strong', {}, ' — incomplete: the work budget ran out, so better hypotheses may be missing.'),
    );
    if (r.hypotheses.length === 0) {
      replaceChildren(body, head, h('p', { class: 'hint' }, 'No node with a causal route to these observations predicts any of them correctly.'));
      return;
    }
    const rows = r.hypotheses.map((hyp, i) =>
      h(
        'tr',
        { class: i === chosen ? 'chosen' : '' },
        h('td', {}, String(i + 1)),
        h(
          'th',
          { attrs: { scope: 'row' } },
          h(
            'button',
            {
              class: 'link hyp-choose',
              attrs: { type: 'button', 'aria-pressed': String(i === chosen), 'data-hypothesis': `${hyp.node.id}:${hyp.direction}`, title: `Show what ${hyp.node.label} ${VERB[hyp.direction]} predicts, on the diagram` },
              on: { click: () => choose(i === chosen ? null : i, i !== chosen) },
            },
            h('span', { class: `move-${hyp.direction}` }, ARROW[hyp.direction]),
            ` ${hyp.node.label}`,
          ),
          hyp.actsThrough ? throughNote(hyp.actsThrough) : null,
        ),
        h('td', { attrs: { 'aria-label': `${hyp.correct} correct, ${hyp.incorrect} incorrect, ${hyp.ambiguous} ambiguous, ${hyp.unreached} not reached` } }, `${hyp.correct}/${hyp.incorrect}/${hyp.ambiguous}/${hyp.unreached}`),
        h('td', {}, pText(hyp.pConcordance)),
        h('td', {}, pText(hyp.pRichness)),
      ),
    );
    replaceChildren(
      body,
      head,
      h(
        'div',
        { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Ranked hypotheses' } },
        h(
          'table',
          { class: 'hyp-table', attrs: { id: 'hyp-list' } },
          h('caption', { class: 'visually-hidden' }, 'Hypotheses, most significant first'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              COLUMNS.map(([t, title]) => h('th', { attrs: { scope: 'col', title } }, t)),
            ),
          ),
          h('tbody', {}, rows),
        ),
      ),
      h(
        'p',
        { class: 'hint' },
        'Ranked by the larger p-value, then the smaller, then correct minus incorrect. p-values are per hypothesis, not corrected for the number tested: read them as a ranking.',
        r.hypotheses.some((x) => x.actsThrough) ? ' “Acts through”: every shortest route behind its correct predictions passes that hypothesis, which explains as much, so it is ranked after it.' : '',
      ),
      chosen !== null
        ? chosenDetails(graph(), r.hypotheses[chosen]!, actions, () => choose(null, true), (id, dir) => {
            const i = r.hypotheses.findIndex((x) => x.node.id === id && x.direction === dir);
            if (i >= 0) choose(i, true);
          })
        : null,
    );
  };

  return {
    /** Recompute for a new observation table (null: cleared). */
    update(table: ObservationTable | null) {
      chosen = null;
      result = null;
      actions.choose(null);
      const panel = el.closest('details');
      if (!table || table.observations.length === 0) {
        replaceChildren(body, table ? h('p', { class: 'hint' }, 'None of the rows names a node, so there is nothing to explain.') : null);
        return;
      }
      const out = runHypotheses(graph(), table.observations, SHOWN);
      if (!out.ok) {
        replaceChildren(body, h('p', { class: 'message error', attrs: { role: 'alert' } }, out.message));
        return;
      }
      result = out.value;
      if (panel) panel.open = true;
      render();
    },
    /** Choose the hypothesis (node id, direction) among those shown, without moving focus (a lesson step); false when it is not shown. */
    chooseBy(node: string, direction: 'up' | 'down'): boolean {
      const i = result?.hypotheses.findIndex((x) => x.node.id === node && x.direction === direction) ?? -1;
      if (i < 0) return false;
      choose(i, false);
      return true;
    },
    /** The hypothesis on the diagram was dropped elsewhere (a path or perturbation was chosen). */
    release() {
      if (chosen === null) return;
      chosen = null;
      render();
    },
  };
}

/** The row's marker: the hypothesis this one acts through (ranked above it). */
function throughNote(via: NonNullable<Hypothesis['actsThrough']>): HTMLElement {
  return h('span', { class: 'hyp-through', attrs: { 'data-acts-through': `${via.id}:${via.direction}` } }, 'acts through ', h('span', { class: `move-${via.direction}`, attrs: { 'aria-hidden': 'true' } }, ARROW[via.direction]), ` ${via.label} ${VERB[via.direction]}`);
}

function chosenDetails(graph: KnowledgeGraph, hyp: Hypothesis, actions: HypothesisActions, close: () => void, chooseOther: (id: string, direction: 'up' | 'down') => void): HTMLElement {
  const items = hyp.predictions.map((p) => {
    const v = verdictOf(p);
    const routes = [p.path, p.otherPath].filter((x): x is Path => x !== null && x !== undefined);
    return h(
      'li',
      { class: `pred pred-${v}`, attrs: { 'data-node': p.node.id } },
      h('span', { class: 'pred-mark', attrs: { title: MARK[v].words, 'aria-label': MARK[v].words } }, MARK[v].glyph),
      ' ',
      h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => actions.select(p.node.id) } }, p.node.label),
      `: observed ${ARROW[p.observed]} ${p.observed}, `,
      p.predicted === null
        ? 'not reached'
        : `predicted ${ARROW[p.predicted]} ${p.predicted}${p.predicted === 'mixed' ? ' (equally short, equally supported routes of both signs)' : p.predicted === 'unknown' ? ' (only routes without a sign)' : ''}`,
      p.distance !== null ? `, ${p.distance} step${p.distance === 1 ? '' : 's'}` : '',
      p.confidence !== null && (p.predicted === 'up' || p.predicted === 'down') ? `, confidence ${p.confidence.toFixed(2)}` : '',
      routes.length ? h('ol', { class: 'route-steps' }, routes.flatMap((route) => routeSteps(graph, route, routes.length > 1 ? ((route.sign === '+') === (hyp.direction === 'up') ? '▲ A route pushing it up' : '▼ A route pushing it down') : null, actions))) : null,
    );
  });
  return h(
    'section',
    { class: 'hyp-chosen', attrs: { 'aria-labelledby': 'hyp-chosen-title' } },
    h('h3', { attrs: { id: 'hyp-chosen-title', tabindex: '-1' } }, `${hyp.node.label} ${VERB[hyp.direction]}: ${hyp.correct} of ${hyp.correct + hyp.incorrect + hyp.ambiguous + hyp.unreached} changed observations predicted correctly`),
    h('p', { class: 'hint' }, `Each prediction is the direction of the shortest signed routes from ${hyp.node.label}, the better-supported sign winning a tie (dominant direction). The diagram shows these routes; an observed node's ring says ✓ agrees, ✗ disagrees, ? ambiguous. Choose a step to see its evidence in the details panel.`),
    hyp.actsThrough
      ? h(
          'p',
          { class: 'hyp-through-detail' },
          `Acts through ${hyp.actsThrough.label} ${VERB[hyp.actsThrough.direction]}: every shortest route behind its correct predictions passes it, and that hypothesis explains as much, so it adds no explanation of its own and ranks after it. `,
          h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => chooseOther(hyp.actsThrough!.id, hyp.actsThrough!.direction) } }, `Show ${hyp.actsThrough.label} ${VERB[hyp.actsThrough.direction]}`),
        )
      : null,
    h('ul', { class: 'predictions', attrs: { 'aria-label': 'Predictions' } }, items),
    h('button', { attrs: { type: 'button', id: 'hyp-clear' }, on: { click: close } }, 'Hide this hypothesis'),
  );
}

/** A route as numbered steps, each a button opening the edge's evidence, with its strongest evidence kind. */
function routeSteps(graph: KnowledgeGraph, route: Path, heading: string | null, actions: HypothesisActions): HTMLElement[] {
  const steps = route.edges.map((e, i) => {
    const best = e.evidence.filter((ev) => ev.stance !== 'disputes').map((ev) => EVIDENCE_KINDS[ev.kind]).filter(Boolean).sort((a, b) => b.strength - a.strength)[0];
    return h(
      'li',
      {},
      h(
        'button',
        { class: 'link', attrs: { type: 'button', title: 'Show this step and its evidence in the details panel' }, on: { click: () => actions.select(e.id) } },
        `${route.nodes[i]!.label} `,
        signBadge(e.sign),
        ` ${e.predicate.replace(/_/g, ' ')} ${route.nodes[i + 1]!.label}`,
      ),
      ` (${best ? best.label : e.provenance ? 'imported, no mechkg evidence' : 'no evidence given'})`,
      stepMarks(graph, e.id, e.contested),
    );
  });
  return heading ? [h('li', { class: 'route-head' }, heading, h('ol', {}, steps))] : steps;
}
