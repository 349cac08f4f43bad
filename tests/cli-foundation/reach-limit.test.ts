import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A KGX star: hub -> 1,500 leaves, each edge `biolink:causes` with a raising direction qualifier. */
function star(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mechkg-star-'));
  const rows = ['subject\tpredicate\tobject\tqualified_predicate\tobject_direction_qualifier'];
  for (let i = 0; i < 1500; i++) rows.push(`X:hub\tbiolink:affects\tX:${i}\tbiolink:causes\tincreased`);
  const file = join(dir, 'star_edges.tsv');
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

function effects(file: string, ...extra: string[]) {
  const r = spawnSync(process.execPath, ['bin/mechkg.js', '--graph', file, 'effects', 'X:hub', '--json', ...extra], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, MECHKG_NO_CACHE: '1' } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { total: number; truncated: boolean; effects: unknown[] };
}

describe('effects and regulators list at most 1,000 nodes unless asked', () => {
  it('cuts a hub answer at 1,000 entries, saying the total and that it was cut; --limit lifts it', () => {
    const file = star();
    const cut = effects(file);
    expect(cut).toMatchObject({ total: 1500, truncated: true });
    expect(cut.effects).toHaveLength(1000);
    const all = effects(file, '--limit', '5000');
    expect(all).toMatchObject({ total: 1500, truncated: false });
    expect(all.effects).toHaveLength(1500);
  });
});
