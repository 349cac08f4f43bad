/** Shapes shared by every exporter: what a writer receives and what it returns. */
import type { PositionsFile } from '../layout/place-diagram.js';
import type { KnowledgeGraph } from '../model/types.js';

/** One file of a multi-file export; its name is a suffix joined to the --out prefix ("nodes.tsv"). */
export interface ExportFile {
  name: string;
  content: string | Uint8Array;
}

/** A writer returns one text, one binary, or several named files (KGX, CSV, Neo4j), with what it had to fill in (warnings). */
export type ExportOutput = string | Uint8Array | { files: ExportFile[]; warnings?: string[] };

/** A path to step through (HTML) or highlight: node ids in order and the edge ids between them. */
export interface ExportPath {
  nodes: string[];
  edges: string[];
  /** Product of the edge signs, when known. */
  sign?: '+' | '-' | '?';
}

export interface ExportOptions {
  /** Figure and page title; defaults to the graph name. */
  title?: string;
  /** Paths of a path selection, in rank order (HTML step-through, figure emphasis). */
  paths?: ExportPath[];
  /** The diagram's stored node positions (graph/layout/positions.json), for formats that carry coordinates (cx2, sbgn). */
  positions?: PositionsFile | null;
}

/** What a writer may need from its host: Graphviz and bundled scripts are provided by Node or the browser. */
export interface ExportEnv {
  /** Renders DOT text with Graphviz. */
  renderDot?(dot: string, format: 'svg' | 'png'): Promise<string | Uint8Array> | string | Uint8Array;
  /** Source text of a script to inline (for the HTML export). */
  asset?(name: 'cytoscape'): Promise<string> | string;
}

export type OutputShape = 'text' | 'binary' | 'files';

export interface ExportFormat {
  name: string;
  description: string;
  /** File name endings (first one is the default); for multi-file formats, the suffixes of the files. */
  extensions: readonly string[];
  output: OutputShape;
  /** Host capabilities the writer needs (see ExportEnv). */
  needs: readonly ('graphviz' | 'assets')[];
  write(graph: KnowledgeGraph, options: ExportOptions, env: ExportEnv): ExportOutput | Promise<ExportOutput>;
}
