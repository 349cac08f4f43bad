/** import barrel (re-exports only). */
export { importGraph, tryImportGraph, detectImportFormat, sniffFormat, displayName, IMPORT_FORMATS, IMPORT_FORMAT_NAMES, type ImportFormat, type ImportFile, type ImportOptions } from './import-graph.js';
export { parseDelimited, parseDelimitedTable, splitList, DelimitedSyntaxError, type DelimitedRecord, type DelimitedTable } from './delimited-text.js';
export { readObservations, detectObservationFormat, DIRECTION_WORDS, type Observation, type ObservationFormat } from './read-observations.js';
export { displayCategory, edgeMeaning, relationOf } from './derive-meaning.js';
export { slugify } from './kgx-conventions.js';
