/**
 * Chains of the B12 and one-carbon curation (absorption to coenzymes, the inherited defects, the methionine
 * and folate cycles with their regulation, transsulfuration, the drugs acting on them and the causes of a high
 * serum B12). Each is an explicit sequence of causal edges with the net sign a textbook or study gives.
 */
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/node.js';
import type { KnowledgeGraph } from '../../src/index.js';
import { chainSign, type Sign } from './chain-sign.js';

const graph: KnowledgeGraph = loadGraph();

/** [claim, chain of node ids, expected net sign] */
const CHAINS: [string, string[], Sign][] = [
  // absorption and transport (WP4271, Reactome R-HSA-196741)
  ['pancreatic proteases are needed for B12 uptake', ['pancreatic-proteases', 'ileal-b12-absorption', 'vitamin-b12'], '+'],
  ['calcium supports ileal uptake (Bauman 2000)', ['calcium', 'ileal-b12-absorption', 'vitamin-b12'], '+'],
  ['metformin lowers holotranscobalamin', ['metformin', 'ileal-b12-absorption', 'holotranscobalamin'], '-'],
  ['CD320 uptake feeds methionine synthase through lysosomal export and MMACHC', ['cd320', 'cellular-b12-uptake', 'lysosomal-b12-export', 'cob-iii-alamin', 'cob-ii-alamin', 'methylcobalamin', 'methionine-synthase'], '+'],
  ['MMACHC makes cob(II)alamin for adenosylcobalamin', ['mmachc', 'cob-ii-alamin', 'adenosylcobalamin'], '+'],
  // inherited defects (cblA to cblJ and the absorption defects)
  ['MRP1 (ABCC1) export from the ileal cell raises B12 status and holotranscobalamin', ['abcc1', 'ileal-b12-absorption', 'holotranscobalamin', 'cellular-b12-uptake'], '+'],
  ['Imerslund-Grasbeck syndrome lowers B12 status', ['imerslund-grasbeck-syndrome', 'cubilin', 'ileal-b12-absorption', 'vitamin-b12'], '-'],
  ['intrinsic factor deficiency lowers B12 status', ['intrinsic-factor-deficiency', 'intrinsic-factor', 'ileal-b12-absorption', 'vitamin-b12'], '-'],
  ['transcobalamin deficiency blocks cellular uptake', ['transcobalamin-deficiency', 'transcobalamin', 'holotranscobalamin', 'cellular-b12-uptake'], '-'],
  ['cblF defect raises homocysteine', ['cblf-defect', 'lmbrd1', 'lysosomal-b12-export', 'cob-iii-alamin', 'cob-ii-alamin', 'methylcobalamin', 'methionine-synthase', 'homocysteine'], '+'],
  ['cblJ defect lowers lysosomal export', ['cblj-defect', 'abcd4', 'lysosomal-b12-export'], '-'],
  ['cblC defect raises homocysteine', ['cblc-defect', 'mmachc', 'cob-ii-alamin', 'methylcobalamin', 'methionine-synthase', 'homocysteine'], '+'],
  ['cblD defect lowers adenosylcobalamin', ['cbld-defect', 'mmadhc', 'adenosylcobalamin'], '-'],
  ['cblE defect raises homocysteine', ['cble-defect', 'methionine-synthase-reductase', 'methionine-synthase', 'homocysteine'], '+'],
  ['cblG defect raises homocysteine', ['cblg-defect', 'methionine-synthase', 'homocysteine'], '+'],
  ['cblB defect lowers adenosylcobalamin', ['cblb-defect', 'mmab', 'adenosylcobalamin'], '-'],
  ['cblA defect lowers adenosylcobalamin', ['cbla-defect', 'mmaa', 'adenosylcobalamin'], '-'],
  // hepatic methionine cycle (WP4292)
  ['MAT1A makes SAM', ['mat1a', 's-adenosylmethionine'], '+'],
  ['GNMT disposes of SAM', ['gnmt', 's-adenosylmethionine'], '-'],
  ['AHCY makes homocysteine', ['ahcy', 'homocysteine'], '+'],
  ['betaine lowers homocysteine through BHMT', ['betaine', 'bhmt', 'homocysteine'], '-'],
  ['choline lowers homocysteine through betaine', ['choline', 'betaine', 'bhmt', 'homocysteine'], '-'],
  ['betaine lowers homocysteine in a randomized trial', ['betaine', 'homocysteine'], '-'],
  // folate cycle, its regulation and the methyl-folate trap
  ['folate lowers homocysteine through MTHFR and methionine synthase', ['folate', 'tetrahydrofolate', '5-10-methylenetetrahydrofolate', '5-methyltetrahydrofolate', 'methionine-synthase', 'homocysteine'], '-'],
  ['folic acid lowers homocysteine in randomized trials', ['folate', 'homocysteine'], '-'],
  ['B12 supplements lower homocysteine in randomized trials', ['oral-b12-supplement', 'homocysteine'], '-'],
  ['MTHFR makes 5-methyl-THF', ['mthfr', '5-methyltetrahydrofolate'], '+'],
  ['SAM lowers 5-methyl-THF by inhibiting MTHFR', ['s-adenosylmethionine', 'mthfr', '5-methyltetrahydrofolate'], '-'],
  ['methyl-folate trap: B12 status lowers 5-methyl-THF', ['vitamin-b12', 'methionine-synthase', '5-methyltetrahydrofolate'], '-'],
  ['DHFR makes THF', ['dhfr', 'tetrahydrofolate'], '+'],
  // drugs and exposures acting on the enzymes
  ['methotrexate lowers THF', ['methotrexate', 'dhfr', 'tetrahydrofolate'], '-'],
  ['methotrexate lowers DNA synthesis', ['methotrexate', 'dhfr', 'tetrahydrofolate', 'dna-synthesis'], '-'],
  ['nitrous oxide raises homocysteine', ['nitrous-oxide', 'methionine-synthase', 'homocysteine'], '+'],
  ['nitrous oxide traps folate as 5-methyl-THF', ['nitrous-oxide', 'methionine-synthase', '5-methyltetrahydrofolate'], '+'],
  ['nitrous oxide lowers red cell formation', ['nitrous-oxide', 'methionine-synthase', 'tetrahydrofolate', 'dna-synthesis', 'red-blood-cell-formation'], '-'],
  ['metformin raises B12 deficiency (trial and NHANES)', ['metformin', 'vitamin-b12-deficiency'], '+'],
  ['long-term PPI use raises B12 deficiency', ['proton-pump-inhibitors', 'vitamin-b12-deficiency'], '+'],
  // transsulfuration
  ['SAM pushes homocysteine into transsulfuration', ['s-adenosylmethionine', 'cbs', 'cystathionine', 'cysteine'], '+'],
  ['vitamin B6 supports glutathione through CBS', ['vitamin-b6', 'cbs', 'cystathionine', 'cysteine', 'glutathione'], '+'],
  ['CBS lowers homocysteine', ['cbs', 'homocysteine'], '-'],
  // causes of a high serum B12 other than liver damage
  ['haptocorrin excess raises serum B12', ['myeloproliferative-neoplasms', 'haptocorrin', 'serum-vitamin-b12'], '+'],
  ['kidney failure raises serum B12', ['kidney-failure', 'serum-vitamin-b12'], '+'],
  ['kidney failure raises haptocorrin and so serum B12', ['kidney-failure', 'haptocorrin', 'serum-vitamin-b12'], '+'],
  // pathway steps added from WP4271 and WP241 (graph/pathway-coverage)
  ['haptocorrin deficiency lowers serum B12 without touching status', ['haptocorrin-deficiency', 'haptocorrin', 'serum-vitamin-b12'], '-'],
  ['the transcobalamin receptor defect lowers cellular B12 uptake', ['transcobalamin-receptor-defect', 'cd320', 'cellular-b12-uptake'], '-'],
  ['folate conjugase frees dietary folate for THF', ['folh1', 'folate', 'tetrahydrofolate'], '+'],
  ['riboflavin supports 5-methyl-THF formation through MTHFR', ['riboflavin', 'mthfr', '5-methyltetrahydrofolate'], '+'],
  ['formyl one-carbon units reach 5-methyl-THF through the methenyl and methylene forms', ['10-formyltetrahydrofolate', '5-10-methenyltetrahydrofolate', '5-10-methylenetetrahydrofolate', '5-methyltetrahydrofolate'], '+'],
  ['vitamin B6 supports thymidylate through SHMT', ['vitamin-b6', 'serine-hydroxymethyltransferase', '5-10-methylenetetrahydrofolate', 'thymidylate-synthase', 'dtmp'], '+'],
  ['choline dehydrogenase lowers homocysteine through betaine and BHMT', ['choline-dehydrogenase', 'betaine', 'bhmt', 'homocysteine'], '-'],
];

