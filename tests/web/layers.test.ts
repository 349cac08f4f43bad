/**
 * web/ is arranged by role, and imports only go down the layers (LAYERS below, as web/README.md says):
 * a module may import its own folder or a lower layer, never a higher one, and there is no import circle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = resolve(import.meta.dirname, '../../web');
/** Lowest first. */
const LAYERS = ['ui', 'data', 'state', 'render', 'exports', 'panels', 'lessons', 'app'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
}

/** Relative imports of a file inside web/ (static, type-only and dynamic), as paths relative to web/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs
    .map((s) => relative(WEB, resolve(dirname(file), s)).replace(/\.js$/, '.ts'))
    .filter((p) => !p.startsWith('..'));
}

const files = tsFiles(WEB).map((f) => relative(WEB, f));
const graph = new Map(files.map((f) => [f, importsOf(join(WEB, f))]));

describe('web/ layout', () => {
  it('every module sits in a role folder', () => {
    expect(files.filter((f) => !LAYERS.includes(f.split('/')[0]!))).toEqual([]);
  });

  it('imports go only to the same or a lower layer', () => {
    const bad: string[] = [];
    for (const [f, deps] of graph) {
      const from = LAYERS.indexOf(f.split('/')[0]!);
      for (const d of deps) if (LAYERS.indexOf(d.split('/')[0]!) > from) bad.push(`${f} -> ${d}`);
    }
    expect(bad).toEqual([]);
  });

  it('has no import circle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) visit(d, [...stack, f]);
      state.set(f, 'done');
    };
    for (const f of [...graph.keys()].sort()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('every relative import names a file that exists', () => {
    const missing = [...graph].flatMap(([f, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${f} -> ${d}`));
    expect(missing).toEqual([]);
  });
});
