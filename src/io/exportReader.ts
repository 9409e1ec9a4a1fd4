// Streams an opportunity export (Data Loader or `sf data export bulk`): a header of field API
// names (related fields dotted, `Account.Industry`), then one record per opportunity. Quoted
// fields, embedded newlines, a UTF-8 BOM and CRLF are handled by csv-parse; this module adds what
// an admin needs to trust the result: strict UTF-8 per cell, a size limit per cell, the row number
// and physical line of every record, and clear file-level errors before anything is scored.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
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
  readonly rows: AsyncGenerator<ExportRow>;
  /** Bytes of the file consumed so far, and the file size: for progress. */
  bytesRead(): number;
  readonly size: number;
};

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const BOM = [0xef, 0xbb, 0xbf];

const preview = (text: string): string => (text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text);

const newlinesIn = (cell: Uint8Array): number => {
  let n = 0;
  for (let i = 0; i < cell.length; i++) if (cell[i] === 0x0a) n++;
  return n;
};

type Cells = Uint8Array[];

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
  const stream: Readable = createReadStream(file);
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const parser = stream.pipe(
    parse({ encoding: null, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  stream.on('error', (error) => parser.destroy(error));
  const it = (parser as AsyncIterable<{ record: Cells }>)[Symbol.asyncIterator]();

  const next = async (): Promise<Cells | null> => {
    const r = await it.next();
    return r.done ? null : r.value.record;
  };
  const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
  const isBlankLine = (cells: Cells): boolean => cells.length === 1 && (cells[0]?.length ?? 0) === 0;

  // Header: skip leading blank lines, strip the BOM, insist on UTF-8.
  let line = 1;
  let headerCells: Cells | null;
  try {
    headerCells = await next();
    while (headerCells !== null && isBlankLine(headerCells)) {
      line++;
      headerCells = await next();
    }
  } catch (error) {
    stream.destroy();
    throw messages.createError('error.UnreadableCsv', [file, 1, line, reason(error)], [], EXIT.badFile);
  }
  if (headerCells === null) {
    stream.destroy();
    throw messages.createError('error.EmptyFile', [file], [], EXIT.badFile);
  }
  const first = headerCells[0];
  if (first !== undefined && first[0] === 0xff && first[1] === 0xfe) {
    stream.destroy();
    throw messages.createError('error.NotUtf8Header', [file], [], EXIT.badFile);
  }
  if (first !== undefined && BOM.every((b, i) => first[i] === b)) headerCells[0] = first.subarray(3);
  let columns: string[];
  try {
    columns = headerCells.map((c) => strict.decode(c).trim());
  } catch {
    stream.destroy();
    throw messages.createError('error.NotUtf8Header', [file], [], EXIT.badFile);
  }
  line += headerCells.reduce((n, c) => n + newlinesIn(c), 0) + 1;

  const canonical = columns.map((c) => CANONICAL.get(c.toLowerCase()) ?? null);
  const present = new Set(canonical.filter((c): c is string => c !== null));
  const missingRequired = REQUIRED_COLUMNS.filter((c) => !present.has(c));
  if (missingRequired.length) {
    stream.destroy();
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
    if (seen.has(c)) {
      stream.destroy();
      throw messages.createError('error.DuplicateColumn', [file, c], [], EXIT.badFile);
    }
    seen.add(c);
  }
  const header: ExportHeader = {
    columns,
    present,
    missingInputs: INPUT_FIELDS.filter((c) => !present.has(c)),
    unknown: columns.filter((_, i) => canonical[i] === null),
  };

  // Look ahead one record so that a header-only file is refused before anything is written.
  let pending: Cells | null;
  let blankLines = 0;
  try {
    pending = await next();
    while (pending !== null && isBlankLine(pending)) {
      blankLines++;
      pending = await next();
    }
  } catch (error) {
    stream.destroy();
    throw messages.createError('error.UnreadableCsv', [file, 1, line, reason(error)], [], EXIT.badFile);
  }
  if (pending === null) {
    stream.destroy();
    throw messages.createError('error.HeaderOnly', [file], [], EXIT.badFile);
  }
  line += blankLines;
  const idIndex = canonical.indexOf('Id');

  const toRow = (cells: Cells, row: number, startLine: number): ExportRow => {
    const values: Record<string, string> = {};
    const problems: RowProblem[] = [];
    let id: string | null = null;
    cells.forEach((cell, i) => {
      const column = canonical[i];
      if (column === undefined || column === null) return; // extra cells are reported below; unknown columns ignored
      let text: string;
      try {
        text = strict.decode(cell);
      } catch {
        problems.push({
          column,
          value: preview(lenient.decode(cell)),
          message: messages.getMessage('row.BadEncoding', [column]),
        });
        return;
      }
      if (cell.length > MAX_CELL_BYTES) {
        problems.push({
          column,
          value: preview(text),
          message: messages.getMessage('row.CellTooLarge', [column, cell.length, MAX_CELL_BYTES]),
        });
        return;
      }
      if (i === idIndex) id = text.trim() === '' ? null : text.trim();
      values[column] = text;
    });
    if (cells.length !== columns.length) {
      problems.push({
        column: null,
        value: null,
        message: messages.getMessage('row.CellCount', [cells.length, columns.length]),
      });
    }
    return { row, line: startLine, id, values, problems };
  };

  async function* rows(): AsyncGenerator<ExportRow> {
    let row = 0;
    let cells: Cells | null = pending;
    pending = null;
    try {
      while (cells !== null) {
        if (isBlankLine(cells)) {
          line++;
        } else {
          row++;
          yield toRow(cells, row, line);
          line += cells.reduce((n, c) => n + newlinesIn(c), 0) + 1;
        }
        try {
          cells = await next();
        } catch (error) {
          throw messages.createError('error.UnreadableCsv', [file, row + 1, line, reason(error)], [], EXIT.badFile);
        }
      }
    } finally {
      stream.destroy();
    }
  }

  return { header, rows: rows(), bytesRead: () => bytes, size };
}
