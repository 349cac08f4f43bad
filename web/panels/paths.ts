/**
 * Path finder form and ranked result list. The query runs in the library (findPaths via engine.ts);
 * this module only collects options and shows the ranked paths with net sign and weakest evidence, whether
 * the routes agree (and what the best-supported says), and the confounders of the selected route.
 */
import { EVIDENCE_KINDS, type EvidenceKind, type KnowledgeGraph } from '../../src/index.js';
import { nameFor } from '../state/engine.js';
import { h, replaceChildren } from '../ui/dom.js';
import { signBadge } from './evidence.js';
import { combobox } from './search-box.js';
import { DEFAULT_MAX_LENGTH, type NetSign, type PathQuery, type UiState } from '../state/ui-state.js';
import type { View } from '../state/view.js';

export interface PathPanelActions {
  run(q: PathQuery): void;
  selectPath(index: number): void;
  step(hop: number | null): void;
  clear(): void;
}

function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

export function createPathPanel(el: HTMLElement, graph: () => KnowledgeGraph, actions: PathPanelActions) {
  const from = combobox({ id: 'path-from', label: 'From', placeholder: 'e.g. B12', graph, onPick: (hit) => from.setValue(nameFor(graph(), hit)) });
  const to = combobox({ id: 'path-to', label: 'To', placeholder: 'e.g. autophagy', graph, onPick: (hit) => to.setValue(nameFor(graph(), hit)) });
  const maxLength = h('input', { attrs: { id: 'path-max', type: 'number', min: 1, max: 12, value: DEFAULT_MAX_LENGTH } });
  const sign = h(
    'select',
    { attrs: { id: 'path-sign' } },
    h('option', { attrs: { value: 'any' } }, 'any'),
    h('option', { attrs: { value: '+' } }, '+ (raises)'),
    h('option', { attrs: { value: '-' } }, '− (lowers)'),
  );
  const via = h('input', { attrs: { id: 'path-via', type: 'text', placeholder: 'names, comma separated' } });
  const avoid = h('input', { attrs: { id: 'path-avoid', type: 'text', placeholder: 'names or categories (e.g. disease)' } });
  const minEvidence = h(
    'select',
    { attrs: { id: 'path-min' } },
    h('option', { attrs: { value: '' } }, 'any evidence'),
    // A definition is not a study design to filter by: definitional steps pass every minimum.
    (Object.keys(EVIDENCE_KINDS) as EvidenceKind[])
      .filter((k) => k !== 'definition')
      .sort((a, b) => EVIDENCE_KINDS[b].strength - EVIDENCE_KINDS[a].strength)
      .map((k) => h('option', { attrs: { value: k } }, `${EVIDENCE_KINDS[k].label} or stronger`)),
  );
  const rank = h('select', { attrs: { id: 'path-rank' } }, h('option', { attrs: { value: 'evidence' } }, 'best-supported first'), h('option', { attrs: { value: 'length' } }, 'shortest first'));
  const associations = h('input', { attrs: { id: 'path-assoc', type: 'checkbox' } });
  const results = h('div', { attrs: { id: 'path-results' } });

  const read = (): PathQuery | null => {
    const q: PathQuery = {
      from: from.input.value.trim(),
      to: to.input.value.trim(),
      maxLength: Math.min(12, Math.max(1, Number(maxLength.value) || DEFAULT_MAX_LENGTH)),
      sign: sign.value as NetSign,
      via: list(via.value),
      avoid: list(avoid.value),
      minEvidence: minEvidence.value,
      rank: rank.value === 'length' ? 'length' : 'evidence',
      associations: associations.checked,
    };
    return q.from && q.to ? q : null;
  };
  const hint = h('p', { class: 'hint', attrs: { id: 'path-hint' } }, 'Names resolve like the CLI: label, synonym, abbreviation, id or CURIE.');
  const form = h(
    'form',
    {
      class: 'form',
      attrs: { 'aria-label': 'Path query', novalidate: true },
      on: {
        submit: (ev) => {
          ev.preventDefault();
          const q = read();
          if (q) actions.run(q);
          else replaceChildren(hint, 'Enter both a start (From) and an end (To).');
        },
      },
    },
    h('div', { class: 'wide' }, from.root),
    h('div', { class: 'wide' }, to.root),
    h('label', { attrs: { for: 'path-max' } }, 'Max steps'),
    maxLength,
    h('label', { attrs: { for: 'path-sign' } }, 'Net sign'),
    sign,
    h('label', { attrs: { for: 'path-via' } }, 'Via'),
    via,
    h('label', { attrs: { for: 'path-avoid' } }, 'Avoid'),
    avoid,
    h('label', { attrs: { for: 'path-min' } }, 'Evidence'),
    minEvidence,
    h('label', { attrs: { for: 'path-rank' } }, 'Order'),
    rank,
    h('label', { class: 'check wide' }, associations, 'also follow non-causal edges (correlations)'),
    h(
      'div',
      { class: 'buttons' },
      h('button', { class: 'primary', attrs: { type: 'submit', id: 'path-run' } }, 'Find paths'),
      h(
        'button',
        {
          attrs: { type: 'button', title: 'Swap From and To' },
          on: {
            click: () => {
              const f = from.input.value;
              from.setValue(to.input.value);
              to.setValue(f);
            },
          },
        },
        '⇄ Swap',
      ),
      h('button', { attrs: { type: 'button', id: 'path-clear' }, on: { click: () => actions.clear() } }, 'Clear'),
    ),
    h('div', { class: 'wide' }, hint),
  );
  replaceChildren(el, form, results);

  let shownQuery = '';
  return {
    /** Fills the form from state (when the URL or a button set the query) and lists the paths. */
    update(state: UiState, view: View) {
      const key = JSON.stringify(state.query);
      if (key !== shownQuery) {
        shownQuery = key;
        const q = state.query;
        from.setValue(q?.from ?? from.input.value);
        to.setValue(q?.to ?? to.input.value);
        if (q) {
          maxLength.value = String(q.maxLength);
          sign.value = q.sign;
          via.value = q.via.join(', ');
          avoid.value = q.avoid.join(', ');
          minEvidence.value = q.minEvidence;
          rank.value = q.rank;
          associations.checked = q.associations;
        }
      }
      renderResults(results, state, view, actions);
    },
    /** Puts a node name into From or To (from the details panel). */
    setEndpoint(field: 'from' | 'to', name: string) {
      (field === 'from' ? from : to).setValue(name);
      (field === 'from' ? to : from).input.focus();
    },
  };
}

