/**
 * The SBGN-ML export checked against the SBGN-ML 0.3 schema (libsbgn's SBGN.xsd: namespace, one map with
 * language and version, the child order of glyph and arc, required bbox / label / start / end, xsd:ID ids,
 * source and target referring to glyphs) and against the Activity Flow language (only AF glyph and arc classes;
 * a phenotype is never an arc's source and a perturbation never its target). Then its meaning on the curated
 * graph: every influence and conversion edge is one arc with the sign the flow rules give it, associations are
 * left out and named in the map's notes, and glyphs sit where the diagram puts them.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { afArcClass, exportGraph, writeSbgn } from '../../src/export/index.js';
import { placeDiagram } from '../../src/layout/place-diagram.js';
import type { KnowledgeGraph } from '../../src/model/types.js';
import { loadGraph } from '../../src/node.js';
import { readLayoutPositions } from '../../src/node/read-positions.js';
import { HOSTILE, hostileGraph } from './graph-fixtures.js';

const AF_GLYPHS = new Set(['biological activity', 'phenotype', 'perturbation', 'and', 'or', 'not', 'delay', 'compartment', 'submap', 'tag']);
const AF_ARCS = new Set(['positive influence', 'negative influence', 'unknown influence', 'necessary stimulation', 'logic arc', 'equivalence arc']);
const AF_ENTITIES = new Set(['unspecified entity', 'simple chemical', 'macromolecule', 'nucleic acid feature', 'complex', 'perturbation']);
/** Child sequences of SBGN.xsd 0.3 (SBGNBase's notes and extension first). */
const GLYPH_ORDER = ['notes', 'extension', 'label', 'state', 'clone', 'callout', 'entity', 'bbox', 'glyph', 'port'];
const ARC_ORDER = ['notes', 'extension', 'glyph', 'port', 'start', 'next', 'end'];
const NCNAME = /^[A-Za-z_][\w.-]*$/;

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };
const ordered = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseAttributeValue: false, processEntities: true, htmlEntities: true });
const tagOf = (el: Ordered) => Object.keys(el).find((k) => k !== ':@')!;
const kids = (el: Ordered) => (el[tagOf(el)] as Ordered[]).filter((c) => tagOf(c) !== '#text');
const attrs = (el: Ordered) => el[':@'] ?? {};

interface Glyph {
  id: string;
  cls: string;
  label: string;
  bbox: { x: number; y: number; w: number; h: number };
  children: Ordered[];
}

