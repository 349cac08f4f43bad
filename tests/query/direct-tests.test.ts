import { describe, expect, it } from 'vitest';
import { explainPaths, findPaths, indexGraph, type DirectTest, type KnowledgeGraph, type QueryIndex } from '../../src/index.js';
import { ArrayIndex } from './array-index.js';
import { curatedGraph } from './curated.js';
import { graphOf } from './yaml-graph.js';
import { formatPaths } from '../../src/cli/format/format-paths.js';

const brief = (x: DirectTest) => ({ edge: x.edge, predicted: x.predicted, finding: x.finding, verdict: x.verdict, agrees: x.agrees });

/**
 * x lowers y through m (an animal-model mechanism). A regimen raises x, a lesion makes up the disease y,
 * and x prevents its deficiency state: the edges from those to y or to the lesion ask the same question.
 */
const MECHANISM = ['x increases m', 'm decreases y animal_model', 'regimen increases x review_statement', 'lesion contributes_to y review_statement', 'x prevents xdef review_statement'];
const CATEGORIES = { regimen: 'intervention', lesion: 'phenotype', y: 'disease', xdef: 'disease', pill: 'drug', later: 'phenotype' };
const withTests = (...lines: string[]) => graphOf([...MECHANISM, ...lines], CATEGORIES);

