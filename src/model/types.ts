/** Runtime records held on the graphology graph: the data-file shapes plus what the loader derives. */
import type { MultiDirectedGraph } from 'graphology';
import type { LayoutFileData, LessonFileData } from './diagram-schema.js';
import type { EdgeData, ModuleData, NodeData, SourceData } from './schema.js';
import type { Category, ConversionArc, Relation, Sign } from './vocabulary.js';

/** The relation kind of an edge (influence, conversion, association, structural). */
export type EdgeRelation = Relation;

export interface Origin {
  /** Data file the entity was read from, relative to the graph directory. */
  file: string;
  /** 1-based line of the entity in that file (0 when unknown, e.g. imported graphs). */
  line: number;
}

/** Values of fields mechkg does not model, kept as the file gave them (a null-prototype object). */
export type Attributes = Record<string, AttributeValue>;
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };


/** Where an imported edge's knowledge comes from, as its file states it (KGX / TRAPI provenance slots). */
export interface Provenance {
  primary_knowledge_source?: string;
  aggregator_knowledge_source?: string[];
  publications?: string[];
  knowledge_level?: string;
  agent_type?: string;
}

export interface NodeRecord extends Omit<NodeData, 'category'> {
  /** mechkg's display category: the curated one, or for imported nodes the one derived from `categories` ('unknown' when none). */
  category: Category;
  /** Imported nodes: the categories exactly as the file gives them (Biolink CURIEs or other terms). */
  categories?: string[];
  /** Imported nodes: fields mechkg does not model, written back by the exporters that can carry them. */
  attributes?: Attributes;
  /** Module tags: the defining module first, then any extra tags. */
  modules: string[];
  origin: Origin;
  /** Opened files: where the file draws the node; exports with coordinates write it back, and the explorer draws it there. */
  position?: { x: number; y: number };
}

export interface EdgeRecord extends Omit<EdgeData, 'id' | 'predicate'> {
  id: string;
  /** A mechkg predicate (curated edges), or the predicate exactly as the imported file gives it. */
  predicate: string;
  /** Imported edges: Biolink qualifiers as given (object_direction_qualifier, qualified_predicate, ...). */
  qualifiers?: Record<string, string>;
  /** Imported edges: the file says the relation does NOT hold (Biolink `negated`). */
  negated?: boolean;
  /** Imported edges: provenance as given; an imported edge's evidence is this, never invented entries. */
  provenance?: Provenance;
  /** Imported edges: fields mechkg does not model, written back by the exporters that can carry them. */
  attributes?: Attributes;
  /** An undirected edge of the file is read both ways: the second direction names the first edge's id. */
  reverseOf?: string;
  /**
   * Imported edges: the id the file gave this edge when mechkg had to rename it (`<id>--2`) because another edge
   * already had it, as in networkx multigraphs, whose keys (GraphML edge ids, node-link `key`) are unique only
   * per node pair. The writers that carry networkx keys (GraphML edge id, cyjs `key`) write this back.
   */
  fileId?: string;
  /** From the predicate (and, for imported edges, its qualifiers and `negated`): '+', '-', or null for no direction. */
  sign: Sign | null;
  /** From the predicate: whether path queries follow this edge by default (influence and conversion). */
  causal: boolean;
  /** From the predicate: influence, conversion, association or structural (see RELATIONS). */
  relation: Relation;
  /** From the predicate, for conversions only: which arc of the reaction the edge is. */
  arc?: ConversionArc;
  /** Strength of the strongest supporting evidence (see EVIDENCE_KINDS); 0 if nothing supports it. */
  strength: number;
  /**
   * Distinct studies (`study ?? source`, one per PMID or DOI) behind the supporting evidence of the
   * strongest kind: restatements of one study in several articles count once. Path ranking reads a
   * step's quality as (strength, support) (docs/semantics.md#ranking-paths).
   */
  support: number;
  /**
   * True when the edge holds by definition: a supporting `definition` entry, or an edge between a node
   * and its own state (`state_of`). Its strength is then the definition strength, so it is never a
   * route's weakest link and passes every --min-evidence (docs/semantics.md#ranking-paths).
   */
  definitional?: true;
  /** True when at least one evidence entry disputes the edge. */
  contested: boolean;
  /** True when every supporting evidence entry is animal or in vitro work. */
  preclinicalOnly: boolean;
  module: string;
  origin: Origin;
}

export interface ModuleRecord extends ModuleData {
  origin: Origin;
}

export interface GraphMeta {
  /** A name for the graph (directory or file it came from). */
  name: string;
  sources: Record<string, SourceData>;
  modules: Record<string, ModuleRecord>;
  /** The pathway diagram's compartments (graph/layout/), when the graph has them. */
  layout?: LayoutFileData;
  /** Lessons (graph/lessons/), ordered by file. */
  lessons?: (LessonFileData & { origin: Origin })[];
  /** An imported file's graph-level attributes (GraphML graph <data>, Cytoscape network data, CX2 network attributes), written back by the GraphML, cyjs and CX2 exports. */
  attributes?: Attributes;
}

export type KnowledgeGraph = MultiDirectedGraph<NodeRecord, EdgeRecord, GraphMeta>;

export type ProblemLevel = 'error' | 'warning';

export type ProblemCode =
  | 'malformed_file'
  | 'invalid_field'
  | 'unknown_category'
  | 'unknown_predicate'
  | 'unknown_evidence_kind'
  | 'duplicate_id'
  | 'dangling_endpoint'
  | 'unknown_source'
  | 'missing_evidence'
  | 'malformed_curie'
  | 'unknown_curie_prefix'
  | 'duplicate_name'
  | 'self_loop'
  | 'missing_file'
  | 'unsafe_file'
  | 'unreadable_file'
  | 'file_too_large'
  | 'invalid_utf8'
  | 'study_kind_without_study'
  | 'definition_source'
  | 'causal_edge_from_measurement'
  | 'successive_substrates';

/** One problem found while loading: where (file, line, column, entity id) and what. */
export interface Problem {
  level: ProblemLevel;
  code: ProblemCode;
  file: string;
  line?: number;
  column?: number;
  id?: string;
  message: string;
}

/** A data file handed to the loader: a path (for messages) and its text. */
export interface GraphFile {
  path: string;
  text: string;
}
