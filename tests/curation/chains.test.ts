/**
 * Curation tests for the bundled graph: each named mechanism chain exists as an explicit sequence of
 * causal edges with the expected net sign, plus size, evidence, dispute and name-resolution checks.
 * A later edit that breaks a chain (removes an edge, flips a predicate) fails here.
 */
import { describe, it, expect } from 'vitest';
import { loadGraph } from '../../src/node.js';
import { resolveNode, findPaths, EVIDENCE_KINDS, type KnowledgeGraph } from '../../src/index.js';

const graph: KnowledgeGraph = loadGraph();

type Sign = '+' | '-';

/** The causal edges source -> target (any predicate), with their signs. */
function causalSigns(g: KnowledgeGraph, source: string, target: string): Sign[] {
  if (!g.hasNode(source)) throw new Error(`chain: no node "${source}"`);
  if (!g.hasNode(target)) throw new Error(`chain: no node "${target}"`);
  return g
    .outEdges(source, target)
    .map((e) => g.getEdgeAttributes(e))
    .filter((a) => a.causal && a.sign !== null)
    .map((a) => a.sign as Sign);
}

/**
 * Net sign of an explicit chain of node ids: each consecutive pair must be joined by a causal edge, and
 * the signs multiply. Throws (naming the broken step) when a step is missing or two parallel causal
 * edges disagree in sign, so a test can never pass on an ambiguous step.
 */
function chainSign(g: KnowledgeGraph, ids: readonly string[]): Sign {
  if (ids.length < 2) throw new Error('chain: needs at least two node ids');
  let sign: Sign = '+';
  for (let i = 0; i + 1 < ids.length; i++) {
    const [a, b] = [ids[i]!, ids[i + 1]!];
    const signs = [...new Set(causalSigns(g, a, b))];
    if (signs.length === 0) throw new Error(`chain: no causal edge ${a} -> ${b}`);
    if (signs.length > 1) throw new Error(`chain: causal edges ${a} -> ${b} disagree in sign`);
    sign = sign === signs[0] ? '+' : '-';
  }
  return sign;
}

describe('chainSign (test helper)', () => {
  it('rejects a chain shorter than two nodes', () => {
    expect(() => chainSign(graph, ['vitamin-b12'])).toThrow(/at least two/);
  });
  it('rejects an unknown node and a missing step', () => {
    expect(() => chainSign(graph, ['vitamin-b12', 'no-such-node'])).toThrow(/no node "no-such-node"/);
    expect(() => chainSign(graph, ['autophagy', 'vitamin-b12'])).toThrow(/no causal edge autophagy -> vitamin-b12/);
  });
  it('does not walk non-causal edges', () => {
    // vitamin-b12 --located_in--> liver exists but is not causal
    expect(() => chainSign(graph, ['vitamin-b12', 'liver'])).toThrow(/no causal edge/);
  });
});

