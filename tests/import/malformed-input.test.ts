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
const SOURCES = '[{"id":"s","title":"S","kind":"review"}]';

describe('importGraph: malformed input names file, line or element', () => {
  it.each<{ name: string; format: ImportFormat; files: ImportFile[]; expected: string[] }>([
    {
      name: 'TSV row with more fields than the header',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        { path: 'x_edges.tsv', text: 'subject\tpredicate\tobject\nmechkg:a\tbiolink:causes\tmechkg:b\textra\n' },
      ],
      expected: ['x_edges.tsv:2:', '4 tab-separated fields, but the header has 3 columns'],
    },
    {
      name: 'TSV whose header is neither a nodes nor an edges table',
      format: 'kgx',
      files: [{ path: 'x_edges.tsv', text: 'from\tto\na\tb\n' }],
      expected: ['x_edges.tsv:1:', 'not a KGX TSV table', '"from", "to"'],
    },
    {
      name: 'KGX nodes file without an id column (KGX rejects it)',
      format: 'kgx',
      files: [{ path: 'x_nodes.tsv', text: 'name\tcategory\nGene 1\tbiolink:Gene\n' }],
      expected: ['x_nodes.tsv:1:', 'needs an "id" column'],
    },
    {
      name: 'TSV node row with an empty id',
      format: 'kgx',
      files: [{ path: 'x_nodes.tsv', text: 'id\tname\n\tnameless\n' }],
      expected: ['x_nodes.tsv:2:', 'id: is required'],
    },
    {
      name: 'TSV edge with an empty object',
      format: 'kgx',
      files: [{ path: 'x_edges.tsv', text: 'subject\tpredicate\tobject\nA:1\tbiolink:causes\t\n' }],
      expected: ['x_edges.tsv:2:', 'object (target): is required'],
    },
    {
      name: 'TSV with broken JSON in mechkg_evidence',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        { path: 'x_edges.tsv', text: 'subject\tpredicate\tobject\tmechkg_predicate\tmechkg_evidence\nmechkg:a\tbiolink:causes\tmechkg:b\tcauses\t[{"source":\n' },
      ],
      expected: ['x_edges.tsv:2:', 'mechkg_evidence: not valid JSON'],
    },
    {
      name: 'TSV whose sign contradicts its mechkg predicate',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        { path: 'x_edges.tsv', text: `subject\tpredicate\tobject\tmechkg_predicate\tmechkg_sign\tmechkg_evidence\tmechkg_sources\nmechkg:a\tbiolink:causes\tmechkg:b\tinhibits\t+\t[{"source":"s","kind":"in_vitro","statement":"x"}]\t${SOURCES}\n` },
      ],
      expected: ['x_edges.tsv:2:', 'sign "+" contradicts predicate inhibits'],
    },
    {
      name: 'TSV evidence with an unknown kind',
      format: 'kgx',
      files: [
        { path: 'x_nodes.tsv', text: NODES_TSV },
        { path: 'x_edges.tsv', text: `subject\tpredicate\tobject\tmechkg_predicate\tmechkg_evidence\tmechkg_sources\nmechkg:a\tbiolink:causes\tmechkg:b\tcauses\t[{"source":"s","kind":"rumour","statement":"x"}]\t${SOURCES}\n` },
      ],
      expected: ['x_edges.tsv:2:', 'unknown_evidence_kind', 'evidence[0].kind'],
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
      expected: ['g.cyjs:', 'not Cytoscape JSON'],
    },
    {
      name: 'Cytoscape JSON edge without a target',
      format: 'cyjs',
      files: [{ path: 'g.cyjs', text: JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }], edges: [{ data: { id: 'e1', source: 'a', predicate: 'biolink:causes' } }] } }) }],
      expected: ['g.cyjs:', 'elements.edges[0]: object (target): is required'],
    },
    {
      name: 'mechkg Cytoscape JSON node with a bad identifier',
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
      name: 'GraphML value not of its key type (networkx rejects it)',
      format: 'graphml',
      files: [{ path: 'g.graphml', text: '<graphml>\n<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n<graph edgedefault="directed">\n<node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="w">heavy</data></edge>\n</graph>\n</graphml>\n' }],
      expected: ['g.graphml:5:', '"heavy" is not a double'],
    },
    {
      name: 'GraphML data under an undeclared key',
      format: 'graphml',
      files: [{ path: 'g.graphml', text: '<graphml>\n<graph edgedefault="directed">\n<node id="a"><data key="nope">1</data></node>\n</graph>\n</graphml>\n' }],
      expected: ['g.graphml:3:', 'no <key id="nope"> is declared'],
    },
    {
      name: 'GraphML edge with broken evidence JSON',
      format: 'graphml',
      files: [
        {
          path: 'g.graphml',
          text: '<graphml>\n<key id="p" for="edge" attr.name="predicate" attr.type="string"/>\n<key id="ev" for="edge" attr.name="evidence" attr.type="string"/>\n<graph edgedefault="directed">\n<node id="a"/><node id="b"/>\n<edge source="a" target="b">\n<data key="p">causes</data><data key="ev">[{</data>\n</edge>\n</graph>\n</graphml>\n',
        },
      ],
      expected: ['g.graphml:6:', '<edge> #1: evidence: not valid JSON'],
    },
    {
      name: 'a file in no format mechkg reads (auto)',
      format: 'auto',
      files: [{ path: 'notes.txt', text: 'just some notes\nnothing else\n' }],
      expected: ['notes.txt:', 'not a graph format mechkg reads', 'not XML, JSON or a KGX TSV / CSV header'],
    },
    {
      name: 'SIF, which mechkg writes but does not read (auto)',
      format: 'auto',
      files: [{ path: 'net.sif', text: 'TP53\tpp\tMDM2\nMDM2\tpp\tTP53\tATM\n' }],
      expected: ['net.sif:', 'if it is SIF (Cytoscape\'s simple interaction format', 'export the network from Cytoscape as Cytoscape JSON (.cyjs) or GraphML'],
    },
    {
      name: 'an edge table of Gephi\'s table export (auto)',
      format: 'auto',
      files: [{ path: 'edges.csv', text: 'Source,Target,Type,Id,Label,Weight\na,b,Directed,0,,1.0\n' }],
      expected: ['edges.csv:', 'it looks like an edge table (source and target columns)', 'KGX edge files name the ends subject and object'],
    },
    {
      name: 'a node table of Gephi\'s data laboratory (auto)',
      format: 'auto',
      files: [{ path: 'nodes.csv', text: 'Id,Label,timeset\na,A,\n' }],
      expected: ['nodes.csv:', 'it looks like a node table (Id and Label columns)'],
    },
    {
      name: 'JSON that is no graph format (auto)',
      format: 'auto',
      files: [{ path: 'x.json', text: '{"graph": {"vertices": []}}' }],
      expected: ['x.json:', 'not a graph format mechkg reads', '"graph"', 'TRAPI'],
    },
  ])('$name', ({ files, format, expected }) => {
    const messages = failures(files, format).join('\n');
    for (const e of expected) expect(messages).toContain(e);
  });

  it('throws a ValidationError carrying every problem (never a partial graph)', () => {
    const text = JSON.stringify({ elements: { nodes: [{ data: { id: 'a', category: 'gene', identifiers: ['bad'] } }, { data: { id: 'b' } }], edges: [{ data: { target: 'b' } }] } });
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
