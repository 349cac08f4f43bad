/** Node-only: reads a graph file in another tool's format (KGX, Cytoscape JSON, GraphML) by its name. */
import { MechkgError } from '../errors.js';
import type { KnowledgeGraph } from '../model/types.js';

export function importGraphFile(path: string): KnowledgeGraph {
  throw new MechkgError(`${path}: reading this file format is not supported yet; give a mechkg graph directory`);
}
