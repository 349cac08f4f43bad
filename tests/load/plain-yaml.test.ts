/**
 * The fast YAML reader (src/load/plain-yaml.ts) against the `yaml` package: wherever the fast reader accepts a
 * file, the value, the line and column of every node, and the problems validation reports must be exactly
 * what `yaml` gives; everything it declines goes to `yaml`. Checked on every data file and fixture, on a file
 * shaped like the validation benchmark's, on tricky snippets and on seeded mangled variants of the curated files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from '../../src/load/plain-yaml.js';
import { validateFiles } from '../../src/load/validate-files.js';
import { parseYamlFile, parseYamlFully } from '../../src/load/yaml-document.js';
import { readGraphDir } from '../../src/node/read-graph-dir.js';
import { mangle, mangleArb, TOKENS } from '../hardening/mangle.js';

const SEED = Number(process.env.MECHKG_FUZZ_SEED ?? 1313);
const RUNS = Number(process.env.MECHKG_FUZZ_RUNS ?? 300);

/** Every path into a value, and for each collection a key and an index it does not have. */
function pathsOf(value: unknown, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(path);
  if (value !== null && typeof value === 'object') {
    out.push([...path, 'no-such-key'], [...path, 1_000_000]);
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
    for (const [k, v] of entries) pathsOf(v, [...path, k], out);
  }
  return out;
}

