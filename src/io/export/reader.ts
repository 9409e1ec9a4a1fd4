// Opens an export: the file's text (fileText.ts) through the CSV parser (csvParser.ts) with the
// column delimiter given or read from the header (delimiter.ts), the header checked (header.ts),
// then one row at a time (rows.ts) to the caller. The header and the first row are read before
// `openExport` returns, so that a file with nothing to score is refused before anything is
// written. The file is read only as fast as the caller consumes the rows.
import { fileError } from '../messages.js';
import { csvParser, type CsvParser } from './csvParser.js';
import { plainCsvParser } from './plainCsvParser.js';
import { COLUMN_DELIMITERS, detectDelimiter, headerLineAt, readsMore, type ColumnDelimiter } from './delimiter.js';
import { openFileText } from './fileText.js';
import { readHeader, type HeaderLayout } from './header.js';
import { isFooterText, loneText, type SkippedLine } from './reportFooter.js';
import { rowBuilder } from './rows.js';
import type { ExportReader, ExportRow, ReadOptions, Reading } from './types.js';

const LOOKAHEAD_CHARS = 16_384;

/**
 * Opens the export, reads and checks the header and looks ahead one record. Throws (exit code 3)
 * when the file is missing, empty, not in its encoding, has only a header, is split by another
 * delimiter than the one given, or lacks a required column.
 */
export async function openExport(file: string, options: ReadOptions = {}): Promise<ExportReader> {
  let row = 0;
  const unreadable = (reason: string, line: number): Error =>
    fileError('error.UnreadableCsv', [file, row + 1, line, reason]);
  const text = await openFileText(file, (reason) => unreadable(reason, 0), options.encoding);

  let layout: HeaderLayout | null = null;
  let width = 0;
  let toRow: ReturnType<typeof rowBuilder> = () => {
    throw new Error('no header yet');
  };
  /** Rows parsed before the caller asked for them (the look-ahead); null once `each` runs. */
  let early: ExportRow[] | null = [];
  let sink: (r: ExportRow) => void = () => {};
  let parser: CsvParser | null = null;
  let reading: Reading | null = null;

  // A report export's footer (reportFooter.ts): records of one cell after the data are held back
  // until a data row follows (then they are rows) or the file ends (then, when a blank line came
  // before them or one is a known footer line, they are skipped, listed in `skipped`).
  let trailer: { cells: string[]; line: number; text: string }[] = [];
  let blankBeforeTrailer = false;
  let blankSinceRow = false;
  const skipped: SkippedLine[] = [];
  const emit = (cells: string[], line: number): void => {
    row++;
    const r = toRow(cells, row, line);
    if (early !== null) early.push(r);
    else sink(r);
  };
  const releaseTrailer = (): void => {
    const rows = trailer;
    trailer = [];
    for (const h of rows) emit(h.cells, h.line);
  };
  /** The end of the file: the records held back are the footer, or rows after all. */
  const settleTrailer = (): void => {
    if (trailer.length === 0) return;
    if (blankBeforeTrailer || trailer.some((h) => isFooterText(h.text))) {
      for (const h of trailer) if (h.text.trim() !== '') skipped.push({ line: h.line, text: h.text.trim() });
      trailer = [];
    } else {
      releaseTrailer();
    }
  };

  /** The parser, made once the first text shows the header (and so the delimiter). */
  const parserFor = (first: string): CsvParser => {
    const { line, number: headerAt } = headerLineAt(first);
    if (line.includes('\u0000')) throw fileError('error.LooksUtf16', [file]);
    const detected = detectDelimiter(line);
    const given = options.columnDelimiter;
    if (given !== undefined && detected !== null && detected !== given && readsMore(line, detected, given)) {
      throw fileError('error.WrongDelimiter', [file, detected, given], [detected]);
    }
    const delimiter: ColumnDelimiter = given ?? detected ?? 'COMMA';
    const decoding = text.decoding();
    reading = {
      columnDelimiter: delimiter,
      columnDelimiterFrom: given !== undefined ? 'flag' : detected !== null ? 'header' : 'default',
      encoding: decoding.encoding,
      encodingFrom: decoding.from,
      header: 'api-names',
    };
    // A first chunk without quotes or carriage returns: split by hand until text that is not plain.
    const parser = first.includes('"') || first.includes('\r') ? csvParser : plainCsvParser;
    return parser(
      COLUMN_DELIMITERS[delimiter],
      (cells, at) => {
        if (layout === null && at < headerAt) {
          // A title or filter line above the header (a formatted report saved by a spreadsheet).
          const title = loneText(cells)?.trim();
          if (title) skipped.push({ line: at, text: title });
          return;
        }
        if (layout === null) {
          layout = readHeader(file, cells);
          toRow = rowBuilder(layout);
          width = layout.header.columns.length;
          return;
        }
        if (width > 1) {
          const text = loneText(cells);
          if (text !== null) {
            if (trailer.length === 0) blankBeforeTrailer = blankSinceRow || text === '';
            trailer.push({ cells, line: at, text });
            return;
          }
          if (trailer.length) releaseTrailer();
          blankSinceRow = false;
        }
        emit(cells, at);
      },
      unreadable,
      () => {
        if (layout !== null && trailer.length === 0) blankSinceRow = true;
      },
    );
  };
  const check = (): void => {
    const failure = parser?.failure() ?? null;
    if (failure !== null) throw failure;
  };

  // Header, then one record ahead. The text goes to the parser in small pieces here: the rows parsed
  // ahead wait in `early`, and a whole chunk of them outliving young-generation collections would
  // make V8 allocate every later row's record directly in the old generation (pretenuring), which
  // slows every collection after.
  let held = '';
  try {
    let more = true;
    while (layout === null || (early?.length ?? 0) === 0) {
      if (held === '') {
        if (!more) break;
        const chunk = await text.next();
        if (chunk === null) {
          more = false;
          parser?.end();
          settleTrailer();
        } else {
          held = chunk;
          parser ??= parserFor(chunk);
        }
      } else {
        parser?.write(held.slice(0, LOOKAHEAD_CHARS));
        held = held.slice(LOOKAHEAD_CHARS);
      }
      check();
    }
    if (layout === null || parser === null || reading === null) throw fileError('error.EmptyFile', [file]);
    if ((early?.length ?? 0) === 0) throw fileError('error.HeaderOnly', [file]);
  } catch (error) {
    text.close();
    throw error;
  }
  const csv: CsvParser = parser;
  const { header } = layout as HeaderLayout;
  const read: Reading = { ...(reading as Reading), header: header.report ? 'field-labels' : 'api-names' };

  let started = false;
  const each = async (onRow: (row: ExportRow) => void, afterChunk?: () => Promise<void> | void): Promise<number> => {
    if (started) throw new Error('the export is already being read');
    started = true;
    try {
      for (const r of early ?? []) onRow(r);
      early = null;
      sink = onRow;
      // The rest of the chunk the look-ahead stopped in.
      if (held !== '') {
        csv.write(held);
        held = '';
        check();
      }
      for (;;) {
        if (afterChunk) await afterChunk();
        const chunk = await text.next();
        if (chunk === null) {
          csv.end();
          check();
          settleTrailer();
          break;
        }
        csv.write(chunk);
        check();
      }
      if (afterChunk) await afterChunk();
      return row;
    } finally {
      text.close();
    }
  };

  return {
    header,
    reading: read,
    each,
    skipped: () => skipped,
    bytesRead: () => text.bytesRead(),
    size: text.size,
    close: () => text.close(),
  };
}
