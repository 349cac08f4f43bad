import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/node.js';
import { HAS_DOT } from './graph-fixtures.js';

// These run the compiled CLI exactly as a user would (npm test compiles first).
function mechkg(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/mechkg.js', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), 'mechkg-cli-'));

describe('mechkg export', () => {
  it.each([
    [['export', '--format', 'nope'], /unknown format "nope"; expected one of cyjs, graphml/],
    [['export', '--format', 'kgx'], /--format kgx writes several files \(PREFIX_nodes\.tsv, PREFIX_edges\.tsv\); give --out PREFIX/],
    [['export', '--format', 'png'], /--format png is binary; give --out FILE/],
    [['export', '--paths', 'B12'], /--paths takes two nodes, FROM and TO; got 1/],
    [['export', '--seed', 'B12', '--module', 'methionine-cycle'], /choose one selection, not --seed and --category\/--module/],
    [['export', '--seed', 'no-such-thing-at-all'], /no node named "no-such-thing-at-all"/],
    [['export', '--category', 'spaceship'], /unknown category "spaceship"/],
  ])('%j fails with a usage error (exit 2)', (args, message) => {
    const r = mechkg(...args);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
  });

  it('writes the whole graph as cyjs to stdout by default', () => {
    const r = mechkg('export');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.elements.nodes).toHaveLength(loadGraph().order);
  });

  it('selects a neighbourhood with --seed, --depth and --direction', () => {
    const r = mechkg('export', '--seed', 'homocysteine', '--depth', '1', '--direction', 'out', '--format', 'sif');
    expect(r.code).toBe(0);
    const g = loadGraph();
    const expected = new Set(['homocysteine', ...g.outNeighbors('homocysteine')]);
    const seen = new Set(r.stdout.trim().split('\n').flatMap((l) => [l.split('\t')[0]!, l.split('\t')[2] ?? l]));
    expect(seen).toEqual(expected);
  });

  it('infers the format from --out and writes KGX files that --graph reads back', () => {
    const prefix = join(dir, 'b12');
    expect(mechkg('export', '--format', 'kgx', '--out', prefix).code).toBe(0);
    expect(existsSync(`${prefix}_nodes.tsv`) && existsSync(`${prefix}_edges.tsv`)).toBe(true);
    const r = mechkg('--graph', `${prefix}_edges.tsv`, 'export', '--paths', 'B12', 'autophagy', '--out', join(dir, 'p.graphml'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'p.graphml'), 'utf8')).toContain('<node id="syntaxin-17">');
  });

  it('names the file and line of a broken --graph file', () => {
    const prefix = join(dir, 'broken');
    expect(mechkg('export', '--format', 'kgx-jsonl', '--out', prefix).code).toBe(0);
    const edges = readFileSync(`${prefix}_edges.jsonl`, 'utf8').split('\n');
    edges[1] = '{"subject": ';
    writeFileSync(`${prefix}_edges.jsonl`, edges.join('\n'));
    const r = mechkg('--graph', `${prefix}_edges.jsonl`, 'export');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${prefix}_edges.jsonl:2: error [malformed_file]`);
  });

  it.skipIf(!HAS_DOT)('writes an SVG figure with --format svg', () => {
    const out = join(dir, 'fig.svg');
    const r = mechkg('export', '--paths', 'B12', 'autophagy', '--format', 'svg', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*References/);
  });
});
