// What the export reader hands to its callers: the header it checked and one row at a time.
import type { ColumnDelimiter } from './delimiter.js';
import type { OnPlainRecord } from './plainRecord.js';
import type { SkippedLine } from './reportFooter.js';

export type ExportHeader = {
  /** The columns as written in the file. */
  readonly columns: readonly string[];
  /** Known columns present (canonical spelling). */
  readonly present: ReadonlySet<string>;
  /**
   * The header is a report "Details Only" export's: field labels (English or Bahasa Indonesia), so
   * picklist cells hold labels too.
   */
  readonly report: boolean;
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

/** What `openExport` may be told: --column-delimiter and --encoding (undefined: detect). */
export type ReadOptions = {
  readonly columnDelimiter?: ColumnDelimiter | undefined;
  readonly encoding?: string | undefined;
};

/** How the file was read, and what decided it: shown in the summary and in `--json`. */
export type Reading = {
  readonly columnDelimiter: ColumnDelimiter;
  /** flag: --column-delimiter; header: detected from the header; default: COMMA, nothing else fit. */
  readonly columnDelimiterFrom: 'flag' | 'header' | 'default';
  readonly encoding: string;
  /** flag: --encoding; bom: the file's byte order mark; default: UTF-8. */
  readonly encodingFrom: 'flag' | 'bom' | 'default';
  /**
   * api-names: the header names fields by API name (Data Loader, sf data export bulk); field-labels:
   * by label, as a report "Details Only" export does (picklist labels are then read as their values).
   */
  readonly header: 'api-names' | 'field-labels';
};

export type ExportReader = {
  readonly header: ExportHeader;
  readonly reading: Reading;
  /**
   * Reads the rest of the file, calling `onRow` for every data row, in file order, synchronously as
   * each chunk is parsed; after each chunk it awaits `afterChunk` (the caller's backpressure: flush
   * output, report progress). Resolves with the number of rows. An error thrown by `onRow` stops the
   * read and is rethrown as it is. Call it once.
   */
  each(
    onRow: (row: ExportRow) => void,
    afterChunk?: () => Promise<void> | void,
    /**
     * The byte reader only (plainReader.ts): a plain record goes here first, and to `onRow` only
     * when this returns false. Other readers ignore it.
     */
    onPlain?: OnPlainRecord,
  ): Promise<number>;
  /** Lines that are not data rows (a report export's footer), known once `each` has resolved. */
  skipped(): readonly SkippedLine[];
  /** Bytes of the file consumed so far, and the file size: for progress. */
  bytesRead(): number;
  readonly size: number;
  /** Stops reading (the file is closed) when `each` will not be called. */
  close(): void;
};

export const NO_PROBLEMS: readonly RowProblem[] = Object.freeze([]);
