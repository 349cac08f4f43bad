import { describe, expect, it } from 'vitest';
import { describeEdge, describeItem, describeNode, explainPaths, findPaths, NameResolutionError, search } from '../../src/index.js';
import { curatedGraph } from './curated.js';

describe('explainPaths', () => {
  it('reads MMA -> lipogenesis as numbered sentences with evidence kinds and citations', () => {
    const r = explainPaths(curatedGraph(), 'MMA', 'lipogenesis');
    expect(r.explanations.length).toBeGreaterThan(0);
    const first = r.explanations[0]!;
    expect(first.summary).toMatch(/^Route 1 \(\d+ steps?, net [+-?]\): raising methylmalonic acid is expected to (raise|lower)/);
    expect(first.steps[0]!.sentence).toMatch(/^1\. Methylmalonic acid inhibits /);
    expect(first.steps.every((s) => /\[\d+\]/.test(s.sentence))).toBe(true);
    expect(r.references.length).toBeGreaterThan(0);
    expect(r.text).toContain('References');
    expect(r.explanations.map((x) => x.path)).toEqual(findPaths(curatedGraph(), 'MMA', 'lipogenesis', { limit: 3 }).paths);
  });
});

describe('describe and search', () => {
  it('shows a node with its edges and an edge with its evidence', () => {
    const g = curatedGraph();
    const n = describeNode(g, 'Hcy');
    expect(n.node.id).toBe('homocysteine');
    expect(n.outgoing.some((e) => e.target === 'syntaxin-17')).toBe(true);
    expect(n.incoming.some((e) => e.source === 'methionine-synthase')).toBe(true);
    const e = describeEdge(g, 'homocysteine--inhibits--syntaxin-17');
    expect(e.edge.sign).toBe('-');
    expect(e.edge.evidence.length).toBeGreaterThan(0);
    expect(describeItem(g, 'homocysteine--inhibits--syntaxin-17').kind).toBe('edge');
    expect(describeItem(g, 'STX17').kind).toBe('node');
    expect(() => describeEdge(g, 'homocysteine--inhibits')).toThrow(NameResolutionError);
  });

  it('ranks name matches', () => {
    const r = search(curatedGraph(), 'homocyst');
    expect(r.hits[0]!.id).toBe('homocysteine');
    expect(() => search(curatedGraph(), '  ')).toThrow(/search: the search text is empty/);
  });
});

