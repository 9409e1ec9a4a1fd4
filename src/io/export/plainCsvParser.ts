// The CSV parser of a file whose first chunk of text is plain (no quote, no carriage return): its
// records are lines split at the delimiter, as papaparse splits a line without quotes, until the
// first quote or carriage return; from that record on papaparse (csvParser.ts) reads the rest, with
// the line end it would have taken from the first chunk (LF) and the line count reached. A plain
// file is read without loading papaparse at all, which a run spends some 50 ms loading.
import { MAX_RECORD_CHARS, csvParser, recordTooLong, type CsvParser } from './csvParser.js';

/** A parser for text whose first chunk has no `"` and no CR (csvParser's arguments). */
export function plainCsvParser(
  delimiter: string,
  onRecord: (cells: string[], line: number) => void,
  unreadable: (reason: string, line: number) => Error,
  onBlank?: () => void,
): CsvParser {
  let failure: Error | null = null;
  /** papaparse, once text that is not plain came. */
  let rest: CsvParser | null = null;
  /** The text of the record not yet ended by a line end. */
  let partial = '';
  let line = 1;

  const record = (text: string): void => {
    // A blank line: no record (papaparse's single empty cell), but a line.
    if (text === '') {
      line++;
      onBlank?.();
      return;
    }
    const start = line;
    line++;
    try {
      onRecord(text.split(delimiter), start);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
  };

  return {
    write(text: string): void {
      if (failure !== null) return;
      if (rest !== null) {
        rest.write(text);
        return;
      }
      const quote = text.indexOf('"');
      const cr = text.indexOf('\r');
      const cut = quote === -1 ? cr : cr === -1 ? quote : Math.min(quote, cr);
      const plain = partial + (cut === -1 ? text : text.slice(0, cut));
      let at = 0;
      for (let end = plain.indexOf('\n'); end !== -1 && failure === null; end = plain.indexOf('\n', at)) {
        record(plain.slice(at, end));
        at = end + 1;
      }
      if (failure !== null) return;
      partial = plain.slice(at);
      if (cut !== -1) {
        // Not plain from here: the record it is in, and everything after, are papaparse's.
        rest = csvParser(delimiter, onRecord, unreadable, onBlank, { line, newline: '\n' });
        rest.write(partial + text.slice(cut));
        partial = '';
      } else if (partial.length > MAX_RECORD_CHARS) {
        failure = recordTooLong(unreadable, line);
      }
    },
    end(): void {
      if (rest !== null) rest.end();
      else if (failure === null && partial !== '') record(partial);
      partial = '';
    },
    failure: () => failure ?? rest?.failure() ?? null,
  };
}
