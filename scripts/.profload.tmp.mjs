import { Session } from 'node:inspector/promises';
const lib = await import('../dist/src/node.js');
const f = process.argv[2];
await lib.loadKgxIndex(f, { onProgress: () => {} });
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval',{interval:100}); await session.post('Profiler.start');
const t0=performance.now();
await lib.loadKgxIndex(f, { onProgress: () => {} });
const ms=performance.now()-t0;
const { profile: p } = await session.post('Profiler.stop');
console.log('load ms', ms.toFixed(0));
const self=new Map();const dt=p.timeDeltas;const cnt=new Map();p.samples.forEach((s,i)=>cnt.set(s,(cnt.get(s)||0)+(dt[i]||0)));
let tot=0;for(const nd of p.nodes){const k=nd.callFrame.functionName+" "+nd.callFrame.url.split("/").slice(-2).join("/")+":"+nd.callFrame.lineNumber;const v=cnt.get(nd.id)||0;tot+=v;self.set(k,(self.get(k)||0)+v);}
[...self].sort((a,b)=>b[1]-a[1]).slice(0,30).forEach(([k,v])=>console.log((v/1000).toFixed(0).padStart(6)+' ms',k));
