import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeName, resolveNode, tryResolveNode } from '../../src/graph/resolve-name.js';
import { graphOf } from '../query/yaml-graph.js';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byName, readGraphDirContents } from '../../src/node/read-graph-dir.js';
import { compareText } from '../../src/model/compare-text.js';

// Start-up shortcuts must give exactly what the general rule gives.
describe('start-up fast paths', () => {
  it('normalizeName of an ASCII name equals the Unicode rule (NFKD, marks dropped, lowercase, letters and digits kept)', () => {
    const unicodeRule = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) }), (s) => {
      expect(normalizeName(s)).toBe(unicodeRule(s));
    }), { numRuns: 2000 });
    expect(normalizeName('Vitamin B-12')).toBe('vitaminb12');
    expect(normalizeName('Café')).toBe('cafe');
  });

  it('orders folder entries as localeCompare does, with or without the code-unit shortcut', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-.'), minLength: 1, maxLength: 8 });
    const any = fc.string({ minLength: 1, maxLength: 8 });
    for (const name of [plain, fc.oneof(plain, any)]) {
      fc.assert(
        fc.property(fc.array(name, { maxLength: 12 }), (names) => {
          const entries = names.map((n) => ({ name: n }));
          const sign = (x: number) => Math.sign(x);
          for (const a of entries) for (const b of entries) expect(sign(byName(entries)(a, b))).toBe(sign(a.name.localeCompare(b.name)));
        }),
        { numRuns: 500 },
      );
    }
  });

  it('reads the data files in localeCompare order whatever else the folder holds (a README.md beside them, say)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mechkg-order-'));
    try {
      for (const f of ['README.md', 'b.yaml', 'a-b.yaml', 'Notes.txt']) writeFileSync(join(dir, f), 'x: 1\n');
      mkdirSync(join(dir, 'modules'));
      for (const f of ['z.yaml', 'Z2.yaml', 'm.yml']) writeFileSync(join(dir, 'modules', f), 'x: 1\n');
      const paths = readGraphDirContents(dir).files.map((f) => f.path);
      // localeCompare order in each folder (z.yaml before Z2.yaml), the non-data files skipped.
      expect(paths).toEqual(['a-b.yaml', 'b.yaml', 'modules/m.yml', 'modules/z.yaml', 'modules/Z2.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('orders listed names case-insensitively, then by code unit, as a total order independent of the locale', () => {
    expect(['beta', 'alpha', 'B12', 'Alpha', 'β-oxidation'].sort(compareText)).toEqual(['Alpha', 'alpha', 'B12', 'beta', 'β-oxidation']);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(Math.sign(compareText(a, b)) + Math.sign(compareText(b, a))).toBe(0);
        expect(compareText(a, b) === 0).toBe(a === b);
        if (compareText(a, b) < 0 && compareText(b, c) < 0) expect(compareText(a, c)).toBeLessThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('tryResolveNode answers as resolveNode for a name some node has, null for a miss, and throws on an ambiguous name', () => {
    const g = graphOf(['a increases b']);
    g.mergeNodeAttributes('b', { synonyms: ['shared'] });
    g.mergeNodeAttributes('a', { synonyms: ['Shared', 'only-a'] });
    for (const name of ['a', 'B', 'only a', 'ONLY-A']) expect(tryResolveNode(g, name)).toBe(resolveNode(g, name));
    expect(tryResolveNode(g, 'nowhere')).toBeNull();
    expect(tryResolveNode(g, '')).toBeNull();
    expect(() => tryResolveNode(g, 'shared')).toThrow(/ambiguous/);
  });
});
