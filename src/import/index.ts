/** import barrel (re-exports only). */
export { importGraph, tryImportGraph, detectImportFormat, IMPORT_FORMATS, type ImportFormat, type ImportFile, type ImportOptions } from './import-graph.js';
export { parseDelimited, parseDelimitedTable, splitList, DelimitedSyntaxError, type DelimitedRecord, type DelimitedTable } from './delimited-text.js';
export { readObservations, detectObservationFormat, DIRECTION_WORDS, type Observation, type ObservationFormat } from './read-observations.js';
export { mapCategory, mapPredicate, FALLBACK_CATEGORY } from './vocabulary-map.js';
export { slugify } from './kgx-conventions.js';
