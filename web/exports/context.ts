/** What every export of the view gets: the Cytoscape instance, the graph and a title. */
import type cytoscape from 'cytoscape';
import type { ExportOptions, KnowledgeGraph } from '../../src/index.js';

export interface ExportContext {
  cy: cytoscape.Core;
  graph: KnowledgeGraph;
  /** A title for the figure ("paths from vitamin B12 to autophagy (lipophagy)"). */
  title: string;
  /** The selected path, when one is shown (for exporters that emphasise paths). */
  paths: ExportOptions['paths'];
  /** The diagram's stored positions for the graph shown (null for an opened file): CX2 and SBGN-ML use them as the CLI does. */
  positions: ExportOptions['positions'];
}


/** The drawn elements a filter does not hide. */
export function visible(cy: cytoscape.Core): cytoscape.CollectionReturnValue {
  return cy.elements().filter((e) => !e.hasClass('hidden') && e.data('box') === undefined && e.data('meta') !== true);
}
