import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteInterner, fnv1a } from '../../src/scale/byte-interner.js';
import { EdgeTable, LocalEndpoints } from '../../src/scale/kgx-edge-rows.js';

const encoder = new TextEncoder();

/** The strings laid out one after another in one buffer, with each one's (start, end). */
function layout(strings: string[]): { buf: Uint8Array; at: [number, number][] } {
  const parts = strings.map((s) => encoder.encode(s));
  const buf = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + 3);
  const at: [number, number][] = [];
  let p = 1; // not at offset 0, so a start/end mix-up shows
  for (const part of parts) {
    buf.set(part, p);
    at.push([p, p + part.length]);
    p += part.length;
  }
  return { buf, at };
}

describe('ByteInterner.findMany (the loader looks up a batch of edge endpoints at once)', () => {
  const idArb = fc.oneof(fc.constantFrom('N:1', 'N:10', 'N:1 ', 'é', 'CHEBI:17230', 'REACT:R-HSA-9044358'), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 5 }));
  // a weak hash puts many different ids in one probe chain with equal hashes: only the byte compare tells them apart
  const hashes = { fnv1a: (b: Uint8Array, s: number, e: number) => fnv1a(b, s, e), weak: (_b: Uint8Array, s: number, e: number) => (e - s) & 3 };

  for (const [name, hash] of Object.entries(hashes)) {
    it(`gives the number find gives, or -1 for an absent id, for every key (${name} hash)`, () => {
      fc.assert(
        fc.property(fc.uniqueArray(idArb, { maxLength: 60 }), fc.array(idArb, { maxLength: 80 }), (known, asked) => {
          const interner = new ByteInterner(4);
          const stored = layout(known);
          stored.at.forEach(([s, e]) => interner.intern(stored.buf, s, e, hash(stored.buf, s, e)));
          const q = layout(asked);
          const keys = new Int32Array(3 * asked.length);
          q.at.forEach(([s, e], k) => keys.set([s, e, hash(q.buf, s, e)], 3 * k));
          const out = new Int32Array(asked.length).fill(-7);
          interner.findMany(q.buf, keys, asked.length, out);
          expect(Array.from(out)).toEqual(asked.map((id) => known.indexOf(id)));
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('EdgeTable: endpoints numbered a batch of rows at a time, as one row at a time would', () => {
  it('numbers ids by first appearance and adds each new id once, even when it recurs within a batch', () => {
    const idArb = fc.constantFrom('a', 'b', 'c', 'N:1', 'N:2', 'é:1', 'x'.repeat(40));
    fc.assert(
      fc.property(fc.array(fc.tuple(idArb, idArb), { minLength: 1, maxLength: 3000 }), (rows) => {
        const text = 'subject\tpredicate\tobject\n' + rows.map(([s, o]) => `${s}\tbiolink:related_to\t${o}\n`).join('');
        const buf = Buffer.from(text);
        const endpoints = new LocalEndpoints();
        const table = new EdgeTable('t.tsv', endpoints, ['subject', 'predicate', 'object'], 16);
        const header = buf.indexOf(10) + 1;
        table.parse(buf, header, buf.length, header);
        const order: string[] = [];
        const number = (id: string) => (order.includes(id) ? order.indexOf(id) : order.push(id) - 1);
        const expected = rows.map(([s, o]) => [number(s), number(o)]);
        expect(table.count).toBe(rows.length);
        expect(rows.map((_, e) => [table.source[e], table.target[e]])).toEqual(expected);
        expect(endpoints.interner.size).toBe(order.length);
      }),
      { numRuns: 60 },
    );
  });
});
