/**
 * The one XML parse of the XML readers (GraphML, GEXF): well-formedness first (with the line and column of
 * the fault), then fast-xml-parser with the same hardened options for every format (entities expanded only
 * within the parser's limits, never fetched), keeping each element's offset for line numbers.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineAt, type RecordsIn } from './records.js';

export type XmlElement = Record<string, unknown>;

export const XML_META = XMLParser.getMetaDataSymbol() as unknown as string;

export interface XmlDocument {
  doc: XmlElement;
  /** Line of an element of doc (undefined when the parser did not record its offset). */
  lineOf: (el: XmlElement) => number | undefined;
}

/**
 * Checks that text is well-formed XML; otherwise the fault goes to r and the answer is false. The format's own
 * root and namespace check runs between this and parseXml, as each reader needs.
 */
export function checkXml(path: string, text: string, r: RecordsIn): boolean {
  const valid = XMLValidator.validate(text);
  if (valid === true) return true;
  r.problems.push({ level: 'error', code: 'malformed_file', file: path, line: valid.err.line, column: valid.err.col, message: `not well-formed XML: ${valid.err.msg}` });
  return false;
}

/** Parses text (already checked by checkXml); `arrays`: element names always read as lists. */
export function parseXml(path: string, text: string, r: RecordsIn, options: { arrays: readonly string[]; trimValues: boolean }): XmlDocument | null {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    trimValues: options.trimValues,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
    captureMetaData: true,
    isArray: (name) => options.arrays.includes(name),
  });
  let doc: XmlElement;
  try {
    doc = parser.parse(text) as XmlElement;
  } catch (err) {
    // DOCTYPE and entity errors (entities are never fetched or expanded past the parser's limits)
    const { line, column } = lineAt(text, Math.max(0, text.search(/<!DOCTYPE|<!ENTITY/i)));
    r.problems.push({ level: 'error', code: 'malformed_file', file: path, line, column, message: `XML not accepted: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` });
    return null;
  }
  const lineOf = (el: XmlElement) => {
    const start = (el[XML_META] as { startIndex?: number } | undefined)?.startIndex;
    return start !== undefined ? lineAt(text, start).line : undefined;
  };
  return { doc, lineOf };
}
