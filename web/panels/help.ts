/** The Help strip: keyboard use and URL parameters (also documented in docs/web.md). */
import { h, replaceChildren } from '../ui/dom.js';

const KEYS: [string, string][] = [
  ['/', 'focus the search box; ↑ ↓ choose, Enter picks, Esc closes'],
  ['Tab', 'move between controls (all of them are buttons, fields or links)'],
  ['← →', 'previous / next step while stepping through a path'],
  ['Esc', 'leave step-through, then clear the focus'],
  ['o', 'overview: the whole graph'],
  ['p', 'presenter mode (large text)'],
  ['f', 'fit the drawing to the window'],
  ['double-click', 'focus a node: it and its neighbours, drawn to be read'],
];

const PARAMS: [string, string][] = [
  ['?focus=B12', 'a node and its neighbours, drawn to be read (any name the CLI accepts)'],
  ['?from=B12&to=autophagy', 'path query; add max=, sign=positive|negative, via=, avoid=, min=KIND, rank=length, assoc=1, path=N, step=N'],
  ['?perturb=B12&dir=down', 'colour what goes up and down when a node is lowered (or raised)'],
  ['?hide=gene,drug', 'hide categories; nokind=animal_model, nosign=negative, noncausal=hide'],
  ['?view=local&expand=a,b', 'draw only the neighbourhoods of some nodes'],
  ['?presenter=1', 'large text'],
];

export function renderHelp(el: HTMLElement, button: HTMLElement): void {
  replaceChildren(
    el,
    h('h2', {}, 'Keyboard'),
    h('dl', {}, KEYS.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h2', {}, 'Links (the address bar holds the view; back and forward work)'),
    h('dl', {}, PARAMS.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  );
  button.addEventListener('click', () => {
    el.hidden = !el.hidden;
    button.setAttribute('aria-expanded', String(!el.hidden));
  });
}
