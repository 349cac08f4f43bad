/**
 * The evidence kind a route's weakest link is named by: two kinds share a strength (a non-randomized
 * intervention study and an observational study), so it is read from the weakest steps' entries, never
 * from the strength alone (which named every observational step an intervention study).
 */
import { describe, expect, it } from 'vitest';
import { dominantEffects, effects, findPaths } from '../../src/index.js';
import { weakestKindOf } from '../../src/query/query-options.js';
import { graphOf } from './yaml-graph.js';

describe('weakestKindOf', () => {
  it('names the kind of that strength in the entries, a causal design first within a step, the smaller claim across steps', () => {
    expect(weakestKindOf(0, [])).toBeNull();
    expect(weakestKindOf(4, [[{ kind: 'observational_human', stance: 'supports' }]])).toBe('observational_human');
    expect(weakestKindOf(4, [[{ kind: 'observational_human', stance: 'supports' }, { kind: 'intervention_study', stance: 'supports' }]])).toBe('intervention_study');
    expect(weakestKindOf(4, [[{ kind: 'intervention_study' }], [{ kind: 'observational_human' }]])).toBe('observational_human');
    // a disputing entry does not name the support; with no entry of that strength, the first kind of it
    expect(weakestKindOf(4, [[{ kind: 'observational_human', stance: 'disputes' }, { kind: 'intervention_study', stance: 'supports' }]])).toBe('intervention_study');
    expect(weakestKindOf(6, [[]])).toBe('randomized_trial');
    // no entries (an index that holds strengths only): of two kinds of one strength, the smaller claim
    expect(weakestKindOf(4, [[]])).toBe('observational_human');
  });
});

describe('the weakest link of a route is named by its own evidence', () => {
  const g = graphOf(['a increases b observational_human', 'b increases c randomized_trial', 'a increases d intervention_study']);

  it('paths: an observational step is "observational (human)", an intervention step an intervention study', () => {
    expect(findPaths(g, 'a', 'c').paths[0]!.weakestEvidence).toBe('observational_human');
    expect(findPaths(g, 'a', 'd').paths[0]!.weakestEvidence).toBe('intervention_study');
  });

  it('effects and dominantEffects: the route and the route counts name the same kind', () => {
    const c = dominantEffects(g, 'a').effects.find((e) => e.node.id === 'c')!;
    expect([c.up!.weakestEvidence, c.paths[0]!.weakestEvidence]).toEqual(['observational_human', 'observational_human']);
    expect(dominantEffects(g, 'a', { routes: false }).effects.find((e) => e.node.id === 'b')!.up!.weakestEvidence).toBe('observational_human');
    expect(effects(g, 'a').effects.find((e) => e.node.id === 'c')!.paths[0]!.weakestEvidence).toBe('observational_human');
  });
});
