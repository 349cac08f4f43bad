/** export barrel (re-exports only). */
export * from './export-types.js';
export * from './formats.js';
export * from './select-subgraph.js';
export { toCytoscapeJson, writeCytoscapeJson, type CytoscapeJson } from './to-cytoscape-json.js';
export { writeGraphml } from './to-graphml.js';
export { toCx2, writeCx2, CX2_FORMAT_TAG, type Cx2Document } from './to-cx2.js';
export { writeSbgn, afArcClass, afGlyphClass, SBGN_NAMESPACE, SBGN_AF_VERSION, type AfArcClass, type AfGlyphClass } from './to-sbgn.js';
export { MECHKG_BASE_IRI, PREFIX_CONTEXT } from './foreign-records.js';
export { writeDot } from './to-dot.js';
export { figureDot, renderFigure, renderFigureSvg } from './to-figure.js';
export { isTextWidthEstimate, runGraphviz, type GraphvizResult } from './graphviz-wasm.js';
export { writeMermaid, mermaidText } from './to-mermaid.js';
export { writeKgxTsv, writeKgxJsonl, KGX_NODE_COLUMNS, KGX_EDGE_COLUMNS } from './to-kgx.js';
export { writeCsv, writeSif } from './to-tables.js';
export { writeHtml, htmlPageData } from './to-html.js';
export { knowledgeLevel, biolinkEdge, publications, MECHKG_INFORES } from './provenance.js';
export { citationParts, citationText } from '../model/citation.js';
