/**
 * Every step of the pathway records a reader would compare the graph with (WikiPathways WP4271 and WP241,
 * Reactome R-HSA-196741) is either drawn with the right meaning or listed as an exception with its reason.
 * The steps are data (graph/pathway-coverage/*.json, one file per record, ids as the record gives them); this
 * test fails when a listed step's edge is missing, points the other way, or has the wrong relation kind or sign,
 * so a curator who drops or rewires an edge learns which record step it breaks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledGraphDir, loadGraph } from '../../src/node.js';
import type { KnowledgeGraph } from '../../src/index.js';

interface ExpectedEdge {
  source: string;
  relation: 'influence' | 'conversion';
  sign: '+' | '-';
  target: string;
}
interface Step {
  step: string;
  reads: string;
  expect?: ExpectedEdge[];
  exception?: string;
  note?: string;
}
interface CoverageRecord {
  record: string;
  title: string;
  source: string;
  read: string;
  complete: boolean;
  scope: string;
  steps: Step[];
}

const DIR = join(bundledGraphDir(), 'pathway-coverage');
const records: [string, CoverageRecord][] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as CoverageRecord]);
const graph: KnowledgeGraph = loadGraph();

/** Why an expected edge is not in the graph as stated, or null when it is. */
function missing(g: KnowledgeGraph, e: ExpectedEdge): string | null {
  for (const end of [e.source, e.target]) if (!g.hasNode(end)) return `no node "${end}"`;
  // Filter on the edge's own source: graphology's directedEdges(a, b) also returns edges running from b to a.
  const from = (s: string, t: string) => g.directedEdges(s, t).filter((id) => g.source(id) === s && g.target(id) === t);
  const found = from(e.source, e.target).map((id) => g.getEdgeAttributes(id));
  if (found.some((a) => a.relation === e.relation && a.sign === e.sign)) return null;
  const reverse = from(e.target, e.source).length > 0;
  if (found.length === 0) return reverse ? 'only the reverse edge exists' : 'no edge between them';
  return `found ${found.map((a) => `${a.predicate} (${a.relation} ${a.sign ?? 'no sign'})`).join(', ')}`;
}

describe('pathway coverage data', () => {
  it('covers the three records the curation issue names', () => {
    expect(records.map(([, r]) => r.record).sort()).toEqual(['R-HSA-196741', 'WP241', 'WP4271']);
  });

  it.each(records)('%s: each step is drawn or excepted, once, and cites a registered record', (_file, r) => {
    expect(Object.hasOwn(graph.getAttribute('sources'), r.source), `registry entry ${r.source}`).toBe(true);
    expect(r.read.length).toBeGreaterThan(20);
    expect(r.scope.length).toBeGreaterThan(20);
    const ids = r.steps.map((s) => s.step);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate step ids').toEqual([]);
    const malformed = r.steps.filter((s) => s.reads.length < 10 || (s.expect === undefined) === (s.exception === undefined) || (s.expect !== undefined && s.expect.length === 0));
    expect(malformed.map((s) => s.step), 'each step needs a reading and exactly one of expect or exception').toEqual([]);
    const terse = r.steps.filter((s) => s.exception !== undefined && s.exception.split(/\s+/).length < 12);
    expect(terse.map((s) => s.step), 'an exception gives its reason in a sentence').toEqual([]);
  });
});

describe.each(records)('%s steps in the curated graph', (_file, r) => {
  const drawn = r.steps.filter((s) => s.expect !== undefined);
  it.each(drawn.map((s) => [s.step, s] as const))('step %s is drawn with its direction and relation kind', (_id, s) => {
    const problems = s.expect!.map((e) => ({ edge: `${e.source} -(${e.relation} ${e.sign})-> ${e.target}`, problem: missing(graph, e) })).filter((p) => p.problem !== null);
    expect(problems, `${r.record} step ${s.step}: ${s.reads}`).toEqual([]);
  });
});

describe('missing() tells a rewired edge from an absent one', () => {
  // A step whose edge exists only in the other direction, or with another relation, must not pass.
  it('rejects the reverse direction and the wrong relation kind', () => {
    expect(missing(graph, { source: 'succinyl-coa', relation: 'conversion', sign: '+', target: 'methylmalonyl-coa' })).toBe('only the reverse edge exists');
    expect(missing(graph, { source: 'methylmalonyl-coa', relation: 'influence', sign: '+', target: 'succinyl-coa' })).toMatch(/^found converted_to \(conversion \+\)/);
    expect(missing(graph, { source: 'methionine-synthase', relation: 'conversion', sign: '+', target: 'homocysteine' })).toMatch(/^found consumes \(conversion -\)/);
    expect(missing(graph, { source: 'no-such-node', relation: 'influence', sign: '+', target: 'homocysteine' })).toBe('no node "no-such-node"');
  });
});
