/**
 * The only way web/ builds DOM: elements are created with createElement and filled with text nodes
 * (textContent), so data text is never parsed as HTML. Links accept http(s) URLs only.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string | (string | false | null | undefined)[];
  /** Plain attributes (id, type, role, aria-*, data-*, ...). `href` goes through safeHref. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** Creates an element; string children become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const cls = Array.isArray(props.class) ? props.class.filter(Boolean).join(' ') : props.class;
  if (cls) el.className = cls;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`dom.h: attribute "${name}" is not allowed; use props.on or a class`);
    if (name === 'href') {
      const href = safeHref(String(value));
      if (href) el.setAttribute('href', href);
      continue;
    }
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) el.addEventListener(type, handler as EventListener);
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces every child of el. */
export function replaceChildren(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** An external link that opens in a new tab, or plain text when the URL is not http(s). */
export function link(url: string | null | undefined, text: string): HTMLElement {
  const href = url ? safeHref(url) : null;
  if (!href) return h('span', {}, text);
  return h('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, text);
}

/** The URL if it is http(s), else null (no javascript:, data: or relative surprises). */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with presentation attributes (no style attribute, so the CSP stays strict). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: SVGElement[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name) || name === 'style' || name === 'href') throw new Error(`dom.svg: attribute "${name}" is not allowed`);
    el.setAttribute(name, String(value));
  }
  for (const c of children) el.appendChild(c);
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`dom.byId: no element #${id} in index.html`);
  return el as T;
}
