import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { COMPACT_THRESHOLD_BYTES, wantsCompactIndex } from '../../src/scale/open-large-kgx.js';

const dir = mkdtempSync(join(tmpdir(), 'mechkg-open-'));

/** A KGX edges file of at least `bytes` bytes with the given header. */
function edgesFile(name: string, header: string[], bytes: number): string {
  const row = header.map((c) => (c === 'subject' ? 'CHEBI:1' : c === 'object' ? 'GO:2' : c === 'predicate' ? 'biolink:affects' : 'x')).join('\t');
  const rows = Math.ceil(bytes / (row.length + 1));
  const path = join(dir, name);
  writeFileSync(path, [header.join('\t'), ...Array.from({ length: rows }, () => row)].join('\n') + '\n');
  return path;
}

const FOREIGN = ['subject', 'predicate', 'object', 'knowledge_level'];
const OWN = ['id', 'subject', 'predicate', 'object', 'mechkg_predicate', 'mechkg_evidence'];

describe('wantsCompactIndex', () => {
  const bigForeign = edgesFile('big_edges.tsv', FOREIGN, COMPACT_THRESHOLD_BYTES + 1000);
  const bigOwn = edgesFile('own_edges.tsv', OWN, COMPACT_THRESHOLD_BYTES + 1000);
  const small = edgesFile('small_edges.tsv', FOREIGN, 1000);

  it('rejects a bad MECHKG_COMPACT value, naming it', () => {
    expect(() => wantsCompactIndex(bigForeign, { MECHKG_COMPACT: 'sometimes' })).toThrow(UsageError);
  });

  it('opens a foreign KGX edges file over the threshold as a compact index, a small one through the importer', () => {
    expect(wantsCompactIndex(bigForeign, {})).toBe(true);
    expect(wantsCompactIndex(small, {})).toBe(false);
  });

  it("sends mechkg's own KGX exports (mechkg_* evidence columns) through the importer whatever their size", () => {
    expect(wantsCompactIndex(bigOwn, {})).toBe(false);
  });

  it('obeys MECHKG_COMPACT=always and never', () => {
    expect(wantsCompactIndex(small, { MECHKG_COMPACT: 'always' })).toBe(true);
    expect(wantsCompactIndex(bigForeign, { MECHKG_COMPACT: 'never' })).toBe(false);
  });

  it('leaves other files and missing paths to the normal loader', () => {
    expect(wantsCompactIndex(join(dir, 'missing_edges.tsv'), {})).toBe(false);
    expect(wantsCompactIndex(dir, {})).toBe(false);
  });
});
