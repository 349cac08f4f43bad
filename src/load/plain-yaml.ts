/**
 * A fast reader for the plain subset of YAML that data files are written in: block mappings and sequences by
 * indentation, one-line plain and quoted scalars, one-line flow collections, `|` and `>` block scalars, comments.
 * It gives exactly what the `yaml` package gives for such text (values by YAML 1.2's core schema, own keys
 * even for "__proto__", the offset of every node) and gives up, returning undefined, on anything else:
 * anchors, aliases, tags, directives, tabs, CR, control characters, multi-line plain or quoted scalars,
 * duplicate or non-string keys, odd indentation. The caller then parses the file with `yaml`, which also
 * reports every error, so this reader never decides that a file is invalid.
 * tests/load/plain-yaml.test.ts checks it against `yaml` on every data file, fixture and fuzzed variant.
 */

/** Where each node starts: a collection's own offset and its children's (a scalar is its offset). */
export type Position = number | PositionMap | PositionSeq;
interface PositionMap {
  start: number;
  keys: string[];
  items: Position[];
}
interface PositionSeq {
  start: number;
  items: Position[];
}

export interface PlainYaml {
  value: unknown;
  /** Offset of the node at a path or of its nearest existing ancestor, as `yaml` finds it. */
  offsetOf(path: readonly PropertyKey[]): number;
  /** 1-based line and column of an offset, counted as `yaml`'s LineCounter does. */
  linePos(offset: number): { line: number; column: number };
}

const GIVE_UP = Symbol('outside the plain subset');
const MAX_DEPTH = 64;
const MAX_KEY = 1000; // `yaml` refuses implicit keys over 1024 characters
// anything whose reading has rules this reader does not implement (C0 and C1 controls, BOM, non-characters,
// lone surrogates, Unicode line separators, tab, CR)
const UNSUPPORTED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function readPlainYaml(text: string): PlainYaml | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  const reader = new Reader(text);
  let value: unknown;
  let position: Position;
  try {
    [value, position] = reader.document();
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
  const starts = reader.starts;
  return {
    value,
    offsetOf: (path) => offsetOf(position, path),
    linePos(offset) {
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (offset < starts[mid]!) high = mid;
        else low = mid + 1;
      }
      return { line: low, column: offset - starts[low - 1]! + 1 };
    },
  };
}

function offsetOf(root: Position, path: readonly PropertyKey[]): number {
  let node = root;
  for (const key of path) {
    if (typeof node === 'number') break;
    let next: Position | undefined;
    if ('keys' in node) {
      const i = typeof key === 'string' ? node.keys.indexOf(key) : -1;
      next = i < 0 ? undefined : node.items[i];
    } else if (typeof key === 'number' && Number.isInteger(key) && key >= 0) next = node.items[key];
    if (next === undefined) break;
    node = next;
  }
  return typeof node === 'number' ? node : node.start;
}

/** Sets a key as `yaml`'s toJS does: an own, enumerable property even where the prototype has one. */
function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (!(key in map)) map[key] = value;
  else if (Object.hasOwn(map, key)) throw GIVE_UP; // a duplicate key: `yaml` reports it
  else Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

class Reader {
  readonly text: string;
  /** Offset of the first character of each line (line i + 1 starts at starts[i]). */
  readonly starts: number[] = [0];
  /** Offset just past each line's last character (its newline or the end of the text). */
  private readonly ends: number[] = [];
  /** Leading spaces of each line; -1 for a blank line or a comment line. */
  private readonly indents: number[] = [];
  private depth = 0;

