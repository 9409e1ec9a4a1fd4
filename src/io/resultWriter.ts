// Writes the scored file (Id + the output fields + Walk_Away_Scored_At__c: the file org mode would
// upload) and the failed-rows file. Files are written to `<name>.partial` and renamed when the run
// completes, so that a run stopped half-way never leaves a file that looks complete.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';
import { OUTPUT_FIELDS, centsToDecimal, outputRecord, type OutputField, type Score } from '../engine/index.js';

export const SCORED_AT_FIELD = 'Walk_Away_Scored_At__c';
export const RESULT_COLUMNS = ['Id', ...OUTPUT_FIELDS, SCORED_AT_FIELD] as const;
export const FAILED_COLUMNS = ['Id', 'Row', 'Line', 'Column', 'Value', 'Message'] as const;

/** `OUT.csv` -> `OUT.failed.csv`. */
export function failedPathFor(output: string): string {
  return /\.csv$/i.test(output) ? output.replace(/\.csv$/i, '.failed.csv') : `${output}.failed.csv`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
 * first) gets a leading single quote. Only text cells: numbers are written by us, never escaped.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export class CsvFileWriter {
  private readonly partial: string;
  private readonly csv: Stringifier;
  private readonly out: WriteStream;
  private count = 0;

  private constructor(
    public readonly path: string,
    columns: readonly string[],
  ) {
    this.partial = `${path}.partial`;
    this.out = createWriteStream(this.partial);
    this.csv = stringify({ header: true, columns: [...columns], record_delimiter: 'unix' });
    this.csv.pipe(this.out);
  }

  public static async open(path: string, columns: readonly string[]): Promise<CsvFileWriter> {
    const w = new CsvFileWriter(path, columns);
    await once(w.out, 'open');
    return w;
  }

  public get rows(): number {
    return this.count;
  }

  /** Writes one record; waits when the file cannot keep up (backpressure). */
  public async write(cells: readonly string[]): Promise<void> {
    this.count++;
    if (!this.csv.write(cells)) await once(this.csv, 'drain');
  }

  /** Finishes the file and gives it its name. */
  public async close(): Promise<void> {
    this.csv.end();
    await finished(this.out);
    await rename(this.partial, this.path);
  }

  /** Stops writing and removes the partial file. */
  public async abort(): Promise<void> {
    this.csv.destroy();
    this.out.destroy();
    await rm(this.partial, { force: true });
  }
}

const MONEY_CENTS: Partial<Record<OutputField, (s: Score) => number | null>> = {
  Walk_Away_Floor__c: (s) => s.floorCents,
  Walk_Away_Threshold__c: (s) => s.thresholdCents,
};

/** The scored file's cells for one opportunity: money as plain decimals, text escaped. */
export function resultCells(id: string, score: Score, scoredAt: string): string[] {
  const record = outputRecord(score);
  const cells = [escapeFormula(id)];
  for (const field of OUTPUT_FIELDS) {
    const money = MONEY_CENTS[field];
    if (money !== undefined) {
      const cents = money(score);
      cells.push(cents === null ? '' : centsToDecimal(cents));
    } else {
      const value = record[field];
      cells.push(value === null ? '' : escapeFormula(String(value)));
    }
  }
  cells.push(scoredAt);
  return cells;
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
