import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJson, safeJsonChunks } from '../../src/cli/terminal-text.js';

describe('JSON answers written in pieces', () => {
  it('join to exactly the text safeJson gives, for any JSON value and undefined members', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.constant(undefined),
        fc.string({ unit: 'binary' }),
        fc.array(tie('v'), { maxLength: 6 }),
        fc.dictionary(fc.string({ unit: 'binary' }), tie('v'), { maxKeys: 5 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        fc.pre(v !== undefined);
        expect([...safeJsonChunks(v, 2)].join('')).toBe(safeJson(v, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('cut a large answer into many pieces of bounded size, so none becomes one giant string', () => {
    const answer = { node: { id: 'N:1' }, effects: Array.from({ length: 20_000 }, (_, i) => ({ node: { id: `N:${i}`, label: `node \u202e${i}` }, paths: [{ sign: '+', nodes: [] }] })) };
    const chunks = [...safeJsonChunks(answer, 2)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70_000);
    expect(chunks.join('')).toBe(safeJson(answer, 2));
    expect(chunks.join('')).toContain('node \\u202e7');
  });
});
