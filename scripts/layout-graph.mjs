#!/usr/bin/env node
/**
 * Lays the pathway diagram out (ELK, per compartment; src/layout/elk-layout.ts) and writes
 * graph/layout/positions.json, which the explorer reads so its first render needs no layout.
 *   npm run layout            rewrite positions.json from the curated graph
 *   npm run layout -- --check say whether positions.json is what the current graph gives (exit 1 if not)
 * Run it after adding nodes or editing graph/layout/compartments.yaml; until then new nodes are drawn in
 * a "not yet laid out" box of their compartment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGraph } from '../dist/src/node.js';
import { layoutPositions } from '../dist/src/layout/elk-layout.js';

const ROOT = resolve(import.meta.dirname, '..');
const FILE = join(ROOT, 'graph/layout/positions.json');
const graph = loadGraph(join(ROOT, 'graph'));
const layout = graph.getAttribute('layout');
if (!layout) {
  console.error('mechkg layout: graph/layout/compartments.yaml is missing, so there is nothing to lay out');
  process.exit(1);
}
const text = formatPositions(await layoutPositions(graph, layout));

/** One line per node, so a diff shows which nodes moved. */
function formatPositions(p) {
  const parts = Object.entries(p.compartments).map(([id, c]) => {
    const nodes = Object.entries(c.nodes).map(([n, xy]) => `      ${JSON.stringify(n)}: [${xy[0]}, ${xy[1]}]`);
    return `    ${JSON.stringify(id)}: {\n      "width": ${c.width}, "height": ${c.height},\n      "nodes": {\n  ${nodes.join(',\n  ')}\n      }\n    }`;
  });
  return `{\n  "version": ${p.version},\n  "compartments": {\n${parts.join(',\n')}\n  }\n}\n`;
}
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(FILE, 'utf8');
  } catch {}
  if (old === text) console.log('graph/layout/positions.json is up to date');
  else {
    console.log('graph/layout/positions.json is out of date: run `npm run layout`');
    process.exit(1);
  }
} else {
  writeFileSync(FILE, text);
  const n = Object.values(JSON.parse(text).compartments).reduce((a, c) => a + Object.keys(c.nodes).length, 0);
  console.error(`wrote graph/layout/positions.json: ${n} nodes in ${Object.keys(JSON.parse(text).compartments).length} compartments`);
}
