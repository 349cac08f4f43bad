import { chmodSync, chownSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mechkg, tempDir, tinyGraph } from './cli.js';

const uid = process.getuid?.() ?? 0;
const cacheDirIn = (tmp: string) => join(tmp, `mechkg-cache-${uid}`);
const snapshotIn = (tmp: string) => {
  const names = readdirSync(cacheDirIn(tmp)).filter((n) => n.endsWith('.json'));
  expect(names).toHaveLength(1);
  return join(cacheDirIn(tmp), names[0]!);
};
/** Warms the cache, then forges the snapshot's label for node a. */
function forgedSnapshot() {
  const tmp = tempDir();
  const g = tinyGraph();
  expect(mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp }).stdout).toContain('alpha one');
  const snap = snapshotIn(tmp);
  writeFileSync(snap, readFileSync(snap, 'utf8').replace('alpha one', 'FORGED LABEL'));
  return { tmp, g, snap };
}

describe('snapshot cache on a shared machine', () => {
  it('creates its directory 0700 and its snapshots 0600', () => {
    const tmp = tempDir();
    mechkg(['--graph', tinyGraph(), 'show', 'a'], { TMPDIR: tmp });
    expect(statSync(cacheDirIn(tmp)).mode & 0o777).toBe(0o700);
    expect(statSync(snapshotIn(tmp)).mode & 0o777).toBe(0o600);
  });

  it('serves its own snapshot from a private directory (the trust the next tests take away)', () => {
    const { tmp, g } = forgedSnapshot();
    expect(mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp }).stdout).toContain('FORGED LABEL');
  });

  it('runs uncached with one warning when the directory is open to others (mode 0777)', () => {
    const { tmp, g } = forgedSnapshot();
    chmodSync(cacheDirIn(tmp), 0o777);
    const r = mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('alpha one');
    expect(r.stdout).not.toContain('FORGED');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^mechkg: warning: .*mechkg-cache-\d+ is owned by another user or open to others \(mode 777\); running without the snapshot cache$/)]);
  });

  it.skipIf(uid !== 0)('runs uncached when another user owns the directory', () => {
    const { tmp, g } = forgedSnapshot();
    chownSync(cacheDirIn(tmp), 65534, 65534);
    const r = mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp });
    expect(r.stdout).not.toContain('FORGED');
    expect(r.stderr).toContain('owned by another user');
  });

  it('ignores a snapshot that others can write', () => {
    const { tmp, g, snap } = forgedSnapshot();
    chmodSync(snap, 0o666);
    expect(mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp }).stdout).not.toContain('FORGED');
  });

  it('replaces a link planted at the snapshot name instead of writing through it', () => {
    const tmp = tempDir();
    const g = tinyGraph();
    mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp });
    const snap = snapshotIn(tmp);
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    writeFileSync(join(g, 'modules', 'm.yaml'), readFileSync(join(g, 'modules', 'm.yaml'), 'utf8') + '\n'); // force a rewrite
    unlinkSync(snap);
    symlinkSync(victim, snap);
    expect(mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp }).code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(statSync(snap).isFile()).toBe(true);
  });

  it('treats a file at the cache directory name as unusable, without an internal error', () => {
    const tmp = tempDir();
    writeFileSync(cacheDirIn(tmp), 'not a dir');
    const r = mechkg(['--graph', tinyGraph(), 'show', 'a'], { TMPDIR: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('is not a directory; running without the snapshot cache');
  });
});

describe('snapshot cache key follows the content', () => {
  function sameSizeEdit(file: string, from: string, to: string) {
    expect(to.length).toBe(from.length);
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    utimesSync(file, before.atime, before.mtime); // touch -r: size and mtime as before
    expect(statSync(file).size).toBe(before.size);
  }

  it('answers from the edited file after a same-size edit with the old mtime', () => {
    const tmp = tempDir();
    const g = tinyGraph();
    expect(mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp }).stdout).toContain('alpha one');
    sameSizeEdit(join(g, 'modules', 'm.yaml'), 'alpha one', 'alpha two');
    const r = mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp });
    expect(r.stdout).toContain('alpha two');
    expect(r.stdout).not.toContain('alpha one');
  });

  it('fails like validate after a same-size edit that makes the graph invalid', () => {
    const tmp = tempDir();
    const g = tinyGraph();
    expect(mechkg(['--graph', g, 'paths', 'a', 'b'], { TMPDIR: tmp }).code).toBe(0);
    sameSizeEdit(join(g, 'modules', 'm.yaml'), 'category: protein', 'category: proteix');
    expect(mechkg(['validate', g]).code).toBe(1);
    const r = mechkg(['--graph', g, 'paths', 'a', 'b'], { TMPDIR: tmp });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[unknown_category]');
    expect(r.stdout).toBe('');
  });

  it('rebuilds a corrupt snapshot and lets parallel runs share the cache', async () => {
    const tmp = tempDir();
    const g = tinyGraph();
    mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp });
    writeFileSync(snapshotIn(tmp), '{"format": 2, "fingerp');
    expect(mechkg(['--graph', g, 'show', 'a'], { TMPDIR: tmp }).stdout).toContain('alpha one');
    const { spawn } = await import('node:child_process');
    const runs = Array.from({ length: 4 }, () =>
      new Promise<{ code: number | null; out: string }>((done) => {
        const p = spawn(process.execPath, ['bin/mechkg.js', '--graph', g, 'show', 'b'], { env: { ...process.env, TMPDIR: tmp } });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('close', (code) => done({ code, out }));
      }),
    );
    for (const r of await Promise.all(runs)) {
      expect(r.code).toBe(0);
      expect(r.out).toContain('beta two');
    }
    expect(readdirSync(cacheDirIn(tmp)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
