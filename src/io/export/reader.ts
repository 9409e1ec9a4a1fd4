// Opens an export: the file's text (fileText.ts) through the CSV parser (csvParser.ts), the header
// checked (header.ts), then one row at a time (rows.ts) to the caller. The header and the first row
// are read before `openExport` returns, so that a file with nothing to score is refused before
// anything is written. The file is read only as fast as the caller consumes the rows.
import { fileError } from '../messages.js';
import { csvParser } from './csvParser.js';
import { openFileText } from './fileText.js';
import { readHeader, type HeaderLayout } from './header.js';
import { rowBuilder } from './rows.js';
import type { ExportReader, ExportRow } from './types.js';

const LOOKAHEAD_CHARS = 16_384;

/**
 * Opens the export, reads and checks the header and looks ahead one record. Throws (exit code 3)
 * when the file is missing, empty, not UTF-8, has only a header, or lacks a required column.
 */
export async function openExport(file: string): Promise<ExportReader> {
  let row = 0;
  const unreadable = (reason: string, line: number): Error =>
    fileError('error.UnreadableCsv', [file, row + 1, line, reason]);
  const text = await openFileText(file, (reason) => unreadable(reason, 0));

  let layout: HeaderLayout | null = null;
  let toRow: ReturnType<typeof rowBuilder> = () => {
    throw new Error('no header yet');
  };
  /** Rows parsed before the caller asked for them (the look-ahead); null once `each` runs. */
  let early: ExportRow[] | null = [];
  let sink: (r: ExportRow) => void = () => {};

  const parser = csvParser(
    ',',
    (cells, line) => {
      if (layout === null) {
        layout = readHeader(file, cells);
        toRow = rowBuilder(layout);
        return;
      }
      row++;
      const r = toRow(cells, row, line, text.sawBadBytes());
      if (early !== null) early.push(r);
      else sink(r);
    },
    unreadable,
  );
  const check = (): void => {
    const failure = parser.failure();
    if (failure !== null) throw failure;
  };
  /** The next chunk to the parser; false at the end of the file. */
  const feed = async (): Promise<boolean> => {
    const chunk = await text.next();
    if (chunk === null) {
      parser.end();
      return false;
    }
    parser.write(chunk);
    return true;
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
          parser.end();
        } else held = chunk;
      } else {
        parser.write(held.slice(0, LOOKAHEAD_CHARS));
        held = held.slice(LOOKAHEAD_CHARS);
      }
      check();
    }
    if (layout === null) throw fileError('error.EmptyFile', [file]);
    if ((early?.length ?? 0) === 0) throw fileError('error.HeaderOnly', [file]);
  } catch (error) {
    text.close();
    throw error;
  }
  const { header } = layout as HeaderLayout;

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
        parser.write(held);
        held = '';
        check();
      }
      let more = true;
      while (more) {
        if (afterChunk) await afterChunk();
        more = await feed();
        check();
      }
      if (afterChunk) await afterChunk();
      return row;
    } finally {
      text.close();
    }
  };

  return { header, each, bytesRead: () => text.bytesRead(), size: text.size };
}
