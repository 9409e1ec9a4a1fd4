// The text of an export file, one chunk at a time: bytes read in 64 KB chunks and decoded as
// UTF-8 (a BOM dropped; a character split between chunks carried over to the next one).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileError } from '../messages.js';
import { completeLength, decodeMarkingBadBytes, decodeUtf8 } from './utf8.js';

// 64 KB keeps each chunk's text (and papaparse's copy of it) in the young generation, collected
// as soon as the chunk is parsed: 1 MB chunks are about 10% faster but, as large objects, wait for
// a full collection and took the peak memory at 1,000,000 rows from ~220 MB to ~335 MB.
const CHUNK_BYTES = 1 << 16;

export type FileText = {
  /** The next chunk of text, or null at the end of the file. */
  next(): Promise<string | null>;
  /** Whether some bytes read so far were not UTF-8 (marked BAD in the text). */
  sawBadBytes(): boolean;
  /** Bytes of the file consumed so far, and the file size: for progress. */
  bytesRead(): number;
  readonly size: number;
  close(): void;
};

/**
 * Opens `file` for reading. Throws (exit 3) when it is missing or not a file; `unreadable(reason)`
 * makes the error for a read that fails on the way.
 */
export async function openFileText(file: string, unreadable: (reason: string) => Error): Promise<FileText> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw fileError('error.FileNotFound', [file]);
    size = s.size;
  } catch {
    throw fileError('error.FileNotFound', [file]);
  }
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let bytes = 0;
  let carry: Uint8Array | null = null;
  let first = true;
  let bad = false;
  let ended = false;

  const next = async (): Promise<string | null> => {
    if (ended) return null;
    let read: IteratorResult<Buffer>;
    try {
      read = await chunks.next();
    } catch (error) {
      throw unreadable(error instanceof Error ? error.message : String(error));
    }
    if (read.done) {
      ended = true;
      if (carry !== null && carry.length) {
        // The file ends inside a character.
        bad = true;
        const text = decodeMarkingBadBytes(carry);
        carry = null;
        return text;
      }
      return null;
    }
    const chunk = read.value;
    bytes += chunk.length;
    let raw: Uint8Array = carry === null || carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (first) {
      first = false;
      if (raw[0] === 0xff && raw[1] === 0xfe) throw fileError('error.NotUtf8Header', [file]);
      if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) raw = raw.subarray(3);
    }
    const cut = completeLength(raw);
    carry = cut === raw.length ? null : Uint8Array.prototype.slice.call(raw, cut);
    const decoded = decodeUtf8(raw.subarray(0, cut));
    if (decoded.bad) bad = true;
    return decoded.text;
  };

  return { next, sawBadBytes: () => bad, bytesRead: () => bytes, size, close: () => stream.destroy() };
}
