import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/index.js';
import { displayCategory, edgeMeaning, importGraph, tryImportGraph } from '../../src/import/index.js';

// A KGX pair as another pipeline writes it (no mechkg_* columns), with KGX's own quirks: a raw quote, a row
// with its trailing empty fields left off, a node listed twice, an edge to a node the nodes file lacks.
const NODES = [
  'id\tcategory\tname\tdescription\txref\ttaxon',
  'CHEBI:30411\tbiolink:SmallMolecule|biolink:ChemicalEntity\tcobalamin\t"vitamin B12", as KGX writes it\t\tNCBITaxon:9606',
  'HGNC:7468\tbiolink:Gene\tMTR',
  'GO:0006914\tbiolink:BiologicalProcess\tautophagy\t\t\t',
  'MONDO:0005359\tbiolink:Disease\tfatty liver\t\t\t',
  'HP:0001397\tbiolink:DiseaseOrPhenotypicFeature|biolink:PhenotypicFeature\thepatic steatosis\t\t\t',
  'FOO:1\tbiolink:NamedThing\tmystery\t\t\t',
  'HGNC:7468\tbiolink:Gene\tMTR\t5-methyltetrahydrofolate-homocysteine methyltransferase\tNCBIGene:4548\t',
].join('\n');
const EDGES = [
  'id\tsubject\tpredicate\tobject\tobject_direction_qualifier\tobject_aspect_qualifier\tqualified_predicate\tsubject_direction_qualifier\tnegated\tknowledge_level\tagent_type\tprimary_knowledge_source\tpublications\trelation',
  'e1\tCHEBI:30411\tbiolink:affects\tHGNC:7468\tincreased\tactivity\tbiolink:causes\t\t\tknowledge_assertion\tmanual_agent\tinfores:semmeddb\tPMID:35820507|doi:10.1016/j.jhep.2022.06.033\tRO:0002213',
  'e2\tHGNC:7468\tbiolink:affects\tGO:0006914\tdecreased\tabundance\tbiolink:causes\tdecreased',
  'e3\tGO:0006914\tbiolink:preventative_for_condition\tMONDO:0005359\t\t\t\t\t\t\t\tinfores:ctd',
  'e4\tMONDO:0005359\tbiolink:causes\tHP:0001397',
  'e5\tFOO:1\tbiolink:interacts_with\tHP:0001397\t\t\t\t\tTrue',
  'e6\tCHEBI:30411\tbiolink:has_output\tNCBIGene:999999',
  'e7\tHGNC:7468\tbiolink:affected_by\tCHEBI:30411\tincreased',
].join('\n');

const r = tryImportGraph(
  [
    { path: '/home/someone/data/other_nodes.tsv', text: NODES },
    { path: '/home/someone/data/other_edges.tsv', text: EDGES },
  ],
  'kgx',
);
if (!r.ok) throw new Error(JSON.stringify(r.problems));
const g = r.graph;
const edge = (id: string) => g.getEdgeAttributes(id);

