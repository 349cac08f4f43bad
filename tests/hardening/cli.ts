/** Runs the compiled CLI as a user would, with a timeout so a hang fails the test instead of stalling it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function mechkg(args: string[], env: Record<string, string | undefined> = {}, timeout = 30_000) {
  const r = spawnSync(process.execPath, ['bin/mechkg.js', ...args], { encoding: 'utf8', timeout, maxBuffer: 1 << 28, env: { ...process.env, MECHKG_NO_CACHE: '', ...env } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

/** Runs mechkg as another user (the caller must be root); the checkout must be readable by that user. */
export function mechkgAs(uid: number, args: string[]) {
  const r = spawnSync(process.execPath, ['bin/mechkg.js', ...args], { encoding: 'utf8', timeout: 30_000, uid, gid: uid, env: { ...process.env, MECHKG_NO_CACHE: '1', HOME: '/' } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

export function tempDir(prefix = 'mechkg-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A two-node graph folder a -> b, labels "alpha one" and "beta two" (or YAML scalars given). */
export function tinyGraph(root = tempDir(), labels = { a: 'alpha one', b: 'beta two' }): string {
  const g = join(root, 'G');
  mkdirSync(join(g, 'modules'), { recursive: true });
  writeFileSync(join(g, 'sources.yaml'), 'sources:\n  - {id: src, kind: textbook, title: A textbook}\n');
  writeFileSync(
    join(g, 'modules', 'm.yaml'),
    `module: {id: m, title: M, summary: A small module.}
nodes:
  - {id: a, label: ${labels.a}, category: small_molecule, description: first}
  - {id: b, label: ${labels.b}, category: protein, description: second}
edges:
  - source: a
    predicate: increases
    target: b
    evidence: [{source: src, kind: review_statement, statement: A raises B in cells.}]
`,
  );
  return g;
}

/** s -> 5 layers of 11 fully connected -> t: 11^5 = 161,051 paths of 6 steps. */
export function denseGraphFiles() {
  const W = 11;
  const L = 5;
  const ids = ['s', 't', ...Array.from({ length: L * W }, (_, k) => `n${Math.floor(k / W)}x${k % W}`)];
  const edges: string[] = [];
  const edge = (a: string, b: string) => edges.push(`  - {source: ${a}, predicate: increases, target: ${b}, evidence: [{source: src, kind: review_statement, statement: x}]}`);
  for (let i = 0; i < W; i++) {
    edge('s', `n0x${i}`);
    edge(`n${L - 1}x${i}`, 't');
  }
  for (let l = 0; l < L - 1; l++) for (let i = 0; i < W; i++) for (let j = 0; j < W; j++) edge(`n${l}x${i}`, `n${l + 1}x${j}`);
  const nodes = ids.map((id) => `  - {id: ${id}, label: ${id}, category: protein, description: d}`);
  return [
    { path: 'sources.yaml', text: 'sources:\n  - {id: src, kind: textbook, title: T}\n' },
    { path: 'modules/d.yaml', text: `module: {id: d, title: D, summary: Dense.}\nnodes:\n${nodes.join('\n')}\nedges:\n${edges.join('\n')}\n` },
  ];
}

