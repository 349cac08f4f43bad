/**
 * Node-only worker: waits for its job (the loader posts it; the CLI may have started this thread before the
 * file was opened, see edge-worker.ts), claims and parses pieces from the back of a KGX edges file
 * (kgx-edge-rows.ts, edge-pieces.ts) and posts the rows back, typed arrays transferred.
 */
import { parentPort } from 'node:worker_threads';
import { parseBackPieces, type BackPiecesJob } from './kgx-edge-rows.js';

parentPort!.once('message', (job: BackPiecesJob) => {
  parseBackPieces(job).then(
    (rows) => {
      const arrays = [rows.source, rows.target, rows.kind, rows.lineOffset, rows.edgeLine, rows.idBytes, rows.idEnds, rows.idHashes, rows.edgeIdBytes, rows.edgeIdEnds, rows.edgeIdHashes];
      const transfer = arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
      parentPort!.postMessage(rows, [...new Set(transfer)]);
    },
    (err: unknown) => parentPort!.postMessage({ failed: err instanceof Error ? err.message : String(err) }),
  );
});