  constructor(text: string) {
    this.text = text;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      this.ends.push(end);
      let i = start;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      this.indents.push(i === end || text.charCodeAt(i) === HASH ? -1 : i - start);
      if (nl < 0) break;
      start = nl + 1;
      this.starts.push(start);
    }
  }

  document(): [unknown, Position] {
    const first = this.nextContent(0);
    if (first >= this.indents.length) throw GIVE_UP; // an empty document is null: leave it to `yaml`
    const result = this.blockMap(first, this.indents[first]!);
    if (result[2] < this.indents.length) throw GIVE_UP;
    return [result[0], result[1]];
  }

  /** The next line at or after i that is neither blank nor a comment (or the line count). */
  private nextContent(i: number): number {
    while (i < this.indents.length && this.indents[i] === -1) i++;
    return i;
  }

  /** The next content line after an inline value on line i of a collection at column col; nothing may continue it. */
  private afterInline(i: number, col: number): number {
    let j = i + 1;
    for (; j < this.indents.length && this.indents[j] === -1; j++) {
      const t = this.text;
      let k = this.starts[j]!;
      while (t.charCodeAt(k) === SPACE) k++;
      if (k < this.ends[j]! && k - this.starts[j]! > col) throw GIVE_UP; // a more-indented comment line
    }
    if (j < this.indents.length && this.indents[j]! > col) throw GIVE_UP; // a continuation line
    return j;
  }

  private isDashEntry(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === end || this.text.charCodeAt(at + 1) === SPACE);
  }

  /** A block collection whose first line is a content line at column col (on its own line). */
  private blockNode(i: number, col: number): [unknown, Position, number] {
    const at = this.starts[i]! + col;
    return this.isDashEntry(at, this.ends[i]!) ? this.blockSeq(i, col) : this.blockMap(i, col);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  /** A block mapping whose first key is at column col of line i; later keys start lines indented by col. */
  private blockMap(i: number, col: number): [Record<string, unknown>, PositionMap, number] {
    this.enter();
    const t = this.text;
    const map: Record<string, unknown> = {};
    const pos: PositionMap = { start: this.starts[i]! + col, keys: [], items: [] };
    for (;;) {
      const lineStart = this.starts[i]!;
      const end = this.ends[i]!;
      const at = lineStart + col;
      if (col === 0 && /^(?:---|\.\.\.)(?:[ \n]|$)/.test(t.slice(at, at + 4))) throw GIVE_UP;
      const key = this.key(at, end);
      if (!key) throw GIVE_UP;
      let p = key.after;
      while (t.charCodeAt(p) === SPACE) p++;
      let value: unknown;
      let vpos: Position;
      let next: number;
      if (p === end || (t.charCodeAt(p) === HASH && p > key.after)) {
        const j = this.nextContent(i + 1);
        if (j < this.indents.length && this.indents[j]! > col) [value, vpos, next] = this.blockNode(j, this.indents[j]!);
        else if (j < this.indents.length && this.indents[j] === col && this.isDashEntry(this.starts[j]! + col, this.ends[j]!)) [value, vpos, next] = this.blockSeq(j, col);
        else [value, vpos, next] = [null, p, j]; // `yaml` puts an empty value after the colon and the spaces that follow it
      } else {
        [value, vpos, next] = this.inlineValue(p, end, i, col);
      }
      setKey(map, key.key, value);
      pos.keys.push(key.key);
      pos.items.push(vpos);
      if (next >= this.indents.length || this.indents[next]! < col) {
        this.depth--;
        return [map, pos, next];
      }
      if (this.indents[next]! > col) throw GIVE_UP;
      i = next;
    }
  }

  /** A block sequence whose dashes are at column col, the first on line i. */
  private blockSeq(i: number, col: number): [unknown[], PositionSeq, number] {
    this.enter();
    const t = this.text;
    const seq: unknown[] = [];
    const pos: PositionSeq = { start: this.starts[i]! + col, items: [] };
    let next: number;
    for (;;) {
      const end = this.ends[i]!;
      const dash = this.starts[i]! + col;
      if (!this.isDashEntry(dash, end)) throw GIVE_UP;
      let q = dash + 1;
      while (t.charCodeAt(q) === SPACE) q++;
      let item: unknown;
      let ipos: Position;
      if (q === end || (t.charCodeAt(q) === HASH && q > dash + 1)) {
        const j = this.nextContent(i + 1);
        if (j < this.indents.length && this.indents[j]! > col) [item, ipos, next] = this.blockNode(j, this.indents[j]!);
        else [item, ipos, next] = [null, q, j];
      } else if (this.isDashEntry(q, end)) {
        throw GIVE_UP; // a compact nested sequence
      } else if (this.key(q, end)) {
        [item, ipos, next] = this.blockMap(i, q - this.starts[i]!);
      } else {
        [item, ipos, next] = this.inlineValue(q, end, i, col);
      }
      seq.push(item);
      pos.items.push(ipos);
      if (next >= this.indents.length || this.indents[next]! < col) break;
      if (this.indents[next]! > col) throw GIVE_UP;
      if (!this.isDashEntry(this.starts[next]! + col, this.ends[next]!)) break; // the parent mapping goes on
      i = next;
    }
    this.depth--;
    return [seq, pos, next];
  }

  /** An implicit key at `at` (plain or quoted, on one line, followed by ": " or ":" at the end of the line). */
  private key(at: number, end: number): { key: string; after: number } | undefined {
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === 34 || c === 39) {
      const [key, close] = c === 34 ? this.doubleQuoted(at, end) : this.singleQuoted(at, end);
      if (t.charCodeAt(close) === COLON && (close + 1 === end || t.charCodeAt(close + 1) === SPACE)) {
        if (close - at > MAX_KEY) throw GIVE_UP;
        return { key, after: close + 1 };
      }
      return undefined;
    }
    if (isIndicator(c)) return undefined;
    let odd = false; // flow indicators or quotes inside a plain key
    for (let k = at; k < end; k++) {
      const ch = t.charCodeAt(k);
      if (ch === HASH && t.charCodeAt(k - 1) === SPACE) return undefined;
      if (ch === 91 || ch === 93 || ch === 123 || ch === 125 || ch === 34 || ch === 39) odd = true;
      if (ch === COLON && (k + 1 === end || t.charCodeAt(k + 1) === SPACE)) {
        const raw = t.slice(at, k);
        if (odd || k - at > MAX_KEY || t.charCodeAt(k - 1) === SPACE) throw GIVE_UP;
        const key = resolvePlain(raw);
        if (typeof key !== 'string') throw GIVE_UP;
        return { key, after: k + 1 };
      }
    }
    return undefined;
  }

  /** A value that starts at q on line i (inside a collection at column col) and ends on that line. */
  private inlineValue(q: number, end: number, i: number, col: number): [unknown, Position, number] {
    const t = this.text;
    const c = t.charCodeAt(q);
    let value: unknown;
    let vpos: Position = q;
    let after: number;
    if (c === 34 || c === 39) [value, after] = c === 34 ? this.doubleQuoted(q, end) : this.singleQuoted(q, end);
    else if (c === 91 || c === 123) [value, vpos, after] = this.flow(q, end);
    else if (c === 124 || c === 62) return this.blockScalar(q, end, i, col);
    else {
      if (isIndicator(c) && !(c === DASH && q + 1 < end && t.charCodeAt(q + 1) !== SPACE)) throw GIVE_UP;
      let stop = q;
      while (stop < end && !(t.charCodeAt(stop) === HASH && t.charCodeAt(stop - 1) === SPACE)) stop++;
      while (stop > q && t.charCodeAt(stop - 1) === SPACE) stop--;
      const raw = t.slice(q, stop);
      if (raw.includes(': ') || raw.endsWith(':')) throw GIVE_UP;
      return [resolvePlain(raw), q, this.afterInline(i, col)];
    }
    this.trailing(after, end);
    return [value, vpos, this.afterInline(i, col)];
  }

  /** After a quoted scalar or a flow collection only spaces and a comment may follow on the line. */
  private trailing(after: number, end: number): void {
    const t = this.text;
    let p = after;
    while (p < end && t.charCodeAt(p) === SPACE) p++;
    if (p < end && !(t.charCodeAt(p) === HASH && p > after)) throw GIVE_UP;
  }

  /** `|`, `|-`, `>` or `>-` with the indentation of its first line; no blank, more-indented or space-ended lines. */
  private blockScalar(q: number, end: number, i: number, col: number): [string, number, number] {
    const t = this.text;
    const literal = t.charCodeAt(q) === 124;
    let p = q + 1;
    const strip = t.charCodeAt(p) === DASH;
    if (strip) p++;
    this.trailing(p, end);
    const first = i + 1;
    if (first >= this.indents.length) throw GIVE_UP;
    const indent = this.rawIndent(first);
    if (indent <= col || indent === this.ends[first]! - this.starts[first]!) throw GIVE_UP;
    const lines: string[] = [];
    let j = first;
    for (; j < this.ends.length; j++) {
      const s = this.starts[j]!;
      const e = this.ends[j]!;
      const ind = this.rawIndent(j);
      if (ind === e - s) break; // blank: allowed only after the scalar ends
      if (ind < indent) break;
      if (ind > indent && !literal) throw GIVE_UP; // more-indented lines are not folded
      if (t.charCodeAt(e - 1) === SPACE) throw GIVE_UP;
      lines.push(t.slice(s + indent, e));
    }
    if (this.ends[j - 1] === t.length) throw GIVE_UP; // no line break to keep at the end of the text
    const next = this.nextContent(j);
    // blank lines inside the scalar, or an indented comment line after it, or a line that continues it
    for (let k = j; k < next; k++) if (this.rawIndent(k) > col && this.rawIndent(k) < this.ends[k]! - this.starts[k]!) throw GIVE_UP;
    if (next < this.indents.length && this.indents[next]! > col) throw GIVE_UP;
    const body = lines.join(literal ? '\n' : ' ');
    return [strip ? body : body + '\n', q, next];
  }

  private rawIndent(j: number): number {
    let k = this.starts[j]!;
    const e = this.ends[j]!;
    while (k < e && this.text.charCodeAt(k) === SPACE) k++;
    return k - this.starts[j]!;
  }

  /** A flow sequence or mapping that closes on the same line. Returns [value, position, offset after it]. */
  private flow(at: number, end: number): [unknown, Position, number] {
    this.enter();
    const t = this.text;
    const isMap = t.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const map: Record<string, unknown> = {};
    const seq: unknown[] = [];
    const keys: string[] = [];
    const items: Position[] = [];
    let p = this.skipSpaces(at + 1, end);
    if (t.charCodeAt(p) === close) {
      this.depth--;
      return [isMap ? map : seq, isMap ? { start: at, keys, items } : { start: at, items }, p + 1];
    }
    for (;;) {
      let key: string | undefined;
      if (isMap) {
        const c = t.charCodeAt(p);
        let kEnd: number;
        if (c === 34 || c === 39) [key, kEnd] = c === 34 ? this.doubleQuoted(p, end) : this.singleQuoted(p, end);
        else {
          if (isIndicator(c)) throw GIVE_UP;
          kEnd = p;
          while (kEnd < end && !(t.charCodeAt(kEnd) === COLON && t.charCodeAt(kEnd + 1) === SPACE)) {
            if (/[[\]{},#"']/.test(t[kEnd]!)) throw GIVE_UP;
            kEnd++;
          }
          const raw = t.slice(p, kEnd);
          if (raw.length === 0 || raw.endsWith(' ')) throw GIVE_UP;
          const k = resolvePlain(raw);
          if (typeof k !== 'string') throw GIVE_UP;
          key = k;
        }
        if (!(t.charCodeAt(kEnd) === COLON && t.charCodeAt(kEnd + 1) === SPACE)) throw GIVE_UP;
        p = this.skipSpaces(kEnd + 1, end);
      }
      const [value, vpos, after] = this.flowValue(p, end);
      if (key !== undefined) {
        setKey(map, key, value);
        keys.push(key);
      } else seq.push(value);
      items.push(vpos);
      p = this.skipSpaces(after, end);
      const c = t.charCodeAt(p);
      if (p < end && c === close) {
        this.depth--;
        return [isMap ? map : seq, isMap ? { start: at, keys, items } : { start: at, items }, p + 1];
      }
      if (p >= end || c !== 44) throw GIVE_UP;
      p = this.skipSpaces(p + 1, end);
      if (p >= end || t.charCodeAt(p) === close || t.charCodeAt(p) === 44) throw GIVE_UP; // trailing or empty entry
    }
  }

  private flowValue(p: number, end: number): [unknown, Position, number] {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === 34 || c === 39) {
      const [value, after] = c === 34 ? this.doubleQuoted(p, end) : this.singleQuoted(p, end);
      return [value, p, after];
    }
    if (c === 91 || c === 123) return this.flow(p, end);
    if (isIndicator(c) && !(c === DASH && p + 1 < end && !/[ ,[\]{}]/.test(t[p + 1]!))) throw GIVE_UP;
    let stop = p;
    for (; stop < end; stop++) {
      const ch = t.charCodeAt(stop);
      if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
      if (ch === HASH && t.charCodeAt(stop - 1) === SPACE) throw GIVE_UP;
      if (ch === COLON && (stop + 1 === end || /[ ,[\]{}]/.test(t[stop + 1]!))) throw GIVE_UP;
    }
    let last = stop;
    while (last > p && t.charCodeAt(last - 1) === SPACE) last--;
    if (last === p) throw GIVE_UP;
    return [resolvePlain(t.slice(p, last)), p, stop];
  }

  private skipSpaces(p: number, end: number): number {
    while (p < end && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** A double-quoted scalar on one line with common escapes; returns [value, offset after the closing quote]. */
  private doubleQuoted(at: number, end: number): [string, number] {
    const t = this.text;
    let out = '';
    let from = at + 1;
    for (let k = at + 1; k < end; k++) {
      const ch = t.charCodeAt(k);
      if (ch === 34) return [out + t.slice(from, k), k + 1];
      if (ch !== 92) continue;
      out += t.slice(from, k);
      const e = t[k + 1];
      if (e === '\\' || e === '"' || e === '/') out += e;
      else if (e === 'n') out += '\n';
      else if (e === 't') out += '\t';
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(k + 2, k + 6)) && k + 6 <= end) {
        out += String.fromCharCode(parseInt(t.slice(k + 2, k + 6), 16));
        k += 4;
      } else throw GIVE_UP;
      k++;
      from = k + 1;
    }
    throw GIVE_UP; // continues on the next line
  }

  private singleQuoted(at: number, end: number): [string, number] {
    const t = this.text;
    let out = '';
    let from = at + 1;
    for (let k = at + 1; k < end; k++) {
      if (t.charCodeAt(k) !== 39) continue;
      if (t.charCodeAt(k + 1) === 39 && k + 1 < end) {
        out += t.slice(from, k + 1);
        k++;
        from = k + 1;
        continue;
      }
      return [out + t.slice(from, k), k + 1];
    }
    throw GIVE_UP;
  }
}

/** Characters that start something other than a plain scalar (c-indicator), plus `-` (checked by callers). */
function isIndicator(c: number): boolean {
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  return c === 45 || c === 63 || c === 58 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96 || Number.isNaN(c);
}

/** A plain scalar's value by the YAML 1.2 core schema, tested in the order `yaml` tests its tags. */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // most scalars start with a letter that no core tag can start with
  if ((c >= 97 && c <= 122 && c !== 110 && c !== 116 && c !== 102) || (c >= 65 && c <= 90 && c !== 78 && c !== 84 && c !== 70) || c > 127) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
