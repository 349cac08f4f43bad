/**
 * Mapping foreign vocabularies onto mechkg's closed ones: Biolink categories (and CURIE prefixes) to a
 * mechkg category, and a KGX predicate with its qualifiers to a mechkg predicate. The sign and causality
 * of a KGX edge come from src/query/kgx-sign.ts, so the importer and the compact index agree.
 */
import { CATEGORIES, CATEGORY_NAMES, PREDICATES, PREDICATE_NAMES, type Category, type Predicate } from '../model/vocabulary.js';
import { isCausalKgx, signFromKgx } from '../query/kgx-sign.js';

const bare = (term: string) => term.trim().replace(/^biolink:/i, '');

/** Biolink classes (without prefix) beyond the ones CATEGORIES names, each with the nearest mechkg category. */
const EXTRA_CATEGORIES: Record<string, Category> = {
  ChemicalEntity: 'small_molecule',
  MolecularEntity: 'small_molecule',
  ChemicalMixture: 'small_molecule',
  MolecularMixture: 'small_molecule',
  ComplexMolecularMixture: 'small_molecule',
  ProcessedMaterial: 'small_molecule',
  NucleicAcidEntity: 'gene',
  Transcript: 'gene',
  RNAProduct: 'gene',
  GeneFamily: 'gene',
  Genotype: 'gene',
  SequenceVariant: 'gene',
  GeneProduct: 'protein',
  GeneProductMixin: 'protein',
  Polypeptide: 'protein',
  ProteinFamily: 'protein',
  ProteinDomain: 'protein',
  MacromolecularComplex: 'protein',
  Enzyme: 'protein',
  Pathway: 'biological_process',
  PhysiologicalProcess: 'biological_process',
  MolecularActivity: 'biological_process',
  BiologicalProcessOrActivity: 'biological_process',
  Behavior: 'biological_process',
  DiseaseOrPhenotypicFeature: 'disease',
  ClinicalFinding: 'phenotype',
  ClinicalAttribute: 'biomarker',
  ClinicalMeasurement: 'biomarker',
  Cell: 'anatomy',
  CellularComponent: 'anatomy',
  GrossAnatomicalStructure: 'anatomy',
  Cohort: 'population',
  Case: 'population',
  StudyPopulation: 'population',
  OrganismTaxon: 'population',
  PopulationOfIndividualOrganisms: 'population',
  Procedure: 'intervention',
  Treatment: 'intervention',
  EnvironmentalExposure: 'exposure',
  Exposure: 'exposure',
  ChemicalExposure: 'exposure',
  Drug: 'drug',
  Food: 'food',
};

const PREFIX_CATEGORIES: Record<string, Category> = {
  CHEBI: 'small_molecule',
  PUBCHEM: 'small_molecule',
  'PUBCHEM.COMPOUND': 'small_molecule',
  HMDB: 'small_molecule',
  HGNC: 'gene',
  NCBIGENE: 'gene',
  ENSEMBL: 'gene',
  UNIPROTKB: 'protein',
  PR: 'protein',
  GO: 'biological_process',
  REACT: 'biological_process',
  MONDO: 'disease',
  DOID: 'disease',
  HP: 'phenotype',
  UBERON: 'anatomy',
  CL: 'anatomy',
  DRUGBANK: 'drug',
  LOINC: 'biomarker',
};

/** The fallback when nothing about a node suggests a category. */
export const FALLBACK_CATEGORY: Category = 'biological_process';

export interface CategoryMatch {
  category: Category;
  /** True when a known Biolink class matched; false for a guess from the id prefix or the fallback. */
  known: boolean;
}

