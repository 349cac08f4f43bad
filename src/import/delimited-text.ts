/**
 * RFC 4180 reader for comma- and tab-separated text (quoted fields may hold the delimiter, quotes and
 * newlines), with the line each record starts on, plus the `|` list codec KGX and GraphML values use.
 */

export interface DelimitedRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export interface DelimitedTable {
  header: string[];
  rows: { line: number; values: Record<string, string> }[];
}

/** Thrown for text that is not valid delimited data; carries the line and column. */
export class DelimitedSyntaxError extends Error {
  override name = 'DelimitedSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Splits text into records. Accepts LF and CRLF line ends and a final line without one; skips blank lines. */
export function parseDelimited(text: string, delimiter: ',' | '\t'): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let atRecordEnd = false;
    while (!atRecordEnd) {
      let value = '';
      if (text[i] === '"') {
        const quoteLine = line;
        const quoteColumn = i - lineStart + 1;
        i++;
        for (;;) {
          if (i >= n) throw new DelimitedSyntaxError('unterminated quoted field', quoteLine, quoteColumn);
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') {
            line++;
            lineStart = i + 1;
          }
          value += c;
          i++;
        }
        const after = text[i];
        if (after !== undefined && after !== delimiter && after !== '\n' && !(after === '\r' && text[i + 1] === '\n')) {
          throw new DelimitedSyntaxError(`unexpected ${JSON.stringify(after)} after a closing quote`, line, i - lineStart + 1);
        }
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          if (text[i] === '"') throw new DelimitedSyntaxError('a quote inside an unquoted field (quote the whole field and double the quote)', line, i - lineStart + 1);
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i >= n) atRecordEnd = true;
      else if (text[i] === delimiter) i++;
      else {
        i += text[i] === '\r' ? 2 : 1;
        line++;
        lineStart = i;
        atRecordEnd = true;
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
  }
  return records;
}

/** Parses a table with a header row; a row with a different number of fields is a syntax error. */
export function parseDelimitedTable(text: string, delimiter: ',' | '\t'): DelimitedTable {
  const [head, ...rest] = parseDelimited(text, delimiter);
  if (!head) throw new DelimitedSyntaxError('empty file: expected a header row', 1, 1);
  const header = head.fields.map((h) => h.trim());
  const rows = rest.map((r) => {
    if (r.fields.length !== header.length) {
      throw new DelimitedSyntaxError(`expected ${header.length} fields as in the header, found ${r.fields.length}`, r.line, 1);
    }
    return { line: r.line, values: Object.fromEntries(header.map((h, k) => [h, r.fields[k]!])) };
  });
  return { header, rows };
}

/** Splits a `|`-joined list; `\|` is a literal pipe and `\\` a literal backslash (other backslashes are kept). */
export function splitList(value: string): string[] {
  if (value === '') return [];
  const items: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && (value[i + 1] === '|' || value[i + 1] === '\\')) {
      cur += value[i + 1];
      i++;
    } else if (c === '|') {
      items.push(cur);
      cur = '';
    } else cur += c;
  }
  items.push(cur);
  return items;
}
