// Writes the scored file (Id + the output fields + Walk_Away_Scored_At__c: the file org mode would
// upload) and the failed-rows file. Files are written to `<name>.partial` and renamed when the run
// completes, so that a run stopped half-way never leaves a file that looks complete.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { OUTPUT_FIELDS, centsToDecimal, type Score } from '../engine/index.js';

export const SCORED_AT_FIELD = 'Walk_Away_Scored_At__c';
export const RESULT_COLUMNS = ['Id', ...OUTPUT_FIELDS, SCORED_AT_FIELD] as const;
export const FAILED_COLUMNS = ['Id', 'Row', 'Line', 'Column', 'Value', 'Message'] as const;

/** `OUT.csv` -> `OUT.failed.csv`. */
export function failedPathFor(output: string): string {
  return /\.csv$/i.test(output) ? output.replace(/\.csv$/i, '.failed.csv') : `${output}.failed.csv`;
}

/**
 * A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
 * first) gets a leading single quote. Only text cells: numbers are written by us, never escaped.
 */
export function escapeFormula(text: string): string {
  const c = text.charCodeAt(0); // = + - @ tab CR
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d ? `'${text}` : text;
}

const QUOTE_NEEDED = /[",\n]/;

/**
 * One cell as csv-stringify wrote it (`record_delimiter: 'unix'`): quoted, quotes doubled, when it
 * holds `"`, `,` or LF (a lone CR is not quoted, as before).
 */
export function csvCell(text: string): string {
  return QUOTE_NEEDED.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, LF-terminated. */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvCell(cells[i] as string);
  return `${line}\n`;
}

/** Output is encoded into buffers of this size (outside the JavaScript heap) and written whole. */
const CHUNK_BYTES = 1 << 20;
/** Characters of lines joined before they are encoded. */
const PENDING_CHARS = 1 << 14;

export class CsvFileWriter {
  private readonly partial: string;
  private readonly out: WriteStream;
  /** Full buffers waiting for flush(), and the one being filled. */
  private ready: Buffer[] = [];
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  /**
   * Buffers the file has written, to fill again: fresh memory is slow to touch on these machines
   * (some 3 ms a megabyte, a third of a second over a million-row file's output).
   */
  private spare: Buffer[] = [];
  private used = 0;
  private count = 0;
  private failure: Error | null = null;

  private constructor(
    public readonly path: string,
    columns: readonly string[],
  ) {
    this.partial = `${path}.partial`;
    // Owner-only (0600): these files hold floors, thresholds and costs.
    this.out = createWriteStream(this.partial, { mode: 0o600 });
    this.out.on('error', (error) => {
      this.failure ??= error;
    });
    this.append(csvLine(columns));
  }

  public static async open(path: string, columns: readonly string[]): Promise<CsvFileWriter> {
    const w = new CsvFileWriter(path, columns);
    await once(w.out, 'open');
    return w;
  }

  public get rows(): number {
    return this.count;
  }

  /**
   * Adds one record to the buffer. True when a megabyte is ready: the caller then awaits flush()
   * (the one await, once a megabyte, that gives backpressure).
   */
  public add(cells: readonly string[]): boolean {
    return this.addLine(csvLine(cells));
  }

  /** Adds one record already formatted by csvLine (LF-terminated). */
  public addLine(line: string): boolean {
    this.count++;
    return this.append(line);
  }

  /**
   * The buffer to write one record's bytes into, with `bytes` free from `offset` (lines added as
   * text before it are encoded first); commit() then says where the record ends.
   */
  public claim(bytes: number): Buffer {
    this.encodePending();
    if (this.used + bytes > this.chunk.length) this.nextChunk(bytes);
    return this.chunk;
  }

  /** Where the claimed buffer's free bytes start. */
  public get offset(): number {
    return this.used;
  }

  /** One record written into the claimed buffer, ending at `end`. True when a megabyte is ready. */
  public commit(end: number): boolean {
    this.count++;
    this.used = end;
    return this.ready.length > 0;
  }

  /** True when a megabyte of output is ready: time to flush(). */
  public get full(): boolean {
    return this.ready.length > 0;
  }

  // Lines are joined into a short string (16 K characters, some 130 scored lines) and encoded into a
  // buffer outside the heap: one encoding call per batch rather than per line (a call per line was
  // 5% of a run), and pending output is never more than that string, so it never survives (nor is
  // copied by) a young-generation garbage collection.
  private pending = '';

  private append(text: string): boolean {
    this.pending += text;
    if (this.pending.length >= PENDING_CHARS) this.encodePending();
    return this.ready.length > 0;
  }

  /** The buffer being filled goes to `ready` (when it holds anything); the next has room for `bytes`. */
  private nextChunk(bytes: number): void {
    if (this.used > 0) this.ready.push(this.chunk.subarray(0, this.used));
    this.chunk =
      bytes <= CHUNK_BYTES ? (this.spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES)) : Buffer.allocUnsafe(bytes);
    this.used = 0;
  }

  private encodePending(): void {
    const text = this.pending;
    if (text === '') return;
    this.pending = '';
    if (this.used + text.length * 3 > this.chunk.length) this.nextChunk(text.length * 3);
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /** Writes what is buffered; waits when the file cannot keep up (backpressure). */
  public async flush(): Promise<void> {
    if (this.failure !== null) throw this.failure;
    this.encodePending();
    if (this.used > 0) this.nextChunk(0);
    const ready = this.ready;
    if (ready.length === 0) return;
    this.ready = [];
    let ok = true;
    for (const b of ready) {
      // Once written, a whole megabyte buffer is filled again (a larger one, for a huge line, is not).
      const whole =
        b.byteOffset === 0 && b.buffer.byteLength === CHUNK_BYTES ? Buffer.from(b.buffer, 0, CHUNK_BYTES) : null;
      ok = this.out.write(b, whole === null ? undefined : () => this.spare.push(whole));
    }
    if (!ok) await once(this.out, 'drain');
  }

  /**
   * Writes records already encoded (LF-terminated UTF-8, e.g. another process's part of this file)
   * after what is buffered; resolves once written, when `bytes` may be reused.
   */
  public async appendBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.out.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Writes one record (for callers that write a few). */
  public async write(cells: readonly string[]): Promise<void> {
    if (this.add(cells)) await this.flush();
  }

  /** Finishes the file and gives it its name. */
  public async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await finished(this.out);
    await rename(this.partial, this.path);
  }

  /** Stops writing and removes the partial file. */
  public async abort(): Promise<void> {
    this.ready = [];
    this.pending = '';
    this.used = 0;
    if (!this.out.destroyed) {
      this.out.destroy();
      await once(this.out, 'close').catch(() => {});
    }
    await rm(this.partial, { force: true });
  }
}

