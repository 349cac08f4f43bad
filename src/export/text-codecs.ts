/** Writers' escaping for delimited text and `|`-joined lists (read back by src/import/delimited-text.ts). */

/** Quotes a field when it holds the delimiter, a quote, CR or LF (RFC 4180); quotes are doubled. */
export function formatField(value: string, delimiter: ',' | '\t'): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One table as RFC 4180 text with CRLF-free LF line ends and a header row. */
export function formatDelimited(header: readonly string[], rows: readonly (readonly string[])[], delimiter: ',' | '\t'): string {
  return [header, ...rows].map((r) => r.map((v) => formatField(v, delimiter)).join(delimiter)).join('\n') + '\n';
}

/**
 * A cell a spreadsheet would run as a formula (OWASP CSV injection: leading `=`, `+`, `-`, `@`, tab or CR)
 * gets a leading `'`, which spreadsheets read as "this is text". A plain number (`-1.5`) or a lone `+` / `-`
 * (mechkg's sign column) cannot run and is kept. So is a value that already starts with `'` followed by one
 * of those characters: it gets one more `'`, so stripping one `'` always gives the value back.
 */
export function spreadsheetSafe(value: string): string {
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(value) || value === '+' || value === '-') return value;
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Joins a list with `|`, escaping `\` and `|` inside items so lists with pipes round-trip. */
export function joinList(items: readonly string[]): string {
  return items.map((s) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join('|');
}

/** XML text and attribute escaping (also escapes quotes, and CR/LF/TAB in attributes so they survive normalization). */
export function escapeXml(value: string, attribute = false): string {
  let s = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attribute) s = s.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
  else s = s.replace(/\r/g, '&#13;');
  // Control characters other than TAB, LF, CR are not allowed in XML 1.0; drop them rather than write invalid XML.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
