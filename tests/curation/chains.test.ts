/**
 * Curation tests for the bundled graph: each named mechanism chain exists as an explicit sequence of
 * causal edges with the expected net sign, plus size, evidence, dispute and name-resolution checks.
 * A later edit that breaks a chain (removes an edge, flips a predicate) fails here.
 */
import { describe, it, expect } from 'vitest';
import { loadGraph } from '../../src/node.js';
import { resolveNode, findPaths, effects, EVIDENCE_KINDS, type KnowledgeGraph } from '../../src/index.js';
import { chainSign, type Sign } from './chain-sign.js';

const graph: KnowledgeGraph = loadGraph();

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
  // design chain 2 (seed 004's hypothesis, review-level only): methylmalonyl-CoA -| CPT1, so unoxidized fatty
  // acyl-CoA is esterified (stored fat) and feeds diacylglycerol, which blunts hepatic insulin signalling.
  // The seed puts the claim on free MMA; the graph puts it on the CoA ester, and MMA reaches CPT1 nowhere.
  ['methylmalonyl-CoA raises hepatic fat via CPT1 (hypothesis)', ['methylmalonyl-coa', 'cpt1', 'cytosolic-fatty-acids', 'hepatic-triglyceride', 'hepatic-steatosis'], '+'],
  ['methylmalonyl-CoA lowers fatty acid oxidation (hypothesis)', ['methylmalonyl-coa', 'cpt1', 'fatty-acid-oxidation'], '-'],
  ['methylmalonyl-CoA raises insulin resistance via DAG and PKCepsilon (hypothesis)', ['methylmalonyl-coa', 'cpt1', 'cytosolic-fatty-acids', 'diacylglycerol', 'pkc-epsilon', 'insulin-receptor', 'insulin-signaling', 'insulin-resistance'], '+'],
  ['B12 status raises fatty acid oxidation via the mutase (hypothesis)', ['vitamin-b12', 'methylmalonyl-coa-mutase', 'methylmalonyl-coa', 'cpt1', 'fatty-acid-oxidation'], '+'],
  ['MMA raises insulin resistance via insulin signalling (seed claim)', ['methylmalonic-acid', 'insulin-signaling', 'insulin-resistance'], '+'],
  ['B12 status lowers MMA', ['vitamin-b12', 'methylmalonyl-coa-mutase', 'methylmalonyl-coa', 'methylmalonic-acid'], '-'],
  // sources of propionyl-CoA
  ['valine raises MMA via propionyl-CoA', ['valine', 'propionyl-coa', 'methylmalonyl-coa', 'methylmalonic-acid'], '+'],
  ['isoleucine and threonine feed propionyl-CoA', ['isoleucine', 'propionyl-coa', 'methylmalonyl-coa'], '+'],
  ['threonine feeds propionyl-CoA', ['threonine', 'propionyl-coa'], '+'],
  ['methionine feeds propionyl-CoA', ['methionine', 'propionyl-coa'], '+'],
  ['the cholesterol side chain feeds propionyl-CoA', ['cholesterol', 'propionyl-coa'], '+'],
  ['gut propionate feeds propionyl-CoA', ['gut-propionate', 'propionyl-coa', 'methylmalonyl-coa'], '+'],
  ['odd-chain fatty acids reach the citric acid cycle', ['odd-chain-fatty-acids', 'propionyl-coa', 'methylmalonyl-coa', 'succinyl-coa', 'energy-metabolism'], '+'],
  ['biotin enables propionyl-CoA carboxylation', ['biotin', 'propionyl-coa-carboxylase', 'methylmalonyl-coa'], '+'],
  // hepatic de novo lipogenesis and its transcriptional control
  ['insulin raises liver fat via SREBP-1c and fatty acid synthase', ['insulin', 'srebf1', 'fatty-acid-synthase', 'lipogenesis', 'hepatic-steatosis'], '+'],
  ['carbohydrate raises lipogenesis via ChREBP', ['dietary-carbohydrate', 'chrebp', 'lipogenesis', 'hepatic-steatosis'], '+'],
  ['LXR lowers fatty acid oxidation via SREBP-1c, ACC and malonyl-CoA', ['lxr', 'srebf1', 'acetyl-coa-carboxylase', 'malonyl-coa', 'cpt1', 'fatty-acid-oxidation'], '-'],
  ['acetyl-CoA becomes stored triglyceride', ['acetyl-coa', 'malonyl-coa', 'palmitate', 'cytosolic-fatty-acids', 'diacylglycerol', 'hepatic-triglyceride', 'hepatic-steatosis'], '+'],
  ['SREBP-1c raises monounsaturated fatty acids via SCD1', ['srebf1', 'stearoyl-coa-desaturase-1', 'monounsaturated-fatty-acids', 'hepatic-triglyceride'], '+'],
  // fatty acid oxidation and its control
  ['PPARalpha lowers liver fat via CPT1 and oxidation', ['ppara', 'cpt1', 'fatty-acid-oxidation', 'hepatic-steatosis'], '-'],
  ['malonyl-CoA lowers ketogenesis via CPT1', ['malonyl-coa', 'cpt1', 'fatty-acid-oxidation', 'ketogenesis'], '-'],
  ['CPT1 drains the cytosolic acyl-CoA that would be stored', ['cpt1', 'cytosolic-fatty-acids', 'hepatic-triglyceride'], '-'],
  // VLDL assembly and export, phosphatidylcholine from SAM and choline
  ['B12 status lowers liver fat via SAM, PEMT, phosphatidylcholine and VLDL', ['vitamin-b12', 'methionine-synthase', 'methionine', 's-adenosylmethionine', 'pemt', 'phosphatidylcholine', 'vldl-secretion', 'hepatic-steatosis'], '-'],
  ['choline lowers hepatic triglyceride via phosphatidylcholine and VLDL', ['choline', 'phosphatidylcholine', 'vldl-secretion', 'hepatic-triglyceride'], '-'],
  ['MTTP lowers liver fat via VLDL secretion', ['mttp', 'vldl-secretion', 'hepatic-steatosis'], '-'],
  ['PEMT turns phosphatidylethanolamine into phosphatidylcholine', ['phosphatidylethanolamine', 'phosphatidylcholine', 'vldl-secretion'], '+'],
  // hepatic insulin signalling and what impairs it
  ['insulin lowers blood glucose via INSR, IRS, PI3K, AKT2 and FOXO1', ['insulin', 'insulin-receptor', 'irs', 'pi3k', 'akt2', 'foxo1', 'gluconeogenesis', 'hyperglycemia'], '-'],
  ['diacylglycerol raises insulin resistance via PKCepsilon', ['diacylglycerol', 'pkc-epsilon', 'insulin-receptor', 'insulin-signaling', 'insulin-resistance'], '+'],
  ['lipogenesis raises insulin resistance via diacylglycerol', ['lipogenesis', 'diacylglycerol', 'pkc-epsilon', 'insulin-receptor', 'insulin-signaling', 'insulin-resistance'], '+'],
  ['ceramide raises insulin resistance (preclinical)', ['cytosolic-fatty-acids', 'ceramide', 'insulin-resistance'], '+'],
  ['TNF-alpha raises insulin resistance (adipocytes)', ['tnf', 'insulin-signaling', 'insulin-resistance'], '+'],
  // inflammation and stellate-cell fibrosis in NASH
  ['hepatocyte apoptosis raises NASH via Kupffer cells and TNF-alpha', ['hepatocyte-apoptosis', 'kupffer-cell-activation', 'tnf', 'nash'], '+'],
  ['Kupffer cells raise fibrosis via stellate cells and collagen', ['kupffer-cell-activation', 'hepatic-stellate-cell-activation', 'collagen-type-i', 'liver-fibrosis'], '+'],
  ['TGF-beta1 raises fibrosis via stellate cell activation', ['tgf-beta-1', 'hepatic-stellate-cell-activation', 'liver-fibrosis'], '+'],
  // glutathione synthesis and lipid peroxidation
  ['cysteine lowers liver injury via glutathione, GPX4 and lipid peroxidation', ['cysteine', 'gamma-glutamylcysteine', 'glutathione', 'glutathione-peroxidase-4', 'lipid-peroxidation', 'hepatocyte-injury'], '-'],
  ['glutathione restrains its own synthesis', ['glutathione', 'glutamate-cysteine-ligase', 'gamma-glutamylcysteine'], '-'],
  ['vitamin E treats NASH (randomized trial)', ['vitamin-e', 'nash'], '-'],
  // folate one-carbon reactions that feed DNA synthesis
  ['B12 status supports DNA synthesis via methylene-THF and thymidylate', ['vitamin-b12', 'methionine-synthase', 'tetrahydrofolate', '5-10-methylenetetrahydrofolate', 'thymidylate-synthase', 'dtmp', 'dna-synthesis'], '+'],
  ['B12 status prevents uracil misincorporation', ['vitamin-b12', 'methionine-synthase', 'tetrahydrofolate', '5-10-methylenetetrahydrofolate', 'thymidylate-synthase', 'dtmp', 'uracil-misincorporation'], '-'],
  ['folate prevents chromosome breakage via uracil', ['folate', 'uracil-misincorporation', 'chromosome-breakage'], '-'],
  ['dihydrofolate is recycled to THF for thymidylate', ['5-10-methylenetetrahydrofolate', 'dihydrofolate', 'tetrahydrofolate', '5-10-methylenetetrahydrofolate'], '+'],
  ['10-formyl-THF feeds purines and DNA synthesis', ['tetrahydrofolate', '10-formyltetrahydrofolate', 'purine-synthesis', 'dna-synthesis'], '+'],
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
  ['folate lowers homocysteine', ['folate', 'tetrahydrofolate', '5-10-methylenetetrahydrofolate', '5-methyltetrahydrofolate', 'methionine-synthase', 'homocysteine'], '-'],
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
  // Mendelian randomization: only the NAFLD -> serum B12 direction is causal; genetically predicted serum B12
  // with NAFLD is an association on the measurement (tests/curation/one-carbon-chains.test.ts)
  ['NAFLD liability raises serum B12', ['nafld', 'serum-vitamin-b12'], '+'],
  // randomized trial (Talari 2022): only homocysteine fell against placebo; the glucose and liver-fat claims are
  // kept as the seed's, disputed by the trial (tests/curation/one-carbon-chains.test.ts)
  ['1,000 ug/day lowers homocysteine', ['b12-1000ug-daily', 'homocysteine'], '-'],
  // metabolic disease
  ['NAFLD progresses to liver cancer', ['nafld', 'nash', 'liver-fibrosis', 'liver-cirrhosis', 'hepatocellular-carcinoma'], '+'],
  ['B12 status protects insulin secretion (beta cells)', ['vitamin-b12', 'beta-cell-apoptosis', 'insulin-secretion'], '+'],
  ['B12 status lowers type 2 diabetes via beta cells', ['vitamin-b12', 'beta-cell-apoptosis', 'type-2-diabetes'], '-'],
  ['obesity raises NAFLD', ['obesity', 'nafld'], '+'],
  ['insulin resistance raises NAFLD', ['insulin-resistance', 'nafld'], '+'],
  ['liver damage raises ALT', ['hepatocyte-injury', 'serum-alt'], '+'],
  ['B12 deficiency raises insulin resistance (contested)', ['vitamin-b12-deficiency', 'insulin-resistance'], '+'],
  // seed claims given their primary studies (issue 11): routes of B12 intake, diet and NAFLD, deficiency in rats
  ['sublingual B12 raises B12 status (route trial)', ['sublingual-b12', 'vitamin-b12'], '+'],
  ['swallowed B12 raises B12 status (route trial)', ['oral-b12-supplement', 'vitamin-b12'], '+'],
  ['fortified foods raise B12 status via intake', ['fortified-foods', 'dietary-b12-intake', 'ileal-b12-absorption', 'vitamin-b12'], '+'],
  ['a poor diet raises NAFLD risk (observational)', ['poor-diet', 'nafld'], '+'],
  ['B12 deficiency raises glucose intolerance (preclinical)', ['vitamin-b12-deficiency', 'glucose-intolerance'], '+'],
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
    'serum-vitamin-b12--positively_correlated_with--nafld',
    'b12-1000ug-daily--decreases--fasting-blood-glucose',
    'b12-1000ug-daily--decreases--hepatic-steatosis',
    'b12-folate-supplementation--decreases--serum-alt',
    'b12-folate-supplementation--decreases--serum-ast',
    'lipogenesis--contributes_to--adiposity',
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

  it('keeps the CPT1 hypothesis on methylmalonyl-CoA at review strength, with a note saying no study exists', () => {
    expect(graph.hasEdge('methylmalonic-acid--inhibits--cpt1')).toBe(false);
    const a = graph.getEdgeAttributes('methylmalonyl-coa--inhibits--cpt1');
    expect(a.strength).toBe(EVIDENCE_KINDS.review_statement.strength);
    expect(a.note).toMatch(/no primary study/i);
    expect(a.note).toMatch(/hypothesis/i);
  });

  it('carries HOPE-2 as randomized evidence disputing homocysteine -> endothelial dysfunction', () => {
    const a = graph.getEdgeAttributes('homocysteine--contributes_to--endothelial-dysfunction');
    expect(a.contested).toBe(true);
    expect(a.evidence.some((ev) => ev.source === 'lonn-2006-hope2' && ev.stance === 'disputes' && ev.kind === 'randomized_trial')).toBe(true);
    expect(graph.hasEdge('homocysteine--causes--endothelial-dysfunction')).toBe(false);
  });

  it('types the human part of the J Hepatol 2022 study as an observational correlation', () => {
    for (const id of ['homocysteine--positively_correlated_with--nash', 'homocysteine--positively_correlated_with--liver-fibrosis']) {
      const a = graph.getEdgeAttributes(id);
      expect(a.causal, id).toBe(false);
      expect(a.evidence.some((ev) => ev.source === 'jhep-2022-stx17-homocysteinylation' && ev.kind === 'observational_human'), id).toBe(true);
    }
  });

  it('no longer states the corrected lipid claims', () => {
    // LDLR imports cholesterol (which suppresses synthesis); it does not make cholesterol.
    expect(graph.hasEdge('ldlr--increases--cholesterol-biosynthesis')).toBe(false);
    expect(chainSign(graph, ['ldlr', 'cholesterol', 'cholesterol-biosynthesis'])).toBe('-');
    expect(graph.getEdgeAttribute('ldlr--positively_correlated_with--cholesterol-biosynthesis', 'causal')).toBe(false);
    // Unoxidized fatty acids are esterified into triglyceride; they do not raise de novo lipogenesis.
    expect(graph.hasEdge('cytosolic-fatty-acids--increases--lipogenesis')).toBe(false);
    expect(graph.hasEdge('fatty-acid-oxidation--decreases--lipogenesis')).toBe(false);
  });

  it('shows the mixed human evidence on insulin resistance and lipogenesis, and on liver fat and insulin resistance', () => {
    for (const id of ['insulin-resistance--increases--lipogenesis', 'hepatic-steatosis--contributes_to--insulin-resistance']) {
      const a = graph.getEdgeAttributes(id);
      expect(a.contested, id).toBe(true);
      expect(a.evidence.filter((ev) => ev.stance === 'disputes').every((ev) => ev.kind === 'observational_human'), id).toBe(true);
    }
  });

  it('records the Mendelian-randomization results with MR evidence in both directions', () => {
    for (const id of ['serum-vitamin-b12--positively_correlated_with--nafld', 'nafld--increases--serum-vitamin-b12']) {
      const a = graph.getEdgeAttributes(id);
      expect(a.evidence.some((ev) => ev.kind === 'mendelian_randomization' && ev.source === 'fu-2023-b12-nafld-mendelian-randomization')).toBe(true);
    }
  });

  it('records the reported trial by its primary paper: homocysteine fell, glucose and liver fat did not differ from placebo', () => {
    const hcy = graph.getEdgeAttributes('b12-1000ug-daily--decreases--homocysteine');
    expect(hcy.strength).toBe(EVIDENCE_KINDS.randomized_trial.strength);
    for (const target of ['fasting-blood-glucose', 'hepatic-steatosis']) {
      const a = graph.getEdgeAttributes(`b12-1000ug-daily--decreases--${target}`);
      expect(a.strength, target).toBe(EVIDENCE_KINDS.review_statement.strength);
      expect(a.note, target).toMatch(/not shown by the trial/i);
    }
  });

  it('states insulin resistance with B12 deficiency as an association (one cross-sectional study), and cites the metformin trials for the confounding', () => {
    expect(graph.hasEdge('insulin-resistance--risk_factor_for--vitamin-b12-deficiency')).toBe(false);
    const a = graph.getEdgeAttributes('insulin-resistance--associated_with--vitamin-b12-deficiency');
    expect(a.causal).toBe(false);
    // the cohort that excludes metformin is still cited, as what it is
    expect(a.evidence.find((ev) => ev.source === 'knight-2015-b12-obesity-pregnancy')).toMatchObject({ kind: 'observational_human', stance: 'supports' });
    const confounding = graph.getEdgeAttributes('metformin--confounds--vitamin-b12-deficiency');
    expect(confounding.evidence.filter((ev) => ev.stance === 'supports').map((ev) => [ev.source, ev.kind])).toEqual(expect.arrayContaining([
      ['de-jager-2010-metformin-b12-rct', 'randomized_trial'],
      ['bauman-2000-metformin-b12', 'intervention_study'],
    ]));
  });

  it('states metabolic syndrome with B12 deficiency as an association (a meta-analysis of observational studies), with the pooled measurement on serum B12', () => {
    expect(graph.hasEdge('metabolic-syndrome--risk_factor_for--vitamin-b12-deficiency')).toBe(false);
    const a = graph.getEdgeAttributes('metabolic-syndrome--associated_with--vitamin-b12-deficiency');
    expect(a.causal).toBe(false);
    expect(a.evidence.find((ev) => ev.source === 'ulloque-badaracco-2023-b12-metabolic-syndrome')).toMatchObject({ kind: 'observational_human', stance: 'supports' });
    const m = graph.getEdgeAttributes('serum-vitamin-b12--negatively_correlated_with--metabolic-syndrome');
    expect([m.causal, m.sign]).toEqual([false, '-']);
    expect(m.evidence.map((ev) => ev.source)).toEqual(['ulloque-badaracco-2023-b12-metabolic-syndrome']);
  });

  it('cites the single-vitamin NAFLD trials against the seed claim that B12 with folate lowers liver enzymes', () => {
    const alt = graph.getEdgeAttributes('b12-folate-supplementation--decreases--serum-alt');
    expect(alt.strength).toBe(EVIDENCE_KINDS.review_statement.strength);
    expect(alt.evidence.filter((ev) => ev.stance === 'disputes').map((ev) => ev.source).sort()).toEqual(['molaqanbari-2023-folic-acid-nafld-rct', 'talari-2022-b12-nafld-rct']);
    expect(alt.note).toMatch(/not shown against placebo/i);
  });

  it('marks the B12-deficiency claims on glucose and insulin as preclinical, on a cited rat study', () => {
    for (const id of ['vitamin-b12-deficiency--causes--glucose-intolerance', 'vitamin-b12-deficiency--contributes_to--insulin-resistance']) {
      const a = graph.getEdgeAttributes(id);
      expect(a.note ?? '', id).toMatch(/preclinical/i);
      expect(a.evidence.some((ev) => ev.kind === 'animal_model' && ev.source === 'b12-restricted-rat-offspring-2014'), id).toBe(true);
      expect(a.evidence.some((ev) => ['randomized_trial', 'intervention_study', 'observational_human', 'mendelian_randomization'].includes(ev.kind)), id).toBe(false);
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
  it('finds methylmalonyl-CoA -> hepatic triglyceride through CPT1 with sign +', () => {
    const result = findPaths(graph, 'methylmalonyl-CoA', 'hepatic triglyceride', { sign: '+' });
    expect(result.paths.some((p) => p.nodes.some((n) => n.id === 'cpt1'))).toBe(true);
  });
  it('finds no route from free MMA to CPT1', () => {
    expect(findPaths(graph, 'MMA', 'CPT1').paths).toEqual([]);
  });
  it('finds metformin -> B12 status with sign - and liver damage -> serum B12 with sign +', () => {
    expect(findPaths(graph, 'metformin', 'vitamin-b12').paths[0]!.sign).toBe('-');
    expect(findPaths(graph, 'liver damage', 'serum B12').paths[0]!.sign).toBe('+');
  });
});

/** The dominant effect of perturbing a node on each listed node, as effects reports it. */
function dominant(node: string, direction: 'up' | 'down', ids: string[]): Record<string, string> {
  const r = effects(graph, node, { direction });
  return Object.fromEntries(ids.map((id) => [id, r.effects.find((e) => e.node.id === id)?.effect ?? 'not reached']));
}

describe('perturbations of the curated graph (issue 10, done when)', () => {
  it('lowering B12 raises homocysteine, MMA and 5-methyl-THF and lowers SAM, methionine and DNA methylation', () => {
    expect(
      dominant('vitamin-b12', 'down', ['homocysteine', 'methylmalonic-acid', '5-methyltetrahydrofolate', 's-adenosylmethionine', 'methionine', 'dna-methylation']),
    ).toEqual({
      homocysteine: 'up',
      'methylmalonic-acid': 'up',
      '5-methyltetrahydrofolate': 'up',
      's-adenosylmethionine': 'down',
      methionine: 'down',
      'dna-methylation': 'down',
    });
  });

  it('leaves no node of the methionine or folate cycle mixed when B12 is lowered', () => {
    const cycle = ['methionine', 's-adenosylmethionine', 's-adenosylhomocysteine', 'homocysteine', 'methionine-synthase', 'tetrahydrofolate', '5-methyltetrahydrofolate'];
    for (const [id, effect] of Object.entries(dominant('vitamin-b12', 'down', cycle))) expect(effect, id).not.toBe('mixed');
  });

  it('raising folate lowers homocysteine, through methionine synthase consuming 5-methyl-THF', () => {
    const r = effects(graph, 'folate');
    const hcy = r.effects.find((e) => e.node.id === 'homocysteine')!;
    expect(hcy.effect).toBe('down');
    // The substrate 5-methyl-THF enters methionine synthase's reaction (a reversed consumption step).
    const viaSynthase = findPaths(graph, 'folate', 'homocysteine', { limit: 50 }).paths.find((p) => p.edges.at(-2)?.reversed === true);
    expect(viaSynthase!.sign).toBe('-');
    expect(viaSynthase!.nodes.slice(-3).map((n) => n.id)).toEqual(['5-methyltetrahydrofolate', 'methionine-synthase', 'homocysteine']);
  });

  it('raising metformin lowers B12 status and insulin resistance (its own effect)', () => {
    expect(dominant('metformin', 'up', ['vitamin-b12', 'insulin-resistance'])).toEqual({ 'vitamin-b12': 'down', 'insulin-resistance': 'down' });
  });

  it('does not let B12 or liver damage reach NAFLD through the serum measurement', () => {
    for (const start of ['vitamin-b12', 'hepatocyte-injury']) {
      for (const p of findPaths(graph, start, 'nafld', { limit: 50 }).paths) {
        expect(p.nodes.slice(1, -1).map((n) => n.id), `${start}: ${p.nodes.map((n) => n.id).join(' > ')}`).not.toContain('serum-vitamin-b12');
      }
    }
  });
});
