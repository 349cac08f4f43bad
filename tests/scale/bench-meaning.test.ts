/**
 * The networkx side of `npm run bench` builds its graph with its own copy of the sign rules
 * (scripts/bench/networkx_bench.py); both tools must answer on the same signed graph. This reads the Python
 * tables as text (no python needed) and checks them against mechkg's edgeMeaning for every edge kind the
 * benchmark generator writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edgeMeaning } from '../../src/import/index.js';
import { EDGE_KINDS } from '../../scripts/bench/generate-kgx.mjs';

const PY = readFileSync(join(import.meta.dirname, '../../scripts/bench/networkx_bench.py'), 'utf8');

/** A Python set literal `NAME = {"a", "b", ...}` (possibly over several lines). */
function pySet(name: string): Set<string> {
  const m = new RegExp(`^${name} = \\{([^}]*)\\}`, 'm').exec(PY);
  if (!m) throw new Error(`networkx_bench.py has no ${name} = {...}`);
  return new Set([...m[1]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!));
}

describe('networkx_bench.py signs the generated edges as mechkg does', () => {
  const up = pySet('POSITIVE_DIRECTIONS');
  const down = pySet('NEGATIVE_DIRECTIONS');
  const pos = pySet('POSITIVE');
  const neg = pySet('NEGATIVE');
  const causal = pySet('CAUSAL');
  it.each((EDGE_KINDS as [string, string, number][]).map(([p, q]) => [p, q] as const))('%s %s', (predicate, direction) => {
    const bare = predicate.replace(/^biolink:/, '');
    const pySign = up.has(direction) ? '+' : down.has(direction) ? '-' : pos.has(bare) ? '+' : neg.has(bare) ? '-' : null;
    const m = edgeMeaning({ predicate, object_direction_qualifier: direction || undefined });
    // networkx keeps only the edges mechkg's path queries follow, with mechkg's sign
    expect(causal.has(bare)).toBe(m.causal);
    if (m.causal) expect(pySign).toBe(m.sign);
  });
});
