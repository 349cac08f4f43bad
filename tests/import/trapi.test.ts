/**
 * TRAPI messages as Translator services return them (TRAPI 1.5: a response with `message.query_graph`,
 * `knowledge_graph`, `results`, `auxiliary_graphs`; edges with `sources`, a `qualifiers` list and `attributes`,
 * which may nest sub-attributes and repeat a type id). Hand-written in the shape of the TRAPI 1.5 schema.
 */
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/index.js';
import { sniffFormat, tryImportGraph } from '../../src/import/index.js';

const EDGE_ATTRIBUTES = [
  { attribute_type_id: 'biolink:knowledge_level', value: 'knowledge_assertion' },
  { attribute_type_id: 'biolink:agent_type', value: 'manual_agent' },
  { attribute_type_id: 'biolink:publications', value: ['PMID:123', 'PMID:456'] },
  { attribute_type_id: 'biolink:has_supporting_study_result', value: 'study1', attributes: [{ attribute_type_id: 'biolink:p_value', value: 0.01 }] },
  { attribute_type_id: 'biolink:has_supporting_study_result', value: 'study2' },
];
const RESPONSE = {
  schema_version: '1.5.0',
  status: 'Success',
  message: {
    query_graph: { nodes: { n0: { ids: ['CHEBI:1'] }, n1: { categories: ['biolink:Disease'] } }, edges: { e0: { subject: 'n0', object: 'n1' } } },
    knowledge_graph: {
      nodes: {
        'CHEBI:1': { name: 'drug', categories: ['biolink:SmallMolecule'], attributes: [{ attribute_type_id: 'biolink:xref', value: ['DRUGBANK:DB1'] }] },
        'MONDO:1': { name: 'disease', categories: ['biolink:Disease'], attributes: [{ attribute_type_id: 'biolink:Attribute', original_attribute_name: 'umls_score', value: 5 }] },
      },
      edges: {
        kge1: {
          subject: 'CHEBI:1',
          predicate: 'biolink:affects',
          object: 'MONDO:1',
          qualifiers: [{ qualifier_type_id: 'biolink:object_direction_qualifier', qualifier_value: 'decreased' }],
          sources: [
            { resource_id: 'infores:ctd', resource_role: 'primary_knowledge_source', upstream_resource_ids: [] },
            { resource_id: 'infores:arax', resource_role: 'aggregator_knowledge_source', upstream_resource_ids: ['infores:ctd'] },
          ],
          attributes: EDGE_ATTRIBUTES,
        },
      },
    },
    results: [{ node_bindings: { n0: [{ id: 'CHEBI:1' }], n1: [{ id: 'MONDO:1' }] }, analyses: [{ resource_id: 'infores:arax', edge_bindings: { e0: [{ id: 'kge1' }] } }] }],
    auxiliary_graphs: {},
  },
};
const TEXT = JSON.stringify(RESPONSE);

function load() {
  const r = tryImportGraph({ path: 'response.json', text: TEXT });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.graph;
}

describe('TRAPI messages', () => {
  it('is told as TRAPI by its content', () => {
    expect(sniffFormat(TEXT).format).toMatch(/trapi/i);
  });

  it('sources are the provenance, qualifiers and flat attributes become fields, the sign derived from them', () => {
    const g = load();
    expect(g.getEdgeAttributes('kge1')).toMatchObject({
      predicate: 'biolink:affects',
      qualifiers: { object_direction_qualifier: 'decreased' },
      provenance: { primary_knowledge_source: 'infores:ctd', aggregator_knowledge_source: ['infores:arax'], knowledge_level: 'knowledge_assertion', agent_type: 'manual_agent', publications: ['PMID:123', 'PMID:456'] },
      sign: '-',
    });
    expect(g.getNodeAttribute('CHEBI:1', 'identifiers')).toEqual(['DRUGBANK:DB1']);
  });

  it('a type id given twice keeps its first value as the field, and the attribute list is kept whole (sub-attributes too)', () => {
    const g = load();
    const a = g.getEdgeAttribute('kge1', 'attributes')!;
    expect(a.has_supporting_study_result).toBe('study1');
    expect(a.attributes).toEqual(EDGE_ATTRIBUTES);
    expect(g.getNodeAttribute('MONDO:1', 'attributes')).toEqual({ Attribute: 5, attributes: [{ attribute_type_id: 'biolink:Attribute', original_attribute_name: 'umls_score', value: 5 }] });
  });

  it('attributes the fields hold whole are not kept twice', () => {
    expect(load().getNodeAttribute('CHEBI:1', 'attributes')).toBeUndefined();
  });

  it('KGX JSON Lines writes the attribute list back as given', async () => {
    const out = await exportGraph(load(), 'kgx-jsonl');
    if (typeof out === 'string' || out instanceof Uint8Array) throw new Error('expected files');
    const edges = out.files[1]!;
    const row = JSON.parse(String(edges.content).trim().split('\n')[0]!) as Record<string, unknown>;
    expect(row.attributes).toEqual(EDGE_ATTRIBUTES);
    expect(row.sources).toEqual(RESPONSE.message.knowledge_graph.edges.kge1.sources);
  });
});

describe('TRAPI messages without a knowledge graph', () => {
  it.each([
    ['a query (query_graph only)', { message: { query_graph: { nodes: { n0: { ids: ['CHEBI:1'] } }, edges: {} } } }, 'not a graph format mechkg reads: a TRAPI query (message.query_graph and no knowledge_graph): mechkg reads the knowledge_graph of a TRAPI response; send the query to a TRAPI service and open its response'],
    ['an error response (knowledge_graph null)', { message: { query_graph: {}, knowledge_graph: null, results: null }, status: 'Error', description: 'KP timed out' }, 'not a graph format mechkg reads: a TRAPI response without a knowledge graph (message.knowledge_graph is null; status "Error": "KP timed out"): the service returned nothing to read'],
  ])('refuses %s, saying what it is (it was described as an unknown JSON object)', (_what, doc, message) => {
    const r = tryImportGraph({ path: 'q.json', text: JSON.stringify(doc) });
    expect(r.ok).toBe(false);
    expect(r.problems.filter((p) => p.level === 'error').map((p) => p.message.split('. mechkg reads')[0])).toEqual([message]);
  });

  it('a response whose knowledge graph is empty loads as an empty graph', () => {
    const r = tryImportGraph({ path: 'e.json', text: JSON.stringify({ message: { knowledge_graph: { nodes: {}, edges: {} }, results: [] } }) });
    expect(r.ok && r.graph.order).toBe(0);
  });
});
