/**
 * KGX nodes and edges files (TSV with `|` lists, or JSON Lines) to candidates. mechkg_* columns (from
 * mechkg's own export) are read when present; otherwise Biolink columns are mapped.
 */
import type { Problem } from '../model/types.js';
import { emptyCandidates, jsonField, problemAt, type Candidates, type EdgeCandidate, type NodeCandidate, type Where } from './candidates.js';
import { DelimitedSyntaxError, parseDelimitedTable, splitList } from './delimited-text.js';

export interface KgxFile {
  path: string;
  text: string;
}

type Row = Record<string, unknown>;

/** Is this KGX file an edges file (by name, else by its columns)? */
export function isKgxEdgesFile(path: string, firstRow?: Row): boolean {
  if (/edges?\.(tsv|jsonl|json|txt)$/i.test(path)) return true;
  if (/nodes?\.(tsv|jsonl|json|txt)$/i.test(path)) return false;
  return firstRow !== undefined && 'subject' in firstRow && 'object' in firstRow;
}

export function readKgx(files: readonly KgxFile[], format: 'tsv' | 'jsonl'): Candidates {
  const c = emptyCandidates();
  if (!files.some((f) => isKgxEdgesFile(f.path, firstRowOf(f, format)))) {
    c.problems.push({ level: 'error', code: 'missing_file', file: files[0]?.path ?? '(kgx)', message: 'no KGX edges file (PREFIX_edges.tsv or PREFIX_edges.jsonl) among the files' });
  }
  for (const f of files) {
    const table = format === 'tsv' ? tsvRows(f, c.problems) : jsonlRows(f, c.problems);
    if (!table) continue;
    const { header, rows } = table;
    const edges = isKgxEdgesFile(f.path, rows[0]?.values ?? Object.fromEntries(header.map((h) => [h, ''])));
    if (format === 'tsv') {
      const missing = (edges ? ['subject', 'predicate', 'object'] : ['id']).filter((k) => !header.includes(k));
      if (missing.length) {
        c.problems.push({ level: 'error', code: 'malformed_file', file: f.path, line: 1, message: `missing column(s) ${missing.join(', ')} in the header of a KGX ${edges ? 'edges' : 'nodes'} file` });
        continue;
      }
    }
    for (const { line, values } of rows) {
      const where: Where = { file: f.path, line };
      if (edges) c.edges.push(edgeCandidate(values, where, format, c));
      else c.nodes.push(nodeCandidate(values, where, format));
    }
  }
  return c;
}

function firstRowOf(f: KgxFile, format: 'tsv' | 'jsonl'): Row | undefined {
  const first = f.text.split('\n', 1)[0] ?? '';
  if (format === 'tsv') return Object.fromEntries(first.split('\t').map((h) => [h.trim(), '']));
  try {
    const v = JSON.parse(first);
    return typeof v === 'object' && v !== null ? v : undefined;
  } catch {
    return undefined;
  }
}

function tsvRows(f: KgxFile, problems: Problem[]): { header: string[]; rows: { line: number; values: Row }[] } | undefined {
  try {
    return parseDelimitedTable(f.text, '\t');
  } catch (err) {
    if (!(err instanceof DelimitedSyntaxError)) throw err;
    problems.push({ level: 'error', code: 'malformed_file', file: f.path, line: err.line, column: err.column, message: `not valid TSV: ${err.message}` });
    return undefined;
  }
}

function jsonlRows(f: KgxFile, problems: Problem[]): { header: string[]; rows: { line: number; values: Row }[] } | undefined {
  const rows: { line: number; values: Row }[] = [];
  const lines = f.text.split('\n');
  let bad = false;
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    try {
      const v = JSON.parse(quoteNumericIds(text));
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('expected one JSON object per line');
      rows.push({ line: i + 1, values: v });
    } catch (err) {
      bad = true;
      problems.push({ level: 'error', code: 'malformed_file', file: f.path, line: i + 1, message: `not valid JSON Lines: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
  return bad ? undefined : { header: [...new Set(rows.flatMap((r) => Object.keys(r.values)))], rows };
}

/**
 * Ids written as JSON numbers stay the text written: `"id": 1e400` is node "1e400", not Infinity (printed
 * "null"), and 12345678901234567890 keeps its digits. Only id, subject and object values are quoted.
 */
function quoteNumericIds(line: string): string {
  return line.replace(/("(?:id|subject|object)"\s*:\s*)(-?\d[\d.eE+-]*)(?=\s*[,}])/g, '$1"$2"');
}

const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? v : JSON.stringify(v));

function list(v: unknown, format: 'tsv' | 'jsonl'): string[] | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (Array.isArray(v)) return v.map((x) => String(x));
  return format === 'tsv' ? splitList(String(v)) : [String(v)];
}

function nodeCandidate(v: Row, where: Where, format: 'tsv' | 'jsonl'): NodeCandidate {
  const n: NodeCandidate = { where };
  const set = <K extends keyof NodeCandidate>(k: K, value: NodeCandidate[K] | undefined) => {
    if (value !== undefined) n[k] = value;
  };
  set('id', str(v.id));
  set('label', str(v.name));
  set('category', str(v.mechkg_category));
  set('foreignCategories', list(v.category, format));
  set('description', str(v.description));
  set('synonyms', list(v.synonym, format));
  set('abbreviations', list(v.mechkg_abbreviations, format));
  set('identifiers', list(v.xref, format));
  set('modules', list(v.mechkg_modules, format));
  return n;
}

function edgeCandidate(v: Row, where: Where, format: 'tsv' | 'jsonl', c: Candidates): EdgeCandidate {
  const id = str(v.id);
  const e: EdgeCandidate = { where };
  const set = <K extends keyof EdgeCandidate>(k: K, value: EdgeCandidate[K] | undefined) => {
    if (value !== undefined) e[k] = value;
  };
  set('id', id);
  set('source', str(v.subject));
  set('target', str(v.object));
  set('predicate', str(v.mechkg_predicate));
  const predicate = str(v.predicate);
  if (predicate) {
    e.kgx = { predicate };
    for (const q of ['object_direction_qualifier', 'object_aspect_qualifier', 'qualified_predicate'] as const) {
      const value = str(v[q]);
      if (value) e.kgx[q] = value;
    }
  }
  if ('mechkg_sign' in v && 'mechkg_predicate' in v) set('sign', str(v.mechkg_sign) ?? '');
  set('evidence', jsonField(v.mechkg_evidence === '' ? undefined : v.mechkg_evidence, 'mechkg_evidence', where, c.problems, id));
  set('context', jsonField(v.mechkg_context === '' ? undefined : v.mechkg_context, 'mechkg_context', where, c.problems, id));
  set('note', str(v.mechkg_note));
  set('module', str(v.mechkg_module));
  set('publications', list(v.publications, format));
  set('primaryKnowledgeSource', str(v.primary_knowledge_source));
  set('knowledgeLevel', str(v.knowledge_level));
  const sources = jsonField(v.mechkg_sources === '' ? undefined : v.mechkg_sources, 'mechkg_sources', where, c.problems, id);
  if (Array.isArray(sources)) for (const s of sources) c.sources.push({ where, data: s });
  else if (sources !== undefined) c.problems.push(problemAt(where, 'malformed_file', 'mechkg_sources: expected a JSON list of source records', id));
  return e;
}
