/**
 * SBGN-ML 0.3 (libsbgn) Activity Flow maps, for SBGN editors such as Newt: each node an activity glyph, each
 * causal edge an influence arc. Activity Flow says how one activity changes another, so:
 * - influence edges become positive / negative / unknown influence by their sign, and `is required for` (and a
 *   cofactor's `is cofactor for`) necessary stimulation;
 * - conversions (mass flow, docs/semantics.md) become influences by the flow rules' signs: an enzyme lowers the
 *   substrate it consumes and raises what it produces or catalyzes, a substrate raises its product. Rule 3 (more
 *   substrate drives its enzyme's reaction, lowering co-substrates) has no edge of its own and is not drawn;
 * - associations (correlations, biomarkers, confounding) and structural edges are not influences: they are left
 *   out, and the map's notes say how many and which.
 * AF grammar: a phenotype glyph is only ever a target and a perturbation only ever a source, so a disease with
 * outgoing arcs is drawn as a biological activity. Positions come from the diagram (graph/layout/positions.json
 * when given). Glyph ids are generated (xsd:ID); each glyph's notes name the mechkg id and identifiers.
 */
import type { EdgeRecord, KnowledgeGraph, NodeRecord } from '../model/types.js';
import { predicateLabel, type Category } from '../model/vocabulary.js';
import type { ExportOptions } from './export-types.js';
import { nodePositions } from './node-positions.js';
import { escapeXml } from './text-codecs.js';

export const SBGN_NAMESPACE = 'http://sbgn.org/libsbgn/0.3';
export const SBGN_AF_VERSION = 'http://identifiers.org/combine.specifications/sbgn.af.level-1.version-1.2';
const XHTML = 'http://www.w3.org/1999/xhtml';

export type AfArcClass = 'positive influence' | 'negative influence' | 'unknown influence' | 'necessary stimulation';
export type AfGlyphClass = 'biological activity' | 'phenotype' | 'perturbation';

/** The AF arc of an edge, or null when the edge is not an influence in the Activity Flow sense. */
export function afArcClass(e: Pick<EdgeRecord, 'predicate' | 'relation' | 'causal' | 'sign'>): AfArcClass | null {
  if (!e.causal || (e.relation !== 'influence' && e.relation !== 'conversion')) return null;
  if (e.predicate === 'required_for' || e.predicate === 'cofactor_for') return 'necessary stimulation';
  return e.sign === '+' ? 'positive influence' : e.sign === '-' ? 'negative influence' : 'unknown influence';
}

/** The entity a biological activity is the activity of (its unit of information), by mechkg category. */
const ENTITY: Readonly<Record<Category, { name: string; text: string } | null>> = {
  small_molecule: { name: 'simple chemical', text: 'metabolite' },
  protein: { name: 'macromolecule', text: 'protein' },
  gene: { name: 'nucleic acid feature', text: 'gene' },
  biological_process: null,
  disease: { name: 'unspecified entity', text: 'disease' },
  phenotype: { name: 'unspecified entity', text: 'phenotype' },
  drug: { name: 'perturbation', text: 'drug' },
  food: { name: 'perturbation', text: 'food' },
  exposure: { name: 'perturbation', text: 'exposure' },
  biomarker: { name: 'unspecified entity', text: 'measurement' },
  population: { name: 'unspecified entity', text: 'population' },
  intervention: { name: 'perturbation', text: 'intervention' },
  anatomy: { name: 'unspecified entity', text: 'anatomy' },
  unknown: { name: 'unspecified entity', text: 'entity' },
};
const OUTCOMES: ReadonlySet<Category> = new Set(['disease', 'phenotype']);
const EXTERNAL: ReadonlySet<Category> = new Set(['drug', 'food', 'exposure', 'intervention']);

/** A phenotype glyph for an outcome nothing leaves, a perturbation for an external cause nothing enters, else an activity. */
export function afGlyphClass(category: Category, hasArcIn: boolean, hasArcOut: boolean): AfGlyphClass {
  if (OUTCOMES.has(category) && !hasArcOut) return 'phenotype';
  if (EXTERNAL.has(category) && !hasArcIn) return 'perturbation';
  return 'biological activity';
}

