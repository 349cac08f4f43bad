/**
 * One reader semantics: on generated KGX TSV files full of what real ones hold (CURIE and odd ids, raw quotes,
 * `|` lists with empty items, rows that stop early, node rows listed twice, edges to nodes the nodes file lacks,
 * rows without a predicate, repeated edge ids, qualifiers, negated, Biolink and non-Biolink terms, mechkg's own
 * `mechkg:x` ids with and without a bare `x` beside them), the compact index and the importer build the same
 * graph: nodes (id, label, category, synonyms, xrefs, description, module), edges (id, endpoints, predicate, sign, causal flag,
 * relation, provenance), warnings and name resolution.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/types.js';
import { resolveNode } from '../../src/graph/resolve-name.js';
import { tryImportGraphFile } from '../../src/node/import-graph-file.js';
import { loadKgxIndex } from '../../src/scale/kgx-index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mechkg-agree-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ID = fc.constantFrom('CHEBI:1', 'HGNC:2', 'GO:0000003', 'MONDO:4', 'HP:5', 'uuid:6-"x"', 'mechkg:own-7', 'own-7', 'mechkg:own-11', 'plain8', 'A:9|b', 'ZZ:10');
const CATEGORY = fc.constantFrom('', 'biolink:Gene', 'biolink:NamedThing|biolink:Disease', 'biolink:ChemicalEntity', 'biolink:Spaceship', '|biolink:Protein|', 'biolink:DiseaseOrPhenotypicFeature|biolink:PhenotypicFeature');
const TEXT = fc.constantFrom('', 'a name', '"quoted" name', 'x|y', 'é 漢字');
const PREDICATE = fc.constantFrom('', 'biolink:affects', 'biolink:causes', 'biolink:treats', 'biolink:has_input', 'biolink:positively_regulates', 'biolink:genetically_associated_with', 'biolink:affected_by', ' biolink:related_to', 'pp');
const DIRECTION = fc.constantFrom('', 'increased', 'downregulated', 'sideways');
const NEGATED = fc.constantFrom('', 'True', 'false', '1');
const PUBS = fc.constantFrom('', 'PMID:1', 'PMID:1|doi:10.1/x||', '"PMID:2"');
const EDGE_ID = fc.constantFrom('', '', 'e1', 'e2', 'uuid:e"3"', 'mechkg:own-edge', 'own-edge', 'mechkg:e1', 'x-mechkg:own-edge');

const nodeRow = fc.tuple(ID, CATEGORY, TEXT, TEXT, fc.constantFrom('', 'MESH:1', 'MESH:1|', 'X:1|Y:2'), fc.constantFrom('', 'NCBITaxon:9606'), fc.nat(5), TEXT);
const edgeRow = fc.tuple(EDGE_ID, ID, PREDICATE, ID, DIRECTION, DIRECTION, NEGATED, fc.constantFrom('', 'knowledge_assertion'), fc.constantFrom('', 'infores:x'), PUBS, fc.constantFrom('', 'RO:1'), fc.nat(10));

/** A row that may stop early (KGX leaves trailing empty fields off). */
const cut = (cells: string[], k: number) => {
  let end = cells.length;
  if (k === 0) while (end > 3 && cells[end - 1] === '') end--;
  return cells.slice(0, end).join('\t');
};

describe('compact index and importer read a KGX TSV the same way', () => {
  it('on generated files', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(nodeRow, { maxLength: 12 }), fc.array(edgeRow, { minLength: 1, maxLength: 25 }), async (nodes, edges) => {
        const name = `p${n++}`;
        writeFileSync(join(dir, `${name}_nodes.tsv`), ['id\tcategory\tname\tsynonym\txref\ttaxon\tdescription', ...nodes.map(([id, c, nm, syn, x, t, k, d]) => cut([id, c, nm, syn, x, t, d], k))].join('\n') + '\n');
        const head = 'id\tsubject\tpredicate\tobject\tobject_direction_qualifier\tsubject_direction_qualifier\tnegated\tknowledge_level\tprimary_knowledge_source\tpublications\trelation';
        writeFileSync(join(dir, `${name}_edges.tsv`), [head, ...edges.map(([id, s, p, o, od, sd, neg, kl, pks, pubs, rel, k]) => cut([id, s, p, o, od, sd, neg, kl, pks, pubs, rel], k % 3))].join('\r\n') + '\r\n');
        const path = join(dir, `${name}_edges.tsv`);
        const r = tryImportGraphFile(path);
        if (!r.ok) throw new Error(r.problems.filter((p) => p.level === 'error').map((p) => p.message).join('; '));
        const g = r.graph;
        const index = await loadKgxIndex(path, { onProgress: () => {}, parallel: false, chunkSize: 64 });
        expect(index.nodeCount).toBe(g.order);
        expect(index.edgeCount).toBe(g.size);
        g.forEachNode((id, a) => {
          const k = index.indexOf(id);
          expect(index.nodeSummary(k)).toEqual({ id, label: a.label, category: a.category });
          expect(index.getNodeAttribute(id, 'synonyms')).toEqual(a.synonyms);
          expect(index.getNodeAttribute(id, 'identifiers')).toEqual(a.identifiers);
          // what `show` answers besides: the description as the file gives it (a later row's wins) and the module
          expect(index.getNodeAttribute(id, 'description')).toEqual(a.description);
          expect(index.getNodeAttribute(id, 'modules')).toEqual(a.modules);
        });
        g.edges().forEach((key, e) => {
          const a = g.getEdgeAttributes(key);
          const s = index.edgeSummary(e);
          expect({ ...s, evidence: undefined }).toEqual({ id: key, source: g.source(key), target: g.target(key), predicate: a.predicate, sign: a.sign, causal: a.causal, relation: a.relation, ...(a.arc ? { arc: a.arc } : {}), evidence: undefined, ...(a.provenance ? { provenance: a.provenance } : {}) });
        });
        // two ids are two nodes: `mechkg:x` and `x` are never merged, and each resolves to itself
        const fileIds = new Set([...nodes.map((row) => row[0]), ...edges.flatMap((row) => [row[1], row[3]])]);
        expect(g.order).toBe(fileIds.size);
        for (const id of fileIds) {
          const expected = id.startsWith('mechkg:') && !fileIds.has(id.slice(7)) ? id.slice(7) : id;
          expect(g.hasNode(expected)).toBe(true);
          expect(resolveNode(index, id)).toBe(expected);
          expect(resolveNode(g, id)).toBe(expected);
        }
        const warnings = (ps: readonly Problem[]) => ps.filter((p) => p.level === 'warning').map((p) => [p.code, p.file.replace(/^.*[\\/]/, ''), p.line ?? null, p.id ?? null, p.message].join(' ')).sort();
        expect(warnings(index.problems)).toEqual(warnings(r.problems));
      }),
      { numRuns: 60 },
    );
  });
});
