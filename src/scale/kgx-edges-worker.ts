/**
 * Node-only worker: parses the rows of one byte range of a KGX edges file (kgx-edge-rows.ts) and posts them
 * back, typed arrays transferred, for the loader to append after the rows it parsed itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseEdgeRange } from './kgx-edge-rows.js';

export interface EdgeRangeJob {
  path: string;
  columns: string[];
  from: number;
  to: number;
  expectedRows: number;
  chunkSize?: number;
}

const job = workerData as EdgeRangeJob;
const chunk = job.chunkSize === undefined ? {} : { chunkSize: job.chunkSize, carryRoom: Math.min(job.chunkSize, 1 << 16) };
parseEdgeRange(job.path, job.columns, job.from, job.to, job.expectedRows, chunk).then(
  (rows) => {
    const transfer = [rows.source, rows.target, rows.kind, rows.lineOffset, rows.idBytes, rows.idEnds, rows.idHashes, rows.idLines, ...(rows.edgeIdBytes && rows.edgeIdEnds ? [rows.edgeIdBytes, rows.edgeIdEnds] : []), ...(rows.edgeIdHashes ? [rows.edgeIdHashes] : [])].map((a) => a.buffer as ArrayBuffer);
    parentPort!.postMessage(rows, [...new Set(transfer)]);
  },
  (err: unknown) => parentPort!.postMessage({ failed: err instanceof Error ? err.message : String(err) }),
);
