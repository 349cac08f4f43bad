/** Messages over the graph: names that do not resolve (with "did you mean" buttons), empty results. */
import { h, replaceChildren } from '../ui/dom.js';
import type { Message } from '../state/view.js';

export function renderMessages(el: HTMLElement, messages: readonly Message[], extra: readonly Message[], onSuggestion: (field: NonNullable<Message['field']>, id: string) => void): void {
  replaceChildren(
    el,
    [...extra, ...messages].map((m) =>
      h(
        'div',
        { class: ['message', m.level === 'error' && 'error'], attrs: { role: m.level === 'error' ? 'alert' : null, 'data-level': m.level } },
        h('span', {}, m.text),
        m.suggestions?.length && m.field
          ? h(
              'div',
              { class: 'suggest' },
              h('span', {}, 'Did you mean:'),
              m.suggestions.map((s) => h('button', { attrs: { type: 'button' }, on: { click: () => onSuggestion(m.field!, s.id) } }, s.label)),
            )
          : null,
      ),
    ),
  );
}