/** Checks the fast reader against `yaml` on one text; says whether the fast reader took it. */
function agreesWithYaml(text: string): boolean {
  const plain = readPlainYaml(text);
  if (!plain) return false;
  const full = parseYamlFully('f.yaml', text);
  expect(full.problems).toEqual([]);
  expect(plain.value).toStrictEqual(full.parsed!.value);
  const fast = parseYamlFile('f.yaml', text).parsed!;
  const paths = pathsOf(plain.value);
  expect(paths.map((p) => [p, fast.locate(p)])).toEqual(paths.map((p) => [p, full.parsed!.locate(p)]));
  return true;
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** A module file shaped like scripts/bench-validate.mjs writes (flow mappings and lists, nested evidence). */
function benchmarkShapedModule(nodes: number): string {
  const lines = ['module: {id: m0, title: Module 0, summary: Generated module 0 for the validation benchmark.}', 'nodes:'];
  for (let i = 0; i < nodes; i++) lines.push(`  - id: n${i}`, `    label: entity ${i}`, '    category: protein', `    description: Generated entity number ${i}.`, `    synonyms: [alias ${i}a, alias ${i}b]`);
  lines.push('edges:');
  for (let i = 0; i < nodes; i++) {
    lines.push(`  - source: n${i}`, '    predicate: increases', `    target: n${(i + 7) % nodes}`, '    evidence:', `      - source: src-${i % 10}`, '        kind: review_statement', `        statement: Generated finding linking entity ${i}.`);
  }
  return lines.join('\n') + '\n';
}

const SNIPPETS = [
  'a: 1\nb: 007\nc: 0o17\nd: 0x1F\ne: +12\nf: -0\ng: 1e400\nh: .inf\ni: -.Inf\nj: .NaN\nk: 1.50\nl: 1_000\nm: 0b101\nn: 2024-01-01\n',
  'a: yes\nb: no\nc: on\nd: ~\ne: null\nf: Null\ng: NULL\nh: TRUE\ni: False\nj: NaN\nk: nul\n',
  '__proto__: {polluted: true}\nconstructor: x\ntoString: y\nhasOwnProperty: z\n',
  'a: "1"\nb: \'it\'\'s\'\nc: "caf\\u00e9 \\"q\\" \\\\ \\/ \\n\\t"\nd: ""\n"e": 1\n\'f g\': 2\n',
  'a: b: c\n', "a: 'x' y\n", 'a: [x, y,]\n', 'a: [x, , y]\n', 'a: {k: 1, k: 2}\n', 'a: 1\na: 2\n', '"a": 1\na: 2\n',
  '1: x\n', 'null: x\n', 'true: x\n', '"": x\n', `${'k'.repeat(1100)}: x\n`, 'a :b\n', 'a : b\n',
  'a:\n- x\n- y\nb: 1\n', 'a:\n  - - x\n', '- a\n- b\n', 'a\n', '', '# only a comment\n', 'a: 1\n---\nb: 2\n', '--- \na: 1\n', 'a: 1\n...\n', '%YAML 1.1\n---\na: yes\n',
  'a: >-\n  folded\n  text\nb: |\n  literal\n    more\n  text\nc: >\n  clip\n', 'a: |-\n  x\n\n  y\n', 'a: >\n  x\n    y\n', 'a: |\n  x \n', 'a: |\n  x', 'a: |+\n  x\n', 'a: >2\n   x\n', 'a: |\n\n  x\n',
  'a: |\n  x\n # c\nb: 1\n', 'a: b\n  # c\nd: e\n', 'a: b\n# c\nd: e\n', 'a: b # c\nd: e#f\n', 'a: b\n  c\n', 'a:\n  b\n', 'a:\n  [x]\n',
  '? a\n: b\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a:\n\tb: 1\n', 'a: 1\r\nb: 2\r\n', '\ufeffa: 1\n', 'a: "x\n  y"\n', 'a: [x,\n  y]\n',
  'a:\n  b: 1\n   c: 2\n', 'a:\n   b: 1\n  c: 2\n', 'a:\n  - b: 1\n    c: 2\n  - d\n', 'a:\n  -   b: 1\n      c: 2\n', 'a:\n  -\n    b: 1\n  - # c\n    d: 2\n  -\n',
  'a: {b: [c, {d: e}], f: "g"}\n', 'a: {b: c}x\n', 'a: [b]#c\n', 'a: [b] #c\n', 'a: [http://x, y:z, -1, -x, - y]\n', 'a: {"b": c, \'d\': e}\n', 'a: {b:c}\n', 'a: {b}\n', 'a: -1\nb: -x\nc: - y\n',
  'a:   \nb: # c\nc:\n  # x\nd: 1\ne:\n  -   \n  -\n  - # c\n  -\nf:    # c\n', 'a:', 'a:\n- \n-', 'a: x:y\nb: http://example.org/a#b\nc: [a]b\nd: x [y] {z}\n', 'a:\nb:\n', '  a: 1\n  b: 2\n', 'a: 1\n b: 2\n', 'a: \u00e9\n\u00e9: 1\n', 'a: x\u2028y\n', 'a: "\\x41"\n', 'a: "\\ud83d\\ude00"\n',
];

describe('the fast YAML reader gives what the yaml package gives', () => {
  it('on every data file under graph/ and every YAML fixture, and takes most curated module files', () => {
    const files = [...yamlFilesUnder('graph'), ...yamlFilesUnder('tests/fixtures')];
    const fast = files.filter((f) => agreesWithYaml(readFileSync(f, 'utf8')));
    const modules = files.filter((f) => f.startsWith(join('graph', 'modules')));
    expect(fast.filter((f) => modules.includes(f)).length).toBeGreaterThan(modules.length * 0.8);
  });

  it('on a file shaped like the validation benchmark', () => {
    expect(agreesWithYaml(benchmarkShapedModule(300))).toBe(true);
  });

  it.each(SNIPPETS.map((s) => [JSON.stringify(s).slice(0, 60), s]))('on %s', (_name, text) => {
    agreesWithYaml(text);
  });

  it('keeps numbers, booleans, nulls and prototype names as yaml reads them', () => {
    const value = readPlainYaml(SNIPPETS[0]! + SNIPPETS[1]!.replace(/^(\w):/gm, 'x$1:') + SNIPPETS[2]!)!.value as Record<string, unknown>;
    expect(value).toMatchObject({ b: 7, c: 15, d: 31, g: Infinity, l: '1_000', m: '0b101', n: '2024-01-01', xa: 'yes', xb: 'no', xd: null, xj: 'NaN' });
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('declines what it does not implement (the yaml package reads those)', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.1\n---\na: yes\n', 'a: 1\na: 2\n', 'a:\n\tb: 1\n', 'a: "x\n  y"\n', '? a\n: b\n', '1: x\n']) {
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe('validation with the fast reader reports exactly what it reports with the yaml package alone', () => {
  const curated = readGraphDir('graph');
  const same = (files: { path: string; text: string }[]) => expect(validateFiles(files)).toStrictEqual(validateFiles(files, parseYamlFully));

  it('on the curated graph and the invalid and hostile fixture graphs', () => {
    same(curated);
    for (const dir of ['tests/fixtures/invalid-graph', 'tests/fixtures/hostile-terminal']) same(readGraphDir(dir));
  });

  it('on seeded mangled variants of the curated files (values, problems, lines and columns)', () => {
    let fastRuns = 0;
    fc.assert(
      fc.property(fc.nat({ max: curated.length - 1 }), mangleArb, (which, ops) => {
        const text = mangle(curated[which]!.text, ops);
        if (agreesWithYaml(text)) fastRuns++;
        same(curated.filter((f, i) => i === which || f.path === 'sources.yaml').map((f) => (f === curated[which] ? { ...f, text } : f)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(fastRuns).toBeGreaterThan(RUNS / 10); // the comparison is not vacuous
  }, 240_000 * Math.max(1, RUNS / 300));

  it('on seeded random token strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...TOKENS, 'a', 'b', ' ', '  ', '1', ': ', '\n  ', '- a', '>-\n  ', '|\n  '), maxLength: 120 }), (text) => {
        agreesWithYaml(text);
        same([{ path: 'sources.yaml', text: 'sources: []\n' }, { path: 'modules/x.yaml', text }]);
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
  }, 240_000 * Math.max(1, RUNS / 300));
});
