/**
 * KGX archives (tests/fixtures/kgx-written/kgx-release.tar.gz and kgx-release-pax.tar, see the README there),
 * read as KGX's TsvSource reads one: its nodes members, then its edges members, other members left alone. They
 * were taken for a KGX nodes table whose header was the tar header ('a KGX nodes file needs an "id" column').
 * And archives and binary files mechkg does not read are named as such.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/import/index.js';
import { importFilesFor, tryImportGraphFile } from '../../src/node/import-graph-file.js';

const DIR = join(import.meta.dirname, '../fixtures/kgx-written');

describe('KGX tar archives', () => {
  it.each(['kgx-release.tar.gz', 'kgx-release-pax.tar'])('%s: its nodes file, then its edges file, each named inside the archive; the README left alone', (name) => {
    const files = importFilesFor(join(DIR, name));
    expect(files.map((f) => f.path.slice(join(DIR, name).length).replace(/^\/kgx-release-[^/]*\//, ''))).toEqual(['test_nodes.csv', 'test_edges.csv']);
    const r = tryImportGraphFile(join(DIR, name));
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.graph.nodes().sort()).toEqual(['CURIE:000', 'CURIE:123', 'CURIE:456']);
    expect(r.graph.edges()).toEqual(['CURIE:123--biolink:related_to--CURIE:456']);
    expect(r.graph.getNodeAttribute('CURIE:123', 'description')).toBe('Node of type Gene, CURIE:123');
  });
});

describe('files that are no graph text', () => {
  it('a zip archive, a tar archive given as text, and binary data say what they are', () => {
    expect(sniffFormat('PK\u0003\u0004\u0014\u0000rest').why).toMatch(/^a zip archive: unpack it/);
    expect(sniffFormat('name'.padEnd(257, '\u0000') + 'ustar\u000000' + '\u0000'.repeat(240)).why).toMatch(/^a tar archive/);
    expect(sniffFormat('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR').why).toBe('binary data (it holds NUL bytes), not a text graph file');
  });
});
