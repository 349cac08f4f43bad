import { describe, expect, it } from 'vitest';
import { ValidationError, formatProblem } from '../../src/errors.js';
import { exportGraph } from '../../src/export/index.js';
import { importGraph, tryImportGraph, type ImportFile, type ImportFormat } from '../../src/import/index.js';
import { hostileGraph } from '../export/graph-fixtures.js';

/** The problems of an import that must fail, as formatted one-line messages. */
function failures(files: ImportFile[], format: ImportFormat): string[] {
  const r = tryImportGraph(files, format);
  expect(r.ok).toBe(false);
  return r.problems.filter((p) => p.level === 'error').map(formatProblem);
}

const NODES_TSV = 'id\tcategory\tname\tdescription\nmechkg:a\tbiolink:Protein\tA\tan a\nmechkg:b\tbiolink:Protein\tB\tb\n';

describe('importGraph: malformed input names file, line or element', () => {
  it.each<{ name: string; format: ImportFormat; files: ImportFile[]; expected: string[] }>([
    {
      name: 'TSV with an unterminated quote',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        { path: 'x_edges.tsv', text: 'subject\tpredicate\tobject\nmechkg:a\tbiolink:causes\t"mechkg:b\n' },
      ],
      expected: ['x_edges.tsv:2:', 'unterminated quoted field'],
    },
    {
      name: 'TSV row with too many fields',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        { path: 'x_edges.tsv', text: 'subject\tpredicate\tobject\nmechkg:a\tbiolink:causes\tmechkg:b\textra\n' },
      ],
      expected: ['x_edges.tsv:2:', 'expected 3 fields as in the header, found 4'],
    },
    {
      name: 'TSV edges file without a predicate column',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        { path: 'x_edges.tsv', text: 'subject\tobject\nmechkg:a\tmechkg:b\n' },
      ],
      expected: ['x_edges.tsv:1:', 'missing column(s) predicate'],
    },
    {
      name: 'TSV edge pointing to a missing node',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        { path: 'x_edges.tsv', text: 'subject\tpredicate\tobject\nmechkg:a\tbiolink:causes\tmechkg:zzz\n' },
      ],
      expected: ['x_edges.tsv:2:', 'dangling_endpoint', 'target "mechkg:zzz"'],
    },
    {
      name: 'TSV with broken JSON in mechkg_evidence',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        { path: 'x_edges.tsv', text: 'subject\tpredicate\tobject\tmechkg_predicate\tmechkg_evidence\nmechkg:a\tbiolink:causes\tmechkg:b\tcauses\t"[{""source"":"\n' },
      ],
      expected: ['x_edges.tsv:2:', 'mechkg_evidence: not valid JSON'],
    },
    {
      name: 'TSV whose sign contradicts its mechkg predicate',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        {
          path: 'x_edges.tsv',
          text: 'subject\tpredicate\tobject\tmechkg_predicate\tmechkg_sign\tmechkg_evidence\tmechkg_sources\nmechkg:a\tbiolink:causes\tmechkg:b\tinhibits\t+\t"[{""source"":""s"",""kind"":""in_vitro"",""statement"":""x""}]"\t"[{""id"":""s"",""title"":""S"",""kind"":""review""}]"\n',
        },
      ],
      expected: ['x_edges.tsv:2:', 'sign "+" contradicts predicate inhibits'],
    },
    {
      name: 'TSV evidence with an unknown kind',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        {
          path: 'x_edges.tsv',
          text: 'subject\tpredicate\tobject\tmechkg_predicate\tmechkg_evidence\tmechkg_sources\nmechkg:a\tbiolink:causes\tmechkg:b\tcauses\t"[{""source"":""s"",""kind"":""rumour"",""statement"":""x""}]"\t"[{""id"":""s"",""title"":""S"",""kind"":""review""}]"\n',
        },
      ],
      expected: ['x_edges.tsv:2:', 'unknown_evidence_kind', 'evidence[0].kind'],
    },
    {
      name: 'KGX without an edges file',
      format: 'kgx',
      files: [{ path: 'x_nodes.tsv', text: NODES_TSV }],
      expected: ['x_nodes.tsv:', 'no KGX edges file'],
    },
    {
      name: 'JSON Lines with a broken line',
      format: 'kgx-jsonl',
      files: [
        { path: 'x_nodes.jsonl', text: '{"id":"mechkg:a","name":"A"}\n{"id": "mechkg:b", "name": \n' },
        { path: 'x_edges.jsonl', text: '' },
      ],
      expected: ['x_nodes.jsonl:2:', 'not valid JSON Lines'],
    },
    {
      name: 'JSON Lines node without an id',
      format: 'kgx-jsonl',
      files: [
        { path: 'x_nodes.jsonl', text: '{"id":"mechkg:a","name":"A"}\n{"name":"B"}\n' },
        { path: 'x_edges.jsonl', text: '' },
      ],
      expected: ['x_nodes.jsonl:2:', 'id: is required'],
    },
    {
      name: 'Cytoscape JSON that is not JSON',
      format: 'cyjs',
      files: [{ path: 'g.cyjs', text: '{\n  "elements": {\n    "nodes": [,]\n  }\n}\n' }],
      expected: ['g.cyjs:3:15:', 'not valid JSON'],
    },
    {
      name: 'Cytoscape JSON with elements of the wrong shape',
      format: 'cyjs',
      files: [{ path: 'g.cyjs', text: '{"elements": {"nodes": 3}}' }],
      expected: ['g.cyjs:', 'expected "elements" to be'],
    },
    {
      name: 'Cytoscape JSON edge without a target',
      format: 'cyjs',
      files: [{ path: 'g.cyjs', text: JSON.stringify({ elements: { nodes: [{ data: { id: 'a', category: 'gene' } }], edges: [{ data: { id: 'e1', source: 'a', predicate: 'causes' } }] } }) }],
      expected: ['g.cyjs:', 'elements.edges[0]: target: is required'],
    },
    {
      name: 'Cytoscape JSON node with a bad identifier',
      format: 'cyjs',
      files: [{ path: 'g.cyjs', text: JSON.stringify({ elements: { nodes: [{ data: { id: 'a', category: 'gene', identifiers: ['not a curie'] } }] } }) }],
      expected: ['g.cyjs:', 'malformed_curie', 'elements.nodes[0]: identifiers[0]'],
    },
    {
      name: 'GraphML that is not well-formed',
      format: 'graphml',
      files: [{ path: 'g.graphml', text: '<?xml version="1.0"?>\n<graphml>\n  <graph>\n    <node id="a">\n  </graph>\n</graphml>\n' }],
      expected: ['g.graphml:5:', 'not well-formed XML'],
    },
    {
      name: 'GraphML without a graph',
      format: 'graphml',
      files: [{ path: 'g.graphml', text: '<graphml></graphml>' }],
      expected: ['g.graphml:', 'expected a <graphml> element with a <graph>'],
    },
    {
      name: 'GraphML with a duplicate node id',
      format: 'graphml',
      files: [{ path: 'g.graphml', text: '<graphml>\n<graph edgedefault="directed">\n<node id="a"/>\n<node id="a"/>\n</graph>\n</graphml>\n' }],
      expected: ['g.graphml:4:', 'duplicate_id', '<node id="a"> #2', 'first defined at g.graphml:3'],
    },
    {
      name: 'GraphML edge with broken evidence JSON',
      format: 'graphml',
      files: [
        {
          path: 'g.graphml',
          text: '<graphml>\n<key id="p" for="edge" attr.name="predicate" attr.type="string"/>\n<key id="ev" for="edge" attr.name="evidence" attr.type="string"/>\n<graph>\n<node id="a"/><node id="b"/>\n<edge source="a" target="b">\n<data key="p">causes</data><data key="ev">[{</data>\n</edge>\n</graph>\n</graphml>\n',
        },
      ],
      expected: ['g.graphml:6:', '<edge> #1: evidence: not valid JSON'],
    },
  ])('$name', ({ files, format, expected }) => {
    const messages = failures(files, format).join('\n');
    for (const e of expected) expect(messages).toContain(e);
  });

  it('throws a ValidationError carrying every problem (never a partial graph)', () => {
    const text = JSON.stringify({ elements: { nodes: [{ data: { id: 'a', category: 'gene', identifiers: ['bad'] } }, { data: { label: 'no id' } }], edges: [] } });
    let caught: unknown;
    try {
      importGraph({ path: 'g.cyjs', text }, 'cyjs');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).problems.filter((p) => p.level === 'error')).toHaveLength(2);
  });

  it('rejects a mechkg export truncated mid-file instead of importing part of it', async () => {
    const out = await exportGraph(hostileGraph(), 'graphml');
    const text = String(out);
    const r = tryImportGraph({ path: 'cut.graphml', text: text.slice(0, Math.floor(text.length * 0.6)) }, 'graphml');
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.file).toBe('cut.graphml');
  });
});
