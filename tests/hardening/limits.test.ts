import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, findPaths, tryLoadGraphFromFiles } from '../../src/index.js';
import { MAX_LIST_ITEMS, MAX_ROW_BYTES } from '../../src/model/input-limits.js';
import { forEachChunk, LineTooLongError } from '../../src/scale/tsv-lines.js';
import { parseYamlFile } from '../../src/load/yaml-document.js';
import { denseGraphFiles, mechkg, tempDir } from './cli.js';

describe('no recursion or argument spreading over unbounded arrays', () => {
  it('paths --limit 150000 on a dense graph returns 150,000 paths (it overflowed the stack)', () => {
    const r = tryLoadGraphFromFiles(denseGraphFiles());
    if (!r.ok) throw new Error(JSON.stringify(r.problems[0]));
    const result = findPaths(r.graph, 's', 't', { limit: 150_000, maxMillis: 600_000 });
    expect(result.paths).toHaveLength(150_000);
    expect(result.truncated).toBe(true);
  }, 180_000);

  it('an edge with 130,000 evidence entries builds (strength over every entry)', () => {
    const evidence = Array.from({ length: 130_000 }, (_, i) => ({ source: 'src', kind: i === 77_777 ? 'randomized_trial' : 'in_vitro', stance: 'supports', statement: 'x' }));
    const origin = { file: 'f', line: 1 };
    const g = buildGraph(
      {
        modules: [],
        sources: [{ id: 'src', kind: 'textbook', title: 'T', origin } as never],
        nodes: ['a', 'b'].map((id) => ({ id, label: id, category: 'protein', description: '', synonyms: [], abbreviations: [], identifiers: [], modules: [], module: 'm', origin }) as never),
        edges: [{ id: 'e', source: 'a', predicate: 'increases', target: 'b', evidence, module: 'm', origin } as never],
      },
      'g',
    );
    expect(g.getEdgeAttribute('e', 'strength')).toBeGreaterThan(g.getEdgeAttribute('e', 'evidence').length > 0 ? 0 : 99);
    expect(g.getEdgeAttribute('e', 'evidence')).toHaveLength(130_000);
  });

  it.each([['never'], ['always']])('a KGX edge with 130,000 publications opens and shows (MECHKG_COMPACT=%s)', (mode) => {
    const dir = tempDir();
    const pubs = Array.from({ length: 130_000 }, (_, i) => `PMID:${i + 1}`).join('|');
    writeFileSync(join(dir, 'k_nodes.tsv'), 'id\tname\tcategory\nX:1\tone\tbiolink:Gene\nX:2\ttwo\tbiolink:Gene\n');
    writeFileSync(join(dir, 'k_edges.tsv'), `subject\tpredicate\tobject\tobject_direction_qualifier\tpublications\nX:1\tbiolink:affects\tX:2\tincreased\t${pubs}\n`);
    const explain = mechkg(['--graph', join(dir, 'k_edges.tsv'), 'explain', 'one', 'two', '--json'], { MECHKG_COMPACT: mode }, 120_000);
    expect(explain.stderr).not.toContain('internal error');
    expect(explain.code, explain.stderr.slice(0, 300)).toBe(0);
    const r = mechkg(['--graph', join(dir, 'k_edges.tsv'), 'paths', 'one', 'two', '--json'], { MECHKG_COMPACT: mode }, 120_000);
    expect(r.code, r.stderr.slice(0, 300)).toBe(0);
    // the publications are the edge's provenance, kept as given
    expect(JSON.parse(r.stdout).paths[0].edges[0].provenance.publications).toHaveLength(130_000);
  }, 150_000);
});

