/**
 * A worker thread of `npm run pii:scan` (pii-scan.parallel.ts): scans blocks of whole JSON Lines, one at a
 * time, and sends back their output, their malformed lines and their line count.
 */
import { parentPort } from 'node:worker_threads';
import { scanBlock } from './pii-scan.stream.js';

export interface BlockRequest {
  id: number;
  /** UTF-8 bytes of whole lines, moved rather than copied. */
  bytes: Uint8Array;
}

const port = parentPort!;

port.on('message', async (req: BlockRequest) => {
  const result = await scanBlock(
    // Decoded as node:readline decodes (a byte order mark stays, bad bytes become U+FFFD).
    Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength).toString('utf8'),
  );
  port.postMessage({ id: req.id, ...result });
});
