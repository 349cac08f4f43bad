/**
 * The chunked TSV reader (src/scale/tsv-lines.ts) and the edge loader's per-combination kind cache: rows cut
 * at any read boundary, CRLF, no trailing newline, lines longer than the carry room, and kinds identical to
 * the uncached mapping (describeEdgeKind) whatever the cache's cheap hash does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKgxIndex } from '../../src/node.js';
import { forEachLine } from '../../src/scale/tsv-lines.js';
import { EDGE_KIND_COLUMNS, describeEdgeKind, type KindColumn } from '../../src/scale/kgx-edge-kind.js';
import type { CompactIndex } from '../../src/scale/compact-index.js';
// @ts-expect-error: a plain .mjs script without types
import { generateKgx } from '../../scripts/bench/generate-kgx.mjs';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mechkg-chunks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines as a plain split gives them: [text, 1-based number, byte offset of the line]. */
function naiveLines(text: string): [string, number, number][] {
  const bytes = Buffer.from(text);
  const out: [string, number, number][] = [];
  let start = 0;
  let n = 0;
  while (start < bytes.length) {
    let nl = bytes.indexOf(10, start);
    if (nl < 0) nl = bytes.length;
    out.push([bytes.toString('utf8', start, nl).replace(/\r$/, ''), ++n, start]);
    start = nl + 1;
  }
  return out;
}

async function readLines(path: string, chunkSize?: number, carryRoom?: number): Promise<[string, number, number][]> {
  const out: [string, number, number][] = [];
  const count = await forEachLine(path, (buf, start, end, line, offset) => out.push([buf.toString('utf8', start, end), line, offset]), undefined, { chunkSize, carryRoom });
  expect(count).toBe(out.length);
  return out;
}