/** Every rule above as a list of what is broken (empty when the file conforms), plus the parsed map. */
function sbgnProblems(xml: string): { bad: string[]; glyphs: Map<string, Glyph>; arcs: { id: string; cls: string; source: string; target: string; note: string }[]; notes: string } {
  const bad: string[] = [];
  const glyphs = new Map<string, Glyph>();
  const arcs: { id: string; cls: string; source: string; target: string; note: string }[] = [];
  if (XMLValidator.validate(xml) !== true) return { bad: ['not well-formed XML'], glyphs, arcs, notes: '' };
  const doc = ordered.parse(xml) as Ordered[];
  const root = doc.find((el) => tagOf(el) === 'sbgn');
  if (!root) return { bad: ['no <sbgn> root'], glyphs, arcs, notes: '' };
  if (attrs(root).xmlns !== 'http://sbgn.org/libsbgn/0.3') bad.push(`namespace ${attrs(root).xmlns}`);
  const maps = kids(root).filter((c) => tagOf(c) === 'map');
  if (maps.length !== 1) bad.push(`${maps.length} maps`);
  const map = maps[0]!;
  if (attrs(map).language !== 'activity flow') bad.push(`language ${attrs(map).language}`);
  if (!/sbgn\.af\.level-1\.version-1/.test(attrs(map).version ?? '')) bad.push(`version ${attrs(map).version}`);
  const ids = new Set<string>();
  const id = (el: Ordered, what: string) => {
    const v = attrs(el).id;
    if (!v || !NCNAME.test(v)) bad.push(`${what}: id ${v} is not an xsd:ID`);
    else if (ids.has(v)) bad.push(`${what}: id ${v} used twice`);
    else ids.add(v);
    return v ?? '';
  };
  const inOrder = (el: Ordered, order: string[], what: string) => {
    const seq = kids(el).map(tagOf).map((t) => order.indexOf(t));
    if (seq.some((i) => i < 0)) bad.push(`${what}: element not in the schema (${kids(el).map(tagOf).join(', ')})`);
    if (seq.some((i, k) => k > 0 && i < seq[k - 1]!)) bad.push(`${what}: children out of the schema's order (${kids(el).map(tagOf).join(', ')})`);
  };
  const box = (el: Ordered, what: string) => {
    const b = kids(el).filter((c) => tagOf(c) === 'bbox');
    if (b.length !== 1) bad.push(`${what}: ${b.length} bbox (exactly one required)`);
    const a = b[0] ? attrs(b[0]) : {};
    const n = { x: Number(a.x), y: Number(a.y), w: Number(a.w), h: Number(a.h) };
    if (![n.x, n.y, n.w, n.h].every(Number.isFinite)) bad.push(`${what}: bbox is not four numbers`);
    return n;
  };
  const text = (el: Ordered) => JSON.stringify(el);
  let notes = '';
  for (const el of kids(map)) {
    const tag = tagOf(el);
    if (tag === 'notes') notes = text(el);
    else if (tag === 'glyph') {
      const gid = id(el, 'glyph');
      const cls = attrs(el).class ?? '';
      if (!AF_GLYPHS.has(cls)) bad.push(`glyph ${gid}: class "${cls}" is not an Activity Flow glyph`);
      inOrder(el, GLYPH_ORDER, `glyph ${gid}`);
      const label = kids(el).find((c) => tagOf(c) === 'label');
      for (const sub of kids(el).filter((c) => tagOf(c) === 'glyph')) {
        const sid = id(sub, 'sub-glyph');
        if (attrs(sub).class !== 'unit of information') bad.push(`glyph ${sid}: sub-glyph class ${attrs(sub).class}`);
        inOrder(sub, GLYPH_ORDER, `glyph ${sid}`);
        const entity = kids(sub).find((c) => tagOf(c) === 'entity');
        if (cls !== 'biological activity' || !entity || !AF_ENTITIES.has(attrs(entity).name ?? '')) bad.push(`glyph ${sid}: an AF unit of information sits on a biological activity and names its entity`);
        box(sub, `glyph ${sid}`);
      }
      glyphs.set(gid, { id: gid, cls, label: label ? attrs(label).text ?? '' : '', bbox: box(el, `glyph ${gid}`), children: kids(el) });
    } else if (tag === 'arc') {
      const aid = id(el, 'arc');
      const a = attrs(el);
      if (!AF_ARCS.has(a.class ?? '')) bad.push(`arc ${aid}: class "${a.class}" is not an Activity Flow arc`);
      inOrder(el, ARC_ORDER, `arc ${aid}`);
      for (const t of ['start', 'end']) if (kids(el).filter((c) => tagOf(c) === t).length !== 1) bad.push(`arc ${aid}: needs one <${t}>`);
      arcs.push({ id: aid, cls: a.class ?? '', source: a.source ?? '', target: a.target ?? '', note: text(el) });
    } else bad.push(`<${tag}> in a map`);
  }
  for (const a of arcs) {
    if (!glyphs.has(a.source) || !glyphs.has(a.target)) bad.push(`arc ${a.id}: source ${a.source} / target ${a.target} is not a glyph`);
    if (glyphs.get(a.source)?.cls === 'phenotype') bad.push(`arc ${a.id}: a phenotype is the source (AF: only a target)`);
    if (glyphs.get(a.target)?.cls === 'perturbation') bad.push(`arc ${a.id}: a perturbation is the target (AF: only a source)`);
  }
  return { bad, glyphs, arcs, notes };
}

