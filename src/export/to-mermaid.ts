/**
 * A Mermaid flowchart that renders in Markdown (GitHub): nodes get generated ids (n0, n1, ...) and
 * quoted labels in which every character that Mermaid or HTML could read as syntax is an entity code
 * (#quot;, #60;, ...), newlines become <br>; a solid arrow for +, a cross end for -, a dotted arrow for
 * non-causal edges; category colours as classDefs; each edge's evidence and each node's identifiers in
 * %% comments, where `%`, `{` and `}` from data are #code; entities too, so data never becomes a directive.
 */
import type { KnowledgeGraph } from '../model/types.js';
import { CATEGORIES, predicateLabel, type Category } from '../model/vocabulary.js';
import type { ExportOptions } from './export-types.js';
import { numberSources, edgeSourceIds } from './provenance.js';
import { citationText } from '../model/citation.js';

/** Label text for a quoted Mermaid label: safe characters kept, the rest as #code; entities. */
export function mermaidText(value: string): string {
  return value
    .replace(/\r\n|\r/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\p{L}\p{N} ,.:'/-]/gu, (c) => `#${c.codePointAt(0)};`))
    .join('<br>');
}

/**
 * Data in a %% comment line: no line break may end it early, and no `%`, `{` or `}` survives, so data can
 * never spell a `%%{init: ...}%%` directive (Mermaid finds directives anywhere in the text) or a new comment.
 */
export function mermaidComment(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ⏎ ').replace(/[%{}\u0000-\u001f\u007f]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** A class name Mermaid reads as one word. */
function className(category: string): string {
  return category.replace(/[^A-Za-z0-9_]/g, '_');
}

export function writeMermaid(graph: KnowledgeGraph, options: ExportOptions = {}): string {
  const title = options.title ?? graph.getAttribute('name') ?? 'mechkg';
  const ids = new Map<string, string>();
  graph.forEachNode((id) => ids.set(id, `n${ids.size}`));
  const { order, numberOf } = numberSources(graph);
  const lines = ['---', `title: ${JSON.stringify(mermaidComment(title.replace(/\s+/g, ' ')))}`, '---', 'flowchart LR'];
  const used = new Set<Category>();
  graph.forEachNode((id, n) => {
    used.add(n.category);
    lines.push(`  %% ${ids.get(id)} = ${mermaidComment(`${id} (${n.category}${n.identifiers.length ? `; ${n.identifiers.join(', ')}` : ''})`)}`);
    lines.push(`  ${ids.get(id)}["${mermaidText(n.label)}"]:::${className(n.category)}`);
  });
  graph.forEachEdge((key, e, source, target) => {
    const numbers = [...new Set(edgeSourceIds(e).map((s) => numberOf.get(s)).filter((x): x is number => x !== undefined))].sort((a, b) => a - b);
    const label = `${predicateLabel(e.predicate)}${numbers.length ? ` [${numbers.join(',')}]` : ''}`;
    const arrow = !e.causal ? '-.->' : e.sign === '-' ? '--x' : '-->';
    lines.push(`  %% ${mermaidComment(key)}: ${e.evidence.map((ev) => mermaidComment(`${ev.stance === 'disputes' ? 'disputes: ' : ''}${ev.statement} (${ev.kind}, ${ev.source})`)).join(' | ')}`);
    lines.push(`  ${ids.get(source)} ${arrow}|"${mermaidText(label)}"| ${ids.get(target)}`);
  });
  for (const c of used) lines.push(`  classDef ${className(c)} fill:${CATEGORIES[c].color}33,stroke:${CATEGORIES[c].color},stroke-width:2px,color:#222`);
  order.forEach((s, i) => lines.push(`  %% [${i + 1}] ${mermaidComment(citationText(s))}`));
  return lines.join('\n') + '\n';
}
