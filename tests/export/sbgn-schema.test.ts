/**
 * mechkg's SBGN-ML export validated against the SBGN-ML 0.3 schema itself: libsbgn's SBGN.xsd (vendored in
 * tests/fixtures/libsbgn, see its README) compiled by libxml2 (xmllint-wasm: WebAssembly, no system binary).
 * The structure checks in sbgn-export.test.ts read the schema's rules; this test asks the schema. Covered:
 * the curated graph, a path subgraph, hostile labels and a graph imported from a KGX file, and a broken copy
 * that the validator must refuse (so a validator that accepts everything fails here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { selectPaths, writeSbgn } from '../../src/export/index.js';
import { importGraph } from '../../src/import/import-graph.js';
import { loadGraph } from '../../src/node.js';
import { readLayoutPositions } from '../../src/node/read-positions.js';
import { hostileGraph } from './graph-fixtures.js';

const DIR = join(import.meta.dirname, '../fixtures/libsbgn');
const schema = { fileName: 'SBGN.xsd', contents: readFileSync(join(DIR, 'SBGN.xsd'), 'utf8') };
const render = { fileName: 'render.xsd', contents: readFileSync(join(DIR, 'render.xsd'), 'utf8') };

/** The schema's complaints about xml, one line each (empty when it validates). */
async function schemaErrors(xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: 'export.sbgn', contents: xml }], schema: [schema], preload: [render] });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}

describe('the SBGN-ML export validates against libsbgn SBGN.xsd (0.3)', () => {
  const graph = loadGraph();
  const positions = readLayoutPositions();

  it('the curated graph', async () => {
    const xml = writeSbgn(graph, { positions });
    expect(xml).toContain('class="positive influence"');
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it('a path subgraph (B12 -> autophagy)', async () => {
    const { graph: sub } = selectPaths(graph, 'B12', 'autophagy', { maxLength: 6 });
    expect(sub.order).toBeGreaterThan(2);
    expect(await schemaErrors(writeSbgn(sub, { positions }))).toEqual([]);
  });

  it('hostile labels', async () => {
    expect(await schemaErrors(writeSbgn(hostileGraph()))).toEqual([]);
  });

  it('a graph imported from KGX (source ids that are not xsd:IDs)', async () => {
    const nodes = 'id\tcategory\tname\nHGNC:11603\tbiolink:Gene\tSTX17\nGO:0006914\tbiolink:BiologicalProcess\tautophagy\n';
    const edges = 'subject\tpredicate\tobject\tobject_direction_qualifier\nHGNC:11603\tbiolink:affects\tGO:0006914\tincreased\n';
    const g = importGraph([{ path: 'x_nodes.tsv', text: nodes }, { path: 'x_edges.tsv', text: edges }]);
    const xml = writeSbgn(g);
    expect(xml).toContain('class="positive influence"');
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it('refuses a copy the schema forbids (a glyph without its bbox, an arc class it lacks)', async () => {
    const xml = writeSbgn(hostileGraph());
    const noBbox = xml.replace(/<bbox [^>]*\/>/, '');
    const badClass = xml.replace(/<arc class="[^"]*"/, '<arc class="raises"');
    expect(noBbox).not.toBe(xml);
    expect(badClass).not.toBe(xml);
    expect((await schemaErrors(noBbox)).join('\n')).toMatch(/bbox/);
    expect((await schemaErrors(badClass)).join('\n')).toMatch(/raises/);
  });
});
