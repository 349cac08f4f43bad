/**
 * Autocomplete over labels, synonyms, abbreviations and CURIEs, ranked by the library's searchNodes
 * (the same ranking as the CLI). An ARIA combobox: arrows move, Enter picks, Escape closes.
 */
import { CATEGORIES, normalizeName, searchNodes, type Category, type KnowledgeGraph, type SearchHit } from '../../src/index.js';
import { h, replaceChildren } from '../ui/dom.js';

export interface ComboboxOptions {
  id: string;
  label: string;
  placeholder?: string;
  /** Hide the label visually (kept for screen readers). */
  hiddenLabel?: boolean;
  graph: () => KnowledgeGraph;
  /** A suggestion was picked (click, or Enter on a highlighted one). */
  onPick(hit: SearchHit): void;
  /** Enter with no suggestion highlighted: the raw text (resolved by the caller like the CLI). */
  onEnter?(text: string): void;
}

export interface Combobox {
  root: HTMLElement;
  input: HTMLInputElement;
  setValue(text: string): void;
}

let counter = 0;

export function combobox(o: ComboboxOptions): Combobox {
  const listId = `${o.id}-list-${++counter}`;
  const input = h('input', {
    attrs: {
      id: o.id,
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      placeholder: o.placeholder ?? '',
    },
  });
  const list = h('ul', { class: 'suggestions', attrs: { id: listId, role: 'listbox', hidden: true, 'aria-label': `${o.label} suggestions` } });
  const label = h('label', { class: o.hiddenLabel ? 'visually-hidden' : '', attrs: { for: o.id } }, o.label);
  const root = h('div', { class: 'search' }, label, input, list);
  let hits: SearchHit[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (hit: SearchHit) => {
    close();
    o.onPick(hit);
  };
  const render = () => {
    replaceChildren(
      list,
      hits.map((hit, i) =>
        h(
          'li',
          {
            attrs: { id: `${listId}-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false' },
            on: {
              mousedown: (ev) => {
                ev.preventDefault();
                pick(hit);
              },
            },
          },
          h('span', { class: 'hit-label' }, hit.label),
          h('span', { class: 'hit-meta' }, CATEGORIES[hit.category as Category]?.label ?? hit.category),
          hit.matched !== normalizeName(hit.label) ? h('span', { class: 'hit-meta' }, `matches “${hit.matched}”`) : null,
        ),
      ),
    );
    const open = hits.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', () => {
    hits = input.value.trim() ? searchNodes(o.graph(), input.value, 8) : [];
    active = -1;
    render();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!hits.length) return;
      ev.preventDefault();
      active = ev.key === 'ArrowDown' ? (active + 1) % hits.length : (active - 1 + hits.length) % hits.length;
      render();
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else if (ev.key === 'Enter') {
      // Enter takes the highlighted suggestion, else the best one, else the raw text.
      const hit = hits[active >= 0 ? active : 0];
      if (hit && !list.hidden) {
        ev.preventDefault();
        pick(hit);
      } else if (o.onEnter) {
        ev.preventDefault();
        close();
        o.onEnter(input.value.trim());
      }
    } else if (ev.key === 'Escape') {
      if (!list.hidden) {
        ev.stopPropagation();
        close();
      }
    }
  });
  input.addEventListener('blur', () => close());
  return {
    root,
    input,
    setValue(text: string) {
      input.value = text;
      hits = [];
      close();
    },
  };
}

