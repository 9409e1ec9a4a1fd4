// Streams an opportunity export (Data Loader or `sf data export bulk`): a header of field API
// names (related fields dotted, `Account.Industry`), then one record per opportunity. Quoted
// fields, embedded newlines and CRLF are handled by papaparse, fed one 64 KB chunk of the file at a
// time; this module adds what an admin needs to trust the result: strict UTF-8 (each chunk checked
// once; only a chunk that fails is decoded again to find the cells at fault), a size limit per
// cell, the row number and physical line of every record, and clear file-level errors before
// anything is scored. The file is read only as fast as the caller consumes the rows.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import Papa from 'papaparse';
import { INPUT_FIELDS, OUTPUT_FIELDS } from '../engine/index.js';
import { EXIT } from '../score/exitCodes.js';
import { messages } from '../score/messages.js';

/** Without these columns no row can be judged on price: the file is refused. */
export const REQUIRED_COLUMNS = ['Id', 'Amount', 'Direct_Cost__c', 'Allocated_Overhead__c'] as const;
/** With all of these, BATNA is computed from the export itself. */
export const PIPELINE_COLUMNS = ['OwnerId', 'CloseDate', 'Probability', 'IsClosed', 'IsWon'] as const;
export const QUOTA_COLUMN = 'Owner.Walk_Away_Quarterly_Quota__c';
/** Read but not scored; never warned about. */
const KNOWN_COLUMNS: readonly string[] = [
  ...INPUT_FIELDS,
  'Name',
  'StageName',
  ...PIPELINE_COLUMNS,
  QUOTA_COLUMN,
  ...OUTPUT_FIELDS,
  'Walk_Away_Scored_At__c',
];
const CANONICAL = new Map(KNOWN_COLUMNS.map((c) => [c.toLowerCase(), c]));

export const MAX_CELL_BYTES = 1_048_576;
/** A record still open after this much text is an unclosed quote, not data: the file is refused. */
export const MAX_RECORD_CHARS = 64 * MAX_CELL_BYTES;
// 64 KB keeps each chunk's text (and papaparse's copy of it) in the young generation, collected
// as soon as the chunk is parsed: 1 MB chunks are about 10% faster but, as large objects, wait for
// a full collection and took the peak memory at 1,000,000 rows from ~220 MB to ~335 MB.
const CHUNK_BYTES = 1 << 16;
const LOOKAHEAD_CHARS = 16_384;
const PREVIEW_CHARS = 60;

export type ExportHeader = {
  /** The columns as written in the file. */
  readonly columns: readonly string[];
  /** Known columns present (canonical spelling). */
  readonly present: ReadonlySet<string>;
  /** Engine input columns that are absent: read as blank. */
  readonly missingInputs: readonly string[];
  /** Columns the command does not use: ignored. */
  readonly unknown: readonly string[];
};

export type RowProblem = { readonly column: string | null; readonly value: string | null; readonly message: string };

export type ExportRow = {
  /** 1-based data row number (the header is not a row). */
  readonly row: number;
  /** Physical line of the file where the record starts. */
  readonly line: number;
  readonly id: string | null;
  /** Cell text by canonical column name; absent known columns are missing. */
  readonly values: Readonly<Record<string, string>>;
  /** Cells that could not be read (bad encoding, too large, wrong number of cells). */
  readonly problems: readonly RowProblem[];
};

export type ExportReader = {
  readonly header: ExportHeader;
  /**
   * Reads the rest of the file, calling `onRow` for every data row, synchronously, as each chunk
   * is parsed; after each chunk it awaits `afterChunk` (the caller's backpressure: flush output,
   * report progress). Resolves with the number of rows. The fast way to read.
   */
  each(onRow: (row: ExportRow) => void, afterChunk?: () => Promise<void> | void): Promise<number>;
  /** The same rows one at a time (use either this or `each`, once). */
  readonly rows: AsyncGenerator<ExportRow>;
  /** Bytes of the file consumed so far, and the file size: for progress. */
  bytesRead(): number;
  readonly size: number;
};

const NO_PROBLEMS: readonly RowProblem[] = Object.freeze([]);
/** Stands in the decoded text for bytes that are not UTF-8: a lone surrogate, which no UTF-8 text decodes to. */
const BAD = '\uDFFF';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const preview = (text: string): string => (text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text);

