/**
 * Data text printed to a terminal is shown, never obeyed: control characters in a label or statement (an
 * ANSI escape could recolour, hide or rewrite the screen) are printed as visible \xNN escapes, and line breaks
 * inside a data value are shown as \n so a label cannot forge a result line. JSON output escapes the same
 * characters as \u escapes, so it stays valid JSON with nothing raw.
 */
// C0 and C1 controls (but tab and newline), DEL, line/paragraph separators, bidi marks, embeddings and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// What JSON.stringify leaves raw of the above (it escapes U+0000-U+001F itself).
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text with every control and bidi character as a visible escape; newlines and tabs kept. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A data value on one line: CR and LF shown as \r and \n (the formatters own the real line breaks). */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, (m) => (m === '\n' ? '\\n' : m === '\r' ? '\\r' : '\\r\\n'));
}

/** A copy of a result whose every string is one line: what human formatters are given. */
export function oneLineCopy<T>(value: T): T {
  if (typeof value === 'string') return oneLine(value) as T;
  if (Array.isArray(value)) return value.map(oneLineCopy) as T;
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, oneLineCopy(v)])) as T; // data keys stay data
  }
  return value;
}

/** JSON.stringify, with DEL, C1 controls, separators and bidi characters as \u escapes (still the same JSON). */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