describe('forEachLine (chunked reads)', () => {
  const texts: Record<string, string> = {
    lf: 'a\tb\tc\nd\te\tf\n\nlast\tline\n',
    crlf: 'a\tb\tc\r\nd\te\tf\r\n\r\nlast\tline\r\n',
    'no trailing newline': 'a\tb\nc\td\nend without newline',
    'crlf, no trailing newline': 'a\tb\r\nc\td\r\nend\r',
    'long lines, non-ASCII': `short\n${'x'.repeat(300)}\tµ-é-ü\n${'y\t'.repeat(200)}\n\n\nz`,
    'one line': 'only',
    empty: '',
  };

  it.each(Object.keys(texts))('gives the same lines, numbers and offsets at every chunk size (%s)', async (name) => {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.tsv`);
    writeFileSync(path, texts[name]!);
    const expected = naiveLines(texts[name]!);
    for (const chunkSize of [1, 2, 3, 5, 7, 16, 64, 1000, undefined]) {
      for (const carryRoom of [1, 4, undefined]) {
        expect(await readLines(path, chunkSize, carryRoom)).toEqual(expected);
      }
    }
  });

  it('reports progress once at the end with the whole file read', async () => {
    const path = join(dir, 'progress.tsv');
    writeFileSync(path, 'a\nb\nc');
    const reports: { lines: number; bytes: number; totalBytes: number }[] = [];
    await forEachLine(path, () => {}, (p) => reports.push({ lines: p.lines, bytes: p.bytes, totalBytes: p.totalBytes }), { chunkSize: 2 });
    expect(reports.at(-1)).toEqual({ lines: 3, bytes: 5, totalBytes: 5 });
  });
});

/** Everything an index answers about its nodes and edges, for comparing two loads of the same graph. */
function dump(index: CompactIndex) {
  const nodes = Array.from({ length: index.nodeCount }, (_, n) => [index.nodeSummary(n), index.nodeAttributes(n)]);
  const edges = Array.from({ length: index.edgeCount }, (_, e) => [index.edgeSummary(e), index.edgeStrength(e)]);
  return JSON.parse(JSON.stringify({ nodes, edges, problems: (index as CompactIndex & { problems: unknown }).problems }));
}

describe('loadKgxIndex reads the same graph whatever the reads', () => {
  it('rows cut at read boundaries (tiny reads), CRLF and a last row without newline', async () => {
    generateKgx({ edges: 600, nodes: 80, seed: 5, out: dir, name: 'cut' });
    const path = join(dir, 'cut_edges.tsv');
    const whole = dump(await loadKgxIndex(path, { onProgress: () => {} }));
    expect(whole.edges.length).toBe(600);
    for (const chunkSize of [7, 61, 4096]) {
      expect(dump(await loadKgxIndex(path, { onProgress: () => {}, chunkSize }))).toEqual(whole);
    }
    // the same files with CRLF line ends and without the final newline
    const { readFileSync } = await import('node:fs');
    const edges = readFileSync(path, 'utf8');
    const nodesText = readFileSync(join(dir, 'cut_nodes.tsv'), 'utf8');
    writeFileSync(join(dir, 'crlf_edges.tsv'), edges.replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'crlf_nodes.tsv'), nodesText.replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'open_edges.tsv'), edges.replace(/\n$/, ''));
    writeFileSync(join(dir, 'open_nodes.tsv'), nodesText.replace(/\n$/, ''));
    const rename = (d: ReturnType<typeof dump>, from: string) => JSON.parse(JSON.stringify(d).replaceAll(`${from}_`, 'cut_'));
    for (const chunkSize of [11, undefined]) {
      expect(rename(dump(await loadKgxIndex(join(dir, 'crlf_edges.tsv'), { onProgress: () => {}, chunkSize })), 'crlf')).toEqual(whole);
      expect(rename(dump(await loadKgxIndex(join(dir, 'open_edges.tsv'), { onProgress: () => {}, chunkSize })), 'open')).toEqual(whole);
    }
  });

  it('names the same line for a bad row at any read size', async () => {
    const path = join(dir, 'bad_edges.tsv');
    const rows = ['subject\tpredicate\tobject', ...Array.from({ length: 40 }, (_, i) => `A:${i}\tbiolink:causes\tB:${i}`)];
    rows.splice(30, 0, 'A:1\tbiolink:causes');
    writeFileSync(path, rows.join('\r\n') + '\r\n');
    for (const chunkSize of [1, 5, 100, undefined]) {
      await expect(loadKgxIndex(path, { chunkSize })).rejects.toThrow('bad_edges.tsv:31: subject and object: is required (empty object) (line starts "A:1\\tbiolink:causes")');
    }
  });
});

describe('edge-kind cache', () => {
  it('gives every edge the kind the uncached mapping gives its row (whitespace, absent cells, hash look-alikes)', async () => {
    const predicates = ['biolink:affects', 'biolink:causes', 'biolink:treats', ' biolink:causes ', 'biolink:positively_regulates', 'biolink:related_to', 'biolink:affacts'];
    // qualifier values with equal length and equal first, middle and last bytes: same cheap hash, other bytes
    // (differing in the first four-byte word, or only in the bytes after the last whole word)
    const directions = ['', 'increased', 'decreased', 'xaxbx', 'xcxdx', 'ab12cb', 'ab12db', 'upregulated', 'downregulated', ' increased'];
    const aspects = ['', 'activity', 'abundance', 'expression'];
    const levels = ['', 'knowledge_assertion', 'observation', 'prediction', 'statistical_association', 'knowledge_assertion '];
    const header = ['subject', 'predicate', 'object', 'qualified_predicate', 'object_direction_qualifier', 'object_aspect_qualifier', 'knowledge_level'];
    const rows: string[][] = [];
    let i = 0;
    for (const p of predicates)
      for (const d of directions)
        for (const a of aspects)
          for (const l of levels) {
            const q = i % 3 === 0 ? 'biolink:causes' : '';
            const row = [`N:${i % 50}`, p, `N:${(i * 7 + 1) % 50}`, q, d, a, l];
            // some rows stop early: their missing kind columns count as empty
            rows.push(i % 11 === 0 && !d && !a && !l ? row.slice(0, 4) : row);
            i++;
          }
    // every combination twice, in another order the second time, so cache hits are checked too
    const all = [...rows, ...rows.slice().reverse()];
    const path = join(dir, 'kinds_edges.tsv');
    writeFileSync(path, [header, ...all].map((r) => r.join('\t')).join('\n') + '\n');
    for (const chunkSize of [13, undefined]) {
      const index = await loadKgxIndex(path, { chunkSize, nodesPath: null });
      expect(index.edgeCount).toBe(all.length);
      all.forEach((row, e) => {
        const values = Object.fromEntries(EDGE_KIND_COLUMNS.map((c) => [c, (row[header.indexOf(c)] ?? '').trim()])) as Record<KindColumn, string>;
        const kind = describeEdgeKind(values);
        expect([index.edgePredicate(e), index.edgeSign(e), index.edgeCausal(e), index.edgeStrength(e)]).toEqual([kind.predicate, kind.sign, kind.causal, kind.strength]);
      });
    }
  });
});

describe('two readers (pieces claimed from the front by the loader, from the back by a worker, then appended)', () => {
  // the worker is compiled JS: tests load the built copy (the test command runs tsc first)
  const built = (): Promise<typeof import('../../src/scale/kgx-index.js')> => import(join(__dirname, '..', '..', 'dist', 'src', 'scale', 'kgx-index.js'));

  it('gives the same graph, warnings and numbering at any split point (inline and in a worker thread)', async () => {
    generateKgx({ edges: 900, nodes: 120, seed: 9, out: dir, name: 'split' });
    const path = join(dir, 'split_edges.tsv');
    // drop a few nodes from the nodes file: dangling endpoints on both sides of the split, warned in file order
    const { readFileSync } = await import('node:fs');
    const nodeLines = readFileSync(join(dir, 'split_nodes.tsv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'split_nodes.tsv'), nodeLines.filter((_, i) => i === 0 || i % 9 !== 0).join('\n'));
    const whole = dump(await loadKgxIndex(path, { onProgress: () => {}, parallel: false }));
    expect(whole.problems.length).toBeGreaterThan(2);
    for (const splitShare of [0.001, 0.13, 0.5, 0.87, 0.999]) {
      for (const chunkSize of [17, undefined]) {
        expect(dump(await loadKgxIndex(path, { onProgress: () => {}, parallel: 'inline', splitShare, chunkSize }))).toEqual(whole);
      }
    }
    const { loadKgxIndex: loadBuilt } = await built();
    for (const splitShare of [0.3, 0.6]) {
      expect(dump(await loadBuilt(path, { onProgress: () => {}, parallel: true, splitShare }) as unknown as CompactIndex)).toEqual(whole);
    }
    // no pinned split: the threads race for pieces of a few rows each and meet wherever they do
    for (const pieceBytes of [53, 401, 4096]) {
      expect(dump(await loadBuilt(path, { onProgress: () => {}, parallel: true, pieceBytes }) as unknown as CompactIndex)).toEqual(whole);
    }
  });

  it('keeps file order across pieces: rows longer than a piece, CRLF, empty lines, no final newline, first-seen lines of warnings', async () => {
    const header = ['id', 'subject', 'predicate', 'object', 'publications'];
    const rows: string[] = [];
    const lineOfRow: number[] = [];
    for (let i = 0; i < 400; i++) {
      lineOfRow.push(rows.length + 2);
      // a non-Biolink predicate met again and again (warned once, at its first line), rows without one
      const predicate = i % 50 === 30 ? 'biolink:made_up_relation' : i % 97 === 50 ? '' : i % 3 === 0 ? 'biolink:causes' : 'biolink:positively_correlated_with';
      // a few rows far longer than a piece, and empty lines between some rows
      const pubs = i % 61 === 7 ? Array.from({ length: 300 }, (_, k) => `PMID:${i * 1000 + k}`).join('|') : `PMID:${i}`;
      // endpoints missing from the nodes file only near the end: their warnings name lines the worker read
      const subject = i >= 350 && i % 10 === 0 ? `LATE:${i}` : `X:${(i * 7) % 150}`;
      rows.push([`e${i}`, subject, predicate, `Y:${(i * 11) % 170}`, pubs].join('\t'));
      if (i % 45 === 44) rows.push('');
    }
    const path = join(dir, 'pieces_edges.tsv');
    writeFileSync(path, [header.join('\t'), ...rows].join('\r\n')); // no final line end
    const nodes = ['id\tname', ...Array.from({ length: 150 }, (_, i) => `X:${i}\tx ${i}`), ...Array.from({ length: 170 }, (_, i) => `Y:${i}\ty ${i}`)];
    writeFileSync(join(dir, 'pieces_nodes.tsv'), nodes.join('\n') + '\n');
    const whole = dump(await loadKgxIndex(path, { onProgress: () => {}, parallel: false }));
    const lines = (code: string) => whole.problems.filter((p: { code: string }) => p.code === code).map((p: { line?: number }) => p.line);
    expect(lines('dangling_endpoint')).toEqual([350, 360, 370, 380, 390].map((i) => lineOfRow[i]));
    expect(lines('unknown_predicate')).toContain(lineOfRow[30]); // made_up_relation, first met at row 30
    const { loadKgxIndex: loadBuilt } = await built();
    for (const pieceBytes of [1, 29, 700, 5000]) {
      for (const splitShare of [0, 0.4, 0.95]) {
        expect(dump(await loadKgxIndex(path, { onProgress: () => {}, parallel: 'inline', pieceBytes, splitShare }))).toEqual(whole);
      }
      expect(dump((await loadBuilt(path, { onProgress: () => {}, parallel: true, pieceBytes })) as unknown as CompactIndex)).toEqual(whole);
    }
  });

  it('reads with its worker thread also in a script run as `node --input-type=module -e` (an option a worker refuses)', async () => {
    generateKgx({ edges: 300, nodes: 40, seed: 3, out: dir, name: 'evalrun' });
    const path = join(dir, 'evalrun_edges.tsv');
    const url = pathToFileURL(join(__dirname, '..', '..', 'dist', 'src', 'scale', 'kgx-index.js')).href;
    const code = `import { loadKgxIndex } from ${JSON.stringify(url)}; const i = await loadKgxIndex(${JSON.stringify(path)}, { onProgress: () => {}, parallel: true }); console.log(i.edgeCount);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('300');
  });

  it('renames edge ids used again the same way at any split point: first use kept, later ones <id>--2, --3 in file order', async () => {
    const path = join(dir, 'dupsplit_edges.tsv');
    // ids reused within each part and across the split (e0 early and late), and an id that differs by one byte
    const rows = ['id\tsubject\tpredicate\tobject', ...Array.from({ length: 300 }, (_, i) => `${i % 7 === 0 ? 'e0' : i % 5 === 0 ? `e${i % 3}` : `id-${i}`}\tA:${i % 40}\tbiolink:causes\tB:${i % 30}`)];
    rows.push('e0 \tA:1\tbiolink:causes\tB:2');
    writeFileSync(path, rows.join('\n') + '\n');
    const whole = dump(await loadKgxIndex(path, { onProgress: () => {}, parallel: false, nodesPath: null }));
    const ids = whole.edges.map(([e]: [{ id: string }]) => e.id);
    expect(ids.filter((id: string) => id === 'e0')).toHaveLength(1);
    expect(ids).toContain(`e0--${Math.ceil(300 / 7)}`);
    expect(ids).toContain('e0 ');
    expect(new Set(ids).size).toBe(ids.length);
    expect(whole.problems.some((p: { code: string }) => p.code === 'duplicate_id')).toBe(true);
    for (const splitShare of [0.05, 0.5, 0.95]) {
      expect(dump(await loadKgxIndex(path, { onProgress: () => {}, parallel: 'inline', splitShare, nodesPath: null }))).toEqual(whole);
    }
    const { loadKgxIndex: loadBuilt } = await built();
    expect(dump((await loadBuilt(path, { onProgress: () => {}, parallel: true, splitShare: 0.5, nodesPath: null })) as unknown as CompactIndex)).toEqual(whole);
  });

  it('names the same line for a bad row after the split, and the first bad row when both parts have one', async () => {
    const path = join(dir, 'badsplit_edges.tsv');
    const rows = ['subject\tpredicate\tobject', ...Array.from({ length: 200 }, (_, i) => `A:${i}\tbiolink:causes\tB:${i}`)];
    rows[150] = '\tbiolink:causes\tB:1';
    writeFileSync(path, rows.join('\n') + '\n');
    const message = 'badsplit_edges.tsv:151: subject and object: is required (empty subject) (line starts "\\tbiolink:causes\\tB:1")';
    const { loadKgxIndex: loadBuilt } = await built();
    for (const splitShare of [0.2, 0.5, 0.9]) {
      await expect(loadKgxIndex(path, { parallel: 'inline', splitShare, pieceBytes: 97 })).rejects.toThrow(message);
      await expect(loadBuilt(path, { parallel: true, splitShare, pieceBytes: 97 })).rejects.toThrow(message);
    }
    await expect(loadBuilt(path, { parallel: true, pieceBytes: 31 })).rejects.toThrow(message);
    rows[20] = 'A:1\tbiolink:causes';
    writeFileSync(path, rows.join('\n') + '\n');
    for (const splitShare of [0, 0.5, 0.9]) {
      await expect(loadKgxIndex(path, { parallel: 'inline', splitShare, pieceBytes: 97 })).rejects.toThrow('badsplit_edges.tsv:21: subject and object: is required (empty object)');
      await expect(loadBuilt(path, { parallel: true, splitShare, pieceBytes: 97 })).rejects.toThrow('badsplit_edges.tsv:21: subject and object: is required (empty object)');
    }
  });
});

describe('slugify (shared by the importer and the streamed loader; ASCII fast path)', () => {
  it('gives the plain normalize-and-replace slug for any text', async () => {
    const fc = (await import('fast-check')).default;
    // The obvious implementation the fast path must agree with.
    const importerSlugify = (text: string) =>
      text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'node';
    const { slugify } = await import('../../src/import/kgx-conventions.js');
    for (const text of ['', '-', 'CHEBI:30411', '--A--b--', 'GO:0006915 ', 'Ünïcödé:1', 'é', 'a\u0301b', 'x__y..z', 'ABC', '123', 'mechkg:x-1']) {
      expect(slugify(text)).toBe(importerSlugify(text));
    }
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (text) => slugify(text) === importerSlugify(text)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => slugify(text) === importerSlugify(text)), { numRuns: 1000 });
  });
});