/** [claim, chain of node ids, expected net sign] */
const CHAINS: [string, string[], Sign][] = [
  // design chain 1: B12 -> methionine synthase -> homocysteine -> syntaxin 17 -> autophagy -> hepatic fat
  ['B12 status raises autophagy (lipophagy)', ['vitamin-b12', 'methionine-synthase', 'homocysteine', 'syntaxin-17', 'autophagy'], '+'],
  ['B12 status lowers hepatic fat via lipophagy', ['vitamin-b12', 'methionine-synthase', 'homocysteine', 'syntaxin-17', 'autophagy', 'hepatic-steatosis'], '-'],
  ['homocysteine lowers autophagy', ['homocysteine', 'syntaxin-17', 'autophagy'], '-'],
  // design chain 2: MMA -> CPT1 -> fatty acid oxidation -| lipogenesis -> insulin resistance
  ['MMA raises lipogenesis', ['methylmalonic-acid', 'cpt1', 'fatty-acid-oxidation', 'lipogenesis'], '+'],
  ['MMA raises insulin resistance', ['methylmalonic-acid', 'cpt1', 'fatty-acid-oxidation', 'lipogenesis', 'insulin-resistance'], '+'],
  ['MMA raises lipogenesis via cytosolic fatty acids', ['methylmalonic-acid', 'cpt1', 'cytosolic-fatty-acids', 'lipogenesis'], '+'],
  ['MMA raises insulin resistance via insulin signalling', ['methylmalonic-acid', 'insulin-signaling', 'insulin-resistance'], '+'],
  ['B12 status lowers MMA', ['vitamin-b12', 'methylmalonyl-coa-mutase', 'methylmalonyl-coa', 'methylmalonic-acid'], '-'],
  // absorption and its failures
  ['metformin lowers B12 status', ['metformin', 'ileal-b12-absorption', 'vitamin-b12'], '-'],
  ['metformin raises B12 deficiency', ['metformin', 'ileal-b12-absorption', 'vitamin-b12', 'vitamin-b12-deficiency'], '+'],
  ['intrinsic factor raises B12 status', ['intrinsic-factor', 'ileal-b12-absorption', 'vitamin-b12'], '+'],
  ['pernicious anemia lowers B12 status', ['pernicious-anemia', 'intrinsic-factor', 'ileal-b12-absorption', 'vitamin-b12'], '-'],
  ['Crohn disease lowers B12 status', ['crohn-disease', 'ileal-b12-absorption', 'vitamin-b12'], '-'],
  ['proton pump inhibitors lower B12 status', ['proton-pump-inhibitors', 'gastric-acid-secretion', 'food-b12-release', 'ileal-b12-absorption', 'vitamin-b12'], '-'],
  ['large oral doses raise B12 status by passive diffusion', ['oral-b12-supplement', 'passive-b12-diffusion', 'vitamin-b12'], '+'],
  // diet
  ['vegan diet lowers B12 status', ['vegan-diet', 'dietary-b12-intake', 'ileal-b12-absorption', 'vitamin-b12'], '-'],
  ['meat raises B12 status', ['meat', 'dietary-b12-intake', 'ileal-b12-absorption', 'vitamin-b12'], '+'],
  // homocysteine
  ['B12 status lowers homocysteine', ['vitamin-b12', 'methionine-synthase', 'homocysteine'], '-'],
  ['folate lowers homocysteine', ['folate', 'tetrahydrofolate', '5-methyltetrahydrofolate', 'methionine-synthase', 'homocysteine'], '-'],
  ['B12 deficiency raises homocysteine', ['vitamin-b12-deficiency', 'homocysteine'], '+'],
  ['B12 deficiency raises MMA', ['vitamin-b12-deficiency', 'methylmalonic-acid'], '+'],
  ['homocysteine raises inflammation', ['homocysteine', 'inflammation'], '+'],
  ['homocysteine raises fibrosis via inflammation and NASH', ['homocysteine', 'inflammation', 'nash', 'liver-fibrosis'], '+'],
  ['homocysteine raises fibrosis directly (preclinical)', ['homocysteine', 'liver-fibrosis'], '+'],
  ['B12 plus folate lowers fibrosis', ['b12-folate-supplementation', 'liver-fibrosis'], '-'],
  ['B12 plus folate lowers inflammation via B12 and homocysteine', ['b12-folate-supplementation', 'vitamin-b12', 'methionine-synthase', 'homocysteine', 'inflammation'], '-'],
  // methylation, lipid genes, antioxidant defence
  ['B12 status lowers SREBF1-driven lipogenesis', ['vitamin-b12', 'methionine-synthase', 'methionine', 's-adenosylmethionine', 'dna-methylation', 'srebf1', 'lipogenesis'], '-'],
  ['homocysteine lowers DNA methylation via SAH', ['homocysteine', 's-adenosylhomocysteine', 'dna-methylation'], '-'],
  ['B12 status raises glutathione via SAM and transsulfuration', ['vitamin-b12', 'methionine-synthase', 'methionine', 's-adenosylmethionine', 'cbs', 'transsulfuration', 'cysteine', 'glutathione'], '+'],
  ['glutathione lowers insulin resistance via oxidative stress', ['glutathione', 'oxidative-stress', 'insulin-resistance'], '-'],
  ['B12 status supports DNA synthesis via THF', ['vitamin-b12', 'methionine-synthase', 'tetrahydrofolate', 'dna-synthesis', 'red-blood-cell-formation'], '+'],
  ['B12 deficiency causes anemia', ['vitamin-b12-deficiency', 'anemia'], '+'],
  // liver storage and the serum paradox
  ['liver damage raises serum B12', ['hepatocyte-injury', 'hepatic-b12-leakage', 'serum-vitamin-b12'], '+'],
  ['cirrhosis raises serum B12', ['liver-cirrhosis', 'hepatocyte-injury', 'hepatic-b12-leakage', 'serum-vitamin-b12'], '+'],
  ['liver damage lowers B12 status (the paradox)', ['hepatocyte-injury', 'hepatic-b12-storage', 'vitamin-b12'], '-'],
  // Mendelian randomization: reinforcing loop
  ['genetically higher serum B12 raises NAFLD risk', ['serum-vitamin-b12', 'nafld'], '+'],
  ['NAFLD liability raises serum B12', ['nafld', 'serum-vitamin-b12'], '+'],
  ['serum B12 - NAFLD loop is reinforcing', ['serum-vitamin-b12', 'nafld', 'serum-vitamin-b12'], '+'],
  // randomized trial
  ['1,000 ug/day lowers homocysteine', ['b12-1000ug-daily', 'homocysteine'], '-'],
  ['1,000 ug/day lowers fasting glucose', ['b12-1000ug-daily', 'fasting-blood-glucose'], '-'],
  ['1,000 ug/day lowers liver fat', ['b12-1000ug-daily', 'hepatic-steatosis'], '-'],
  // metabolic disease
  ['NAFLD progresses to liver cancer', ['nafld', 'nash', 'liver-fibrosis', 'liver-cirrhosis', 'hepatocellular-carcinoma'], '+'],
  ['B12 status protects insulin secretion (beta cells)', ['vitamin-b12', 'beta-cell-apoptosis', 'insulin-secretion'], '+'],
  ['B12 status lowers type 2 diabetes via beta cells', ['vitamin-b12', 'beta-cell-apoptosis', 'type-2-diabetes'], '-'],
  ['obesity raises NAFLD', ['obesity', 'nafld'], '+'],
  ['insulin resistance raises NAFLD', ['insulin-resistance', 'nafld'], '+'],
  ['liver damage raises ALT', ['hepatocyte-injury', 'serum-alt'], '+'],
  ['B12 deficiency raises insulin resistance (contested)', ['vitamin-b12-deficiency', 'insulin-resistance'], '+'],
];