const notes = (text: string, indent: string) => `${indent}<notes><p xmlns="${XHTML}">${escapeXml(text)}</p></notes>`;
const num = (x: number) => String(Math.round(x * 10) / 10);

function glyphSize(label: string): { w: number; h: number } {
  return { w: Math.min(200, Math.max(70, label.length * 7 + 24)), h: 44 };
}

export function writeSbgn(graph: KnowledgeGraph, options: ExportOptions = {}): string {
  const at = nodePositions(graph, options);
  const arcs: { key: string; e: EdgeRecord; source: string; target: string; cls: AfArcClass }[] = [];
  const left: { key: string; e: EdgeRecord }[] = [];
  graph.forEachEdge((key, e, source, target) => {
    const cls = afArcClass(e);
    if (cls) arcs.push({ key, e, source, target, cls });
    else left.push({ key, e });
  });
  const into = new Set(arcs.map((a) => a.target));
  const from = new Set(arcs.map((a) => a.source));
  const glyphId = new Map<string, string>();
  graph.forEachNode((id) => glyphId.set(id, `glyph${glyphId.size + 1}`));

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<sbgn xmlns="${SBGN_NAMESPACE}">`];
  out.push(`  <map id="map1" language="activity flow" version="${SBGN_AF_VERSION}">`);
  const conversions = arcs.filter((a) => a.e.relation === 'conversion').length;
  const summary = [
    `${options.title ?? graph.getAttribute('name')}: exported by mechkg as SBGN Activity Flow, ${graph.order} activities and ${arcs.length} influence arcs.`,
    conversions ? `${conversions} conversion edge(s) (mass flow) are drawn as the influences the flow rules give them (an enzyme lowers what it consumes and raises what it produces; a substrate raises its product).` : '',
    left.length ? `${left.length} edge(s) are not influences and are left out: ${left.map(({ key, e }) => `${key} (${predicateLabel(e.predicate)}, ${e.relation})`).join('; ')}.` : '',
  ].filter(Boolean).join(' ');
  out.push(notes(summary, '    '));
  graph.forEachNode((id, n: NodeRecord) => {
    const gid = glyphId.get(id)!;
    const cls = afGlyphClass(n.category, into.has(id), from.has(id));
    const p = at.get(id) ?? { x: 0, y: 0 };
    const { w, h } = glyphSize(n.label);
    const x = p.x - w / 2;
    const y = p.y - h / 2;
    out.push(`    <glyph class="${cls}" id="${gid}">`);
    out.push(notes([`mechkg id: ${id}`, n.identifiers.length ? `identifiers: ${n.identifiers.join(', ')}` : '', n.description].filter(Boolean).join('. '), '      '));
    out.push(`      <label text="${escapeXml(n.label, true)}"/>`);
    out.push(`      <bbox x="${num(x)}" y="${num(y)}" w="${w}" h="${h}"/>`);
    const entity = ENTITY[n.category];
    if (cls === 'biological activity' && entity) {
      out.push(`      <glyph class="unit of information" id="${gid}.1">`);
      out.push(`        <label text="${escapeXml(entity.text, true)}"/>`);
      out.push(`        <entity name="${entity.name}"/>`);
      out.push(`        <bbox x="${num(x + 8)}" y="${num(y - 9)}" w="${Math.max(40, entity.text.length * 6 + 12)}" h="18"/>`);
      out.push('      </glyph>');
    }
    out.push('    </glyph>');
  });
  arcs.forEach(({ key, e, source, target, cls }, i) => {
    const s = at.get(source) ?? { x: 0, y: 0 };
    const t = at.get(target) ?? { x: 0, y: 0 };
    const how = e.relation === 'conversion' ? `; a conversion (${e.arc ?? 'mass flow'}), drawn by the flow rules` : '';
    out.push(`    <arc class="${cls}" id="arc${i + 1}" source="${glyphId.get(source)}" target="${glyphId.get(target)}">`);
    out.push(notes(`mechkg edge ${key}: ${predicateLabel(e.predicate)}${how}`, '      '));
    out.push(`      <start x="${num(s.x)}" y="${num(s.y)}"/>`);
    out.push(`      <end x="${num(t.x)}" y="${num(t.y)}"/>`);
    out.push('    </arc>');
  });
  out.push('  </map>', '</sbgn>', '');
  return out.join('\n');
}
