import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { edgeRecord, effects, explainPaths, findPaths, loadGraphFromFiles } from '../../src/index.js';
import type { EdgeRecord, GraphMeta, KnowledgeGraph, NodeRecord } from '../../src/index.js';
import { curatedGraph } from './curated.js';

const route = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id).join('>');

function graph(sources: string, edges: string, nodes = ['a', 'b', 'c', 't']) {
  return loadGraphFromFiles([
    { path: 'sources.yaml', text: `sources:\n${sources}` },
    {
      path: 'modules/m.yaml',
      text: `module: {id: m, title: M, summary: M.}\nnodes:\n${nodes.map((n) => `  - {id: ${n}, label: ${n.toUpperCase()}, category: small_molecule, description: d}`).join('\n')}\nedges:\n${edges}`,
    },
  ]);
}

// Two routes a -> t of the same length and kinds. Through b, the cohort step has three entries: three
// articles restating one cohort study. Through c, it has two entries from two independent cohorts.
// Counted per entry, b's route (its edge ids also sort first) would lead; counted per study, c's must.
const restated = graph(
  `  - {id: art1, kind: review, title: Article 1}
  - {id: art2, kind: review, title: Article 2}
  - {id: art3, kind: review, title: Article 3}
  - {id: cohort-x, kind: primary_paper, title: Cohort X, pmid: '111'}
  - {id: cohort-y, kind: primary_paper, title: Cohort Y, pmid: '222'}
  - {id: cohort-z, kind: primary_paper, title: Cohort Z, doi: 10.1000/z}
  - {id: cohort-x-again, kind: primary_paper, title: Cohort X (second registry entry), pmid: '111'}
  - {id: tb, kind: textbook, title: Textbook}
`,
  `  - {source: a, predicate: increases, target: b, evidence: [{source: tb, kind: established_biochemistry, statement: x}]}
  - {source: a, predicate: increases, target: c, evidence: [{source: tb, kind: established_biochemistry, statement: x}]}
  - source: b
    predicate: increases
    target: t
    evidence:
      - {source: art1, study: cohort-x, kind: observational_human, statement: one}
      - {source: art2, study: cohort-x, kind: observational_human, statement: two}
      - {source: cohort-x-again, kind: observational_human, statement: three}
  - source: c
    predicate: increases
    target: t
    evidence:
      - {source: cohort-y, kind: observational_human, statement: one}
      - {source: art3, study: cohort-z, kind: observational_human, statement: two}
`,
);

describe('ranking by evidence quality', () => {
  it('counts entries resting on one study once (same study, or same PMID under another registry id)', () => {
    const r = findPaths(restated, 'a', 't');
    expect(r.paths.map(route)).toEqual(['a>c>t', 'a>b>t']);
    expect(r.paths.map((p) => p.weakestStudies)).toEqual([2, 1]);
    expect(r.paths[1]!.edges[1]!.studies).toBe(1);
    expect(r.paths[1]!.edges[1]!.evidence.length).toBe(3);
    // The length ranking breaks ties the same way.
    expect(findPaths(restated, 'a', 't', { rank: 'length' }).paths.map(route)).toEqual(['a>c>t', 'a>b>t']);
  });

  it('puts a longer, better-supported mechanism before a short weak one by default, and the short one first with rank length', () => {
    const g = graph(
      `  - {id: tb, kind: textbook, title: Textbook}\n  - {id: rev, kind: review, title: Review}\n`,
      `  - {source: a, predicate: increases, target: t, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: a, predicate: increases, target: b, evidence: [{source: tb, kind: established_biochemistry, statement: x}]}
  - {source: b, predicate: increases, target: c, evidence: [{source: tb, kind: established_biochemistry, statement: x}]}
  - {source: c, predicate: increases, target: t, evidence: [{source: tb, kind: established_biochemistry, statement: x}]}
`,
    );
    expect(findPaths(g, 'a', 't').paths.map(route)).toEqual(['a>b>c>t', 'a>t']);
    expect(findPaths(g, 'a', 't', { rank: 'length' }).paths.map(route)).toEqual(['a>t', 'a>b>c>t']);
  });
});

// Five routes a -> t: three lower t, two raise it; the best-supported (textbook all the way) lowers it.
const split = graph(
  `  - {id: tb, kind: textbook, title: Textbook}\n  - {id: rev, kind: review, title: Review}\n`,
  `  - {source: a, predicate: decreases, target: t, evidence: [{source: tb, kind: established_biochemistry, statement: x}]}
  - {source: a, predicate: increases, target: b, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: b, predicate: decreases, target: t, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: a, predicate: increases, target: c, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: c, predicate: inhibits, target: t, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: a, predicate: increases, target: d, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: d, predicate: increases, target: t, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: a, predicate: increases, target: e, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: e, predicate: activates, target: t, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: a, predicate: associated_with, target: t, evidence: [{source: rev, kind: review_statement, statement: x}]}
`,
  ['a', 'b', 'c', 'd', 'e', 't'],
);

