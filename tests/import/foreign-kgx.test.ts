import { describe, expect, it } from 'vitest';
import { tryImportGraph, mapPredicate, mapCategory } from '../../src/import/index.js';

// A KGX pair as another pipeline (no mechkg_* columns) would write it.
const NODES = [
  'id\tcategory\tname\tdescription\txref',
  'CHEBI:30411\tbiolink:SmallMolecule|biolink:ChemicalEntity\tcobalamin\tvitamin B12\t',
  'HGNC:7468\tbiolink:Gene\tMTR\t\t',
  'GO:0006914\tbiolink:BiologicalProcess\tautophagy\t\t',
  'MONDO:0005359\tbiolink:Disease\tfatty liver\t\t',
  'FOO:1\tbiolink:Spaceship\tmystery\t\t',
  'BAR:2\t\tno category\t\t',
].join('\n');
const EDGES = [
  'id\tsubject\tpredicate\tobject\tobject_direction_qualifier\tobject_aspect_qualifier\tqualified_predicate\tknowledge_level\tprimary_knowledge_source\tpublications',
  'e1\tCHEBI:30411\tbiolink:affects\tHGNC:7468\tincreased\tactivity\tbiolink:causes\tknowledge_assertion\tinfores:semmeddb\tPMID:35820507|doi:10.1016/j.jhep.2022.06.033',
  'e2\tHGNC:7468\tbiolink:affects\tGO:0006914\tdecreased\tabundance\tbiolink:causes\tknowledge_assertion\tinfores:semmeddb\t',
  'e3\tGO:0006914\tbiolink:prevents\tMONDO:0005359\t\t\t\t\tinfores:ctd\t',
  'e4\tMONDO:0005359\tbiolink:positively_correlated_with\tFOO:1\t\t\t\tstatistical_association\t\t',
  'e5\tFOO:1\tbiolink:interacts_with\tBAR:2\t\t\t\t\t\t',
  'e6\tCHEBI:30411\tbiolink:negatively_regulates\tBAR:2\t\t\t\t\t\t',
].join('\n');

describe('importGraph: foreign KGX', () => {
  const r = tryImportGraph(
    [
      { path: 'other_nodes.tsv', text: NODES },
      { path: 'other_edges.tsv', text: EDGES },
    ],
    'kgx',
  );
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const g = r.graph;

  it('turns CURIE ids into slugs and keeps the CURIE as the first identifier', () => {
    expect(g.nodes().sort()).toEqual(['bar-2', 'chebi-30411', 'foo-1', 'go-0006914', 'hgnc-7468', 'mondo-0005359']);
    expect(g.getNodeAttribute('chebi-30411', 'identifiers')[0]).toBe('CHEBI:30411');
  });

  it('maps Biolink categories and guesses unknown ones with a warning', () => {
    expect(g.getNodeAttribute('chebi-30411', 'category')).toBe('small_molecule');
    expect(g.getNodeAttribute('hgnc-7468', 'category')).toBe('gene');
    expect(g.getNodeAttribute('mondo-0005359', 'category')).toBe('disease');
    expect(g.getNodeAttribute('foo-1', 'category')).toBe('biological_process');
    const warnings = r.problems.filter((p) => p.level === 'warning' && p.code === 'unknown_category');
    expect(warnings.map((w) => w.message).join('\n')).toContain('"biolink:Spaceship"');
    expect(warnings.find((w) => w.id === 'foo-1')?.line).toBe(6);
  });

  it('maps predicate + object_direction_qualifier to a mechkg predicate and sign', () => {
    const edge = (s: string, t: string) => g.getEdgeAttributes(g.edges(s, t)[0]!);
    expect(edge('chebi-30411', 'hgnc-7468')).toMatchObject({ predicate: 'activates', sign: '+', causal: true });
    expect(edge('hgnc-7468', 'go-0006914')).toMatchObject({ predicate: 'decreases', sign: '-', causal: true });
    expect(edge('go-0006914', 'mondo-0005359')).toMatchObject({ predicate: 'prevents', sign: '-' });
    expect(edge('mondo-0005359', 'foo-1')).toMatchObject({ predicate: 'positively_correlated_with', sign: '+', causal: false });
    expect(edge('foo-1', 'bar-2')).toMatchObject({ predicate: 'associated_with', sign: null });
    expect(edge('chebi-30411', 'bar-2')).toMatchObject({ predicate: 'inhibits', sign: '-' });
    expect(r.problems.some((p) => p.code === 'unknown_predicate' && p.line === 6 && p.message.includes('biolink:interacts_with'))).toBe(true);
  });

  it('turns publications and knowledge sources into sources and evidence', () => {
    const e1 = g.getEdgeAttributes(g.edges('chebi-30411', 'hgnc-7468')[0]!);
    expect(e1.evidence.map((ev) => ev.source)).toEqual(['pmid-35820507', 'doi-10-1016-j-jhep-2022-06-033']);
    expect(g.getAttribute('sources')['pmid-35820507']).toMatchObject({ pmid: '35820507', kind: 'primary_paper' });
    expect(g.getAttribute('sources')['doi-10-1016-j-jhep-2022-06-033']).toMatchObject({ doi: '10.1016/j.jhep.2022.06.033' });
    const e3 = g.getEdgeAttributes(g.edges('go-0006914', 'mondo-0005359')[0]!);
    expect(e3.evidence[0]).toMatchObject({ source: 'infores-ctd', kind: 'review_statement', stance: 'supports' });
    expect(g.getEdgeAttributes(g.edges('mondo-0005359', 'foo-1')[0]!).evidence[0]!.kind).toBe('observational_human');
  });
});

describe('mapPredicate', () => {
  it.each([
    [{ predicate: 'biolink:affects', object_direction_qualifier: 'increased', object_aspect_qualifier: 'abundance' }, 'increases'],
    [{ predicate: 'biolink:affects', object_direction_qualifier: 'decreased', object_aspect_qualifier: 'activity' }, 'inhibits'],
    [{ predicate: 'biolink:affects', object_direction_qualifier: 'upregulated' }, 'increases'],
    [{ predicate: 'biolink:causes' }, 'causes'],
    [{ predicate: 'biolink:treats' }, 'treats'],
    [{ predicate: 'biolink:genetically_associated_with' }, 'associated_with'],
    [{ predicate: 'biolink:predisposes_to_condition' }, 'risk_factor_for'],
  ])('%o -> %s', (kgx, expected) => {
    expect(mapPredicate(kgx).predicate).toBe(expected);
  });

  it('falls back to associated_with, unknown, for a predicate with no direction', () => {
    expect(mapPredicate({ predicate: 'biolink:affects' })).toEqual({ predicate: 'associated_with', known: false });
  });
});

describe('mapCategory', () => {
  it('uses Biolink classes first, then id prefixes, then the fallback', () => {
    expect(mapCategory(['biolink:Protein'])).toEqual({ category: 'protein', known: true });
    expect(mapCategory(['biolink:NamedThing'], ['UBERON:0002107'])).toEqual({ category: 'anatomy', known: false });
    expect(mapCategory([], ['XYZ:1'])).toEqual({ category: 'biological_process', known: false });
  });
});
