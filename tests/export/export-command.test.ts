import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/node.js';
import { decodePng } from '../browser/png8.mjs';

// These run the compiled CLI exactly as a user would (npm test compiles first). MECHKG_DOT points at no
// program, so any figure written here comes from the bundled Graphviz, whatever this machine has installed.
const NO_DOT = join(tmpdir(), 'mechkg-no-such-dot-program');
function mechkg(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/mechkg.js', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, MECHKG_DOT: NO_DOT } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), 'mechkg-cli-'));

describe('mechkg export', () => {
  it.each([
    [['export', '--format', 'nope'], /unknown format "nope"; expected one of cyjs, graphml/],
    [['export', '--format', 'kgx'], /--format kgx writes several files \(PREFIX_nodes\.tsv, PREFIX_edges\.tsv, PREFIX_context\.jsonld\); give --out PREFIX/],
    [['export', '--format', 'png'], /--format png is binary; give --out FILE/],
    [['export', '--paths', 'B12'], /--paths takes two nodes, FROM and TO; got 1/],
    [['export', '--seed', 'B12', '--module', 'methionine-cycle'], /choose one selection, not --seed and --category\/--module/],
    [['export', '--seed', 'no-such-thing-at-all'], /no node named "no-such-thing-at-all"/],
    [['export', '--category', 'spaceship'], /unknown category "spaceship"/],
    [['export', '--format', 'svg', '--graphviz', 'fancy'], /--graphviz fancy: expected bundled or system/],
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
    // what the mechkg: CURIEs of the files expand to (README.md#identifiers)
    expect(JSON.parse(readFileSync(`${prefix}_context.jsonld`, 'utf8'))).toEqual({ '@context': { mechkg: 'urn:mechkg:', biolink: 'https://w3id.org/biolink/vocab/' } });
    const r = mechkg('--graph', `${prefix}_edges.tsv`, 'export', '--paths', 'B12', 'autophagy', '--out', join(dir, 'p.graphml'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'p.graphml'), 'utf8')).toContain('<node id="syntaxin-17">');
  });

  it('writes CX2 and SBGN-ML with the diagram positions', () => {
    const cx2 = join(dir, 'g.cx2');
    const r = mechkg('export', '--out', cx2);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote .*g\.cx2/);
    const nodes = JSON.parse(readFileSync(cx2, 'utf8')).find((a: Record<string, unknown>) => a.nodes).nodes;
    expect(nodes.every((n: { x?: number; y?: number }) => typeof n.x === 'number' && typeof n.y === 'number')).toBe(true);
    const sbgn = join(dir, 'p.sbgn');
    expect(mechkg('export', '--paths', 'B12', 'autophagy', '--out', sbgn).code).toBe(0);
    expect(readFileSync(sbgn, 'utf8')).toContain('<map id="map1" language="activity flow"');
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

  it('writes the SVG teaching figure with --format svg, with no dot program on the machine', () => {
    const out = join(dir, 'fig.svg');
    const r = mechkg('export', '--paths', 'B12', 'autophagy', '--format', 'svg', '--out', out);
    expect(r.stderr).toBe(`mechkg: wrote ${out} (5 nodes, 4 edges, 1 paths)\n`);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*References/);
    for (const label of ['vitamin B12', 'methionine', 'homocysteine', 'syntaxin 17', 'autophagy']) expect(svg).toContain(`>${label}`);
    expect(svg).toContain('>[7]</text>'); // the numbered citation of the last step (syntaxin 17 -> autophagy)
  });

  it('writes the PNG teaching figure at 150 dpi with --format png: the sign colours and text are drawn', () => {
    const out = join(dir, 'fig.png');
    const r = mechkg('export', '--paths', 'B12', 'autophagy', '--format', 'png', '--out', out);
    expect(r.code).toBe(0);
    const png = decodePng(readFileSync(out));
    expect(mechkg('export', '--paths', 'B12', 'autophagy', '--format', 'svg', '--out', join(dir, 'same.svg')).code).toBe(0);
    const svg = readFileSync(join(dir, 'same.svg'), 'utf8');
    const [, w, h] = /<svg width="(\d+)pt" height="(\d+)pt"/.exec(svg) ?? [];
    expect(Math.abs(png.width - (Number(w) * 150) / 72)).toBeLessThan(2);
    expect(Math.abs(png.height - (Number(h) * 150) / 72)).toBeLessThan(2);
    const count = (rgb: [number, number, number], tolerance: number) => {
      let n = 0;
      for (let i = 0; i < png.rgb.length; i += 3) if (Math.abs(png.rgb[i]! - rgb[0]) + Math.abs(png.rgb[i + 1]! - rgb[1]) + Math.abs(png.rgb[i + 2]! - rgb[2]) <= tolerance) n++;
      return n;
    };
    const pixels = png.width * png.height;
    expect(count([255, 255, 255], 0) / pixels).toBeGreaterThan(0.5); // white background
    expect(count([0x2f, 0x7d, 0x32], 30)).toBeGreaterThan(2000); // green (+) edges
    expect(count([0xc6, 0x28, 0x28], 30)).toBeGreaterThan(1000); // red (-) edges
    expect(count([0, 0, 0], 60)).toBeGreaterThan(5000); // black text: labels, legend, references
  });

  it('--graphviz system runs the dot program, and says so clearly when there is none', () => {
    const r = mechkg('export', '--paths', 'B12', 'autophagy', '--format', 'svg', '--graphviz', 'system', '--out', join(dir, 'sys.svg'));
    expect(r.stderr).toBe(`mechkg: export: --graphviz system: \`${NO_DOT}\` is not on PATH (install Graphviz, or leave out --graphviz system to use the bundled one)\n`);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'sys.svg'))).toBe(false);
  });
});