describe('limits on one row and one list, each an error naming the row', () => {
  it('the chunked reader stops at a line over its limit, at the line start', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.tsv');
    writeFileSync(file, `a\tb\nshort\trow\n${'y'.repeat(5000)}\nnever read\n`);
    const err = await forEachChunk(file, () => undefined, { chunkSize: 64, carryRoom: 64, maxLineBytes: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LineTooLongError);
    expect((err as LineTooLongError).offset).toBe('a\tb\nshort\trow\n'.length);
  });

  it.each([['always'], ['never']])('a KGX row over the row limit is an error naming its line (MECHKG_COMPACT=%s)', (mode) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'k_edges.tsv'), `subject\tpredicate\tobject\tpublications\nX:1\tbiolink:related_to\tX:2\tPMID:1\nX:1\tbiolink:related_to\tX:3\t${'P'.repeat(MAX_ROW_BYTES + 10)}\n`);
    const r = mechkg(['--graph', join(dir, 'k_edges.tsv'), 'search', 'X'], { MECHKG_COMPACT: mode }, 120_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/k_edges\.tsv:3: row over 16777216 (bytes|characters), the limit for one row/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 150_000);

  it('a KGX row with more list items than the limit is an error naming its line', () => {
    const dir = tempDir();
    const pubs = Array.from({ length: MAX_LIST_ITEMS + 1 }, () => 'x').join('|');
    writeFileSync(join(dir, 'k_edges.tsv'), `subject\tpredicate\tobject\tpublications\nX:1\tbiolink:related_to\tX:2\t${pubs}\n`);
    const r = mechkg(['--graph', join(dir, 'k_edges.tsv'), 'search', 'X'], { MECHKG_COMPACT: 'never' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`k_edges.tsv:2: a row with over ${MAX_LIST_ITEMS} list items`);
  });
});

describe('importer details', () => {
  it('a JSON Lines id 1e400 stays the node "1e400" (it became "null")', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'k_nodes.jsonl'), '{"id": 1e400, "name": "huge", "category": ["biolink:Gene"]}\n{"id": 12345678901234567890, "name": "long", "category": ["biolink:Gene"]}\n');
    writeFileSync(join(dir, 'k_edges.jsonl'), '{"subject": 1e400, "predicate": "biolink:related_to", "object": 12345678901234567890}\n');
    const r = mechkg(['--graph', join(dir, 'k_edges.jsonl'), 'search', 'huge', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const ids = JSON.parse(r.stdout).hits.map((h: { id: string; label: string }) => h.label);
    expect(ids).toContain('huge');
    const show = mechkg(['--graph', join(dir, 'k_edges.jsonl'), 'show', 'long', '--json']);
    expect(show.stdout).not.toContain('"null"');
    expect(show.stdout).toMatch(/12345678901234567890/);
    expect(show.stdout).toMatch(/1e400/);
  });

  it('a GraphML DOCTYPE with an entity bomb is a located error (exit 1, not 70)', () => {
    const dir = tempDir();
    const cases = [
      ['<!ENTITY x SYSTEM "file:///etc/passwd">', 'External entities are not supported'],
      [`<!ENTITY x "${'A'.repeat(20_000)}">`, 'exceeds maximum allowed size'],
      [Array.from({ length: 1001 }, (_, i) => `<!ENTITY x${i} "v">`).join(''), 'exceeds maximum allowed'],
    ];
    for (const [entities, message] of cases) {
      writeFileSync(join(dir, 'g.graphml'), `<?xml version="1.0"?>\n<!DOCTYPE graphml [${entities}]>\n<graphml><graph edgedefault="directed"><node id="a"><data key="label">&x;</data></node></graph></graphml>\n`);
      const r = mechkg(['validate', join(dir, 'g.graphml')]);
      expect(r.stderr + r.stdout).not.toContain('internal error');
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/g\.graphml:2:1: error \[malformed_file\] XML not accepted: /);
      expect(r.stdout).toContain(message!);
      expect(r.stdout).not.toContain('root:'); // nothing of /etc/passwd
    }
  });

  it('invalid UTF-8 in an imported file is a located warning', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'k_edges.tsv'), Buffer.concat([Buffer.from('subject\tpredicate\tobject\nX:1\tbiolink:related_to\tX:'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    const r = mechkg(['validate', join(dir, 'k_edges.tsv')]);
    expect(r.stdout).toMatch(/k_edges\.tsv:2:\d+: warning \[invalid_utf8\]/);
  });
});

describe('YAML anchors are limited by expansion size, not count', () => {
  it('accepts 60 ordinary uses of one anchor', () => {
    const uses = Array.from({ length: 60 }, (_, i) => `  - {id: n${i}, ctx: *c}`).join('\n');
    const r = parseYamlFile('m.yaml', `base: &c {tissue: liver, species: human}\nitems:\n${uses}\n`);
    expect(r.problems).toEqual([]);
    expect((r.parsed!.value as { items: { ctx: { tissue: string } }[] }).items[59]!.ctx.tissue).toBe('liver');
  });

  it('rejects an alias bomb, located, without expanding it', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const r = parseYamlFile('bomb.yaml', levels.join('\n') + '\n');
    expect(r.parsed).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ code: 'malformed_file', file: 'bomb.yaml', message: expect.stringContaining('an alias bomb') })]);
  });
});
