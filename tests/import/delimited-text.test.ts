import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDelimited, joinList } from '../../src/export/text-codecs.js';
import { DelimitedSyntaxError, parseDelimited, parseDelimitedTable, splitList } from '../../src/import/delimited-text.js';

describe('parseDelimited (RFC 4180)', () => {
  it.each<[string, string, ',' | '\t', string[][]]>([
    ['unterminated quote', 'a,"b\n', ',', []],
    ['text after a closing quote', 'a,"b"c\n', ',', []],
    ['a bare quote inside a field', 'a,b"c\n', ',', []],
  ])('rejects %s with a line and column', (_name, text, delimiter) => {
    expect(() => parseDelimited(text, delimiter)).toThrow(DelimitedSyntaxError);
  });

  it.each<[string, string, ',' | '\t', string[][]]>([
    ['plain CSV', 'a,b\nc,d\n', ',', [['a', 'b'], ['c', 'd']]],
    ['CRLF line ends and no final newline', 'a,b\r\nc,d', ',', [['a', 'b'], ['c', 'd']]],
    ['quoted delimiter, quote and newline', '"a,1","say ""hi""","two\nlines"\n', ',', [['a,1', 'say "hi"', 'two\nlines']]],
    ['empty fields', ',,\n', ',', [['', '', '']]],
    ['tabs with quoted tab', 'a\t"b\tc"\n', '\t', [['a', 'b\tc']]],
    ['a byte order mark', '\ufeffa,b\n', ',', [['a', 'b']]],
  ])('reads %s', (_name, text, delimiter, expected) => {
    expect(parseDelimited(text, delimiter).map((r) => r.fields)).toEqual(expected);
  });

  it('gives each record the line it starts on, counting newlines inside quotes', () => {
    expect(parseDelimited('h\n"a\nb"\nc\n', ',').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('reports a row with the wrong number of fields at its line', () => {
    expect(() => parseDelimitedTable('a,b\n1,2\n3\n', ',')).toThrow(expect.objectContaining({ line: 3 }));
  });

  it('reads back whatever formatDelimited writes (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '\t', '"', '\n', '\r', ' ', 'é', '|', '\\') });
    fc.assert(
      fc.property(fc.constantFrom<',' | '\t'>(',', '\t'), fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), (d, width, rows) => {
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        const body = rows.map((r) => r.slice(0, width));
        // A row of one empty field is a blank line, which readers skip: give it content.
        const safe = body.map((r) => (width === 1 && r[0] === '' ? ['x'] : r));
        const table = parseDelimitedTable(formatDelimited(header, safe, d), d);
        expect(table.rows.map((r) => header.map((h) => r.values[h]))).toEqual(safe);
      }),
    );
  });
});

describe('splitList / joinList', () => {
  it('escapes pipes and backslashes inside items', () => {
    expect(joinList(['a|b', 'c\\d', 'e'])).toBe('a\\|b|c\\\\d|e');
    expect(splitList('a\\|b|c\\\\d|e')).toEqual(['a|b', 'c\\d', 'e']);
  });

  it('keeps a backslash that escapes nothing (foreign files)', () => {
    expect(splitList('C:\\temp|x')).toEqual(['C:\\temp', 'x']);
  });

  it('round-trips any list of non-empty items (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', '|', '\\', ' ', 'é'), minLength: 1 }), { minLength: 1 }), (items) => {
        expect(splitList(joinList(items))).toEqual(items);
      }),
    );
  });
});
