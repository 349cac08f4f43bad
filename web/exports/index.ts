/** The exports of the view, loaded together the first time the Export menu opens. */
export type { ExportContext } from './context.js';
export { exportTeachingFigure } from './figure.js';
export { exportPng, exportSvg } from './images.js';
export { subgraphFormats, exportSubgraph } from './subgraph.js';
export { exportCytoscapeJson } from './view-json.js';
