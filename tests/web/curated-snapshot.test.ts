/**
 * The explorer's curated graph is a snapshot the loader made at build time (scripts/vite-plugin-curated-graph.ts):
 * it must be the very graph the CLI loads, and bad curated data must stop the build with the loader's file:line.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphFromSnapshot, MechkgError } from '../../src/index.js';
import { loadGraph } from '../../src/node.js';
import { curatedSnapshotJson } from '../../scripts/vite-plugin-curated-graph.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('curated graph snapshot', () => {
  it('is the graph the CLI loads: nodes, edges, attributes and lessons', () => {
    const fromSnapshot = graphFromSnapshot(JSON.parse(curatedSnapshotJson(resolve(ROOT, 'graph'))));
    const loaded = loadGraph();
    expect(fromSnapshot.order).toBe(loaded.order);
    expect(fromSnapshot.size).toBe(loaded.size);
    // JSON drops undefined fields; the loaded graph goes through the same JSON round trip for the comparison.
    expect(fromSnapshot.export()).toEqual(JSON.parse(JSON.stringify(loaded.export())));
    expect(fromSnapshot.getAttribute('lessons')?.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses invalid curated data with the loader problems, file and line', () => {
    expect(() => curatedSnapshotJson(resolve(ROOT, 'tests/fixtures/invalid-graph'))).toThrow(/did not load, \d+ errors?:\n {2}modules\/bad\.yaml:\d+/);
  });

  it('refuses something that is not a graph snapshot, naming where it came from', () => {
    expect(() => graphFromSnapshot({ nodes: [] }, 'assets/curated-graph.json')).toThrow(MechkgError);
    expect(() => graphFromSnapshot(null, 'assets/curated-graph.json')).toThrow(/^assets\/curated-graph\.json: not a snapshot of a mechkg graph/);
  });
});