describe('agreement of the routes', () => {
  it('counts the routes of each sign and names what the best-supported says, in JSON and in words', () => {
    const r = findPaths(split, 'a', 't');
    expect(r.agreement).toMatchObject({ routesUp: 2, routesDown: 3, routesUnknown: 0, routesThroughAssociations: 0, disagree: true, tiedWith: null });
    expect(r.agreement!.strongest).toMatchObject({ pathIndex: 0, sign: '-', weakestEvidence: 'established_biochemistry', weakestStudies: 1 });
    expect(r.agreement!.text).toBe('3 routes lower it, 2 raise it; the best-supported (#1, weakest step established biochemistry, 1 study) lowers it.');
  });

  it('says when routes of equally strong evidence disagree', () => {
    expect(findPaths(split, 'b', 't').agreement!.text).toBe('The only route found lowers it.');
    const tie = graph(
      `  - {id: rev, kind: review, title: Review}\n`,
      `  - {source: a, predicate: increases, target: b, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: b, predicate: decreases, target: t, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: a, predicate: increases, target: c, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: c, predicate: increases, target: t, evidence: [{source: rev, kind: review_statement, statement: x}]}
`,
    );
    const t = findPaths(tie, 'a', 't').agreement!;
    expect(t.tiedWith).toMatchObject({ pathIndex: 1, sign: '+' });
    expect(t.text).toBe('1 route lowers it, 1 raises it; the best-supported routes disagree: #1 lowers it and #2 raises it on equally strong evidence (weakest step review or expert statement, 1 study).');
  });

  it('names the best-supported route of a sign the limit left out', () => {
    const r = findPaths(split, 'a', 't', { limit: 1, avoid: ['b', 'c'] });
    // Listed: the direct textbook route (lowers); beyond it, d and e raise t.
    expect(r.paths.map(route)).toEqual(['a>t']);
    expect(r.agreement!.unlisted).toEqual([{ sign: '+', length: 2, weakestEvidence: 'review_statement', weakestStudies: 1, nodes: ['a', 'd', 't'], causal: true }]);
    expect(r.agreement!.unlistedChecked).toBe(true);
    expect(r.agreement!.text).toBe('The only route listed lowers it. Beyond the list, the best-supported route that raises it is not shown (2 steps, weakest step review or expert statement, 1 study).');
    expect(r.complete).toBe(true);
  });

  it('does not count a route through an association as an effect', () => {
    const r = findPaths(split, 'a', 't', { includeAssociations: true, limit: 20 });
    expect(r.agreement).toMatchObject({ routesUp: 2, routesDown: 3, routesUnknown: 0, routesThroughAssociations: 1 });
    expect(r.agreement!.text).toMatch(/1 more route passes through an association \(a correlation, not an effect\) and is not counted\.$/);
  });

  it('explain says it in words before the routes', () => {
    const x = explainPaths(split, 'a', 't', { limit: 6 });
    expect(x.agreement!.routesDown).toBe(3);
    expect(x.text.split('\n')[0]).toBe('Raising A, what happens to T? 3 routes lower it, 2 raise it; the best-supported (#1, weakest step established biochemistry, 1 study) lowers it.');
  });
});

describe('confounders reach the answers', () => {
  const confounded = graph(
    `  - {id: rev, kind: review, title: Review}\n`,
    `  - {source: a, predicate: increases, target: b, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: b, predicate: increases, target: t, evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: c, predicate: confounds, target: t, note: Confounds the B - T association (a shared cause)., evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: c, predicate: confounds, target: a, note: Confounds the same link read from the other side., evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: a, predicate: confounds, target: c, note: Confounds the A - C association., evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: d, predicate: confounds, target: t, note: Confounds the Q - T association., evidence: [{source: rev, kind: review_statement, statement: x}]}
  - {source: d, predicate: increases, target: e, evidence: [{source: rev, kind: review_statement, statement: x}]}
`,
    ['a', 'b', 'c', 'd', 'e', 't'],
  );

  it('reports a confounds edge when the route passes through its outcome and through the other side of the association', () => {
    const p = findPaths(confounded, 'a', 't').paths[0]!;
    expect(p.confounders!.map((c) => c.text)).toEqual(['C confounds the observed link between T and A', 'C confounds the B – T association']);
    expect(p.confounders![0]!.exposure).toEqual({ id: 't', label: 'T' });
    // The other side is the node the note names (B), or one the confounder also acts on (t, for c -> a).
    expect(p.confounders![1]).toMatchObject({ confounder: { id: 'c' }, outcome: { id: 't' }, exposure: { id: 'b' }, association: 'B – T', edge: 'c--confounds--t', evidence: 'review_statement', note: 'Confounds the B - T association (a shared cause).' });
    // a confounds c, but c is not on the route; d confounds t, but nothing on the route is on the other side.
    expect(p.confounders!.some((c) => c.edge === 'a--confounds--c' || c.edge === 'd--confounds--t')).toBe(false);
  });

  it('does not report a confounder on its own direct link to the outcome', () => {
    const direct = findPaths(confounded, 'c', 't', { includeAssociations: true }).paths.find((p) => p.length === 1)!;
    expect(direct.confounders).toEqual([]);
  });

  it('names metformin as confounder of the B12 - insulin resistance association on the curated graph (paths, explain, effects)', () => {
    const curated = curatedGraph();
    const text = 'metformin confounds the B12 – insulin resistance association';
    const r = findPaths(curated, 'metformin', 'insulin resistance', { limit: 50 });
    // Every route through B12 status carries it; metformin's own direct effect does not.
    for (const p of r.paths) {
      const throughB12 = p.nodes.slice(1, -1).some((n) => /b12/.test(n.id));
      expect(p.confounders!.map((c) => c.text).includes(text)).toBe(throughB12);
    }
    expect(r.paths.some((p) => p.length === 1 && p.confounders!.length === 0)).toBe(true);
    expect(explainPaths(curated, 'metformin', 'insulin resistance').text).toContain(`Confounding: ${text}.`);
    const raised = effects(curated, 'metformin', { direction: 'up' });
    expect(raised.confounds.map((c) => c.text)).toContain(text);
  });
});

