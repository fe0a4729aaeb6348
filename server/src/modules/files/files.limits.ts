import { constants, inflateRawSync, inflateSync } from 'node:zlib';
import type { ParseConfig } from '../../config/env.js';
import type { AppError } from '../../lib/errors.js';
import { sharedWorkerPool, WorkerCrashed, WorkerLimitReached, WorkerPoolBusy, WorkerTaskFailed } from '../../lib/worker-pool.js';
import { limitReached, parserBusy, unreadableFile } from './files.errors.js';

/**
 * The limits on reading an uploaded file (docs/decisions/0012): the checks that can be made before (or
 * instead of) parsing, a zip's central directory and the bytes a zip or a PDF really unpacks to, and the one
 * way to parse, in the worker pool (runParseTask). The refusals are in files.errors.ts.
 */

/** Parts smaller than this are not held to the compression ratio: they cannot unpack to much anyway. */
const RATIO_FROM_BYTES = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** Where the central directory is, from the end record (zip64 when the classic fields are saturated). */
function centralDirectory(buf: Buffer): { offset: number; declared: number } {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let at = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw unreadableFile();
  let declared = buf.readUInt16LE(at + 10);
  let offset = buf.readUInt32LE(at + 16);
  if ((declared === 0xffff || offset === 0xffffffff) && at >= 20 && buf.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const z = u64(buf, at - 20 + 8);
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== ZIP64_EOCD) throw unreadableFile();
    declared = u64(buf, z + 32);
    offset = u64(buf, z + 48);
  }
  if (offset >= buf.length) throw unreadableFile();
  return { offset, declared };
}

/** The zip64 "extended information" of a central header: the 8-byte values of the saturated fields, in order. */
function zip64Sizes(buf: Buffer, extraStart: number, extraLength: number, e: ZipEntry): void {
  for (let p = extraStart; p + 4 <= extraStart + extraLength; ) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const v = q + 8 <= Math.min(buf.length, p + 4 + size) ? u64(buf, q) : Number.MAX_SAFE_INTEGER;
        q += 8;
        return v;
      };
      if (e.uncompressedSize === 0xffffffff) e.uncompressedSize = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localHeaderOffset === 0xffffffff) e.localHeaderOffset = next();
      return;
    }
    p += 4 + size;
  }
}

/**
 * Reads a zip's central directory without unpacking anything, and refuses the archive before a parser sees
 * it when it has too many parts, promises to unpack to too much, or has a large part compressed like a bomb
 * (Word compresses text 5 to 20 times; a file of empty paragraphs compresses 600 times). The sizes here are
 * what the archive claims: the worker counts the bytes it really unpacks (checkUnpackedZip).
 */
export function inspectZip(buf: Buffer, limits: ParseConfig): ZipEntry[] {
  if (buf.length < 22) throw unreadableFile();
  const { offset, declared } = centralDirectory(buf);
  if (declared > limits.maxEntries) throw limitReached('entries', limits.maxEntries);
  const entries: ZipEntry[] = [];
  let total = 0;
  // The entries are counted as found, not as declared: a directory may claim three and hold thousands.
  for (let p = offset; p + 46 <= buf.length && buf.readUInt32LE(p) === CENTRAL; ) {
    if (entries.length >= limits.maxEntries) throw limitReached('entries', limits.maxEntries);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLength)),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    zip64Sizes(buf, p + 46 + nameLength, extraLength, e);
    // Encrypted parts, and methods other than stored and deflate, are not something Word writes or we read.
    if (e.flags & 0x1 || (e.method !== 0 && e.method !== 8)) throw unreadableFile();
    total += e.uncompressedSize;
    if (total > limits.maxExpandedBytes) throw limitReached('expandedBytes', limits.maxExpandedBytes);
    checkRatio(e.uncompressedSize, e.compressedSize, limits);
    entries.push(e);
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length === 0) throw unreadableFile();
  return entries;
}

function checkRatio(unpacked: number, packed: number, limits: ParseConfig): void {
  if (unpacked > RATIO_FROM_BYTES && unpacked / Math.max(1, packed) > limits.maxCompressionRatio) {
    throw limitReached('compressionRatio', limits.maxCompressionRatio);
  }
}

const tooLarge = (err: unknown) => (err as { code?: string })?.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;