/** The mechkg category for a node's Biolink categories (first match wins), else its CURIE prefix, else the fallback. */
export function mapCategory(biolink: readonly string[], curies: readonly string[] = []): CategoryMatch {
  for (const raw of biolink) {
    const name = bare(raw);
    if ((CATEGORY_NAMES as readonly string[]).includes(raw)) return { category: raw as Category, known: true };
    const direct = CATEGORY_NAMES.find((c) => bare(CATEGORIES[c].biolink) === name);
    if (direct) return { category: direct, known: true };
    if (Object.hasOwn(EXTRA_CATEGORIES, name)) return { category: EXTRA_CATEGORIES[name]!, known: true };
  }
  for (const curie of curies) {
    const prefix = curie.slice(0, curie.indexOf(':')).toUpperCase();
    if (Object.hasOwn(PREFIX_CATEGORIES, prefix)) return { category: PREFIX_CATEGORIES[prefix]!, known: false };
  }
  return { category: FALLBACK_CATEGORY, known: false };
}

export interface KgxPredicateFields {
  predicate: string;
  object_direction_qualifier?: string | undefined;
  object_aspect_qualifier?: string | undefined;
  qualified_predicate?: string | undefined;
}

export interface PredicateMatch {
  predicate: Predicate;
  /** False when the predicate was not recognized and fell back to associated_with. */
  known: boolean;
}

const NAMED: Record<string, Predicate> = {
  causes: 'causes',
  contributes_to: 'contributes_to',
  predisposes_to_condition: 'risk_factor_for',
  prevents: 'prevents',
  preventative_for_condition: 'prevents',
  treats: 'treats',
  ameliorates_condition: 'treats',
  treats_or_applied_or_studied_to_treat: 'treats',
  biomarker_for: 'biomarker_for',
  positively_correlated_with: 'positively_correlated_with',
  negatively_correlated_with: 'negatively_correlated_with',
  correlated_with: 'associated_with',
  associated_with: 'associated_with',
  related_to: 'associated_with',
  subclass_of: 'subclass_of',
  located_in: 'located_in',
  increases_amount_or_activity_of: 'increases',
  decreases_amount_or_activity_of: 'decreases',
  increases_abundance_of: 'increases',
  decreases_abundance_of: 'decreases',
  increases_activity_of: 'activates',
  decreases_activity_of: 'inhibits',
  increases_synthesis_of: 'produces',
  derives_into: 'converted_to',
  consumes: 'consumes',
  has_input: 'consumes',
  produces: 'produces',
  has_output: 'produces',
  catalyzes: 'catalyzes',
  positively_regulates: 'activates',
  negatively_regulates: 'inhibits',
};

/** The mechkg predicate closest to a KGX predicate and qualifiers. */
export function mapPredicate(kgx: KgxPredicateFields): PredicateMatch {
  const name = bare(kgx.predicate).toLowerCase();
  const direction = kgx.object_direction_qualifier ? bare(kgx.object_direction_qualifier).toLowerCase() : '';
  const aspect = kgx.object_aspect_qualifier ? bare(kgx.object_aspect_qualifier).toLowerCase() : '';
  // An exact Biolink triple mechkg itself writes (predicate, direction, aspect) maps back to its predicate.
  if (direction) {
    const exact = PREDICATE_NAMES.find((p) => {
      const b: { predicate: string; object_direction_qualifier?: string; object_aspect_qualifier?: string } = PREDICATES[p].biolink;
      return bare(b.predicate).toLowerCase() === name && b.object_direction_qualifier === direction && (b.object_aspect_qualifier ?? '') === aspect;
    });
    if (exact) return { predicate: exact, known: true };
  }
  if (!direction && Object.hasOwn(NAMED, name)) return { predicate: NAMED[name]!, known: true };
  if (name.endsWith('associated_with')) return { predicate: 'associated_with', known: true };
  const qualifiers = { object_direction_qualifier: kgx.object_direction_qualifier ?? null, qualified_predicate: kgx.qualified_predicate ?? null };
  const sign = signFromKgx(kgx.predicate, qualifiers);
  const causal = isCausalKgx(kgx.predicate, qualifiers);
  const activity = aspect.includes('activity');
  if (causal && sign === '+') return { predicate: activity ? 'activates' : 'increases', known: true };
  if (causal && sign === '-') return { predicate: activity ? 'inhibits' : 'decreases', known: true };
  if (sign === '+') return { predicate: 'positively_correlated_with', known: true };
  if (sign === '-') return { predicate: 'negatively_correlated_with', known: true };
  return { predicate: 'associated_with', known: false };
}
