/**
 * cytoscape.js element `classes` (the style classes of the elements JSON: a space-separated string or a list)
 * kept as the attribute `classes`: they were dropped without a word, and in cytoscape.js's own edge-types demo
 * (shared/conformance) they are what tells the edges apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryImportGraph } from '../../src/import/index.js';

const DEMO = join(import.meta.dirname, '../../../shared/conformance/cytoscape/documentation_demos_edge-types_data.json');

describe('Cytoscape JSON element classes', () => {
  it('a string or a list of class names becomes the attribute classes; data of the same name wins', () => {
    // Hand-written in the elements JSON of cytoscape.js's documentation (`classes: 'foo bar'` or an array).
    const elements = [
      { data: { id: 'a' }, classes: 'foo  bar' },
      { data: { id: 'b', classes: ['own'] }, classes: 'ignored' },
      { data: { id: 'ab', source: 'a', target: 'b' }, classes: ['baz'] },
      { data: { id: 'ba', source: 'b', target: 'a' }, classes: '' },
    ];
    const r = tryImportGraph({ path: 'classes.json', text: JSON.stringify(elements) });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.graph.getNodeAttribute('a', 'attributes')).toMatchObject({ classes: ['foo', 'bar'] });
    expect(r.graph.getNodeAttribute('b', 'attributes')).toMatchObject({ classes: ['own'] });
    expect(r.graph.getEdgeAttribute('ab', 'attributes')).toMatchObject({ classes: ['baz'] });
    expect((r.graph.getEdgeAttribute('ba', 'attributes') as Record<string, unknown> | undefined)?.classes).toBeUndefined();
  });

  it.skipIf(!existsSync(DEMO))("cytoscape.js's edge-types demo: every edge keeps the class that names its curve style", () => {
    const text = readFileSync(DEMO, 'utf8');
    const edges = (JSON.parse(text) as { data: { source?: string }; classes?: string }[]).filter((el) => el.data.source !== undefined);
    const r = tryImportGraph({ path: 'edge-types.json', text });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const given = edges.filter((el) => el.classes).map((el) => el.classes!.split(' ').join(' '));
    expect(given.length).toBeGreaterThan(10);
    const kept = r.graph.mapEdges((_, a) => ((a.attributes as Record<string, unknown> | undefined)?.classes as string[] | undefined)?.join(' ')).filter((c) => c !== undefined);
    expect(kept.sort()).toEqual(given.sort());
  });
});
