import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CURATED_CATEGORY_NAMES as CATEGORY_NAMES, EVIDENCE_KIND_NAMES, EVIDENCE_KINDS, PREDICATE_NAMES, tryLoadGraphFromFiles } from '../../src/index.js';
import { readGraphDir, bundledGraphDir } from '../../src/node.js';

const curated = readGraphDir(bundledGraphDir());

/** The loader's contract: for any input it returns problems or a graph, and never throws. */
function loadNeverThrows(files: { path: string; text: string }[]): void {
  const result = tryLoadGraphFromFiles(files);
  if (result.ok) {
    expect(result.problems.every((p) => p.level === 'warning')).toBe(true);
  } else {
    expect(result.problems.some((p) => p.level === 'error')).toBe(true);
    for (const p of result.problems) {
      expect(typeof p.file).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
  }
}

describe('tryLoadGraphFromFiles on random and mangled input', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }), (a, b) => {
        loadNeverThrows([
          { path: 'sources.yaml', text: a },
          { path: 'modules/x.yaml', text: b },
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary YAML values', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), fc.anything({ maxDepth: 4 }), (a, b) => {
        const text = (v: unknown) => {
          try {
            return stringify(v);
          } catch {
            return String(v);
          }
        };
        loadNeverThrows([
          { path: 'sources.yaml', text: text({ sources: a }) },
          { path: 'modules/x.yaml', text: text({ module: { id: 'x', title: 'X', summary: 'x' }, nodes: a, edges: b }) },
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on curated files with characters deleted, lines swapped or the file cut short', () => {
    const mangle = fc.record({
      file: fc.nat({ max: curated.length - 1 }),
      op: fc.constantFrom('delete', 'swap', 'truncate', 'insert'),
      at: fc.nat(),
      len: fc.integer({ min: 1, max: 40 }),
      junk: fc.constantFrom(':', '- ', '  ', '"', '[', '{', '&a', '*a', '\t', '#', '\n'),
    });
    fc.assert(
      fc.property(mangle, ({ file, op, at, len, junk }) => {
        const files = curated.map((f) => ({ ...f }));
        const f = files[file]!;
        const pos = at % Math.max(1, f.text.length);
        if (op === 'delete') f.text = f.text.slice(0, pos) + f.text.slice(pos + len);
        if (op === 'truncate') f.text = f.text.slice(0, pos);
        if (op === 'insert') f.text = f.text.slice(0, pos) + junk + f.text.slice(pos);
        if (op === 'swap') {
          const lines = f.text.split('\n');
          const i = pos % lines.length;
          const j = (i + len) % lines.length;
          [lines[i], lines[j]] = [lines[j]!, lines[i]!];
          f.text = lines.join('\n');
        }
        loadNeverThrows(files);
      }),
      { numRuns: 150 },
    );
  }, 180_000); // 150 full loads of the curated graph: on a shared 2-core machine this outlasts the 30 s default

  it('keeps every node and edge of a random valid graph (nothing silently dropped)', () => {
    const graphArb = fc.integer({ min: 1, max: 25 }).chain((n) =>
      fc.record({
        categories: fc.array(fc.constantFrom(...CATEGORY_NAMES), { minLength: n, maxLength: n }),
        edges: fc.array(
          fc.record({
            s: fc.nat({ max: n - 1 }),
            t: fc.nat({ max: n - 1 }),
            p: fc.constantFrom(...PREDICATE_NAMES),
            k: fc.constantFrom(...EVIDENCE_KIND_NAMES),
            label: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
          }),
          { maxLength: 60 },
        ),
      }),
    );
    fc.assert(
      fc.property(graphArb, ({ categories, edges }) => {
        const nodes = categories.map((category, i) => ({ id: `n${i}`, label: `Node ${i}`, category, description: 'Generated.' }));
        const edgeData = edges.map((e, i) => ({
          id: `e${i}`,
          source: `n${e.s}`,
          predicate: e.p,
          target: `n${e.t}`,
          // a study kind must cite a registry entry with a PMID or DOI (study_kind_without_study is an error)
          evidence: [{ source: EVIDENCE_KINDS[e.k].study ? 'p' : 's', kind: e.k, statement: e.label }],
        }));
        const result = tryLoadGraphFromFiles([
          { path: 'sources.yaml', text: stringify({ sources: [{ id: 's', kind: 'textbook', title: 'S' }, { id: 'p', kind: 'primary_paper', title: 'P', doi: '10.1000/fixture' }] }) },
          { path: 'modules/g.yaml', text: stringify({ module: { id: 'g', title: 'G', summary: 'G.' }, nodes, edges: edgeData }) },
        ]);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(result.graph.order).toBe(nodes.length);
        expect(result.graph.size).toBe(edgeData.length);
        for (const e of edgeData) expect(result.graph.getEdgeAttribute(e.id, 'evidence')[0]!.statement).toBe(e.evidence[0]!.statement.trim());
      }),
      { numRuns: 100 },
    );
  });
});
