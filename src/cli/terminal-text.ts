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
  return safeText(JSON.stringify(value, null, indent));
}

const CHUNK = 1 << 16;

/**
 * safeJson(value, indent) cut into pieces of about 64 kB, the same text once joined. Arrays and plain objects
 * near the top are written member by member, so an answer of any size never becomes one string (V8 refuses
 * strings past about 512 MB: "Invalid string length").
 */
export function* safeJsonChunks(value: unknown, indent = 2, depth = 3): Generator<string> {
  let buffer = '';
  for (const part of jsonParts(value, ' '.repeat(indent), '', depth)) {
    buffer += part;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

function* jsonParts(value: unknown, step: string, pad: string, depth: number): Generator<string> {
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (depth === 0 || !plain || (!Array.isArray(value) && ![Object.prototype, null].includes(Object.getPrototypeOf(value)))) {
    // JSON.stringify's own text, indented to this level (a JSON text has no raw line breaks inside strings)
    const text = JSON.stringify(value, null, step) ?? 'null';
    yield safeText(pad ? text.replace(/\n/g, `\n${pad}`) : text);
    return;
  }
  const inner = pad + step;
  const members: [string | null, unknown][] = Array.isArray(value)
    ? value.map((v) => [null, v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v])
    : Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (members.length === 0) {
    yield open + close;
    return;
  }
  yield open;
  for (let i = 0; i < members.length; i++) {
    const [key, v] = members[i]!;
    yield `${i === 0 ? '' : ','}\n${inner}${key === null ? '' : `${safeText(JSON.stringify(key))}: `}`;
    yield* jsonParts(v, step, inner, depth - 1);
  }
  yield `\n${pad}${close}`;
}

function safeText(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
