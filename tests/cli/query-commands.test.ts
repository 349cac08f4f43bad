import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Runs the compiled CLI as a user would (build first: npx tsc -p tsconfig.json).
const graphArgs = process.env.MECHKG_TEST_GRAPH ? ['--graph', process.env.MECHKG_TEST_GRAPH] : [];
function mechkg(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/mechkg.js', ...graphArgs, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mechkg query commands', () => {
  it('paths B12 autophagy shows the methionine synthase -> homocysteine -> syntaxin 17 route with net +', () => {
    const r = mechkg('paths', 'B12', 'autophagy');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/net \+/);
    expect(r.stdout).toMatch(/methionine synthase[\s\S]*homocysteine[\s\S]*syntaxin 17/);
  });

  it('paths --json prints the documented contract', () => {
    const r = mechkg('paths', 'B12', 'autophagy', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ from: { id: 'vitamin-b12', label: expect.any(String) }, to: { id: 'autophagy' }, complete: true });
    const p = j.paths[0];
    expect(Object.keys(p)).toEqual(expect.arrayContaining(['sign', 'length', 'nodes', 'edges', 'score']));
    expect(Object.keys(p.nodes[0])).toEqual(expect.arrayContaining(['id', 'label', 'category']));
    expect(Object.keys(p.edges[0])).toEqual(expect.arrayContaining(['id', 'source', 'target', 'predicate', 'sign', 'evidence']));
    expect(p.nodes.length).toBe(p.length + 1);
  });

  it('shortest prints one shortest route, says others may be as short, and gives the contract as JSON', () => {
    const human = mechkg('shortest', 'B12', 'autophagy');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/a shortest route, \d+ steps?\. Other routes may be as short/);
    const j = JSON.parse(mechkg('shortest', 'B12', 'autophagy', '--json').stdout);
    expect(j).toMatchObject({ from: { id: 'vitamin-b12' }, to: { id: 'autophagy' }, complete: true });
    const ranked = JSON.parse(mechkg('paths', 'B12', 'autophagy', '--rank', 'length', '--limit', '1', '--json').stdout);
    expect(j.path.length).toBe(ranked.paths[0].length);
    expect(j.path.nodes.length).toBe(j.path.length + 1);
    const none = JSON.parse(mechkg('shortest', 'B12', 'autophagy', '--max-length', '1', '--json').stdout);
    expect(none).toMatchObject({ path: null, complete: true });
  });

  it('no path is an empty list with exit 0', () => {
    const r = mechkg('paths', 'B12', 'autophagy', '--max-length', '1', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).paths).toEqual([]);
  });

  it('unknown names exit 2 with one line on stderr (JSON with --json) and suggestions', () => {
    const human = mechkg('paths', 'homocystein', 'autophagy');
    expect(human.code).toBe(2);
    expect(human.stdout).toBe('');
    expect(human.stderr.trim().split('\n')).toHaveLength(1);
    expect(human.stderr).toContain('homocysteine');
    const json = mechkg('effects', 'homocystein', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: 'unknown_name', query: 'homocystein', suggestions: expect.arrayContaining([expect.objectContaining({ id: 'homocysteine' })]) });
  });

  it('bad option values exit 2 naming the option', () => {
    const r = mechkg('paths', 'B12', 'autophagy', '--max-length', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-length');
    const j = mechkg('paths', 'B12', 'autophagy', '--rank', 'best', '--json');
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stderr).message).toContain('rank');
  });

  it.each([
    [['effects', 'B12', '--json'], 'effects'],
    [['effects', 'B12', '--down', '--depth', '2', '--json'], 'effects'],
    [['regulators', 'autophagy', '--json'], 'regulators'],
    [['neighbors', 'homocysteine', '--depth', '2', '--direction', 'out', '--json'], 'nodes'],
    [['loops', '--json'], 'loops'],
    [['show', 'homocysteine', '--json'], 'outgoing'],
    [['show', 'homocysteine--inhibits--syntaxin-17', '--json'], 'edge'],
    [['search', 'methyl', '--json'], 'hits'],
    [['explain', 'MMA', 'lipogenesis', '--json'], 'explanations'],
  ])('%j prints JSON with %s', (args, key) => {
    const r = mechkg(...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty(key);
  });

  it('explain MMA lipogenesis reads as sentences with citations', () => {
    const r = mechkg('explain', 'MMA', 'lipogenesis');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Route 1 .*raising methylmalonic acid is expected to/);
    expect(r.stdout).toMatch(/1\. Methylmalonic acid inhibits .*\[1\]/);
    expect(r.stdout).toMatch(/References\n {2}\[1\] /);
  });

  it('paths B12 NAFLD: the first path is a protective mechanism, and the line under the header says whether routes disagree', () => {
    const j = JSON.parse(mechkg('paths', 'B12', 'NAFLD', '--json').stdout);
    expect(j.paths[0].sign).toBe('-');
    expect(j.paths[0].edges.every((e: { causal: boolean }) => e.causal)).toBe(true);
    expect(j.agreement).toMatchObject({ strongest: { pathIndex: 0, sign: '-' } });
    expect(j.agreement.routesDown).toBeGreaterThan(0);
    const text = mechkg('paths', 'B12', 'NAFLD').stdout.split('\n');
    expect(text[1]).toBe(`${j.agreement.disagree ? 'Routes disagree. ' : ''}${j.agreement.text}`);
    expect(text[1]).toMatch(/lower it/);
  });

  it('paths B12 NAFLD: the same line says the direct human tests do not bear the routes out, with each test in the JSON', () => {
    const j = JSON.parse(mechkg('paths', 'B12', 'NAFLD', '--json').stdout);
    const tests = j.directTests as { edge: string; verdict: string; agrees: boolean; evidence: { kind: string; citation: string }[] }[];
    expect(tests.map((x) => [x.edge, x.verdict])).toEqual(
      expect.arrayContaining([
        ['b12-1000ug-daily--decreases--hepatic-steatosis', 'not_confirmed'],
        ['vitamin-b12-deficiency--contributes_to--nafld', 'contradicts'],
      ]),
    );
    expect(j.directTestsText).toMatch(/^Direct human tests do not bear this out: a randomized trial found no effect of/);
    expect(mechkg('paths', 'B12', 'NAFLD').stdout.split('\n')[1]).toContain(j.directTestsText);
    const x = mechkg('explain', 'B12', 'NAFLD').stdout;
    expect(x.split('\n')[0]).toContain('Direct human tests do not bear this out');
    expect(x).toMatch(/\nDirect human tests\n {2}1\. A randomized trial found no effect of/);
  });

  it('paths, explain and effects from metformin say which routes disagree and name the confounding, in text and JSON', () => {
    const named = 'metformin confounds the B12 – insulin resistance association';
    const j = JSON.parse(mechkg('paths', 'metformin', 'insulin resistance', '--json').stdout);
    expect(Object.keys(j.agreement)).toEqual(expect.arrayContaining(['routesUp', 'routesDown', 'disagree', 'strongest', 'text']));
    expect(j.paths.some((p: { confounders: { text: string; edge: string; note: string }[] }) => p.confounders.some((c) => c.text === named && c.edge === 'metformin--confounds--insulin-resistance' && c.note.length > 0))).toBe(true);
    const text = mechkg('paths', 'metformin', 'insulin resistance').stdout;
    expect(text).toContain(j.agreement.text);
    if (j.agreement.disagree) expect(text.split('\n')[1]).toMatch(/^Routes disagree\. \d+ routes? (raise|lower)s? it, \d+ (raise|lower)s? it/);
    expect(text).toContain(`⚠ confounded: ${named}  (metformin--confounds--insulin-resistance)`);
    expect(mechkg('explain', 'metformin', 'insulin resistance').stdout).toMatch(/^Raising metformin, what happens to insulin resistance\? /);
    const up = mechkg('effects', 'metformin', '--up');
    expect(up.stdout.split('\n')[1]).toBe(`  ⚠ ${named}: metformin moves both sides of it  (metformin--confounds--insulin-resistance)`);
    expect(JSON.parse(mechkg('effects', 'metformin', '--up', '--json').stdout).confounds.map((c: { text: string }) => c.text)).toContain(named);
  });

  it('--graph runs on another graph directory', () => {
    const r = spawnSync(process.execPath, ['bin/mechkg.js', '--graph', 'no/such/dir', 'paths', 'a', 'b'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('mechkg: no/such/dir: no such file or directory');
  });
});
