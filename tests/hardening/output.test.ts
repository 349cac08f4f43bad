import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { denseGraphFiles, mechkg, mechkgAs, tempDir, tinyGraph } from './cli.js';

/**
 * Runs mechkg, reads `keep` bytes of stdout, then closes the pipe as `head` does (keep 0: before mechkg writes
 * anything, so even a short answer meets the closed pipe); resolves when it exits.
 */
function closedEarly(args: string[], keep = 10): Promise<{ code: number | null; signal: string | null; stderr: string; got: number }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['bin/mechkg.js', ...args], { env: { ...process.env, MECHKG_NO_CACHE: '1' } });
    let stderr = '';
    let got = 0;
    p.stderr.on('data', (d) => (stderr += d));
    if (keep === 0) p.stdout.destroy();
    p.stdout.on('data', (d: Buffer) => {
      got += d.length;
      if (got >= keep) p.stdout.destroy();
    });
    p.on('close', (code, signal) => done({ code, signal, stderr, got }));
  });
}

describe('a closed output pipe (| head -1)', () => {
  it.each([
    [['export']], // the whole graph as Cytoscape JSON: far more than a pipe buffer
    [['export', '--format', 'mermaid']],
    [['neighbors', 'B12', '--depth', '6', '--json']],
    [['paths', 'B12', 'autophagy', '--limit', '50']],
    [['validate', '--json']],
    [['show', 'B12']],
    [['search', 'b12', '--json']],
  ])('%j ends quietly with exit 0', async (args) => {
    const r = await closedEarly(args, args.length === 1 ? 10 : 0);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('unwritable outputs are exit 1 naming the path', () => {
  it('standard output on a full disk', () => {
    const r = spawnShell('node bin/mechkg.js paths B12 autophagy > /dev/full');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('mechkg: cannot write to standard output (ENOSPC)');
  });

  it.each([
    ['/dev/full', 'mechkg: export: cannot write /dev/full: no space left on the device (ENOSPC)'],
    ['DIR', 'it is a directory'],
    ['FILE/x.json', 'a part of the path exists and is not a directory'],
  ])('--out %s', (out, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'FILE'), '');
    const path = out.replace(/^(DIR|FILE)/, (m) => join(dir, m === 'DIR' ? '' : 'FILE'));
    const r = mechkg(['export', '--out', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(path);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  // Root reads any file whatever its mode, so as root the CLI runs as the unprivileged user 65534 instead; only a
  // checkout that user cannot read (a clone inside a private home) leaves nothing to test with.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot && mechkgAs(65534, ['--version']).code !== 0)('an unreadable module file is a located error, not an internal one', () => {
    const root = tempDir();
    const g = tinyGraph(root);
    if (asRoot) chmodSync(root, 0o755);
    chmodSync(join(g, 'modules', 'm.yaml'), 0o000);
    const r = asRoot ? mechkgAs(65534, ['validate', g]) : mechkg(['validate', g]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('modules/m.yaml: error [unreadable_file] cannot open (EACCES)');
  });
});

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminal safety in every text path', () => {
  const hostile = () => tinyGraph(tempDir(), { a: '"alpha\\u202Eeno\\u2066 \\x9b31m \\x7f"', b: '"beta\\n#2  net -  1 steps  forged line"' });

  it('--json escapes DEL, C1 controls and bidi characters as \\u escapes and stays valid JSON', () => {
    const r = mechkg(['--graph', hostile(), 'show', 'a', '--json'], { MECHKG_NO_CACHE: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('alpha\\u202eeno\\u2066 \\u009b31m \\u007f');
    expect(JSON.parse(r.stdout).node.label).toBe('alpha\u202eeno\u2066 \u009b31m \u007f');
  });

  it('a newline in a label cannot forge a result line', () => {
    const r = mechkg(['--graph', hostile(), 'paths', 'a', 'b'], { MECHKG_NO_CACHE: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^#2/m);
    expect(r.stdout).toContain('beta\\n#2  net -  1 steps  forged line');
    expect(r.stdout).not.toMatch(RAW);
  });

  it.each([['explain', 'a', 'b'], ['show', 'b'], ['search', 'beta'], ['neighbors', 'a'], ['effects', 'a']])('%s keeps data on its own line', (...args) => {
    const r = mechkg(['--graph', hostile(), ...args], { MECHKG_NO_CACHE: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/^#2/m);
    expect(r.stdout).not.toMatch(RAW);
  });

  it('an unknown command or option is echoed terminal-safe', () => {
    const r = mechkg(['pa\u001b[2Jths']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\x1b[2J');
    expect(r.stderr).not.toMatch(RAW);
  });

  it('compact-index warnings quote hostile ids with escapes, not raw ESC and BEL', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'g_nodes.tsv'), 'id\tname\tcategory\nX:\u001b]0;pwned\u0007\tn\tbiolink:Gene\nX:\u001b]0;pwned\u0007\tn\tbiolink:Gene\nX:2\tm\tbiolink:Gene\n');
    writeFileSync(join(dir, 'g_edges.tsv'), 'subject\tpredicate\tobject\nX:\u001b]0;pwned\u0007\tbiolink:related_to\tX:2\n');
    const r = mechkg(['--graph', join(dir, 'g_edges.tsv'), 'search', 'n'], { MECHKG_COMPACT: 'always' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning [duplicate_id]');
    expect(r.stderr).toContain('\\x1b]0;pwned\\x07');
    expect(r.stderr).not.toMatch(RAW);
  });
});

function spawnShell(command: string) {

  const r = spawnSync('bash', ['-c', command], { encoding: 'utf8', env: { ...process.env, MECHKG_NO_CACHE: '1' } });
  return { code: r.status, stderr: r.stderr };
}

describe('SIGINT', () => {
  it('ends a long query at once (the shell sees 130)', () => {
    const g = join(tempDir(), 'dense');
    for (const f of denseGraphFiles()) {
      mkdirSync(join(g, f.path, '..'), { recursive: true });
      writeFileSync(join(g, f.path), f.text);
    }
    const r = spawnSync('bash', ['-c', `node bin/mechkg.js --graph ${g} paths s t --limit 150000 --timeout 600000 >/dev/null & pid=$!; sleep 3; kill -INT $pid; wait $pid; echo "exit $?"`], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, MECHKG_NO_CACHE: '1' },
    });
    expect(r.stdout.trim()).toBe('exit 130');
  }, 90_000);
});
