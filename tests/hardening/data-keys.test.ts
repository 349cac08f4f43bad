import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curieUrl, ownValue } from '../../src/index.js';
import { stateFromSearch } from '../../web/state/url-state.js';
import { mechkg, tempDir, tinyGraph } from './cli.js';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('data keys are data', () => {
  it('ownValue finds own keys only', () => {
    const record = { a: 1, constructor: 2 };
    expect(ownValue(record, 'a')).toBe(1);
    expect(ownValue(record, 'constructor')).toBe(2);
    for (const k of PROTO_NAMES.filter((k) => k !== 'constructor')) expect(ownValue(record, k)).toBeUndefined();
    expect(ownValue({}, 'constructor')).toBeUndefined();
  });

  it.each(PROTO_NAMES)('curieUrl("%s:x") is null (an unknown prefix)', (p) => {
    expect(curieUrl(`${p}:x`)).toBeNull();
  });

  it('an identifier constructor:x is an unknown-prefix warning, and html export works', () => {
    const g = tinyGraph();
    const file = join(g, 'modules', 'm.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('description: first}', 'description: first, identifiers: ["constructor:x", "toString:z"]}'));
    const v = mechkg(['validate', g]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('warning [unknown_curie_prefix] a: identifier "constructor:x" has a prefix mechkg does not know');
    expect(v.stdout).toContain('identifier "toString:z"');
    const out = join(tempDir(), 'g.html');
    const r = mechkg(['--graph', g, 'export', '--format', 'html', '--out', out]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('constructor:x');
  });

  it('sources named like Object members are cited, not confused with the prototype', () => {
    const g = tinyGraph();
    writeFileSync(join(g, 'sources.yaml'), 'sources:\n  - {id: src, kind: textbook, title: A textbook}\n  - {id: constructor, kind: textbook, title: Constructor Book}\n');
    const file = join(g, 'modules', 'm.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{source: src,', '{source: constructor,'));
    const r = mechkg(['--graph', g, 'explain', 'a', 'b'], { MECHKG_NO_CACHE: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Constructor Book');
    for (const format of ['html', 'mermaid', 'csv', 'neo4j', 'kgx']) {
      const x = mechkg(['--graph', g, 'export', '--format', format, '--out', join(tempDir(), 'x')]);
      expect(x.code, `${format}: ${x.stderr}`).toBe(0);
    }
  });

  it.each([['always'], ['never']])('KGX knowledge_level values like "constructor" (MECHKG_COMPACT=%s) are unknown levels, not crashes', (mode) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'k_nodes.tsv'), 'id\tname\tcategory\nX:1\tone\tbiolink:Gene\nX:2\ttwo\tbiolink:Gene\nX:3\tthree\tbiolink:Gene\n');
    writeFileSync(
      join(dir, 'k_edges.tsv'),
      'subject\tpredicate\tobject\tobject_direction_qualifier\tknowledge_level\tpublications\nX:1\tbiolink:affects\tX:2\tincreased\tconstructor\tPMID:1\nX:2\tbiolink:affects\tX:3\tincreased\t__proto__\ttoString\n',
    );
    const r = mechkg(['--graph', join(dir, 'k_edges.tsv'), 'paths', 'one', 'three', '--json'], { MECHKG_COMPACT: mode });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code, r.stderr).toBe(0);
    const paths = JSON.parse(r.stdout).paths;
    expect(paths).toHaveLength(1);
    // provenance is kept as given (no evidence is made from it), odd values included
    expect(paths[0].edges.map((e: { evidence: unknown[]; provenance: { knowledge_level: string; publications: string[] } }) => [e.evidence.length, e.provenance.knowledge_level, e.provenance.publications])).toEqual([
      [0, 'constructor', ['PMID:1']],
      [0, '__proto__', ['toString']],
    ]);
  });

  it('explorer URL sign words like "constructor" are ignored', () => {
    const s = stateFromSearch('?from=a&to=b&sign=constructor&nosign=constructor,__proto__,positive');
    expect(s.query?.sign).toBe('any');
    expect(s.filters.hiddenSigns).toEqual(['+']);
  });
});