describe('findPaths: direct tests of the question', () => {
  it('marks a trial that shows the predicted sign as agreeing, and says so after the routes', () => {
    const r = findPaths(withTests('regimen decreases lesion randomized_trial'), 'x', 'y');
    expect(r.agreement!.strongest.sign).toBe('-');
    // The regimen raises x, x lowers y, and the lesion raises y: the routes predict the regimen lowers the lesion.
    expect(r.directTests.map(brief)).toEqual([{ edge: 'regimen--decreases--lesion', predicted: '-', finding: 'supports', verdict: 'agrees', agrees: true }]);
    expect(r.directTests[0]!.fromLinks.map((l) => l.edge)).toEqual(['regimen--increases--x']);
    expect(r.directTests[0]!.toLinks.map((l) => l.edge)).toEqual(['lesion--contributes_to--y']);
    expect(r.directTests[0]!.evidence).toMatchObject([{ kind: 'randomized_trial', stance: 'supports', source: 'mouse', citation: 'M. PMID:1' }]);
    expect(r.directTestsText).toBe('Direct human tests agree: a randomized trial supports that regimen decreases lesion (the route predicts that fall).');
    expect(r.agreement!.text).toBe(`The only route found lowers it. ${r.directTestsText}`);
  });

  it('marks a trial of the opposite sign as contradicting, and a disputed predicted effect as not confirmed', () => {
    const opposite = findPaths(withTests('regimen increases lesion randomized_trial'), 'x', 'y');
    expect(opposite.directTests.map(brief)).toEqual([{ edge: 'regimen--increases--lesion', predicted: '-', finding: 'supports', verdict: 'contradicts', agrees: false }]);
    expect(opposite.agreement!.text).toBe('The only route found lowers it. Direct human tests do not bear this out: a randomized trial supports that regimen increases lesion (the route predicts a fall).');
    const disputed = findPaths(withTests('regimen decreases lesion review_statement,randomized_trial:disputes'), 'x', 'y');
    expect(disputed.directTests.map(brief)).toEqual([{ edge: 'regimen--decreases--lesion', predicted: '-', finding: 'disputes', verdict: 'not_confirmed', agrees: false }]);
    const inconclusive = findPaths(withTests('regimen increases lesion review_statement,randomized_trial:disputes'), 'x', 'y');
    expect(inconclusive.directTests.map(brief)).toEqual([{ edge: 'regimen--increases--lesion', predicted: '-', finding: 'disputes', verdict: 'inconclusive', agrees: null }]);
  });

  it('multiplies the signs of the links: an intervention that lowers FROM predicts the opposite', () => {
    const lowering = graphOf(['x increases m', 'm decreases y animal_model', 'diet decreases x review_statement', 'diet decreases y randomized_trial'], { diet: 'intervention', y: 'disease' });
    // Lowering x should raise y, so a trial in which the diet lowered y goes against the routes.
    expect(findPaths(lowering, 'x', 'y').directTests.map(brief)).toEqual([{ edge: 'diet--decreases--y', predicted: '+', finding: 'supports', verdict: 'contradicts', agrees: false }]);
    const both = graphOf(['x increases m', 'm decreases y animal_model', 'diet decreases x review_statement', 'diet activates x review_statement', 'diet decreases y randomized_trial'], { diet: 'intervention', y: 'disease' });
    // Links of both signs leave the prediction open.
    expect(findPaths(both, 'x', 'y').directTests.map(brief)).toEqual([{ edge: 'diet--decreases--y', predicted: '?', finding: 'supports', verdict: 'no_prediction', agrees: null }]);
  });

  it('takes no intervention as a stand-in for a disease, phenotype or measurement: a treatment acts on much else', () => {
    // lifestyle lowers y (a disease) and, by itself, z: its trial on z is no test of y's effect on z
    for (const category of ['disease', 'phenotype', 'biomarker']) {
      const graph = graphOf(['y increases m', 'lifestyle decreases y review_statement', 'lifestyle decreases z intervention_study'], { lifestyle: 'intervention', y: category, z: 'disease' });
      const r = findPaths(graph, 'y', 'z');
      expect(r.paths).toEqual([]);
      expect(r.directTests).toEqual([]);
      expect(r.directTestsText).toBeNull();
    }
    // a regimen of a substance stands in for it, as before
    const substance = graphOf(['y increases m', 'lifestyle decreases y review_statement', 'lifestyle decreases z intervention_study'], { lifestyle: 'intervention', y: 'small_molecule', z: 'disease' });
    expect(findPaths(substance, 'y', 'z').directTests.map((t) => t.edge)).toEqual(['lifestyle--decreases--z']);
  });

  it('says what a disputing trial found instead when the data says: no effect is not confirmed, the opposite effect contradicts', () => {
    const none = findPaths(withTests('regimen decreases lesion review_statement,randomized_trial:disputes:none'), 'x', 'y');
    expect(none.directTests.map(brief)).toEqual([{ edge: 'regimen--decreases--lesion', predicted: '-', finding: 'disputes', verdict: 'not_confirmed', agrees: false }]);
    expect(none.directTests[0]!.disputedEffect).toBe('none');
    expect(none.directTests[0]!.evidence[0]!.effect).toBe('none');
    expect(none.directTestsText).toBe('Direct human tests do not bear this out: a randomized trial found no effect of regimen on lesion (the route predicts a fall).');
    // No effect on an edge of the other sign is no more a confirmation: it used to read as inconclusive.
    const noneOther = findPaths(withTests('regimen increases lesion review_statement,randomized_trial:disputes:none'), 'x', 'y');
    expect(noneOther.directTests.map(brief)).toEqual([{ edge: 'regimen--increases--lesion', predicted: '-', finding: 'disputes', verdict: 'not_confirmed', agrees: false }]);
    const opposite = findPaths(withTests('regimen decreases lesion review_statement,randomized_trial:disputes:opposite'), 'x', 'y');
    expect(opposite.directTests.map(brief)).toEqual([{ edge: 'regimen--decreases--lesion', predicted: '-', finding: 'disputes', verdict: 'contradicts', agrees: false }]);
    expect(opposite.directTestsText).toBe('Direct human tests do not bear this out: a randomized trial found an effect opposite to the claim that regimen decreases lesion (the route predicts that fall).');
    // The opposite of an edge of the other sign is the predicted effect.
    const oppositeOther = findPaths(withTests('regimen increases lesion review_statement,randomized_trial:disputes:opposite'), 'x', 'y');
    expect(oppositeOther.directTests.map(brief)).toEqual([{ edge: 'regimen--increases--lesion', predicted: '-', finding: 'disputes', verdict: 'agrees', agrees: true }]);
    // Disputing entries that say different things, or nothing, keep the plain reading.
    const unsaid = findPaths(withTests('regimen increases lesion review_statement,randomized_trial:disputes:opposite,mendelian_randomization:disputes'), 'x', 'y');
    expect(unsaid.directTests.map(brief)).toEqual([{ edge: 'regimen--increases--lesion', predicted: '-', finding: 'disputes', verdict: 'inconclusive', agrees: null }]);
    expect(unsaid.directTests[0]!.disputedEffect).toBeNull();
    expect(unsaid.directTests[0]!.text).toBe('Mendelian randomization disputes that regimen increases lesion, and a randomized trial found the opposite (the route predicts a fall)');
  });

  it('puts what cohorts saw right after the clause it bears on', () => {
    const r = findPaths(withTests('xdef increases y observational_human,mendelian_randomization:disputes:none'), 'x', 'y');
    expect(r.directTests[0]!.text).toBe('Mendelian randomization found no effect of xdef on y, though observational studies support the effect (the routes predict a rise)');
  });

  it('rejects an effect on a supporting entry, naming the file, line and edge', () => {
    expect(() => graphOf(['a increases b randomized_trial:supports:none'])).toThrow(/"code":"invalid_field".*"line":\d+.*"id":"a--increases--b".*effect says what a disputing study found instead/);
  });

  it('says mixed when the testing designs both support and dispute the edge', () => {
    const r = findPaths(withTests('regimen decreases lesion randomized_trial:disputes,intervention_study'), 'x', 'y');
    expect(r.directTests.map(brief)).toEqual([{ edge: 'regimen--decreases--lesion', predicted: '-', finding: 'mixed', verdict: 'mixed', agrees: null }]);
    expect(r.directTestsText).toBe('Direct human tests: a randomized trial disputes and a non-randomized intervention study supports that regimen decreases lesion (the route predicts that fall).');
  });

  it('reads a state FROM prevents as FROM lowered, and reports the cohorts on the same edge', () => {
    const r = findPaths(withTests('xdef increases y observational_human,mendelian_randomization:disputes'), 'x', 'y');
    expect(r.directTests.map(brief)).toEqual([{ edge: 'xdef--increases--y', predicted: '+', finding: 'disputes', verdict: 'not_confirmed', agrees: false }]);
    expect(r.directTests[0]!.observational).toEqual({ supports: 1, disputes: 0 });
    expect(r.directTests[0]!.text).toBe('Mendelian randomization disputes that xdef increases y, which observational studies support (the routes predict that rise)');
  });

  it('counts designs that test causation only: cohorts, animals and reviews on the same edges are no test', () => {
    for (const kind of ['observational_human', 'animal_model', 'in_vitro', 'review_statement', 'established_biochemistry']) {
      expect(findPaths(withTests(`regimen decreases lesion ${kind}`, `xdef increases y ${kind}`), 'x', 'y').directTests).toEqual([]);
    }
    const both = findPaths(withTests('regimen decreases lesion intervention_study', 'x decreases y randomized_trial:disputes'), 'x', 'y');
    expect(both.directTests.map((x) => x.edge)).toEqual(['x--decreases--y', 'regimen--decreases--lesion']);
    // x -> y, which the trial only disputes, is no route: the one route is the mechanism through m.
    expect(both.directTestsText).toBe(
      'Direct human tests disagree with one another: a randomized trial disputes that x decreases y (the route predicts that fall); a non-randomized intervention study supports that regimen decreases lesion (the route predicts that fall).',
    );
  });

  it('leaves out drugs, consequences of FROM and other causes of TO, whose effects need not be FROM\'s', () => {
    const g = withTests(
      'pill increases x review_statement',
      'pill decreases lesion randomized_trial', // a drug acts through much else besides x
      'x increases later review_statement',
      'later increases y randomized_trial', // a consequence of x is a mediator, not x
      'x decreases fewer review_statement',
      'fewer increases y randomized_trial', // lowered by x, but not a state x prevents
      'm increases lesion review_statement',
      'regimen decreases m randomized_trial', // m is one more cause of the lesion, not a measure of y
    );
    expect(findPaths(g, 'x', 'y').directTests).toEqual([]);
  });

  it('gives no prediction when no route is found, and still lists the test', () => {
    const g = graphOf(['regimen increases x review_statement', 'regimen decreases y randomized_trial', 'z increases y'], CATEGORIES);
    const r = findPaths(g, 'x', 'y');
    expect(r.paths).toEqual([]);
    expect(r.agreement).toBeNull();
    expect(r.directTests.map(brief)).toEqual([{ edge: 'regimen--decreases--y', predicted: '?', finding: 'supports', verdict: 'no_prediction', agrees: null }]);
    expect(r.directTestsText).toBe('No route was found, but direct human tests exist: a randomized trial supports that regimen decreases y.');
    expect(formatPaths(r).split('\n').slice(1, 3)).toEqual(['No causal path found (try --max-length, --include-associations or fewer filters).', r.directTestsText]);
  });

  it('finds none for an unrelated pair', () => {
    const g = withTests('regimen decreases lesion randomized_trial', 'a increases b', 'b increases c');
    const r = findPaths(g, 'a', 'c');
    expect(r.directTests).toEqual([]);
    expect(r.directTestsText).toBeNull();
    expect(r.agreement!.text).toBe('The only route found raises it.');
  });

  it('finds none on an index whose edges carry no evidence entries (KGX rows), as on the compact index', () => {
    const g: KnowledgeGraph = withTests('regimen decreases lesion randomized_trial');
    const index = indexGraph(g);
    const bare: QueryIndex = new ArrayIndex({
      nodes: Array.from({ length: index.nodeCount }, (_, n) => index.nodeSummary(n)),
      edges: Array.from({ length: index.edgeCount }, (_, e) => ({ id: index.edgeId(e), s: index.edgeSource(e), t: index.edgeTarget(e), sign: index.edgeSign(e), causal: index.edgeCausal(e), strength: index.edgeStrength(e), relation: index.edgeRelation!(e) })),
    });
    const r = findPaths(bare, 'x', 'y');
    expect(r.paths).toHaveLength(1);
    expect(r.directTests).toEqual([]);
  });
});