describe('mechanism chains', () => {
  it.each(CHAINS)('%s', (_claim, ids, expected) => {
    expect(chainSign(graph, ids)).toBe(expected);
  });
});

describe('size and evidence', () => {
  it('meets the size floor (80 nodes, 120 edges)', () => {
    expect(graph.order).toBeGreaterThanOrEqual(80);
    expect(graph.size).toBeGreaterThanOrEqual(120);
  });
  it('gives every edge at least one evidence entry whose source is registered', () => {
    const sources = graph.getAttribute('sources');
    graph.forEachEdge((id, a) => {
      expect(a.evidence.length, id).toBeGreaterThan(0);
      for (const ev of a.evidence) expect(sources[ev.source], `${id}: ${ev.source}`).toBeDefined();
    });
  });
  it('gives every edge at least one supporting entry', () => {
    graph.forEachEdge((id, a) => {
      expect(a.evidence.some((ev) => ev.stance === 'supports'), id).toBe(true);
    });
  });
  it('has no self-loops', () => {
    graph.forEachEdge((id, _a, s, t) => expect(s, id).not.toBe(t));
  });
  it('uses every module file as a module with a summary', () => {
    const modules = graph.getAttribute('modules');
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(12);
    for (const m of Object.values(modules)) expect(m.summary.length).toBeGreaterThan(40);
  });
});

