import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the compiled CLI as a user would (build first: npx tsc -p tsconfig.json).
const graphArgs = process.env.MECHKG_TEST_GRAPH ? ['--graph', process.env.MECHKG_TEST_GRAPH] : [];
function mechkg(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/mechkg.js', ...graphArgs, ...args], { encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'mechkg-hyp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('mechkg hypotheses', () => {
  it('rejects a malformed file, a missing file and bad options with one located line and exit 2', () => {
    const bad = file('bad.csv', 'node,direction\nB12,up\nMMA,upwards\n');
    const r = mechkg(['hypotheses', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${bad}:3: direction "upwards"`);
    const missing = mechkg(['hypotheses', join(dir, 'nope.csv'), '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr).message).toMatch(/cannot read observations file .*nope.csv": no such file/);
    const opt = mechkg(['hypotheses', 'docs/examples/patient-panel.csv', '--max-depth', 'x']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/--max-depth: expected a whole number/);
  });

  it('fails only when no observation names a node, listing the others as not used', () => {
    const none = mechkg(['hypotheses', '-'], 'node,direction\nzzqx,up\nqqzz,down\n');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/none of the 2 observation\(s\) names a node/);
    const some = mechkg(['hypotheses', '-', '--json'], 'node\tdirection\nzzqx\tup\nhomocysteine\tup\nMMA\tup\n');
    expect(some.code).toBe(0);
    const j = JSON.parse(some.stdout);
    expect(j.unresolved).toEqual([expect.objectContaining({ input: 'zzqx', where: 'stdin:2', reason: 'unknown' })]);
    expect(j.observations.map((o: { node: { id: string } }) => o.node.id)).toEqual(['homocysteine', 'methylmalonic-acid']);
  });

  it('prints the documented JSON contract', () => {
    const r = mechkg(['hypotheses', 'docs/examples/patient-panel.csv', '--json', '--limit', '3', '--permutations', '99']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['observations', 'unresolved', 'hypotheses', 'complete', 'stats']));
    expect(j.complete).toBe(true);
    expect(j.hypotheses).toHaveLength(3);
    const h = j.hypotheses[0];
    expect(Object.keys(h)).toEqual(expect.arrayContaining(['node', 'direction', 'correct', 'incorrect', 'ambiguous', 'unreached', 'score', 'pConcordance', 'pRichness', 'pPermutation', 'horizon', 'reached', 'predictions', 'actsThrough']));
    expect(h.actsThrough).toBeNull();
    expect(j.hypotheses[1].actsThrough).toEqual({ id: 'hepatocyte-injury', label: 'liver damage', category: expect.any(String), direction: 'up' });
    expect(Object.keys(h.node)).toEqual(['id', 'label', 'category']);
    expect(h.predictions).toHaveLength(5);
    expect(Object.keys(h.predictions[0])).toEqual(expect.arrayContaining(['node', 'predicted', 'observed', 'path']));
    expect(j.stats).toMatchObject({ permutations: 99, seed: 1, population: { kind: 'graph' } });
  });

  it('ranks liver damage (raised) first for the patient panel, its causes after it marked as acting through it', () => {
    // serum B12 high, MMA high, homocysteine high, ALT and AST raised: liver damage releases stored B12
    // while the usable B12 falls (a functional deficiency, which raises MMA and homocysteine). Its own causes
    // (alcohol, fibrosis, hepatitis) predict the same five only through it: they follow it, marked.
    type H = { node: { id: string }; direction: string; correct: number; incorrect: number; actsThrough: { id: string } | null };
    const j = JSON.parse(mechkg(['hypotheses', 'docs/examples/patient-panel.csv', '--json', '--limit', '25']).stdout);
    const rank = j.hypotheses.findIndex((h: H) => h.node.id === 'hepatocyte-injury' && h.direction === 'up');
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(3);
    expect(j.hypotheses[rank]).toMatchObject({ correct: 5, incorrect: 0, actsThrough: null });
    for (const h of j.hypotheses.slice(0, rank) as H[]) expect(h, h.node.id).toMatchObject({ correct: 5, incorrect: 0, actsThrough: null });
    const alcohol = j.hypotheses.findIndex((h: H) => h.node.id === 'alcohol');
    expect(alcohol).toBeGreaterThan(rank);
    expect(j.hypotheses[alcohol].actsThrough).toMatchObject({ id: 'hepatocyte-injury', direction: 'up' });
    // --no-mediation: the p-values alone, nothing marked
    const plain = JSON.parse(mechkg(['hypotheses', 'docs/examples/patient-panel.csv', '--json', '--limit', '25', '--no-mediation']).stdout);
    expect(plain.hypotheses.filter((h: H) => h.actsThrough)).toEqual([]);
    expect(plain.stats.mediationChecks).toBe(0);
    const text = mechkg(['hypotheses', 'docs/examples/patient-panel.csv', '--limit', '25']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/↑ liver damage/);
    expect(text.stdout).toMatch(/✓ serum vitamin B12 +observed ↑ +predicted ↑/);
    expect(text.stdout).toMatch(/p concordance/);
    expect(text.stdout).toMatch(/↑ alcohol use .*→ ↑ liver damage/);
    expect(text.stdout).toMatch(/→ acts through: every shortest route/);
    // the backward screen and dominantEffects agree on every hypothesis shown (conversions included)
    const wide = JSON.parse(mechkg(['hypotheses', 'docs/examples/patient-panel.csv', '--json', '--limit', '40']).stdout);
    expect(wide.stats.screenMismatches).toBe(0);
    expect(wide.hypotheses).toHaveLength(40);
  });
});
