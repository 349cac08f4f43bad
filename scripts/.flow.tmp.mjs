const lib = await import('../dist/src/node.js');
const { flowIndex } = await import('../dist/src/query/flow-index.js');
const g = await lib.loadKgxIndex('/tmp/mechkg-bench/plain-1000000_edges.tsv', { onProgress: () => {} });
console.log(typeof g.edges?.kind, g.edges?.kind?.constructor?.name, g.edges?.relations?.constructor?.name);
let t0=performance.now(); flowIndex(g); console.log('flow', (performance.now()-t0).toFixed(0));
t0=performance.now(); let c=0; for (let e=0;e<g.edgeCount;e++) c+=g.edgeRelation(e); console.log('loop', (performance.now()-t0).toFixed(0), c);
