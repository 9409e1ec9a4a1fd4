// The text of an export file, one chunk at a time: bytes read in 64 KB chunks and decoded. UTF-8
// (with or without a BOM) unless a BOM says UTF-16 LE or BE, or --encoding names the encoding
// (decoded by iconv-lite). UTF-8 is strict: a byte that is not UTF-8 stops the read at once with
// its line and a pointer to --encoding, before a row is scored from misread text.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileError } from '../messages.js';
import { completeLength, decodeUtf8 } from './utf8.js';

// 64 KB keeps each chunk's text (and papaparse's copy of it) in the young generation, collected
// as soon as the chunk is parsed: 1 MB chunks are about 10% faster but, as large objects, wait for
// a full collection and took the peak memory at 1,000,000 rows from ~220 MB to ~335 MB.
const CHUNK_BYTES = 1 << 16;

/** How the file's bytes are read as text, and what said so. */
export type Decoding = { readonly encoding: string; readonly from: 'flag' | 'bom' | 'default' };

export type FileText = {
  /** The next chunk of text, or null at the end of the file. */
  next(): Promise<string | null>;
  /** The decoding, known once the first chunk was read. */
  decoding(): Decoding;
  /** Bytes of the file consumed so far, and the file size: for progress. */
  bytesRead(): number;
  readonly size: number;
  close(): void;
};

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | null = null;
/** iconv-lite, loaded when an encoding other than UTF-8 is asked for or found (most runs never do). */
const iconv = (): Iconv => (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv);

/** Whether iconv-lite can decode `name` (windows-1252, ISO-8859-1, UTF-16LE, Shift_JIS, ...). */
export const isKnownEncoding = (name: string): boolean => iconv().encodingExists(name);

const isUtf8Name = (name: string): boolean => /^utf-?8$/i.test(name.trim());

/** Where the UTF-8 text breaks: the byte's offset in the file and its value. */
class BadByte extends Error {
  public constructor(
    public readonly offset: number,
    public readonly byte: number | undefined,
  ) {
    super(`byte ${offset} is not UTF-8`);
  }
}

type ChunkDecoder = { write(bytes: Buffer, offset: number): string; end(offset: number): string };

/** Text with a NUL in every other byte: UTF-16 (no CSV of field names has NUL characters). */
function looksUtf16(first: Buffer): boolean {
  const n = Math.min(first.length, 512);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (first[i] === 0) zeros++;
  return n >= 4 && zeros * 4 >= n;
}

/** 1-based line of the byte at `offset` (lines end in LF), counted by reading the file up to it. */
async function lineOfByte(file: string, offset: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let line = 1;
    for (let at = 0; at < offset;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, offset - at), at);
      if (bytesRead === 0) break;
      for (let i = buffer.indexOf(10); i !== -1 && i < bytesRead; i = buffer.indexOf(10, i + 1)) line++;
      at += bytesRead;
    }
    return line;
  } finally {
    await handle.close();
  }
}

/**
 * Opens `file` for reading. Throws (exit 3) when it is missing or not a file; `unreadable(reason)`
 * makes the error for a read that fails on the way. `encoding` is --encoding (undefined: detect).
 */
export async function openFileText(
  file: string,
  unreadable: (reason: string) => Error,
  encoding?: string,
): Promise<FileText> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error('not a file');
    size = s.size;
  } catch {
    throw fileError('error.FileNotFound', [file]);
  }
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let bytes = 0;
  let decoding: Decoding | null = null;
  let decoder: ChunkDecoder | null = null;
  let ended = false;

  /** A byte that is not UTF-8 at `offset`: the file is refused, naming its line and --encoding. */
  const notUtf8 = async (offset: number, byte: number | undefined): Promise<Error> =>
    fileError('error.NotUtf8', [
      file,
      await lineOfByte(file, offset),
      offset + 1,
      byte === undefined ? 'end of file' : `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ]);

  const utf8 = (): ChunkDecoder => {
    let carry: Buffer | null = null;
    return {
      write(chunk, offset): string {
        const raw = carry === null ? chunk : Buffer.concat([carry, chunk]);
        const start = carry === null ? offset : offset - carry.length;
        const cut = completeLength(raw);
        carry = cut === raw.length ? null : Buffer.from(raw.subarray(cut));
        const decoded = decodeUtf8(raw.subarray(0, cut));
        if (decoded.text !== null) return decoded.text;
        throw new BadByte(start + decoded.badAt, raw[decoded.badAt]);
      },
      end(offset): string {
        if (carry === null) return '';
        // The file ends inside a character.
        throw new BadByte(offset - carry.length, carry[0]);
      },
    };
  };
  const web = (label: 'utf-16le' | 'utf-16be'): ChunkDecoder => {
    const d = new TextDecoder(label, { fatal: true, ignoreBOM: true });
    return {
      write: (chunk) => d.decode(chunk, { stream: true }),
      end: () => d.decode(),
    };
  };
  const named = (name: string): ChunkDecoder => {
    const d = iconv().getDecoder(name, { stripBOM: true });
    return { write: (chunk) => d.write(chunk), end: () => d.end() ?? '' };
  };

  /** Picks the decoding from --encoding or the first bytes; returns how many BOM bytes to skip. */
  const choose = (first: Buffer): number => {
    if (encoding !== undefined && !isUtf8Name(encoding)) {
      decoding = { encoding, from: 'flag' };
      decoder = named(encoding);
      return 0;
    }
    if (encoding === undefined && first[0] === 0xff && first[1] === 0xfe) {
      decoding = { encoding: 'UTF-16LE', from: 'bom' };
      decoder = web('utf-16le');
      return 2;
    }
    if (encoding === undefined && first[0] === 0xfe && first[1] === 0xff) {
      decoding = { encoding: 'UTF-16BE', from: 'bom' };
      decoder = web('utf-16be');
      return 2;
    }
    if (encoding === undefined && looksUtf16(first)) throw fileError('error.LooksUtf16', [file]);
    const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
    decoding = { encoding: 'UTF-8', from: encoding !== undefined ? 'flag' : bom ? 'bom' : 'default' };
    decoder = utf8();
    return bom ? 3 : 0;
  };

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
      // An empty file: decoding() gives the default (or --encoding).
      if (decoder === null) return null;
    }
    let chunk = read.done ? null : read.value;
    const offset = bytes;
    let skipped = 0;
    if (chunk !== null) {
      bytes += chunk.length;
      if (decoder === null) {
        skipped = choose(chunk);
        chunk = chunk.subarray(skipped);
      }
    }
    const d = decoder as unknown as ChunkDecoder;
    try {
      if (chunk === null) {
        const rest = d.end(bytes);
        return rest === '' ? null : rest;
      }
      return d.write(chunk, offset + skipped);
    } catch (error) {
      if (error instanceof BadByte) throw await notUtf8(error.offset, error.byte);
      // A decoder's own error (UTF-16 with a lone surrogate, say).
      throw unreadable(error instanceof Error ? error.message : String(error));
    }
  };

  return {
    next,
    decoding: () => decoding ?? { encoding: encoding ?? 'UTF-8', from: encoding === undefined ? 'default' : 'flag' },
    bytesRead: () => bytes,
    size,
    close: () => stream.destroy(),
  };
}
