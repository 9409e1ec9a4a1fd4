// The byte reader of `walkaway score --file`: the same ExportRows as the CSV reader (reader.ts) for
// a UTF-8 file, made without papaparse. The file is read 64 KB at a time into one reused buffer
// and split into records and cells; each record's cells go through the same
// rowBuilder (rows.ts) as the CSV path, so every row, problem and message is the same. A chunk of
// ASCII bytes is decoded once and a record without quotes cut into its cells by the delimiter,
// only the cells the pass reads (`columns`); a record with quotes or other bytes is decoded cell by
// cell, as CSV says.
// Whatever the CSV path might read differently is not guessed at: a carriage return, a quote that
// does not close a cell, bytes that are not UTF-8, a record of one cell (a report footer's line), a
// record over 16 MB — the reader stops with NotPlainFile and the caller reads the file the
// existing way (reader.ts), from the start.
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_CELL_BYTES, rowBuilder } from './rows.js';
import { readHeader, type HeaderLayout } from './header.js';
import type { OnPlainRecord, PlainRecord } from './plainRecord.js';
import type { ExportReader, ExportRow } from './types.js';

/** The file is not one this reader reads exactly as the CSV path does: read it the existing way. */
export class NotPlainFile extends Error {
  public constructor(reason: string) {
    super(`not read by the byte reader: ${reason}`);
  }
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
// 64 KB: the text of a chunk stays a young-generation string (a megabyte string is a large object,
// whose fresh memory costs more here than reading it), as in fileText.ts.
const CHUNK_BYTES = 1 << 16;
const MAX_RECORD_BYTES = 16 << 20;
/** Most cells a record may have here. */
const MAX_CELLS = 4096;

/** The text of a cell that is not plain ASCII: UTF-8, inside its quotes, doubled quotes made one. */
function cellText(b: Buffer, start: number, end: number, quoted: boolean): string {
  const text = b.toString('utf8', start, end);
  return quoted && text.includes('"') ? text.replaceAll('""', '"') : text;
}

/**
 * A record whose cells a first pass did not count (PlainReadOptions.cutUpTo) has
 * another number of cells than the header: what that pass read of it may not be what the CSV path
 * reads. The caller reads the file again with the cells counted.
 */
export class CellsNotCounted extends Error {
  public constructor(cells: number, width: number, line: number) {
    super(`line ${line} has ${cells} cells, the header ${width}, and a first pass read it without counting them`);
  }
}

export type PlainReadOptions = {
  /** The column delimiter (one ASCII character), as the CSV path uses it. */
  readonly delimiter: string;
  /**
   * Known columns whose text the caller reads (canonical names); in a record without quotes the
   * others are given as blank in the row's values. Undefined: all. (A record long enough to hold a
   * cell over the size limit is always read whole, so that its problems are the same.)
   */
  readonly columns?: ReadonlySet<string>;
  /**
   * A part of the file (walkaway score's two processes, src/score/split/): its records are read
   * from byte `start` (a record's first byte, after the header), numbered from `row` + 1 and line
   * `line`; the read stops before the first record that starts at or after byte `end`, and
   * `onStop` is told where that record is (or the end of the file).
   */
  readonly range?: PlainRange;
  /**
   * Records cut only up to the last of `columns` (a first pass that reads a few cells of every
   * record), and the pass after it. Without it, every cell of a record is cut and counted, and a
   * record of another number of cells than the header's is read by rowBuilder, which reports it.
   * - pass 'first': a record without quotes (of at most MAX_CELL_BYTES) is cut up to the last of
   *   `columns` and to a second cell with text (a report footer's line is still told apart); the
   *   rest of its line is neither cut nor counted, and it is read as of the header's number of cells.
   * - pass 'after': every cell is cut and counted, and a record that the first pass would have read
   *   so but that has another number of cells stops the read (CellsNotCounted), before `onRow` is
   *   called for it: the first pass read it as a whole row, the CSV path does not.
   */
  readonly cutUpTo?: { readonly columns: ReadonlySet<string>; readonly pass: 'first' | 'after' };
};

/** Where a part of the file starts or stops: a record's first byte, the rows before it, its line. */
export type RecordStart = { readonly offset: number; readonly row: number; readonly line: number };

export type PlainRange = {
  readonly start?: RecordStart;
  readonly end?: number;
  readonly onStop?: (at: RecordStart) => void;
};

/**
 * An ExportReader over `file` whose header, reading and size are `base`'s (the CSV path's reader
 * of the same file, already opened: the header checked, the encoding UTF-8). `each` throws
 * NotPlainFile, before calling `onRow` for the record concerned, when the file must be read by the
 * CSV path instead.
 */
export function openPlainExport(file: string, base: ExportReader, options: PlainReadOptions): ExportReader {
  const delimiter = options.delimiter.charCodeAt(0);
  const delimiterText = options.delimiter;
  if (options.delimiter.length !== 1 || delimiter > 0x7e || delimiter === QUOTE) {
    throw new NotPlainFile(`delimiter ${JSON.stringify(options.delimiter)}`);
  }
  let consumed = 0;
  let started = false;
  let startAt = options.range?.start ?? null;
  const stopAt = options.range?.end ?? -1;

  const each = async (
    onRow: (row: ExportRow) => void,
    afterChunk?: () => Promise<void> | void,
    onPlain?: OnPlainRecord,
  ): Promise<number> => {
    if (started) throw new Error('the export is already being read');
    started = true;
    const fd = openSync(file, 'r');
    try {
      let buf = Buffer.allocUnsafe(2 * CHUNK_BYTES);
      let filled = 0;
      let position = 0;
      let atEnd = false;
      let line = 1;
      let row = 0;
      let layout: HeaderLayout | null = null;
      let toRow: ReturnType<typeof rowBuilder> | null = null;
      let width = 0;
      /** Per column position: whether its text is wanted. */
      let wanted: boolean[] = [];
      /** The cells of a plain record (unwanted positions stay blank). */
      let plainCells: string[] = [];
      /** A plain record's bytes, for `onPlain`: one object, its fields set for each record. */
      let plainRecord: PlainRecord | null = null;
      const starts = new Int32Array(MAX_CELLS);
      const ends = new Int32Array(MAX_CELLS);
      const quotedCell = new Uint8Array(MAX_CELLS);
      /** Whether the bytes read are all ASCII, and where the next quote is (-1: none read). */
      let asciiBytes = true;
      /** The bytes read, as text, when they are all ASCII (one character a byte). */
      let ascii7 = '';
      let nextQuote = -1;

      // Chunks are read synchronously: a 64 KB read from the page cache takes microseconds, less
      // than a round trip through the thread pool, which left the process idle ~8% of a run.
      const fill = (): void => {
        if (filled + CHUNK_BYTES > buf.length) {
          if (buf.length >= MAX_RECORD_BYTES) throw new NotPlainFile('a record over 16 MB');
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, filled);
          buf = bigger;
        }
        const bytesRead = readSync(fd, buf, filled, CHUNK_BYTES, position);
        if (bytesRead === 0) atEnd = true;
        // The CSV path may take CR or CRLF as the line end from the first text, and reads a CR
        // in a later cell by the line end it chose: not guessed here.
        if (buf.subarray(filled, filled + bytesRead).indexOf(CR) !== -1) throw new NotPlainFile('a carriage return');
        position += bytesRead;
        filled += bytesRead;
        asciiBytes = isAscii(buf.subarray(0, filled));
        ascii7 = asciiBytes ? buf.toString('latin1', 0, filled) : '';
        nextQuote = buf.indexOf(QUOTE, 0);
        if (nextQuote >= filled) nextQuote = -1;
      };

      fill();
      let at = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;

      /**
       * Splits the record starting at `at` into cells (starts/ends/quotedCell); returns the offset
       * of its line end (or `filled` at the end of the file), -1 when more bytes are needed, and
       * sets `ascii` and `newlines` (LFs inside quoted cells).
       */
      let ascii = true;
      let newlines = 0;
      let count = 0;
      /** The record was cut up to the last cutUpTo column only (pass 'first'): `count` is not its cells'. */
      let uncounted = false;
      const cutFirst = options.cutUpTo?.pass === 'first';
      const cutAfter = options.cutUpTo?.pass === 'after';
      /** cutUpTo: the last position of its columns. */
      let lastCut = 0;
      const split = (): number => {
        // The common record: no quote, ASCII bytes, cells found by the delimiter alone.
        if (asciiBytes && (nextQuote === -1 || nextQuote > at)) {
          let lineEnd = ascii7.indexOf('\n', at);
          if (lineEnd === -1 || lineEnd >= filled) {
            if (!atEnd) return -1;
            lineEnd = filled;
          }
          if (nextQuote === -1 || nextQuote > lineEnd) {
            const t = ascii7;
            const d = delimiterText;
            const s = starts;
            const e = ends;
            let cellStart = at;
            let k = 0;
            if (cutFirst && layout !== null && lineEnd - at <= MAX_CELL_BYTES) {
              // Cells up to the last wanted one, and to a second cell with text; the rest not cut.
              let text = false;
              for (let j = t.indexOf(d, at); j !== -1 && j < lineEnd; j = t.indexOf(d, j + 1)) {
                s[k] = cellStart;
                e[k] = j;
                if (k > 0 && j > cellStart) text = true;
                k++;
                cellStart = j + 1;
                if (k > lastCut && text) {
                  count = k;
                  uncounted = true;
                  ascii = true;
                  newlines = 0;
                  return lineEnd;
                }
              }
            }
            for (let j = t.indexOf(d, cellStart); j !== -1 && j < lineEnd; j = t.indexOf(d, j + 1)) {
              if (k >= MAX_CELLS - 1) throw new NotPlainFile('a record of too many cells');
              s[k] = cellStart;
              e[k] = j;
              k++;
              cellStart = j + 1;
            }
            s[k] = cellStart;
            e[k] = lineEnd;
            quotedCell.fill(0, 0, k + 1);
            count = k + 1;
            uncounted = false;
            ascii = true;
            newlines = 0;
            return lineEnd;
          }
        }
        if (nextQuote !== -1 && nextQuote < at) {
          nextQuote = buf.indexOf(QUOTE, at);
          if (nextQuote >= filled) nextQuote = -1;
        }
        // Locals for the loops below (the closure's variables are slower to reach).
        const b = buf;
        const n = filled;
        const last = atEnd;
        const d = delimiter;
        let isAscii = true;
        newlines = 0;
        count = 0;
        uncounted = false;
        let i = at;
        for (;;) {
          let cellEnd: number;
          let next: number;
          if (i < n && b[i] === QUOTE) {
            let j = i + 1;
            for (;;) {
              const q = b.indexOf(QUOTE, j);
              if (q === -1 || q >= n) {
                if (last) throw new NotPlainFile('a quoted cell that is not closed');
                return -1;
              }
              if (q + 1 >= n && !last) return -1;
              if (b[q + 1] === QUOTE) {
                j = q + 2;
                continue;
              }
              cellEnd = q;
              next = q + 1;
              break;
            }
            for (let k = i + 1; k < cellEnd; k++) {
              const c = b[k] as number;
              if (c === LF) newlines++;
              else if (c === CR) throw new NotPlainFile('a carriage return');
              else if (c > 0x7e) isAscii = false;
            }
            if (next < n && b[next] !== d && b[next] !== LF) {
              throw new NotPlainFile('text after the closing quote of a cell');
            }
            starts[count] = i + 1;
            ends[count] = cellEnd;
            quotedCell[count] = 1;
          } else {
            let j = i;
            for (; j < n; j++) {
              const c = b[j] as number;
              if (c === d || c === LF) break;
              if (c < 0x20 || c > 0x7e) {
                if (c === CR) throw new NotPlainFile('a carriage return');
                if (c > 0x7e) isAscii = false;
              }
            }
            if (j >= n && !last) return -1;
            cellEnd = j;
            next = j;
            starts[count] = i;
            ends[count] = cellEnd;
            quotedCell[count] = 0;
          }
          count++;
          if (count >= MAX_CELLS) throw new NotPlainFile('a record of too many cells');
          if (next >= n || b[next] === LF) {
            ascii = isAscii;
            return next >= n ? n : next;
          }
          i = next + 1; // past the delimiter: another cell, blank when the line ends here
        }
      };

      /**
       * Whether the first pass cut this record (of `bytes`) up to its cutUpTo columns: no quoted
       * cell, a cell ended by a delimiter after them, and text in a cell other than its first one
       * before that delimiter.
       */
      const cutInFirstPass = (bytes: number): boolean => {
        if (bytes > MAX_CELL_BYTES || count < lastCut + 2) return false;
        for (let k = 0; k < count; k++) if (quotedCell[k]) return false;
        for (let k = 1; k < count - 1; k++) if (ends[k] !== starts[k]) return true;
        return false;
      };

      /** All cells of the record as text (quotes removed). */
      const allCells = (): string[] => {
        const cells = new Array<string>(count);
        for (let k = 0; k < count; k++) {
          cells[k] = cellText(buf, starts[k] as number, ends[k] as number, quotedCell[k] === 1);
        }
        return cells;
      };

      for (;;) {
        // Blank lines: no record (the CSV path counts their lines and skips them).
        while (at < filled && buf[at] === LF) {
          at++;
          line++;
        }
        if (at >= filled) {
          if (atEnd) break;
          filled = 0;
          at = 0;
          consumed = position;
          if (layout !== null && afterChunk) await afterChunk();
          fill();
          continue;
        }
        if (stopAt !== -1 && layout !== null && position - filled + at >= stopAt) break;
        const end = split();
        if (end === -1) {
          // The record runs past the buffer: keep it, read more.
          buf.copyWithin(0, at, filled);
          filled -= at;
          consumed = position - filled;
          at = 0;
          if (layout !== null && afterChunk) await afterChunk();
          fill();
          continue;
        }
        if (!ascii && !isUtf8(buf.subarray(at, end))) throw new NotPlainFile('bytes that are not UTF-8');
        const recordLine = line;
        line += 1 + newlines;
        if (layout === null) {
          layout = readHeader(file, allCells());
          toRow = rowBuilder(layout);
          width = layout.header.columns.length;
          const { canonical } = layout;
          wanted = canonical.map((c) => c !== null && (options.columns === undefined || options.columns.has(c)));
          const cut = options.cutUpTo?.columns;
          lastCut = width - 1;
          if (cut !== undefined) while (lastCut > 0 && !cut.has(canonical[lastCut] ?? '')) lastCut--;
          plainCells = new Array<string>(width).fill('');
          plainRecord = { bytes: buf, text: '', starts, ends, columns: canonical, row: 0, line: 0 };
        } else {
          // A record of one cell, or of text in its first cell only: a report footer's line, which
          // the CSV path holds back until it knows what follows.
          let lone = true;
          for (let k = 1; k < count && lone; k++) if (ends[k] !== starts[k]) lone = false;
          const g = buf[starts[0] as number];
          if (lone || g === 0x67 || g === 0x47) throw new NotPlainFile('a record like a report footer line');
          if (cutAfter && count !== width && cutInFirstPass(end - at))
            throw new CellsNotCounted(count, width, recordLine);
          row++;
          let plain = ascii && (uncounted || count === width) && end - at <= MAX_CELL_BYTES;
          for (let k = 0; k < count && plain; k++) if (quotedCell[k]) plain = false;
          // A plain record the caller reads from its bytes, or (onPlain false) as an ExportRow.
          let handled = false;
          if (plain && onPlain !== undefined) {
            const r = plainRecord as PlainRecord;
            r.bytes = buf;
            r.text = ascii7;
            r.row = row;
            r.line = recordLine;
            handled = onPlain(r);
          }
          if (!handled) {
            let cells: string[];
            if (plain) {
              cells = plainCells;
              for (let k = 0; k < width; k++) {
                if (!wanted[k]) continue;
                // An ASCII record: from the chunk's text, or (a chunk with other bytes) its own bytes.
                cells[k] = asciiBytes
                  ? ascii7.substring(starts[k] as number, ends[k] as number)
                  : buf.toString('latin1', starts[k] as number, ends[k] as number);
              }
            } else cells = allCells();
            onRow((toRow as ReturnType<typeof rowBuilder>)(cells, row, recordLine));
          }
        }
        at = end + 1;
        if (startAt !== null && layout !== null) {
          // A part of the file: after the header, on at the part's first record.
          position = startAt.offset;
          row = startAt.row;
          line = startAt.line;
          filled = 0;
          at = 0;
          atEnd = false;
          startAt = null;
          fill();
        }
      }
      options.range?.onStop?.({ offset: position - filled + at, row, line });
      consumed = position;
      if (afterChunk) await afterChunk();
      return row;
    } finally {
      closeSync(fd);
    }
  };

  return { ...base, each, bytesRead: () => consumed };
}
