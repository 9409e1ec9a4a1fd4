// The export reader: one read API, `openExport(file)` then `reader.each(onRow, afterChunk)`.
//
//   fileText.ts   bytes -> text chunks (UTF-8 checked, BOM read and dropped; UTF-16; --encoding)
//   delimiter.ts  the column delimiter: given, or read from the header
//   csvParser.ts  text -> records of cells, with the physical line of each (papaparse)
//   header.ts     the header -> the file's layout (known columns, Id, one record builder)
//   rows.ts       a record's cells -> an ExportRow (values by column, Id, problems)
//   reader.ts     all of it, with a look-ahead of one row and the caller's backpressure
//   plainReader.ts  the same rows from a UTF-8 file's bytes, faster (no papaparse, repeated values
//                 decoded once); NotPlainFile when the file must be read by reader.ts instead
//
// A faster reader of plain rows (no quotes, all UTF-8) can reuse header.ts and rows.ts as they
// are: `readHeader(file, cells)` gives the layout, `rowBuilder(layout)` turns each record's cells
// into the same ExportRow the CSV path makes, so rows read either way are scored alike.
export { openExport } from './reader.js';
export { NotPlainFile, openPlainExport, type PlainReadOptions } from './plainReader.js';
export { readHeader, type HeaderLayout } from './header.js';
export { MAX_CELL_BYTES, preview, rowBuilder } from './rows.js';
export { MAX_RECORD_CHARS } from './csvParser.js';
export {
  DELETED_COLUMN,
  PIPELINE_COLUMNS,
  QUOTA_COLUMN,
  REQUIRED_COLUMNS,
  canonicalColumn,
  isDeletedRow,
} from './columns.js';
export type { ExportHeader, ExportReader, ExportRow, ReadOptions, Reading, RowProblem } from './types.js';
export { COLUMN_DELIMITERS, COLUMN_DELIMITER_NAMES, type ColumnDelimiter } from './delimiter.js';
export { isKnownEncoding } from './fileText.js';
export {
  LOCALES,
  localeOf,
  localizeRow,
  looksLikeFraction,
  looksLocalized,
  withoutPercentSign,
  type CellLocale,
} from './locale.js';