describe('importGraph: foreign KGX keeps identity and vocabulary as given', () => {
  it('keeps every id as the file gives it', () => {
    expect(g.nodes().sort()).toEqual(['CHEBI:30411', 'FOO:1', 'GO:0006914', 'HGNC:7468', 'HP:0001397', 'MONDO:0005359', 'NCBIGene:999999']);
    expect(g.edges().sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
  });

  it('reads TSV as KGX does: raw quotes kept, trailing empty fields left off, rows of one node merged', () => {
    expect(g.getNodeAttribute('CHEBI:30411', 'description')).toBe('"vitamin B12", as KGX writes it');
    expect(g.getNodeAttributes('HGNC:7468')).toMatchObject({ label: 'MTR', description: '5-methyltetrahydrofolate-homocysteine methyltransferase', identifiers: ['NCBIGene:4548'] });
    expect(r.problems.some((p) => p.code === 'duplicate_id' && p.line === 8 && p.message.includes('first at line 3'))).toBe(true);
  });

  it('gives an endpoint missing from the nodes file a stub node, with a warning', () => {
    expect(g.getNodeAttributes('NCBIGene:999999')).toMatchObject({ label: 'NCBIGene:999999', category: 'unknown' });
    expect(r.problems.some((p) => p.level === 'warning' && p.code === 'dangling_endpoint' && p.id === 'NCBIGene:999999' && p.line === 7)).toBe(true);
  });

  it('keeps categories as given and derives the display category from the most specific one', () => {
    expect(g.getNodeAttributes('CHEBI:30411')).toMatchObject({ category: 'small_molecule', categories: ['biolink:SmallMolecule', 'biolink:ChemicalEntity'] });
    expect(g.getNodeAttribute('HP:0001397', 'category')).toBe('phenotype');
    expect(g.getNodeAttribute('FOO:1', 'category')).toBe('unknown');
  });

  it('keeps predicates and qualifiers as given and derives sign, causality and relation from them', () => {
    expect(edge('e1')).toMatchObject({ predicate: 'biolink:affects', qualifiers: { object_direction_qualifier: 'increased', object_aspect_qualifier: 'activity', qualified_predicate: 'biolink:causes' }, sign: '+', causal: true, relation: 'influence' });
    // a decrease of the subject lowering the object: a positive link
    expect(edge('e2')).toMatchObject({ sign: '+', causal: true });
    expect(edge('e3')).toMatchObject({ predicate: 'biolink:preventative_for_condition', sign: '-', causal: true });
    // causes says nothing of direction
    expect(edge('e4')).toMatchObject({ predicate: 'biolink:causes', sign: null, causal: true });
    expect(edge('e5')).toMatchObject({ negated: true, sign: null, causal: false, relation: 'association' });
    // has_output is a production arc, as mechkg's own produces
    expect(edge('e6')).toMatchObject({ relation: 'conversion', arc: 'production', causal: true, sign: '+' });
    // affected_by runs against the edge: not followed as a cause
    expect(edge('e7')).toMatchObject({ predicate: 'biolink:affected_by', relation: 'association', causal: false });
  });

  it('invents no evidence: provenance is kept as given, and an edge without any has none', () => {
    expect(edge('e1').evidence).toEqual([]);
    expect(edge('e1').provenance).toEqual({ knowledge_level: 'knowledge_assertion', agent_type: 'manual_agent', primary_knowledge_source: 'infores:semmeddb', publications: ['PMID:35820507', 'doi:10.1016/j.jhep.2022.06.033'] });
    expect(edge('e4').provenance).toBeUndefined();
    expect(g.getAttribute('sources')).toEqual({});
  });

  it('keeps unmodelled columns as attributes and carries no local directories', () => {
    expect(g.getNodeAttribute('CHEBI:30411', 'attributes')).toEqual({ taxon: 'NCBITaxon:9606' });
    expect(edge('e1').attributes).toEqual({ relation: 'RO:0002213' });
    expect(JSON.stringify(g.export())).not.toContain('/home/someone');
  });

  it('writes the same ids, categories, predicates, qualifiers, provenance and attributes back, filling only what Biolink requires, with warnings', async () => {
    const out = await exportGraph(g, 'kgx');
    if (typeof out === 'string' || out instanceof Uint8Array) throw new Error('expected files');
    const [nodes, edges] = out.files.map((f) => String(f.content));
    expect(nodes).not.toContain('mechkg');
    expect(edges).not.toContain('mechkg');
    expect(edges).not.toContain('infores:mechkg');
    // the stub node has no category (KGX reads that as biolink:NamedThing); e2 to e7 state no knowledge_level or agent_type
    expect(out.warnings).toEqual([
      'kgx: 1 node(s) without category, which Biolink 4 requires; written as biolink:NamedThing (what KGX reads a node without category as)',
      'kgx: 6 edge(s) without knowledge_level, which Biolink 4 requires; written as not_provided (Biolink\'s value when it is not stated)',
      'kgx: 6 edge(s) without agent_type, which Biolink 4 requires; written as not_provided (Biolink\'s value when it is not stated)',
    ]);
    const back = importGraph(out.files.map((f) => ({ path: `back_${f.name}`, text: String(f.content) })), 'kgx');
    for (const id of g.nodes()) {
      const { origin: _a, ...a } = g.getNodeAttributes(id);
      const { origin: _b, modules: _m, ...b } = back.getNodeAttributes(id);
      expect({ ...b, modules: a.modules }).toEqual({ ...a, categories: a.categories!.length ? a.categories : ['biolink:NamedThing'] });
    }
    for (const id of g.edges()) {
      const { origin: _a, module: _ma, ...a } = g.getEdgeAttributes(id);
      const { origin: _b, module: _mb, ...b } = back.getEdgeAttributes(id);
      // nothing else is added: no primary_knowledge_source, publications or evidence where the file gave none
      const provenance = { ...a.provenance, knowledge_level: a.provenance?.knowledge_level ?? 'not_provided', agent_type: a.provenance?.agent_type ?? 'not_provided' };
      expect(b).toEqual({ ...a, provenance });
    }
  });
});

describe('derived meaning', () => {
  it.each([
    [['biolink:NamedThing'], 'unknown'],
    [['biolink:NamedThing', 'biolink:GenomicEntity', 'biolink:Gene'], 'gene'],
    [['biolink:Pathway'], 'biological_process'],
    [['biolink:Cell'], 'anatomy'],
    [['biolink:Spaceship'], 'unknown'],
    [[], 'unknown'],
  ])('display category of %o is %s', (categories, expected) => {
    expect(displayCategory(categories)).toBe(expected);
  });

  it.each([
    [{ predicate: 'biolink:affects', object_direction_qualifier: 'upregulated' }, '+', true],
    [{ predicate: 'biolink:affects' }, null, true],
    [{ predicate: 'biolink:regulates', object_direction_qualifier: 'downregulated' }, '-', true],
    [{ predicate: 'biolink:promotes_condition' }, '+', true],
    [{ predicate: 'biolink:exacerbates_condition' }, '+', true],
    [{ predicate: 'biolink:treats' }, '-', true],
    [{ predicate: 'biolink:positively_correlated_with' }, '+', false],
    [{ predicate: 'biolink:affects', subject_direction_qualifier: 'increased' }, null, true],
    [{ predicate: 'biolink:causes', object_direction_qualifier: 'increased', negated: true }, null, false],
    [{ predicate: 'biolink:positively_regulates' }, null, false],
  ])('%o: sign %s, causal %s', (input, sign, causal) => {
    expect(edgeMeaning(input)).toMatchObject({ sign, causal });
  });
});