describe('evidence ranking against a brute-force reference with restated studies', () => {
  // Registry: p1 and p1-again are one paper (same PMID); p2 another; rev is a review without one.
  const registry = new Map<string, { pmid?: string }>([['p1', { pmid: '1' }], ['p1-again', { pmid: '1' }], ['p2', { pmid: '2' }], ['p3', { pmid: '3' }], ['rev', {}]]);
  const SOURCES = ['p1', 'p1-again', 'p1', 'p1-again', 'p2', 'p3', 'rev'] as const;
  const KINDS = ['observational_human', 'animal_model', 'review_statement'] as const;
  const STRENGTH = { observational_human: 4, animal_model: 3, review_statement: 1 };
  const key = (source: string) => (registry.get(source)?.pmid ? `PMID:${registry.get(source)!.pmid}` : source);
  const entry = fc.record({ source: fc.constantFrom(...SOURCES), kind: fc.constantFrom(...KINDS) });
  const spec = fc.integer({ min: 3, max: 5 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.record({ s: fc.nat(n - 1), t: fc.nat(n - 1), minus: fc.boolean(), evidence: fc.array(entry, { minLength: 1, maxLength: 4 }) }), { minLength: 4, maxLength: 14 }),
    }),
  );

  it('returns the top paths by (weakest kind, then independent studies up to 3), then length, strength sum and ids', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 6 }), (g, limit) => {
        const edges = g.edges.filter((e) => e.s !== e.t).map((e, i) => ({ ...e, id: `e${String(i).padStart(2, '0')}` }));
        const kg: KnowledgeGraph = new MultiDirectedGraph<NodeRecord, EdgeRecord, GraphMeta>();
        kg.replaceAttributes({ name: 't', sources: {}, modules: {} });
        for (let i = 0; i < g.n; i++) kg.addNode(`n${i}`, { id: `n${i}`, label: `node ${i}`, category: 'small_molecule', description: 'd', synonyms: [], abbreviations: [], identifiers: [], modules: ['m'], origin: { file: 't', line: 0 } });
        for (const e of edges) {
          const evidence = e.evidence.map((ev) => ({ ...ev, stance: 'supports' as const, statement: 'x' }));
          kg.addDirectedEdgeWithKey(e.id, `n${e.s}`, `n${e.t}`, edgeRecord({ id: e.id, source: `n${e.s}`, target: `n${e.t}`, predicate: e.minus ? 'decreases' : 'increases', module: 'm', origin: { file: 't', line: 0 }, evidence }, registry));
        }
        // The reference: each edge's quality computed here from the spec, every simple path by plain DFS.
        const quality = new Map(edges.map((e) => {
          const strength = Math.max(...e.evidence.map((ev) => STRENGTH[ev.kind]));
          const studies = new Set(e.evidence.filter((ev) => STRENGTH[ev.kind] === strength).map((ev) => key(ev.source))).size;
          return [e.id, { q: strength * 4 + Math.min(3, studies), strength }];
        }));
        const all: { key: string; q: number; length: number; sum: number }[] = [];
        const walk = (u: number, seen: Set<number>, path: typeof edges) => {
          if (u === g.n - 1 && path.length) {
            all.push({ key: path.map((e) => e.id).join('\u0000'), q: Math.min(...path.map((e) => quality.get(e.id)!.q)), length: path.length, sum: path.reduce((a, e) => a + quality.get(e.id)!.strength, 0) });
            return;
          }
          if (path.length === 6) return;
          for (const e of edges) if (e.s === u && !seen.has(e.t)) walk(e.t, new Set([...seen, e.t]), [...path, e]);
        };
        walk(0, new Set([0]), []);
        all.sort((a, b) => b.q - a.q || a.length - b.length || b.sum - a.sum || (a.key < b.key ? -1 : 1));
        const r = findPaths(kg, 'n0', `n${g.n - 1}`, { limit, maxLength: 6 });
        expect(r.paths.map((p) => p.edges.map((e) => e.id).join('\u0000'))).toEqual(all.slice(0, limit).map((p) => p.key));
      }),
      { numRuns: 500 },
    );
  });
});
