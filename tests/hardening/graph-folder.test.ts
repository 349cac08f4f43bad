import { execFileSync } from 'node:child_process';
import { closeSync, openSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_GRAPH_FILE_BYTES, readGraphDirContents } from '../../src/node/read-graph-dir.js';
import { mechkg, tempDir, tinyGraph } from './cli.js';

describe('graph folders: reads stay inside the folder', () => {
  it('refuses a module that links to a secret file outside, naming the link and printing nothing of the file', () => {
    const root = tempDir();
    const secret = join(root, 'shadow');
    writeFileSync(secret, 'root: $6$SECRETHASH\ndaemon: "*"\n');
    const g = tinyGraph(root);
    symlinkSync(secret, join(g, 'modules', 'x.yaml'));
    const r = mechkg(['validate', g]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('modules/x.yaml: error [unsafe_file] a symbolic link to a file outside the graph folder');
    expect(r.stdout + r.stderr).not.toMatch(/SECRETHASH|daemon/);
  });

  it('refuses a link to /dev/zero, a FIFO and a link loop at once, without hanging or an internal error', () => {
    const g = tinyGraph();
    symlinkSync('/dev/zero', join(g, 'modules', 'zero.yaml'));
    execFileSync('mkfifo', [join(g, 'modules', 'fifo.yaml')]);
    symlinkSync('loop.yaml', join(g, 'modules', 'loop.yaml'));
    const r = mechkg(['validate', g], {}, 20_000);
    expect(r.error).toBeUndefined(); // no timeout
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('modules/fifo.yaml: error [unsafe_file] not a regular file (a FIFO)');
    expect(r.stdout).toContain('modules/loop.yaml: error [unsafe_file] a symbolic link loop');
    expect(r.stdout).toContain('modules/zero.yaml: error [unsafe_file] a symbolic link to a file outside');
    expect(r.stdout).not.toContain('internal error');
  });

  it('follows a link that stays inside the folder', () => {
    const g = tinyGraph();
    const other = join(g, 'modules', 'real');
    execFileSync('mkdir', [other]);
    execFileSync('mv', [join(g, 'modules', 'm.yaml'), join(other, 'm.yml.txt')]);
    symlinkSync(join('real', 'm.yml.txt'), join(g, 'modules', 'm.yaml'));
    const r = mechkg(['validate', g]);
    expect(r.stdout).toMatch(/^valid: 2 nodes, 1 edges/m);
  });

  it('query commands refuse the same files (no cache, no answer)', () => {
    const root = tempDir();
    writeFileSync(join(root, 'secret.yaml'), 'nodes: [{id: z, label: leaked}]\n');
    const g = tinyGraph(root);
    symlinkSync(join(root, 'secret.yaml'), join(g, 'modules', 'y.yaml'));
    const r = mechkg(['--graph', g, 'search', 'leaked'], { TMPDIR: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('modules/y.yaml: error [unsafe_file]');
    expect(r.stdout).toBe('');
  });

  it('refuses a file over the size limit before reading it', () => {
    const g = tinyGraph();
    const fd = openSync(join(g, 'modules', 'big.yaml'), 'w');
    ftruncateSync(fd, MAX_GRAPH_FILE_BYTES + 1); // sparse: costs no disk
    closeSync(fd);
    const read = readGraphDirContents(g);
    expect(read.problems).toEqual([expect.objectContaining({ level: 'error', code: 'file_too_large', file: 'modules/big.yaml' })]);
    expect(read.files.map((f) => f.path)).toEqual(['modules/m.yaml', 'sources.yaml']);
  });

  it('reports invalid UTF-8 as a warning at its line and column', () => {
    const g = tinyGraph();
    const file = join(g, 'modules', 'm.yaml');
    const text = execFileSync('cat', [file]);
    const at = text.indexOf('first');
    writeFileSync(file, Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe]), text.subarray(at)]));
    const r = mechkg(['validate', g]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^modules\/m\.yaml:3:\d+: warning \[invalid_utf8\] invalid UTF-8 \(byte 0xff/m);
    expect(r.stdout).toMatch(/^valid: 2 nodes/m);
  });
});
