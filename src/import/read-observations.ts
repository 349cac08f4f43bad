/**
 * Reads a list of measured changes (the input of `hypotheses`): CSV, TSV or JSON with a `node` column and
 * either a `direction` (up/down words or +/-) or a numeric `value` whose sign is the direction, and an
 * optional positive `weight`. Names are kept as written; the query resolves them against a graph.
 * Any malformed row is an error naming the file, the line (or JSON item) and what is wrong.
 */
import { UsageError } from '../errors.js';
import { lineAt } from './records.js';
import { DelimitedSyntaxError, parseDelimitedTable } from './delimited-text.js';
import { jsonErrorOffset } from './json-error-offset.js';

export type ObservedDirection = 'up' | 'down' | 'unchanged';

export interface Observation {
  /** The node name as written (resolved later like every command's names). */
  node: string;
  direction: ObservedDirection;
  /** Positive; 1 when not given. */
  weight: number;
  /** The numeric value when the file gave one. */
  value?: number;
  /** Where it came from: "obs.csv:4" or "obs.json: item 2". */
  where: string;
}

export type ObservationFormat = 'csv' | 'tsv' | 'json';

const WORDS: Record<string, ObservedDirection> = {
  up: 'up', '+': 'up', increased: 'up', increase: 'up', high: 'up', raised: 'up', elevated: 'up', '↑': 'up',
  down: 'down', '-': 'down', decreased: 'down', decrease: 'down', low: 'down', lowered: 'down', reduced: 'down', '↓': 'down',
  unchanged: 'unchanged', none: 'unchanged', normal: 'unchanged', '0': 'unchanged', '=': 'unchanged',
};

/** The direction words accepted, for messages and docs. */
export const DIRECTION_WORDS: Readonly<Record<string, ObservedDirection>> = WORDS;

/** csv / tsv / json from a file name's extension, or by looking at the text (for stdin). */
export function detectObservationFormat(name: string, text: string): ObservationFormat {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'csv') return 'csv';
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  const firstLine = start.split('\n', 1)[0] ?? '';
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}

/** Parses observations; `name` is used in messages (and to pick the format when `format` is not given). */
export function readObservations(name: string, text: string, format: ObservationFormat = detectObservationFormat(name, text)): Observation[] {
  const rows = format === 'json' ? jsonRows(name, text) : delimitedRows(name, text, format === 'tsv' ? '\t' : ',');
  if (rows.length === 0) throw new UsageError(`${name}: no observations (expected rows with a node and a direction or value)`);
  return rows.map((r) => observation(r.where, r.fields));
}

interface RawRow {
  where: string;
  fields: Record<string, unknown>;
}

function delimitedRows(name: string, text: string, delimiter: ',' | '\t'): RawRow[] {
  let table;
  try {
    table = parseDelimitedTable(text, delimiter);
  } catch (err) {
    if (err instanceof DelimitedSyntaxError) throw new UsageError(`${name}:${err.line}:${err.column}: ${err.message}`);
    throw err;
  }
  const columns = new Map(table.header.map((h) => [h.toLowerCase(), h]));
  const what = delimiter === '\t' ? 'tab-separated' : 'comma-separated';
  if (!columns.has('node')) {
    throw new UsageError(`${name}:1: the header needs a "node" column (found ${table.header.map((h) => JSON.stringify(h)).join(', ')}; is the file ${what}?)`);
  }
  if (!columns.has('direction') && !columns.has('value')) {
    throw new UsageError(`${name}:1: the header needs a "direction" or a "value" column (found ${table.header.map((h) => JSON.stringify(h)).join(', ')})`);
  }
  return table.rows.map((row) => ({
    where: `${name}:${row.line}`,
    fields: Object.fromEntries([...columns].map(([lower, original]) => [lower, row.values[original]])),
  }));
}

function jsonRows(name: string, text: string): RawRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    const offset = jsonErrorOffset(text);
    const at = offset !== undefined ? lineAt(text, offset) : undefined;
    throw new UsageError(`${name}${at ? `:${at.line}:${at.column}` : ''}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const list = Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc.observations) ? doc.observations : null;
  if (!list) throw new UsageError(`${name}: expected a JSON array of observations, or an object with an "observations" array`);
  return list.map((item, i) => {
    const where = `${name}: item ${i + 1}`;
    if (!isRecord(item)) throw new UsageError(`${where}: expected an object like {"node": "homocysteine", "direction": "up"}`);
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(item)) fields[k.toLowerCase()] = v;
    // `hypotheses --json` prints observed nodes as {id, label, category}: accept that shape back.
    if (isRecord(fields.node) && typeof fields.node.id === 'string') fields.node = fields.node.id;
    return { where, fields };
  });
}

function observation(where: string, f: Record<string, unknown>): Observation {
  const node = typeof f.node === 'string' ? f.node.trim() : typeof f.node === 'number' ? String(f.node) : '';
  if (node === '') throw new UsageError(`${where}: "node" is empty (give an id, name, synonym or CURIE)`);
  const direction = text(f.direction);
  const valueText = text(f.value);
  let out: Observation;
  if (direction !== '') {
    const d = WORDS[direction.toLowerCase()];
    if (!d) throw new UsageError(`${where}: direction ${JSON.stringify(direction)} is not one of up, down, +, -, increased, decreased (or unchanged)`);
    out = { node, direction: d, weight: 1, where };
  } else if (valueText !== '') {
    const value = Number(valueText);
    if (!Number.isFinite(value) || !/^[\s]*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(valueText)) {
      throw new UsageError(`${where}: value ${JSON.stringify(valueText)} is not a number`);
    }
    out = { node, direction: value > 0 ? 'up' : value < 0 ? 'down' : 'unchanged', weight: 1, value, where };
  } else {
    throw new UsageError(`${where}: ${JSON.stringify(node)} has neither a direction nor a value`);
  }
  const weightText = text(f.weight);
  if (weightText !== '') {
    const weight = Number(weightText);
    if (!Number.isFinite(weight) || weight <= 0 || !/^\s*\+?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(weightText)) {
      throw new UsageError(`${where}: weight ${JSON.stringify(weightText)} must be a positive number`);
    }
    out.weight = weight;
  }
  return out;
}

/** A field as trimmed text: numbers are written out, absent or null is "". */
function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NaN';
  if (typeof v === 'string') return v.trim();
  return JSON.stringify(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