/** The scored file and the failed-rows file of one scoring pass: flushed, closed or removed together. */
export class ScoreOutputs {
  public constructor(
    public readonly scored: CsvFileWriter,
    public readonly failed: CsvFileWriter,
  ) {}

  /** Opens both (with `open`, when given); when the second cannot be opened, the first is removed. */
  public static async open(
    output: string,
    failedOutput: string,
    open: (path: string, columns: readonly string[]) => Promise<CsvFileWriter> = (path, columns) =>
      CsvFileWriter.open(path, columns),
  ): Promise<ScoreOutputs> {
    const scored = await open(output, RESULT_COLUMNS);
    try {
      return new ScoreOutputs(scored, await open(failedOutput, FAILED_COLUMNS));
    } catch (error) {
      await scored.abort();
      throw error;
    }
  }

  /** After a chunk of the input: writes either file once a megabyte of it is ready. */
  public async flushFull(): Promise<void> {
    if (this.scored.full) await this.scored.flush();
    if (this.failed.full) await this.failed.flush();
  }

  public async close(): Promise<void> {
    await this.scored.close();
    await this.failed.close();
  }

  /** Stops both and removes their partial files. */
  public async abort(): Promise<void> {
    await this.scored.abort();
    await this.failed.abort();
  }
}

/** A text cell of the scored file: formula-escaped, quoted when needed. */
export const textCell = (text: string): string => csvCell(escapeFormula(text));
const moneyCell = (cents: number | null): string => (cents === null ? '' : centsToDecimal(cents));

/**
 * The scored file's line for one opportunity, LF-terminated, in the order of RESULT_COLUMNS: money
 * as plain decimals, text cells escaped and quoted as csvLine does. Built by hand for speed (this
 * runs once per deal); tests/cli/result-line.test.ts ties the order to RESULT_COLUMNS.
 */
export function resultLine(id: string, score: Score, scoredAt: string): string {
  let findings = '';
  const f = score.findings;
  for (let i = 0; i < f.length; i++) findings += i === 0 ? (f[i]?.code ?? '') : `;${f[i]?.code ?? ''}`;
  const approvals = score.approvals.length ? textCell(score.approvals.join(';')) : '';
  return (
    `${textCell(id)},${textCell(score.verdict)},${moneyCell(score.floorCents)},${moneyCell(score.thresholdCents)},` +
    `${findings === '' ? '' : textCell(findings)},${approvals},${textCell(score.batna.strength)},` +
    `${score.policy === null ? '' : textCell(score.policy)},${moneyCell(score.dealSizeCents)},${csvCell(scoredAt)}\n`
  );
}

export type FailedCells = {
  readonly id: string | null;
  readonly row: number;
  readonly line: number;
  readonly column: string | null;
  readonly value: string | null;
  readonly message: string;
};

export function failedCells(f: FailedCells): string[] {
  return [
    escapeFormula(f.id ?? ''),
    String(f.row),
    String(f.line),
    escapeFormula(f.column ?? ''),
    escapeFormula(f.value ?? ''),
    escapeFormula(f.message),
  ];
}
