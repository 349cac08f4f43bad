/** Parses one YAML data file, keeping enough of the syntax tree to point problems at lines and columns. */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Problem } from '../model/types.js';

export interface ParsedYaml {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the value at a path, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

export function parseYamlFile(file: string, text: string): { parsed?: ParsedYaml; problems: Problem[] } {
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
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { problems: [malformed(file, 1, 1, describe(err))] };
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
}

function malformed(file: string, line: number, column: number, what: string): Problem {
  return { level: 'error', code: 'malformed_file', file, line, column, message: `not valid YAML: ${what}` };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}