describe('disagreement is shown', () => {
  it.each([
    'serum-vitamin-b12--negatively_correlated_with--nafld',
    'serum-vitamin-b12--negatively_correlated_with--liver-fibrosis',
    'serum-vitamin-b12--negatively_correlated_with--insulin-resistance',
    'serum-vitamin-b12--biomarker_for--vitamin-b12-deficiency',
    'vitamin-b12-deficiency--contributes_to--nafld',
    'serum-vitamin-b12--risk_factor_for--nafld',
  ])('%s carries a disputes entry', (id) => {
    expect(graph.hasEdge(id), id).toBe(true);
    const a = graph.getEdgeAttributes(id);
    expect(a.contested).toBe(true);
    expect(a.evidence.some((ev) => ev.stance === 'disputes')).toBe(true);
  });

  it.each([
    'homocysteine--inhibits--syntaxin-17',
    'syntaxin-17--required_for--autophagy',
    'autophagy--decreases--hepatic-steatosis',
    'b12-folate-supplementation--treats--nash',
    'b12-folate-supplementation--decreases--liver-fibrosis',
  ])('%s is marked preclinical', (id) => {
    const a = graph.getEdgeAttributes(id);
    expect(a.preclinicalOnly).toBe(true);
    expect(a.note ?? '').toMatch(/preclinical/i);
  });

  it('keeps the MMA-CPT1 claim at seed-article strength with a note saying so', () => {
    const a = graph.getEdgeAttributes('methylmalonic-acid--inhibits--cpt1');
    expect(a.strength).toBe(EVIDENCE_KINDS.review_statement.strength);
    expect(a.note).toMatch(/no primary study/i);
  });

  it('records the Mendelian-randomization loop with MR evidence in both directions', () => {
    for (const id of ['serum-vitamin-b12--risk_factor_for--nafld', 'nafld--increases--serum-vitamin-b12']) {
      const a = graph.getEdgeAttributes(id);
      expect(a.evidence.some((ev) => ev.kind === 'mendelian_randomization' && ev.source === 'fu-2023-b12-nafld-mendelian-randomization')).toBe(true);
    }
  });

  it('records the reported trial as randomized evidence with the missing primary paper noted', () => {
    for (const target of ['homocysteine', 'fasting-blood-glucose', 'hepatic-steatosis']) {
      const a = graph.getEdgeAttributes(`b12-1000ug-daily--decreases--${target}`);
      expect(a.evidence.some((ev) => ev.kind === 'randomized_trial')).toBe(true);
      expect(a.note).toMatch(/not identified/);
    }
  });

  it('marks metformin as a confounder of the B12 - insulin resistance association', () => {
    expect(graph.hasEdge('metformin--confounds--insulin-resistance')).toBe(true);
    expect(graph.getEdgeAttribute('metformin--confounds--insulin-resistance', 'causal')).toBe(false);
  });
});

describe('name resolution', () => {
  it.each([
    ['B12', 'vitamin-b12'],
    ['cobalamin', 'vitamin-b12'],
    ['vitamin B-12', 'vitamin-b12'],
    ['B12 status', 'vitamin-b12'],
    ['CHEBI:30411', 'vitamin-b12'],
    ['serum B12', 'serum-vitamin-b12'],
    ['Hcy', 'homocysteine'],
    ['MMA', 'methylmalonic-acid'],
    ['SAMe', 's-adenosylmethionine'],
    ['SAM', 's-adenosylmethionine'],
    ['STX17', 'syntaxin-17'],
    ['CPT1', 'cpt1'],
    ['MASLD', 'nafld'],
    ['NASH', 'nash'],
    ['intrinsic factor', 'intrinsic-factor'],
    ['PPI', 'proton-pump-inhibitors'],
    ['liver damage', 'hepatocyte-injury'],
    ['B12 deficiency', 'vitamin-b12-deficiency'],
  ])('%s -> %s', (name, id) => {
    expect(resolveNode(graph, name)).toBe(id);
  });
});

describe('findPaths over the curated graph', () => {
  it('finds B12 -> autophagy through methionine synthase, homocysteine and syntaxin 17 with sign +', () => {
    const result = findPaths(graph, 'B12', 'autophagy');
    expect(result.paths.length).toBeGreaterThan(0);
    const path = result.paths.find((p) =>
      ['methionine-synthase', 'homocysteine', 'syntaxin-17'].every((id) => p.nodes.some((n) => n.id === id)),
    );
    expect(path).toBeDefined();
    expect(path!.sign).toBe('+');
    expect(result.paths[0]!.nodes.map((n) => n.id)).toEqual(['vitamin-b12', 'methionine-synthase', 'homocysteine', 'syntaxin-17', 'autophagy']);
  });
  it('finds MMA -> lipogenesis with sign +', () => {
    const result = findPaths(graph, 'MMA', 'lipogenesis', { sign: '+' });
    expect(result.paths.some((p) => p.nodes.some((n) => n.id === 'cpt1'))).toBe(true);
  });
  it('finds metformin -> B12 status with sign - and liver damage -> serum B12 with sign +', () => {
    expect(findPaths(graph, 'metformin', 'vitamin-b12').paths[0]!.sign).toBe('-');
    expect(findPaths(graph, 'liver damage', 'serum B12').paths[0]!.sign).toBe('+');
  });
});
