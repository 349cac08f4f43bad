const lib = await import('../dist/src/node.js');
const f = process.argv[2];
for (let i=0;i<3;i++){ const t0=performance.now(); const g = await lib.loadKgxIndex(f, { onProgress: () => {} }); console.log('load', (performance.now()-t0).toFixed(0), 'ms', g.edgeCount); }