const newlinesIn = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Where an incomplete UTF-8 sequence at the end of `b` starts (b.length when it ends on a character). */
function completeLength(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = b[n - k] ?? 0;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/**
 * Decodes bytes that are not all valid UTF-8, one BAD mark for each maximal ill-formed
 * subsequence (where a lenient decoder would put U+FFFD). The slow path: only for a failed chunk.
 */
function decodeMarkingBadBytes(bytes: Uint8Array): string {
  let out = '';
  let start = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    }
    let j = i + 1;
    let seen = 0;
    if (need > 0) {
      while (seen < need && j < n) {
        const c = bytes[j] ?? 0;
        if (c < lower || c > upper) break;
        lower = 0x80;
        upper = 0xbf;
        j++;
        seen++;
      }
      if (seen === need) {
        i = j;
        continue;
      }
    }
    out += strict.decode(bytes.subarray(start, i)) + BAD;
    i = j;
    start = i;
  }
  return out + strict.decode(bytes.subarray(start, n));
}

/** What papaparse reads from: chunks of text emitted by the reader itself, parsed as they are emitted. */
class TextChunks extends EventEmitter {
  public readonly readable = true;
  public read(): void {}
  public pause(): void {}
  public resume(): void {}
}

type Step = { data: string[]; errors: Papa.ParseError[]; meta: Papa.ParseMeta & { cursor: number } };

/**
 * Opens the export, reads and checks the header and looks ahead one record. Throws (exit code 3)
 * when the file is missing, empty, not UTF-8, has only a header, or lacks a required column.
 */
