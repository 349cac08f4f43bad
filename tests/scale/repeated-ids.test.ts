import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatedUses } from '../../src/scale/repeated-ids.js';

const encoder = new TextEncoder();

function pack(ids: string[]): { bytes: Uint8Array; ends: Uint32Array } {
  const parts = ids.map((id) => encoder.encode(id));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  const ends = new Uint32Array(ids.length);
  let at = 0;
  parts.forEach((p, i) => {
    bytes.set(p, at);
    ends[i] = at += p.length;
  });
  return { bytes, ends };
}

/** The plain reading: walk the list, count each id's uses. */
function reference(ids: string[]): { at: number; use: number }[] {
  const uses = new Map<string, number>();
  const out: { at: number; use: number }[] = [];
  ids.forEach((id, at) => {
    if (id === '') return;
    const use = (uses.get(id) ?? 0) + 1;
    uses.set(id, use);
    if (use > 1) out.push({ at, use });
  });
  return out;
}

describe('repeatedUses (duplicate edge ids of the compact index)', () => {
  it('finds every later use of an id with its use number, in list order, like counting them one by one', () => {
    const idArb = fc.oneof(fc.constantFrom('e1', 'e2', 'é', 'e1 ', ''), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 200 }), (ids) => {
        const { bytes, ends } = pack(ids);
        expect(repeatedUses(bytes, ends, ids.length)).toEqual(reference(ids));
      }),
      { numRuns: 300 },
    );
  });

  it('numbers an id used many times (a long run, grouped by text) the same way', () => {
    const ids = Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? 'hub' : `e${i % 7}`));
    const { bytes, ends } = pack(ids);
    const found = repeatedUses(bytes, ends, ids.length);
    expect(found).toEqual(reference(ids));
    expect(found.filter((r) => ids[r.at] === 'hub').at(-1)).toEqual({ at: 498, use: 167 });
  });

  it('keeps ids that differ only in bytes a hash may confuse apart (no two distinct ids share a use count)', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `N:${i}`).concat(['N:1', 'N:4999', 'N:1']);
    const { bytes, ends } = pack(ids);
    expect(repeatedUses(bytes, ends, ids.length)).toEqual([
      { at: 5000, use: 2 },
      { at: 5001, use: 2 },
      { at: 5002, use: 3 },
    ]);
  });
});
