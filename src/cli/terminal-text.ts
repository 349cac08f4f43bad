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
 * A value whose JSON text is estimated at most this long is written by one JSON.stringify (native, far
 * faster than member by member) and then cut into CHUNK pieces: no string passes a few times this.
 */
const WHOLE = 1 << 20;

/**
 * safeJson(value, indent) cut into pieces of at most 64 kB, the same text once joined. Arrays and plain objects
 * near the top whose text would pass about 1 MB are written member by member, so an answer of any size never
 * becomes one string (V8 refuses strings past about 512 MB: "Invalid string length").
 */
export function* safeJsonChunks(value: unknown, indent = 2, depth = 3): Generator<string> {
  let buffer = '';
  for (const part of jsonParts(value, ' '.repeat(indent), '', depth)) {
    buffer += part;
    while (buffer.length >= CHUNK) {
      yield buffer.slice(0, CHUNK);
      buffer = buffer.slice(CHUNK);
    }
  }
  if (buffer) yield buffer;
}

function* jsonParts(value: unknown, step: string, pad: string, depth: number): Generator<string> {
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (depth === 0 || !plain || (!Array.isArray(value) && ![Object.prototype, null].includes(Object.getPrototypeOf(value))) || textSizeAtMost(value, pad.length, step.length, WHOLE)) {
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

/** Members of a long array or object the size estimate reads: this many, evenly spaced. */
const SAMPLES = 16;

/**
 * Whether value's indented JSON text is about `limit` characters or less. An estimate, not a count:
 * strings and keys as their length, each value on a line of its indentation, and a long array or object
 * as its length times the mean of SAMPLES evenly spaced members, so the check costs a few thousand steps
 * whatever the answer's size (walking every value cost as much as writing it). Members far larger than
 * their neighbours can make it low; the text is then a few times `limit`, nowhere near V8's limit.
 */
function textSizeAtMost(value: unknown, pad: number, step: number, limit: number): boolean {
  return estimatedSize(value, pad, step, limit) <= limit;
}

/** The estimate of textSizeAtMost; stops adding once it passes `limit`. */
function estimatedSize(v: unknown, pad: number, step: number, limit: number): number {
  if (typeof v === 'string') return pad + 4 + v.length;
  if (v === null || typeof v !== 'object') return pad + 24;
  const keys = Array.isArray(v) ? null : Object.keys(v);
  const n = keys ? keys.length : (v as unknown[]).length;
  const read = (i: number) => (keys ? (v as Record<string, unknown>)[keys[i]!] : (v as unknown[])[i]);
  let size = pad + 4;
  if (n <= SAMPLES) {
    for (let i = 0; i < n && size <= limit; i++) size += (keys ? keys[i]!.length + 4 : 0) + estimatedSize(read(i), pad + step, step, limit);
    return size;
  }
  let sampled = 0;
  for (let k = 0; k < SAMPLES; k++) {
    const i = Math.floor((k * (n - 1)) / (SAMPLES - 1));
    sampled += (keys ? keys[i]!.length + 4 : 0) + estimatedSize(read(i), pad + step, step, limit);
  }
  return size + (sampled / SAMPLES) * n;
}

function safeText(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
