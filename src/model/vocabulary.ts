/**
 * The closed vocabularies of mechkg: node categories, edge predicates and evidence kinds.
 * Everything else (schema, validation, styles, exporters) derives from these tables, so adding a
 * predicate or category is a one-line change here.
 */

export type Sign = '+' | '-';

/** Node categories, each mapped to a Biolink Model class and given a display style for the web app. */
export const CATEGORIES = {
  small_molecule: { label: 'Small molecule / metabolite', biolink: 'biolink:SmallMolecule', shape: 'ellipse', color: '#4e79a7' },
  protein: { label: 'Protein / enzyme', biolink: 'biolink:Protein', shape: 'round-rectangle', color: '#f28e2b' },
  gene: { label: 'Gene', biolink: 'biolink:Gene', shape: 'rectangle', color: '#b07aa1' },
  biological_process: { label: 'Biological process', biolink: 'biolink:BiologicalProcess', shape: 'hexagon', color: '#59a14f' },
  disease: { label: 'Disease', biolink: 'biolink:Disease', shape: 'octagon', color: '#e15759' },
  phenotype: { label: 'Phenotype / clinical feature', biolink: 'biolink:PhenotypicFeature', shape: 'diamond', color: '#ff9da7' },
  drug: { label: 'Drug', biolink: 'biolink:Drug', shape: 'pentagon', color: '#76b7b2' },
  food: { label: 'Food', biolink: 'biolink:Food', shape: 'barrel', color: '#9c755f' },
  exposure: { label: 'Diet / exposure', biolink: 'biolink:ExposureEvent', shape: 'tag', color: '#edc948' },
  biomarker: { label: 'Clinical measurement / biomarker', biolink: 'biolink:ClinicalMeasurement', shape: 'vee', color: '#17becf' },
  population: { label: 'Population / risk group', biolink: 'biolink:PopulationOfIndividualOrganisms', shape: 'star', color: '#bab0ac' },
  intervention: { label: 'Intervention', biolink: 'biolink:ClinicalIntervention', shape: 'round-tag', color: '#2ca02c' },
  anatomy: { label: 'Anatomical site / cell type', biolink: 'biolink:AnatomicalEntity', shape: 'round-diamond', color: '#8c8c8c' },
  /** Imported nodes whose categories (kept as given) derive none of the above; never used in mechkg's YAML. */
  unknown: { label: 'Unknown category', biolink: 'biolink:NamedThing', shape: 'ellipse', color: '#c7c7c7' },
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_NAMES = Object.keys(CATEGORIES) as [Category, ...Category[]];
/** The categories a curator may write in graph/ (every one but `unknown`). */
export type CuratedCategory = Exclude<Category, 'unknown'>;
export const CURATED_CATEGORY_NAMES = CATEGORY_NAMES.filter((c) => c !== 'unknown') as [CuratedCategory, ...CuratedCategory[]];

/**
 * What kind of relation a predicate states. The kinds are kept apart because they mean different things
 * when something is perturbed (docs/semantics.md):
 * - influence: a signed effect on the target's amount or activity (activates, inhibits, causes ...); it
 *   propagates along routes;
 * - conversion: mass flow in the sense of SBGN process descriptions (a substrate becomes a product, an
 *   enzyme consumes or produces a metabolite, a cofactor enables an enzyme); it propagates by the
 *   conversion rules, never backwards from a product to its precursors;
 * - association: a statistical or clinical co-occurrence (correlations, biomarkers, confounding), which
 *   carries no causation and is followed only when associations are asked for;
 * - structural: classification and location (is a kind of, is located in).
 */
export const RELATIONS = {
  influence: { label: 'influence', causal: true },
  conversion: { label: 'conversion (mass flow)', causal: true },
  association: { label: 'association (not causal)', causal: false },
  structural: { label: 'structural', causal: false },
} as const;
export type Relation = keyof typeof RELATIONS;
export const RELATION_NAMES = Object.keys(RELATIONS) as [Relation, ...Relation[]];

/**
 * The role of a conversion edge, after SBGN's process-description arcs:
 * - conversion: substrate -> product (converted_to), the reaction drawn as one arrow;
 * - consumption: enzyme or process -> its substrate (consumes);
 * - production: enzyme or process -> its product (produces);
 * - catalysis: enzyme -> the process or reaction it runs (catalyzes);
 * - stimulation: cofactor -> the enzyme it enables (cofactor_for).
 */
export const CONVERSION_ARCS = ['conversion', 'consumption', 'production', 'catalysis', 'stimulation'] as const;
export type ConversionArc = (typeof CONVERSION_ARCS)[number];

/** A Biolink 4.4.4 predicate with the qualifiers that make mechkg's meaning exact (tests/model checks they exist). */
export interface BiolinkMapping {
  readonly predicate: string;
  readonly object_direction_qualifier?: 'increased' | 'decreased';
  readonly object_aspect_qualifier?: string;
  readonly causal_mechanism_qualifier?: string;
}

interface PredicateSpec {
  readonly label: string;
  /** How a sentence reads: "<source> <verb> <target>". */
  readonly verb: string;
  readonly relation: Relation;
  /** For conversions: which arc of the reaction the edge is. */
  readonly arc?: ConversionArc;
  /**
   * What raising the source does to the target: '+' raises, '-' lowers, null no direction. For
   * associations it is the sign of the correlation, not an effect.
   */
  readonly sign: Sign | null;
  /** Influence and conversion edges are followed by path queries; the others only with includeAssociations. */
  readonly causal: boolean;
  /** Set on `confounds`: the source is a common cause that distorts an association at the target (queries report it with the routes it touches). */
  readonly confounding?: true;
  readonly biolink: BiolinkMapping;
}

const affects = (direction: 'increased' | 'decreased', aspect: string, mechanism?: string): BiolinkMapping => ({
  predicate: 'biolink:affects',
  object_direction_qualifier: direction,
  object_aspect_qualifier: aspect,
  ...(mechanism ? { causal_mechanism_qualifier: mechanism } : {}),
});

/**
 * Edge predicates with relation kind, sign, causality and Biolink mapping. Conversion predicates (their
 * names are a contract with the curated data): converted_to (substrate -> product), consumes (enzyme ->
 * its substrate), produces (enzyme -> its product), cofactor_for (cofactor -> enzyme), catalyzes (enzyme
 * -> a process or reaction node).
 */
export const PREDICATES = {
  increases: { label: 'increases', verb: 'increases', relation: 'influence', sign: '+', causal: true, biolink: affects('increased', 'abundance') },
  decreases: { label: 'decreases', verb: 'decreases', relation: 'influence', sign: '-', causal: true, biolink: affects('decreased', 'abundance') },
  activates: { label: 'activates', verb: 'activates', relation: 'influence', sign: '+', causal: true, biolink: affects('increased', 'activity') },
  inhibits: { label: 'inhibits', verb: 'inhibits', relation: 'influence', sign: '-', causal: true, biolink: affects('decreased', 'activity') },
  required_for: { label: 'is required for', verb: 'is required for', relation: 'influence', sign: '+', causal: true, biolink: affects('increased', 'activity_or_abundance') },
  causes: { label: 'causes', verb: 'causes', relation: 'influence', sign: '+', causal: true, biolink: { predicate: 'biolink:causes' } },
  contributes_to: { label: 'contributes to', verb: 'contributes to', relation: 'influence', sign: '+', causal: true, biolink: { predicate: 'biolink:contributes_to' } },
  risk_factor_for: { label: 'is a risk factor for', verb: 'raises the risk of', relation: 'influence', sign: '+', causal: true, biolink: { predicate: 'biolink:predisposes_to_condition' } },
  progresses_to: { label: 'progresses to', verb: 'can progress to', relation: 'influence', sign: '+', causal: true, biolink: { predicate: 'biolink:contributes_to' } },
  prevents: { label: 'prevents', verb: 'prevents', relation: 'influence', sign: '-', causal: true, biolink: { predicate: 'biolink:preventative_for_condition' } },
  treats: { label: 'treats', verb: 'treats', relation: 'influence', sign: '-', causal: true, biolink: { predicate: 'biolink:ameliorates_condition' } }, // biolink:treats is a mixin in 4.4.4; this is its concrete form
  converted_to: { label: 'is converted to', verb: 'is converted to', relation: 'conversion', arc: 'conversion', sign: '+', causal: true, biolink: { predicate: 'biolink:derives_into' } },
  consumes: { label: 'consumes', verb: 'converts away (consumes)', relation: 'conversion', arc: 'consumption', sign: '-', causal: true, biolink: { predicate: 'biolink:consumes' } },
  produces: { label: 'produces', verb: 'produces', relation: 'conversion', arc: 'production', sign: '+', causal: true, biolink: { predicate: 'biolink:produces' } },
  catalyzes: { label: 'catalyzes', verb: 'catalyzes', relation: 'conversion', arc: 'catalysis', sign: '+', causal: true, biolink: { predicate: 'biolink:catalyzes' } },
  cofactor_for: { label: 'is cofactor for', verb: 'is a required cofactor for', relation: 'conversion', arc: 'stimulation', sign: '+', causal: true, biolink: affects('increased', 'activity', 'cofactor') },
  biomarker_for: { label: 'is a biomarker for', verb: 'is a biomarker for', relation: 'association', sign: null, causal: false, biolink: { predicate: 'biolink:biomarker_for' } },
  positively_correlated_with: { label: 'positively correlated with', verb: 'rises together with', relation: 'association', sign: '+', causal: false, biolink: { predicate: 'biolink:positively_correlated_with' } },
  negatively_correlated_with: { label: 'negatively correlated with', verb: 'falls as the other rises, relative to', relation: 'association', sign: '-', causal: false, biolink: { predicate: 'biolink:negatively_correlated_with' } },
  associated_with: { label: 'associated with', verb: 'is associated with', relation: 'association', sign: null, causal: false, biolink: { predicate: 'biolink:associated_with' } },
  confounds: { label: 'confounds', verb: 'confounds the observed link involving', relation: 'association', sign: null, causal: false, confounding: true, biolink: { predicate: 'biolink:related_to' } },
  subclass_of: { label: 'is a kind of', verb: 'is a kind of', relation: 'structural', sign: null, causal: false, biolink: { predicate: 'biolink:subclass_of' } },
  located_in: { label: 'is stored / located in', verb: 'is stored or located in', relation: 'structural', sign: null, causal: false, biolink: { predicate: 'biolink:located_in' } },
} as const satisfies Record<string, PredicateSpec>;
export type Predicate = keyof typeof PREDICATES;
export const PREDICATE_NAMES = Object.keys(PREDICATES) as [Predicate, ...Predicate[]];

/** Whether p is one of mechkg's own predicate names (imported edges keep their file's predicate instead). */
export function isOwnPredicate(p: string): p is Predicate {
  return Object.hasOwn(PREDICATES, p);
}

/** A predicate as people read it: mechkg's label, else the file's predicate without its prefix ("interacts with"). */
export function predicateLabel(p: string): string {
  return isOwnPredicate(p) ? PREDICATES[p].label : p.replace(/^biolink:/i, '').replace(/_/g, ' ');
}

/** The verb of "<source> <verb> <target>": mechkg's verb, else the predicate as read. */
export function predicateVerb(p: string): string {
  return isOwnPredicate(p) ? PREDICATES[p].verb : predicateLabel(p);
}

/**
 * Evidence kinds, ordered by strength (higher is stronger) for ranking and --min-evidence. A study kind
 * (`study: true`) claims a particular study, so validation requires that study in the source registry
 * with a PMID or DOI (src/load/evidence-rules.ts). `testsCausation`: a human design that assigns the
 * exposure by chance or by intervention (randomization, genotype, a dose given), so its result speaks to
 * cause and effect in people; observational cohorts show co-occurrence, open to confounding and reverse
 * causation, and do not count (the direct tests of a path question, src/query/direct-tests.ts).
 * `definition`: the step holds because of what its terms mean (steatosis is the defining lesion of NAFLD,
 * as a practice guidance defines it), so it is certain and never a route's weakest link; it names the
 * defining source, never a popular article (src/load/evidence-rules.ts). An edge between a node and its own
 * state (`state_of`) is definitional in the same way, whatever its entries (src/graph/build-graph.ts).
 */
export const EVIDENCE_KINDS = {
  definition: { label: 'by definition', strength: 8, preclinical: false, study: false, testsCausation: false },
  established_biochemistry: { label: 'established biochemistry', strength: 7, preclinical: false, study: false, testsCausation: false },
  randomized_trial: { label: 'randomized trial', strength: 6, preclinical: false, study: true, testsCausation: true },
  mendelian_randomization: { label: 'Mendelian randomization', strength: 5, preclinical: false, study: true, testsCausation: true },
  intervention_study: { label: 'non-randomized intervention study (human)', strength: 4, preclinical: false, study: true, testsCausation: true },
  observational_human: { label: 'observational (human)', strength: 4, preclinical: false, study: true, testsCausation: false },
  animal_model: { label: 'animal model', strength: 3, preclinical: true, study: true, testsCausation: false },
  in_vitro: { label: 'in vitro', strength: 2, preclinical: true, study: true, testsCausation: false },
  review_statement: { label: 'review or expert statement', strength: 1, preclinical: false, study: false, testsCausation: false },
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;
export const EVIDENCE_KIND_NAMES = Object.keys(EVIDENCE_KINDS) as [EvidenceKind, ...EvidenceKind[]];

export const STANCES = ['supports', 'disputes'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * The level of a node's amount or activity that a state node names (`state_of` on a node): a deficiency
 * is the low state of what it lacks, an excess ("hyper-") the high state. Route queries treat a node and
 * its states as one concept that a route may not leave and re-enter (docs/semantics.md, rule 9).
 */
export const STATE_LEVELS = ['low', 'high'] as const;
export type StateLevel = (typeof STATE_LEVELS)[number];

/**
 * What a disputing study found instead of the edge's effect, when the curator read it: `none` (no effect:
 * no difference from placebo or control, no association with the genetic instrument) or `opposite` (an
 * effect of the other sign). Without it a dispute says only that the study does not support the edge.
 */
export const DISPUTED_EFFECTS = ['none', 'opposite'] as const;
export type DisputedEffect = (typeof DISPUTED_EFFECTS)[number];

export const SOURCE_KINDS = ['seed_article', 'primary_paper', 'review', 'textbook', 'database'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Product of two signs; null (no direction) makes the product unknown. */
export function multiplySigns(a: Sign | '?', b: Sign | null | '?'): Sign | '?' {
  if (a === '?' || b === null || b === '?') return '?';
  return a === b ? '+' : '-';
}

/** CURIE prefixes mechkg knows, with the page a CURIE links to. Others are accepted with a warning. */
export const CURIE_PREFIXES: Record<string, string> = {
  CHEBI: 'https://www.ebi.ac.uk/chebi/searchId.do?chebiId=CHEBI:{id}',
  HGNC: 'https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:{id}',
  NCBIGene: 'https://www.ncbi.nlm.nih.gov/gene/{id}',
  UniProtKB: 'https://www.uniprot.org/uniprotkb/{id}',
  GO: 'http://amigo.geneontology.org/amigo/term/GO:{id}',
  MONDO: 'http://purl.obolibrary.org/obo/MONDO_{id}',
  DOID: 'http://purl.obolibrary.org/obo/DOID_{id}',
  HP: 'http://purl.obolibrary.org/obo/HP_{id}',
  EFO: 'http://www.ebi.ac.uk/efo/EFO_{id}',
  MESH: 'https://meshb.nlm.nih.gov/record/ui?ui={id}',
  DRUGBANK: 'https://go.drugbank.com/drugs/{id}',
  NCIT: 'http://purl.obolibrary.org/obo/NCIT_{id}',
  LOINC: 'https://loinc.org/{id}',
  UBERON: 'http://purl.obolibrary.org/obo/UBERON_{id}',
  CL: 'http://purl.obolibrary.org/obo/CL_{id}',
  PMID: 'https://pubmed.ncbi.nlm.nih.gov/{id}/',
  DOI: 'https://doi.org/{id}',
};

export const CURIE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*:[^\s:][^\s]*$/;

/** The page a CURIE links to, or null for an unknown prefix. */
export function curieUrl(curie: string): string | null {
  const i = curie.indexOf(':');
  const prefix = curie.slice(0, i);
  const template = Object.hasOwn(CURIE_PREFIXES, prefix) ? CURIE_PREFIXES[prefix] : undefined; // "constructor:x" is data, not a key
  return template ? template.replace('{id}', encodeURIComponent(curie.slice(i + 1)).replace(/%2F/g, '/')) : null;
}
