/** Runtime records held on the graphology graph: the data-file shapes plus what the loader derives. */
import type { MultiDirectedGraph } from 'graphology';
import type { LayoutFileData, LessonFileData } from './diagram-schema.js';
import type { EdgeData, ModuleData, NodeData, SourceData } from './schema.js';
import type { ConversionArc, Relation, Sign } from './vocabulary.js';

export interface Origin {
  /** Data file the entity was read from, relative to the graph directory. */
  file: string;
  /** 1-based line of the entity in that file (0 when unknown, e.g. imported graphs). */
  line: number;
}

export interface NodeRecord extends NodeData {
  /** Module tags: the defining module first, then any extra tags. */
  modules: string[];
  origin: Origin;
}

export interface EdgeRecord extends Omit<EdgeData, 'id'> {
  id: string;
  /** From the predicate: '+', '-', or null for no direction. */
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
   * Distinct studies (`study ?? source`) behind the supporting evidence: restatements of one study in
   * several articles count once (path ranking uses it after the weakest link).
   */
  support: number;
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
  | 'causal_edge_from_measurement';

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
