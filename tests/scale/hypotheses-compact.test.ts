/** explainObservations on the streamed compact index and on the same KGX file imported into graphology. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainObservations, loadKgxIndex, type ObservationInput } from '../../src/node.js';
import { importGraphFile } from '../../src/node/import-graph-file.js';
// @ts-expect-error: plain .mjs script without type declarations
import { generateKgx } from '../../scripts/bench/generate-kgx.mjs';

const dir = mkdtempSync(join(tmpdir(), 'mechkg-hyp-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hypotheses on the compact index', () => {
  it.each([21, 22])('gives the same answer as on graphology, and counts the planted cause right (seed %i)', async (seed) => {
    const name = `h${seed}`;
    generateKgx({ edges: 900, nodes: 120, seed, out: dir, name });
    const path = join(dir, `${name}_edges.tsv`);
    const graph = importGraphFile(path);
    const compact = await loadKgxIndex(path, { onProgress: () => {} });
    const ids = graph.nodes();
    // observations: what raising one node predicts (the library's own effects on graphology, every-route view,
    // which the hypothesis search mirrors), a few of them
    const { effects } = await import('../../src/node.js');
    let planted = '';
    let observations: ObservationInput[] = [];
    for (const id of ids) {
      const e = effects(graph, id, { depth: 3, allRoutes: true }).effects.filter((x) => x.effect === 'up' || x.effect === 'down');
      if (e.length >= 10) {
        planted = id;
        observations = e.slice(0, 10).map((x) => ({ node: x.node.id, direction: x.effect as 'up' | 'down' }));
        break;
      }
    }
    expect(planted).not.toBe('');
    const options = { maxDepth: 3, limit: 10, permutations: 50 };
    const onGraph = JSON.parse(JSON.stringify(explainObservations(graph, observations, options)));
    const onCompact = JSON.parse(JSON.stringify(explainObservations(compact, observations, options)));
    expect(onCompact).toEqual(onGraph);
    expect(onGraph.hypotheses.length).toBeGreaterThan(0);
    // the planted cause is among the hypotheses, and predicts every one of its own effects
    const all = explainObservations(compact, observations, { maxDepth: 3, limit: Infinity });
    expect(all.hypotheses.find((h) => h.node.id === planted && h.direction === 'up')).toMatchObject({ correct: 10, incorrect: 0, ambiguous: 0 });
  });
});