export async function openExport(file: string): Promise<ExportReader> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw messages.createError('error.FileNotFound', [file], [], EXIT.badFile);
    size = s.size;
  } catch (error) {
    if (error instanceof Error && error.name === 'FileNotFoundError') throw error;
    throw messages.createError('error.FileNotFound', [file], [], EXIT.badFile);
  }
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let bytes = 0;
  let carry: Uint8Array | null = null;
  let firstChunk = true;
  let sawBadBytes = false;
  /** Characters of text handed to the parser, and where the last complete record ended. */
  let fed = 0;
  let cursor = 0;
  let held = '';
  let ended = false;

  const source = new TextChunks();
  let failure: Error | null = null;
  let sink: (row: ExportRow) => void = () => {};

  // Parser state: blank lines before the header, the header, then rows.
  let header: ExportHeader | null = null;
  let columns: string[] = [];
  let canonical: (string | null)[] = [];
  let used: number[] = [];
  let idIndex = -1;
  let record: (cells: string[]) => Record<string, string> = () => ({});
  let line = 1;
  let row = 0;
  let early: ExportRow[] | null = [];

  const unreadable = (reason: string): Error =>
    messages.createError('error.UnreadableCsv', [file, row + 1, line, reason], [], EXIT.badFile);

  const readHeader = (cells: string[]): ExportHeader => {
    if (cells.some((c) => c.includes(BAD))) throw messages.createError('error.NotUtf8Header', [file], [], EXIT.badFile);
    columns = cells.map((c) => c.trim());
    canonical = columns.map((c) => CANONICAL.get(c.toLowerCase()) ?? null);
    const present = new Set(canonical.filter((c): c is string => c !== null));
    const missingRequired = REQUIRED_COLUMNS.filter((c) => !present.has(c));
    if (missingRequired.length) {
      throw messages.createError(
        'error.MissingRequiredColumns',
        [file, missingRequired.join(', ')],
        [REQUIRED_COLUMNS.join(', ')],
        EXIT.badFile,
      );
    }
    const seen = new Set<string>();
    for (const c of canonical) {
      if (c === null) continue;
      if (seen.has(c)) throw messages.createError('error.DuplicateColumn', [file, c], [], EXIT.badFile);
      seen.add(c);
    }
    used = canonical.flatMap((c, i) => (c === null ? [] : [i]));
    idIndex = canonical.indexOf('Id');
    // The record of a full row is one object literal with this file's known columns as constant
    // keys (names from KNOWN_COLUMNS only, quoted by JSON.stringify): one allocation and one shape
    // for every row, where a keyed store per cell cost more than the rest of the row.
    const fields = used.map((i) => `${JSON.stringify(canonical[i])}: c[${i}]`).join(', ');
    record = new Function('c', `return { ${fields} };`) as (cells: string[]) => Record<string, string>;
    return {
      columns,
      present,
      missingInputs: INPUT_FIELDS.filter((c) => !present.has(c)),
      unknown: columns.filter((_, i) => canonical[i] === null),
    };
  };

  const toRow = (cells: string[], startLine: number): ExportRow => {
    let problems: RowProblem[] | null = null;
    const n = cells.length;
    let whole = n === columns.length;
    for (let k = 0; k < used.length; k++) {
      const i = used[k] as number;
      if (i >= n) break; // a short row: the cell count is reported below
      const text = cells[i] as string;
      if (sawBadBytes && text.includes(BAD)) {
        const column = canonical[i] as string;
        (problems ??= []).push({
          column,
          value: preview(text.replaceAll(BAD, '\uFFFD')),
          message: messages.getMessage('row.BadEncoding', [column]),
        });
        whole = false;
        continue;
      }
      if (text.length * 3 > MAX_CELL_BYTES) {
        const cellBytes = Buffer.byteLength(text, 'utf8');
        if (cellBytes > MAX_CELL_BYTES) {
          const column = canonical[i] as string;
          (problems ??= []).push({
            column,
            value: preview(text),
            message: messages.getMessage('row.CellTooLarge', [column, cellBytes, MAX_CELL_BYTES]),
          });
          whole = false;
        }
      }
    }
    let values: Record<string, string>;
    let id: string | null = null;
    if (whole) {
      values = record(cells);
      const t = (cells[idIndex] as string).trim();
      id = t === '' ? null : t;
    } else {
      // A short row or one with unreadable cells: only the cells that could be read.
      const bad = new Set(problems?.map((p) => p.column));
      values = {};
      for (const i of used) {
        const column = canonical[i] as string;
        if (i >= n || bad.has(column)) continue;
        const text = cells[i] as string;
        if (i === idIndex) {
          const t = text.trim();
          id = t === '' ? null : t;
        }
        values[column] = text;
      }
    }
    if (n !== columns.length) {
      (problems ??= []).push({
        column: null,
        value: null,
        message: messages.getMessage('row.CellCount', [n, columns.length]),
      });
    }
    return { row, line: startLine, id, values, problems: problems ?? NO_PROBLEMS };
  };

  const step = (results: Step, parser: Papa.Parser): void => {
    if (failure !== null) return;
    const cells = results.data;
    const end = results.meta.cursor;
    const n = cells.length;
    // Newlines inside cells, for the physical line count: only a quoted cell holds one when lines
    // end in LF, and a row without quotes is exactly its cells, the commas and the line end.
    let inside = 0;
    if (results.meta.linebreak === '\n') {
      let chars = n - 1;
      for (let i = 0; i < n; i++) chars += (cells[i] as string).length;
      const extra = end - cursor - chars;
      if (extra !== 0 && extra !== 1) for (let i = 0; i < n; i++) inside += newlinesIn(cells[i] as string);
    } else {
      for (let i = 0; i < n; i++) inside += newlinesIn(cells[i] as string);
    }
    cursor = end;
    if (results.errors.length) {
      const e = results.errors[0] as Papa.ParseError;
      failure = unreadable(`${e.message} (${e.code})`);
      parser.abort();
      return;
    }
    if (n === 1 && cells[0] === '') {
      line++;
      return;
    }
    if (header === null) {
      try {
        header = readHeader(cells);
      } catch (error) {
        failure = error as Error;
        parser.abort();
        return;
      }
      line += inside + 1;
      return;
    }
    row++;
    const r = toRow(cells, line);
    line += inside + 1;
    if (early !== null) early.push(r);
    else {
      // The caller's error, not the file's: it stops the read and is thrown as it is.
      try {
        sink(r);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        parser.abort();
      }
    }
  };

  Papa.parse(source as unknown as NodeJS.ReadableStream, {
    delimiter: ',',
    quoteChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: step as unknown as (results: Papa.ParseStepResult<string[]>, parser: Papa.Parser) => void,
    error: (error: Error) => {
      failure ??= unreadable(error.message);
    },
  });

  /**
   * Feeds the next chunk of the file to the parser (or, with `hold`, decodes it into `held` for the
   * look-ahead to hand over in pieces); false at the end of the file.
   */
  const feed = async (hold = false): Promise<boolean> => {
    if (ended) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (error) {
      throw unreadable(error instanceof Error ? error.message : String(error));
    }
    if (next.done) {
      if (carry !== null && carry.length) {
        sawBadBytes = true;
        emit(decodeMarkingBadBytes(carry));
        carry = null;
      }
      source.emit('end');
      ended = true;
      return false;
    }
    const chunk = next.value;
    bytes += chunk.length;
    let raw: Uint8Array = carry === null || carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (firstChunk) {
      firstChunk = false;
      if (raw[0] === 0xff && raw[1] === 0xfe)
        throw messages.createError('error.NotUtf8Header', [file], [], EXIT.badFile);
      if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) raw = raw.subarray(3);
    }
    const cut = completeLength(raw);
    carry = cut === raw.length ? null : Uint8Array.prototype.slice.call(raw, cut);
    const whole = raw.subarray(0, cut);
    let text: string;
    try {
      text = strict.decode(whole);
    } catch {
      sawBadBytes = true;
      text = decodeMarkingBadBytes(whole);
    }
    if (hold) held = text;
    else emit(text);
    return true;
  };
  const emit = (text: string): void => {
    fed += text.length;
    source.emit('data', text);
    if (failure === null && fed - cursor > MAX_RECORD_CHARS) {
      failure = unreadable(`a record runs over ${MAX_RECORD_CHARS} characters (a quoted cell that is not closed?)`);
    }
  };
  const check = (): void => {
    if (failure !== null) throw failure;
  };
  /** The rest of the chunk the look-ahead stopped in. */
  const emitHeld = (): void => {
    if (held === '') return;
    const text = held;
    held = '';
    emit(text);
    check();
  };
  const close = (): void => {
    stream.destroy();
  };

  // Header, then one record ahead, so that a header-only file is refused before anything is written.
  // The text goes to the parser in small pieces here: the rows parsed ahead wait in `early`, and a
  // whole chunk of them outliving young-generation collections would make V8 allocate every later
  // row's record directly in the old generation (pretenuring), which slows every collection after.
  try {
    let more = true;
    while (header === null || (early?.length ?? 0) === 0) {
      if (held === '') {
        if (!more) break;
        more = await feed(true);
      } else {
        const piece = held.slice(0, LOOKAHEAD_CHARS);
        held = held.slice(LOOKAHEAD_CHARS);
        emit(piece);
      }
      check();
    }
    if (header === null) throw messages.createError('error.EmptyFile', [file], [], EXIT.badFile);
    if ((early?.length ?? 0) === 0) throw messages.createError('error.HeaderOnly', [file], [], EXIT.badFile);
  } catch (error) {
    close();
    throw error;
  }
  const exportHeader: ExportHeader = header;

  let started = false;
  const each = async (onRow: (row: ExportRow) => void, afterChunk?: () => Promise<void> | void): Promise<number> => {
    if (started) throw new Error('the export is already being read');
    started = true;
    try {
      for (const r of early ?? []) onRow(r);
      early = null;
      sink = onRow;
      emitHeld();
      let more = true;
      while (more) {
        if (afterChunk) await afterChunk();
        more = await feed();
        check();
      }
      if (afterChunk) await afterChunk();
      return row;
    } finally {
      close();
    }
  };

  async function* rows(): AsyncGenerator<ExportRow> {
    if (started) throw new Error('the export is already being read');
    started = true;
    try {
      let batch: ExportRow[] = early ?? [];
      early = null;
      sink = (r) => batch.push(r);
      emitHeld();
      let more = true;
      for (;;) {
        const ready = batch;
        batch = [];
        for (const r of ready) yield r;
        if (!more) break;
        more = await feed();
        check();
      }
    } finally {
      close();
    }
  }

  return { header: exportHeader, each, rows: rows(), bytesRead: () => bytes, size };
}
