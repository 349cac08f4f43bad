/**
 * parseJsonExactIntegers, and CX2 read with it: CX2 ids are 64-bit integers (the CX2 specification's "long"),
 * which JSON.parse rounds past 2^53, so two nodes could merge and edges point at the wrong one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonExactIntegers } from '../../src/import/exact-json.js';
import { tryImportGraph } from '../../src/import/index.js';

describe('parseJsonExactIntegers', () => {
  it('keeps integers past 2^53 as their digits, outside strings only', () => {
    expect(parseJsonExactIntegers('[9007199254740993, -9223372036854775807, 9007199254740991, 1.5e300, "9007199254740993", {"a\\"b": 12345678901234567891}]')).toEqual([
      '9007199254740993',
      '-9223372036854775807',
      9007199254740991,
      1.5e300,
      '9007199254740993',
      { 'a"b': '12345678901234567891' },
    ]);
  });

  it('is JSON.parse on any JSON without unsafe integers', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const exact = parseJsonExactIntegers(text);
        const plain = JSON.parse(text) as unknown;
        // fast-check's JSON has safe integers only unless it wrote 16+ digit ones, which must then stay exact
        if (JSON.stringify(exact) === JSON.stringify(plain)) return true;
        return /\d{16}/.test(text);
      }),
    );
  });
});

describe('CX2 with 64-bit ids', () => {
  // Hand-written from the CX2 specification (node and edge ids are longs); no file with ids this large was found.
  const text = [
    '[{"CXVersion":"2.0","hasFragments":false},',
    '{"nodes":[{"id":9007199254740993},{"id":9007199254740992},{"id":1}]},',
    '{"edges":[{"id":5,"s":9007199254740993,"t":1},{"id":6,"s":9007199254740992,"t":1}]},',
    '{"status":[{"success":true}]}]',
  ].join('\n');

  it('keeps two ids that differ only past 2^53 apart, with their edges', () => {
    const r = tryImportGraph({ path: 'long-ids.cx2', text });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.graph.nodes().sort()).toEqual(['1', '9007199254740992', '9007199254740993']);
    expect(r.graph.source('5')).toBe('9007199254740993');
    expect(r.graph.source('6')).toBe('9007199254740992');
  });
});