describe('B12 and one-carbon chains', () => {
  it.each(CHAINS)('%s', (_claim, ids, expected) => {
    expect(chainSign(graph, ids)).toBe(expected);
  });
});

describe('trial and cohort results are recorded as the studies found them', () => {
  const ev = (id: string) => graph.getEdgeAttributes(id).evidence;

  it('the NAFLD trial supports only the homocysteine fall and disputes the glucose and liver-fat claims', () => {
    expect(ev('b12-1000ug-daily--decreases--homocysteine').some((e) => e.kind === 'randomized_trial' && e.stance === 'supports' && (e.study ?? e.source) === 'talari-2022-b12-nafld-rct')).toBe(true);
    for (const target of ['fasting-blood-glucose', 'hepatic-steatosis']) {
      const entries = ev(`b12-1000ug-daily--decreases--${target}`);
      expect(entries.some((e) => e.source === 'talari-2022-b12-nafld-rct' && e.kind === 'randomized_trial' && e.stance === 'disputes'), target).toBe(true);
      expect(entries.some((e) => e.kind === 'randomized_trial' && e.stance === 'supports'), target).toBe(false);
    }
  });

  it('the randomized trial of metformin backs the fall in B12, and Bauman 2000 is a non-randomized intervention', () => {
    const entries = ev('metformin--inhibits--ileal-b12-absorption');
    expect(entries.find((e) => e.source === 'de-jager-2010-metformin-b12-rct')?.kind).toBe('randomized_trial');
    expect(entries.find((e) => e.source === 'bauman-2000-metformin-b12')?.kind).toBe('intervention_study');
    expect(ev('calcium--required_for--ileal-b12-absorption').find((e) => e.source === 'bauman-2000-metformin-b12')?.kind).toBe('intervention_study');
  });

  it('the human trials of folic acid and B12 on homocysteine are randomized evidence, not preclinical', () => {
    for (const id of ['folate--decreases--homocysteine', 'oral-b12-supplement--decreases--homocysteine']) {
      expect(graph.getEdgeAttribute(id, 'preclinicalOnly'), id).toBe(false);
      expect(ev(id).some((e) => e.source === 'hltc-1998-homocysteine-lowering' && e.kind === 'randomized_trial'), id).toBe(true);
    }
  });

  it('the Mendelian-randomization result on serum B12 is an association, with its cohort counter-evidence', () => {
    expect(graph.hasEdge('serum-vitamin-b12--risk_factor_for--nafld')).toBe(false);
    const a = graph.getEdgeAttributes('serum-vitamin-b12--positively_correlated_with--nafld');
    expect(a.causal).toBe(false);
    expect(a.evidence.some((e) => e.kind === 'mendelian_randomization' && e.source === 'fu-2023-b12-nafld-mendelian-randomization')).toBe(true);
    expect(a.contested).toBe(true);
  });

  it('serum B12 in NAFLD is mixed: lower with steatosis, higher with stiffness, not independent in NHANES', () => {
    const nafld = ev('serum-vitamin-b12--negatively_correlated_with--nafld');
    expect(nafld.some((e) => e.source === 'koplay-2011-b12-steatosis' && e.stance === 'supports')).toBe(true);
    expect(nafld.some((e) => e.source === 'li-2022-nafld-b12-nhanes' && e.stance === 'disputes')).toBe(true);
    const fibrosis = ev('serum-vitamin-b12--negatively_correlated_with--liver-fibrosis');
    expect(fibrosis.some((e) => e.source === 'mahamid-2018-folate-b12-nash' && e.stance === 'supports')).toBe(true);
    expect(fibrosis.some((e) => e.source === 'espina-2024-steatosis-fibrosis-b12' && e.stance === 'disputes')).toBe(true);
  });

  it('no causal edge leaves the serum B12 measurement', () => {
    const causalOut = graph.outEdges('serum-vitamin-b12').filter((e) => graph.getEdgeAttribute(e, 'causal'));
    expect(causalOut).toEqual([]);
  });
});