describe('the curated question: does vitamin B12 lower NAFLD?', () => {
  const graph = curatedGraph();

  it('finds the Talari trial (no effect against placebo) and the Fu Mendelian randomization (the opposite effect), neither confirming the routes', () => {
    const r = findPaths(graph, 'vitamin-b12', 'nafld');
    expect(r.agreement!.routesUp).toBe(0);
    const byEdge = new Map(r.directTests.map((x) => [x.edge, x]));
    const trial = byEdge.get('b12-1000ug-daily--decreases--hepatic-steatosis')!;
    expect(brief(trial)).toEqual({ edge: 'b12-1000ug-daily--decreases--hepatic-steatosis', predicted: '-', finding: 'disputes', verdict: 'not_confirmed', agrees: false });
    expect(trial.fromLinks.map((l) => l.edge)).toEqual(['b12-1000ug-daily--increases--vitamin-b12']);
    expect(trial.toLinks.map((l) => l.edge)).toEqual(['hepatic-steatosis--contributes_to--nafld']);
    expect(trial.evidence.map((ev) => [ev.kind, ev.stance])).toEqual([['randomized_trial', 'disputes']]);
    expect(trial.evidence[0]!.citation).toMatch(/^Talari HR.*PMID:35982162/);
    const mr = byEdge.get('vitamin-b12-deficiency--contributes_to--nafld')!;
    expect(trial.disputedEffect).toBe('none');
    // Genetically higher serum B12 went with more NAFLD: the opposite of what the routes predict for the deficiency.
    expect(brief(mr)).toEqual({ edge: 'vitamin-b12-deficiency--contributes_to--nafld', predicted: '+', finding: 'disputes', verdict: 'contradicts', agrees: false });
    expect(mr.disputedEffect).toBe('opposite');
    expect(mr.fromLinks.map((l) => l.edge)).toEqual(['vitamin-b12--prevents--vitamin-b12-deficiency']);
    expect(mr.evidence[0]).toMatchObject({ kind: 'mendelian_randomization', stance: 'disputes' });
    expect(mr.observational.supports).toBeGreaterThan(0);
    // The line under the routes' verdict says the human tests do not bear it out, before any route is read.
    expect(r.agreement!.text).toMatch(
      /lower it\. Direct human tests do not bear this out: a randomized trial found no effect of high-dose oral B12.* on hepatic fat accumulation \(the routes predict a fall\); Mendelian randomization found an effect opposite to the claim that vitamin B12 deficiency contributes to non-alcoholic fatty liver disease, which observational studies support \(the routes predict that rise\)/,
    );
  });

  it('explain lists the tests with their studies among the references', () => {
    const x = explainPaths(graph, 'vitamin-b12', 'nafld');
    expect(x.directTests.map((t) => t.edge)).toContain('b12-1000ug-daily--decreases--hepatic-steatosis');
    const block = x.text.slice(x.text.indexOf('\nDirect human tests\n'));
    const ref = x.references.find((r) => r.source === 'talari-2022-b12-nafld-rct')!;
    expect(block).toMatch(new RegExp(`1\\. A randomized trial found no effect of high-dose oral B12.*Disputed by randomized trial \\(no effect found\\) \\[${ref.n}\\]:`));
  });

  it('agrees where human trials show the predicted fall (folate lowers homocysteine)', () => {
    const r = findPaths(graph, 'folate', 'homocysteine');
    expect(r.directTests.length).toBeGreaterThan(0);
    const alone = r.directTests.filter((x) => !x.alsoActsOn);
    expect(alone.map((x) => x.edge)).toContain('folate--decreases--homocysteine');
    expect(alone.every((x) => x.verdict === 'agrees')).toBe(true);
    expect(r.directTestsText).toMatch(/^Direct human tests agree: /);
  });

  it('a trial of B12 given with folate tests the pair: it is named, not judged as a test of either alone', () => {
    for (const [from, other] of [['vitamin-b12', 'folate'], ['folate', 'vitamin-b12']] as const) {
      const r = findPaths(graph, from, 'homocysteine');
      const combined = r.directTests.find((x) => x.edge === 'b12-folate-supplementation--decreases--homocysteine')!;
      expect(combined.verdict).toBe('combined_regimen');
      expect(combined.agrees).toBeNull();
      expect(combined.alsoActsOn!.map((n) => n.id)).toEqual([other]);
      expect(combined.text).toMatch(/the regimen also supplies .+, so it does not test .+ alone$/);
    }
    // A B12-only regimen still stands in for B12, whatever else it lowers (homocysteine) or raises.
    const b12 = findPaths(graph, 'vitamin-b12', 'homocysteine').directTests;
    expect(b12.find((x) => x.edge === 'b12-1000ug-daily--decreases--homocysteine')).toMatchObject({ verdict: 'agrees' });
    expect(b12.find((x) => x.edge === 'b12-1000ug-daily--decreases--homocysteine')!.alsoActsOn).toBeUndefined();
    // With only the combined trial against it, the ALT question says so instead of "not borne out".
    const alt = findPaths(graph, 'vitamin-b12', 'serum-alt', { includeAssociations: true });
    expect(alt.directTests.every((x) => x.verdict === 'combined_regimen' || x.verdict === 'no_prediction')).toBe(true);
    expect(alt.directTestsText).not.toMatch(/do not bear this out/);
  });
});
