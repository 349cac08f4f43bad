/**
 * KGX CSV as KGX reads it (kgx/source/tsv_source.py: pandas' read_csv with its default quoting for csv, with
 * none for tsv): the biolink/kgx test pair in tests/fixtures/kgx-written, told by content (before, "not XML,
 * JSON or a KGX TSV header"), the nodes file brought along with the edges file, a quoted description holding a
 * comma read whole, `|` lists split; a CSV syntax error located.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFormat, tryImportGraph } from '../../src/import/index.js';
import { tryImportGraphFile } from '../../src/node/import-graph-file.js';

const DIR = join(import.meta.dirname, '../fixtures/kgx-written');

describe('KGX CSV', () => {
  it('is told by its comma-separated KGX header', () => {
    expect(sniffFormat('subject,predicate,object\nA:1,biolink:related_to,B:2\n')).toMatchObject({ format: 'kgx-csv', why: 'a comma-separated header with KGX edges columns' });
    expect(sniffFormat('id,category,name\nA:1,biolink:Gene,a\n')).toMatchObject({ format: 'kgx-csv' });
  });

  it("test_edges.csv with test_nodes.csv beside it: every node and edge, quoted fields whole, lists split", () => {
    const r = tryImportGraphFile(join(DIR, 'test_edges.csv'));
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const g = r.graph;
    expect(g.nodes().sort()).toEqual(['CURIE:000', 'CURIE:123', 'CURIE:456']);
    expect(g.getNodeAttribute('CURIE:123', 'label')).toBe('Gene 123');
    expect(g.getNodeAttribute('CURIE:123', 'description')).toBe('Node of type Gene, CURIE:123');
    expect(g.getNodeAttribute('CURIE:456', 'categories')).toEqual(['biolink:NamedThing', 'biolink:Disease']);
    expect(g.edges()).toEqual(['CURIE:123--biolink:related_to--CURIE:456']);
    expect(g.getEdgeAttribute('CURIE:123--biolink:related_to--CURIE:456', 'provenance')).toMatchObject({ publications: ['PMID:1', 'PMID:2'] });
  });

  it('a doubled quote inside a quoted field is one quote; an unterminated quote is an error with its line', () => {
    const ok = tryImportGraph({ path: 'q_nodes.csv', text: 'id,name\nA:1,"say ""hi"", then go"\n' });
    expect(ok.ok && ok.graph.getNodeAttribute('A:1', 'label')).toBe('say "hi", then go');
    const bad = tryImportGraph({ path: 'bad_nodes.csv', text: 'id,name\nA:1,ok\nA:2,"open\n' });
    expect(bad.ok).toBe(false);
    expect(bad.problems.find((p) => p.level === 'error')).toMatchObject({ file: 'bad_nodes.csv', line: 3, message: expect.stringMatching(/not valid CSV: unterminated quoted field/) });
  });
});