function renderResults(el: HTMLElement, state: UiState, view: View, actions: PathPanelActions): void {
  const r = view.paths;
  if (!state.query || !r || !r.ok) {
    replaceChildren(el);
    return;
  }
  if (r.value.paths.length === 0) {
    // As `mechkg paths` prints it: no route, then what the human studies that test the question directly found.
    replaceChildren(
      el,
      h('p', { class: 'hint', attrs: { id: 'path-none' } }, `No causal path found from ${r.value.from.label} to ${r.value.to.label}.`),
      r.value.directTestsText ? h('p', { class: 'agreement', attrs: { id: 'path-direct-tests' } }, r.value.directTestsText) : null,
    );
    return;
  }
  const { paths, truncated, complete } = r.value;
  const active = Math.min(state.pathIndex, paths.length - 1);
  const items = paths.map((p, i) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          class: 'path-item',
          attrs: { type: 'button', 'aria-pressed': String(i === active), 'data-path-index': i },
          on: { click: () => actions.selectPath(i) },
        },
        h(
          'span',
          { class: 'path-head' },
          h('strong', {}, `#${i + 1}`),
          h('span', {}, 'net'),
          signBadge(p.sign === '?' ? null : p.sign),
          h('span', {}, `${p.length} step${p.length === 1 ? '' : 's'}`),
          h('span', { class: 'badge', attrs: { title: 'weakest link: the step whose best evidence is weakest' } }, `weakest: ${p.weakestEvidence ? EVIDENCE_KINDS[p.weakestEvidence].label : 'none'}`),
          p.contested ? h('span', { class: 'badge badge-warn' }, `◇ contested: step ${p.edges.map((e, k) => (e.contested ? k + 1 : 0)).filter(Boolean).join(', ')}`) : null,
        ),
        h('span', { class: 'path-chain' }, p.nodes.map((n) => n.label).join(' → ')),
      ),
    ),
  );
  const agreement = r.value.agreement;
  const confounders = paths[active]!.confounders ?? [];
  replaceChildren(
    el,
    h('p', { class: 'hint' }, `${paths.length} path${paths.length === 1 ? '' : 's'}, ${state.query.rank === 'evidence' ? 'best-supported first' : 'shortest first'}${truncated || !complete ? '; more may exist' : ''}.`),
    agreement
      ? h('p', { class: agreement.disagree ? 'agreement badge-warn' : 'agreement', attrs: { id: 'path-agreement' } }, agreement.disagree ? h('strong', {}, 'Routes disagree. ') : null, agreement.text)
      : null,
    h('ol', { class: 'path-list', attrs: { 'aria-label': 'Ranked paths' } }, items),
    confounders.length
      ? h(
          'section',
          { class: 'confounders', attrs: { id: 'path-confounders', 'aria-label': `Confounders of route ${active + 1}` } },
          h('h3', {}, `⚠ Confounding on route #${active + 1}`),
          h(
            'ul',
            {},
            confounders.map((c) =>
              h('li', { attrs: { 'data-edge': c.edge } }, h('span', { class: 'confounder-text' }, c.text), c.note ? h('span', { class: 'hint' }, ` ${c.note}`) : null),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'form' },
      h(
        'div',
        { class: 'buttons' },
        h('button', { class: 'primary', attrs: { type: 'button', id: 'step-start' }, on: { click: () => actions.step(0) } }, state.step === null ? '▶ Step through' : '↺ Restart steps'),
      ),
    ),
  );
}
