/**
 * Vite plugin: the curated graph, loaded once at build time by the library's one loader (the CLI's
 * loadGraph path: readGraphDirContents + the loader) and shipped as a JSON snapshot (graphSnapshot), so the
 * explorer's first render parses no YAML and runs no schema validation. Invalid curated data fails the build
 * (or the dev page) with the loader's file:line problems.
 *
 *   import snapshotUrl from 'virtual:mechkg-curated-graph';   // URL of the snapshot, fetched at start
 *
 * The build emits it as an asset (assets/curated-graph-HASH.json) and index.html preloads it, so it downloads
 * while the JavaScript does. The dev server serves it from memory, rebuilt and reloaded when graph/ changes.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, ValidationError } from '../src/errors.js';
import { graphSnapshot } from '../src/graph/graph-snapshot.js';
import { graphName, loadGraphDirContents } from '../src/node/load-graph.js';
import { readGraphDirContents } from '../src/node/read-graph-dir.js';

const ID = 'virtual:mechkg-curated-graph';
const RESOLVED = `\0${ID}`;
const DEV_URL = '/@mechkg/curated-graph.json';
const ASSET_NAME = 'curated-graph.json';

/** The curated graph as snapshot JSON; throws an Error listing the loader's problems (file:line) when it does not load. */
export function curatedSnapshotJson(graphDir: string): string {
  try {
    return JSON.stringify(graphSnapshot(loadGraphDirContents(readGraphDirContents(graphDir), graphName(graphDir, undefined))));
  } catch (err) {
    if (err instanceof ValidationError) {
      const errors = err.problems.filter((p) => p.level === 'error');
      throw new Error(`the curated graph (${graphDir}) did not load, ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    }
    throw err;
  }
}

export function curatedGraphPlugin(graphDir: string): Plugin {
  const dir = resolve(graphDir);
  let devJson: string | null = null;
  let building = false;
  return {
    name: 'mechkg-curated-graph',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (building) {
        const ref = this.emitFile({ type: 'asset', name: ASSET_NAME, source: curatedSnapshotJson(dir) });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      }
      return `export default ${JSON.stringify(DEV_URL)};`;
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('all', (_event, file) => {
        if (resolve(file).startsWith(dir) && /\.ya?ml$/i.test(file)) {
          devJson = null;
          server.ws.send({ type: 'full-reload' });
        }
      });
      server.middlewares.use(DEV_URL, (_req, res) => {
        try {
          devJson ??= curatedSnapshotJson(dir);
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(devJson);
        } catch (err) {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(err instanceof Error ? err.message : String(err));
        }
      });
    },
    // The page fetches the snapshot as soon as main.ts runs; preloading it lets it download with the scripts.
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const asset = ctx.bundle ? Object.values(ctx.bundle).find((f) => f.type === 'asset' && f.names?.includes(ASSET_NAME)) : undefined;
        const href = asset ? `./${asset.fileName}` : ctx.server ? DEV_URL : null;
        return href ? [{ tag: 'link', attrs: { rel: 'preload', href, as: 'fetch', crossorigin: 'anonymous', type: 'application/json' }, injectTo: 'head' }] : [];
      },
    },
  };
}
