/**
 * Parses one YAML data file, keeping enough of the syntax tree to point problems at lines and columns.
 * Files in the plain subset of YAML are read by the fast reader (plain-yaml.ts, about 25 times faster,
 * with the same values and locations); everything else, and every file with a YAML error, by the `yaml` package.
 */
import { isAlias, isMap, isPair, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Problem } from '../model/types.js';
import { readPlainYaml } from './plain-yaml.js';

export interface ParsedYaml {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the value at a path, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

export type YamlParser = (file: string, text: string) => { parsed?: ParsedYaml; problems: Problem[] };

export const parseYamlFile: YamlParser = (file, text) => {
  const plain = readPlainYaml(text);
  if (!plain) return parseYamlFully(file, text);
  return { parsed: { file, value: plain.value, locate: (path) => plain.linePos(plain.offsetOf(path)) }, problems: [] };
};

/** The `yaml` package's reading of a file: any YAML, every error located. */
export const parseYamlFully: YamlParser = (file, text) => {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return { problems: [malformed(file, 1, 1, describe(err))] };
  }
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return malformed(file, pos.line, pos.col, e.message.split('\n')[0] ?? e.code);
      }),
    };
  }
  let value: unknown;
  try {
    // no `&` in the text means no anchor, so nothing can expand (skips the count on big plain files)
    const size = text.includes('&') ? expandedSize(doc) : { written: 0, expanded: 0 };
    if (size.expanded > size.written * ALIAS_GROWTH + ALIAS_ROOM) {
      return { problems: [malformed(file, 1, 1, `aliases expand ${size.written} values to ${size.expanded}, more than ${ALIAS_GROWTH} times the file (an alias bomb?)`)] };
    }
    value = doc.toJS({ maxAliasCount: -1 }); // limited above by expansion size, not by the number of aliases
  } catch (err) {
    return { problems: [malformed(file, 1, 1, err instanceof RangeError ? 'nested too deeply' : describe(err))] };
  }
  const locate = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let found = node as YamlNode | null;
    for (const key of path) {
      if (isMap(node)) node = node.get(key as never, true);
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
      else break;
      if (!node || typeof node !== 'object' || !('range' in node)) break;
      found = node as YamlNode;
    }
    const offset = found?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { parsed: { file, value, locate }, problems: [] };
};

/** Aliases may make the data at most this many times the values written, plus ALIAS_ROOM. */
const ALIAS_GROWTH = 10;
const ALIAS_ROOM = 10_000;

/**
 * Values written in the document and values after expanding every alias (memoized per node, so the count
 * itself never expands anything): reused anchors are fine, an alias bomb is not, whatever the alias count.
 */
function expandedSize(doc: Document.Parsed): { written: number; expanded: number } {
  const memo = new Map<unknown, number>();
  let written = 0;
  const size = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = memo.get(node);
    if (known !== undefined) {
      if (known < 0) throw new Error('an alias refers to the node that contains it');
      return known;
    }
    memo.set(node, -1);
    written++;
    let s = 1;
    if (isAlias(node)) s = size(node.resolve(doc));
    else if (isPair(node)) s = size(node.key) + size(node.value);
    else if (isMap(node) || isSeq(node)) for (const item of node.items) s += size(item);
    memo.set(node, s);
    return s;
  };
  return { expanded: size(doc.contents), written };
}

function malformed(file: string, line: number, column: number, what: string): Problem {
  return { level: 'error', code: 'malformed_file', file, line, column, message: `not valid YAML: ${what}` };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}
