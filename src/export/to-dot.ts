/**
 * Graphviz DOT: quoted ids, sign styles (normal arrowhead for +, tee for -, dashed grey for non-causal),
 * a legend cluster, and the evidence and identifiers as mechkg_* attributes (Graphviz keeps unknown
 * attributes and `dot -Tcanon` round-trips them). Renders with `dot -Tsvg` without warnings.
 */
import type { KnowledgeGraph } from '../model/types.js';
import { CATEGORIES, predicateLabel, type Category } from '../model/vocabulary.js';
import { attrList, dotString, edgeStyle, nodeStyle } from './dot-style.js';
import type { ExportOptions } from './export-types.js';
import { joinList } from './text-codecs.js';

export function writeDot(graph: KnowledgeGraph, options: ExportOptions = {}): string {
  const title = options.title ?? graph.getAttribute('name') ?? 'mechkg';
  const lines = [
    `digraph ${dotString(title)} {`,
    `  graph [rankdir=LR, fontname="Helvetica", label=${dotString(title)}, labelloc=t, fontsize=16];`,
    '  node [fontname="Helvetica", fontsize=12];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const categories = new Set<Category>();
  graph.forEachNode((id, n) => {
    categories.add(n.category);
    const attrs = {
      label: n.label,
      ...nodeStyle(n.category),
      tooltip: n.description,
      mechkg_category: n.category,
      ...(n.identifiers.length ? { mechkg_identifiers: joinList(n.identifiers) } : {}),
      ...(n.synonyms.length ? { mechkg_synonyms: joinList(n.synonyms) } : {}),
      ...(n.abbreviations.length ? { mechkg_abbreviations: joinList(n.abbreviations) } : {}),
      mechkg_modules: joinList(n.modules),
    };
    lines.push(`  ${dotString(id)} [${attrList(attrs)}];`);
  });
  graph.forEachEdge((key, e, source, target) => {
    const attrs = {
      label: predicateLabel(e.predicate),
      ...edgeStyle(e),
      tooltip: e.evidence.map((ev) => `${ev.stance === 'disputes' ? 'disputes: ' : ''}${ev.statement} [${ev.source}]`).join('\n'),
      mechkg_id: key,
      mechkg_predicate: e.predicate,
      ...(e.sign ? { mechkg_sign: e.sign } : {}),
      mechkg_evidence: JSON.stringify(e.evidence),
    };
    lines.push(`  ${dotString(source)} -> ${dotString(target)} [${attrList(attrs)}];`);
  });
  lines.push(...legendCluster([...categories]), '}', '');
  return lines.join('\n');
}

/** A legend cluster: one swatch per category shown and one sample edge per sign style. */
function legendCluster(categories: Category[]): string[] {
  const out = ['  subgraph cluster_legend {', '    label="Legend"; fontsize=12; style="rounded,dashed"; color="#999999";', '    node [fontsize=10];'];
  categories.forEach((c, i) => out.push(`    "__legend_cat_${i}" [${attrList({ label: CATEGORIES[c].label, ...nodeStyle(c) })}];`));
  const samples = [
    { label: 'increases / activates (+)', sign: '+' as const, causal: true },
    { label: 'decreases / inhibits (-)', sign: '-' as const, causal: true },
    { label: 'association (not causal)', sign: null, causal: false },
  ];
  samples.forEach((s, i) => {
    out.push(`    "__legend_from_${i}" [label="", shape=point, width=0.05];`);
    out.push(`    "__legend_to_${i}" [label="", shape=point, width=0.05];`);
    out.push(`    "__legend_from_${i}" -> "__legend_to_${i}" [${attrList({ label: s.label, ...edgeStyle({ ...s, contested: false }) })}];`);
  });
  out.push('  }');
  return out;
}