/**
 * In the worker, before the zip is handed to a parser: unpacks every part once, with zlib told to stop at the
 * bytes still allowed, so headers that understate a part's size cannot slip a bomb past inspectZip.
 */
export function checkUnpackedZip(buf: Buffer, entries: ZipEntry[], limits: ParseConfig): void {
  let total = 0;
  for (const e of entries) {
    const p = e.localHeaderOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw unreadableFile();
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + e.compressedSize));
    let size = data.length;
    if (e.method === 8) {
      const room = limits.maxExpandedBytes - total;
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
      } catch (err) {
        if (tooLarge(err)) throw limitReached('expandedBytes', limits.maxExpandedBytes);
        throw unreadableFile();
      }
    }
    total += size;
    if (total > limits.maxExpandedBytes) throw limitReached('expandedBytes', limits.maxExpandedBytes);
    checkRatio(size, data.length, limits);
  }
}

/**
 * In the worker, before pdf.js: the bytes a PDF's Flate streams unpack to, each unpacked with zlib told to
 * stop at what is still allowed. A bomb of 50 KB that pdf.js would inflate to gigabytes is refused in
 * milliseconds. Streams that do not inflate (other filters, damage) are left to pdf.js and the time limit.
 */
export function checkUnpackedPdf(buf: Buffer, limits: ParseConfig): void {
  let total = 0;
  let pos = 0;
  for (;;) {
    const keyword = buf.indexOf('stream', pos, 'latin1');
    if (keyword < 0) return;
    pos = keyword + 6;
    if (keyword >= 3 && buf.toString('latin1', keyword - 3, keyword) === 'end') continue;
    let start = pos;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    if (start === pos) continue; // the keyword ends its line; "/Substream" and the like are not it
    const end = buf.indexOf('endstream', start, 'latin1');
    if (end < 0) return;
    pos = end + 9;
    const dictStart = buf.lastIndexOf('obj', keyword, 'latin1');
    const dict = buf.toString('latin1', Math.max(dictStart, keyword - 4096, 0), keyword);
    // Images are never decoded for text, and an honest scan or chart unpacks to far more than its text.
    if (!/\/(FlateDecode|Fl)\b/.test(dict) || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    try {
      total += inflateSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, limits.maxExpandedBytes - total + 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (err) {
      if (tooLarge(err)) throw limitReached('expandedBytes', limits.maxExpandedBytes);
      continue;
    }
    if (total > limits.maxExpandedBytes) throw limitReached('expandedBytes', limits.maxExpandedBytes);
  }
}

/** Refuses text longer than the character limit (in the worker, before it is copied back). */
export function checkCharacters(text: string, limits: ParseConfig): string {
  if (text.length > limits.maxChars) throw limitReached('characters', limits.maxChars);
  return text;
}

/**
 * Runs `fn` of `module` in the shared parse pool with the file's limits. A worker that runs out of time or
 * memory becomes the refusal that names it; a full queue 429 PARSER_BUSY; a parser that throws something else
 * than an AppError `onFailure` (by default: the file cannot be read).
 */
export async function runParseTask<T>(
  limits: ParseConfig,
  task: { module: URL; fn: string; args: unknown[]; transfer?: ArrayBuffer[]; background?: boolean },
  onFailure: () => AppError = () => unreadableFile(),
): Promise<T> {
  const pool = sharedWorkerPool({ size: limits.workers, memoryMb: limits.workerMemoryMb, queueMax: limits.queueMax });
  try {
    return await pool.run<T>({ ...task, timeoutMs: limits.timeoutMs, alwaysQueue: task.background });
  } catch (err) {
    if (err instanceof WorkerLimitReached) throw err.limit === 'time' ? limitReached('timeMs', err.max) : limitReached('memoryMb', err.max);
    if (err instanceof WorkerPoolBusy) throw parserBusy();
    // A parser that throws, or takes its thread down with it, while reading this file: the file is the problem.
    if (err instanceof WorkerTaskFailed || (err instanceof WorkerCrashed && err.duringTask)) throw onFailure();
    throw err;
  }
}

/** A copy of an upload's bytes whose ArrayBuffer can be moved to a worker (the upload itself stays usable). */
export function transferableCopy(buf: Buffer): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  const bytes = new Uint8Array(buf.length);
  bytes.set(buf);
  return { bytes, transfer: [bytes.buffer] };
}