describe('sbgnProblems (the schema checker) finds broken files', () => {
  const good = () => writeSbgn(hostileGraph());
  it.each([
    ['a process-description arc', (x: string) => x.replace('class="negative influence"', 'class="consumption"'), /not an Activity Flow arc/],
    ['a process glyph', (x: string) => x.replace('class="biological activity"', 'class="process"'), /not an Activity Flow glyph/],
    ['an arc to a missing glyph', (x: string) => x.replace(/target="glyph2"/, 'target="glyph9"'), /is not a glyph/],
    ['a bbox before the label', (x: string) => x.replace(/(<label text="[^"]*"\/>)(\s*)(<bbox [^>]*\/>)/, '$3$2$1'), /out of the schema's order/],
  ])('%s', (_what, breakIt, message) => {
    expect(sbgnProblems(breakIt(good())).bad.join('\n')).toMatch(message);
  });
});

describe('the SBGN-ML export is an Activity Flow map by the SBGN-ML 0.3 schema', () => {
  const graph: KnowledgeGraph = loadGraph();
  const positions = readLayoutPositions();
  const xml = writeSbgn(graph, { positions });
  const { bad, glyphs, arcs, notes } = sbgnProblems(xml);

  it('conforms', () => {
    expect(bad).toEqual([]);
    expect(glyphs.size).toBe(graph.order);
  });

  it('draws every influence and conversion edge as one arc of its sign, and leaves associations out (named in the notes)', () => {
    const byLabel = new Map([...glyphs.values()].map((g) => [g.label, g.id]));
    const glyphOf = (id: string) => byLabel.get(graph.getNodeAttribute(id, 'label'))!;
    let drawn = 0;
    graph.forEachEdge((key, e, s, t) => {
      const cls = afArcClass(e);
      if (!cls) {
        expect(notes, `${key} named as left out`).toContain(key);
        return;
      }
      drawn++;
      const arc = arcs.find((a) => a.note.includes(`mechkg edge ${key}:`))!;
      expect(arc, key).toBeDefined();
      expect([arc.source, arc.target, arc.cls]).toEqual([glyphOf(s), glyphOf(t), cls]);
    });
    expect(arcs.length).toBe(drawn);
    const cls = (s: string, p: string, t: string) => arcs.find((a) => a.note.includes(`mechkg edge ${s}--${p}--${t}:`))?.cls;
    // the flow rules: an enzyme lowers the substrate it consumes and raises its product; a cofactor is necessary
    expect(cls('methionine-synthase', 'consumes', 'homocysteine')).toBe('negative influence');
    expect(cls('methionine-synthase', 'produces', 'methionine')).toBe('positive influence');
    expect(cls('vitamin-b12', 'cofactor_for', 'methionine-synthase')).toBe('necessary stimulation');
    expect(arcs.some((a) => a.note.includes('biomarker_for'))).toBe(false);
  });

  it('puts each glyph where the pathway diagram puts its node', () => {
    const placed = placeDiagram(graph, graph.getAttribute('layout')!, positions).nodes;
    for (const g of glyphs.values()) {
      const id = /mechkg id: ([^.]+)\./.exec(JSON.stringify(g.children[0]))![1]!;
      const p = placed.get(id)!;
      expect([g.bbox.x + g.bbox.w / 2, g.bbox.y + g.bbox.h / 2]).toEqual([p.x, p.y]);
    }
  });

  it('keeps hostile labels as text', async () => {
    const out = String(await exportGraph(hostileGraph(), 'sbgn'));
    const r = sbgnProblems(out);
    expect(r.bad).toEqual([]);
    expect([...r.glyphs.values()].map((g) => g.label)).toContain(HOSTILE);
  });
});
