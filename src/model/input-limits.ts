/**
 * Limits on one piece of an input file, so one hostile row cannot exhaust memory or hang a reader: each is an
 * error naming the file and row. They sit far above any real graph (a KGX row of the largest public KGs is a
 * few kilobytes; an edge with 130,000 publications is about 1.5 MB).
 */
/** Bytes in one row of a TSV or JSON Lines file (the compact index and the importers). */
export const MAX_ROW_BYTES = 16 * 1024 * 1024;
/** Items in one list field (publications, synonyms, xrefs, evidence entries of one edge). */
export const MAX_LIST_ITEMS = 250_000;
/** Bytes of one whole file read into memory by an importer (Cytoscape JSON, GraphML, small KGX). */
export const MAX_IMPORT_FILE_BYTES = 512 * 1024 * 1024;
