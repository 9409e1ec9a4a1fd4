// papaparse glue: text goes in piece by piece, records come out synchronously with the physical
// line each starts on. Quoted cells, embedded newlines and CRLF are papaparse's; this adds the line
// count, skips blank lines, and stops at the first error (of the CSV, or thrown by the receiver).
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type Papa from 'papaparse';

/** A record still open after this much text is an unclosed quote, not data: the file is refused. */
export const MAX_RECORD_CHARS = 64 * 1_048_576;

export type CsvParser = {
  /** Parses the next piece of text; complete records go to the receiver before it returns. */
  write(text: string): void;
  /** The end of the text: the last record goes to the receiver. */
  end(): void;
  /** The first error: the CSV's (made by `unreadable`) or the one the receiver threw, as it is. */
  failure(): Error | null;
};

/** What papaparse reads from: chunks of text emitted by the reader itself, parsed as they are emitted. */
class TextChunks extends EventEmitter {
  public readonly readable = true;
  public read(): void {}
  public pause(): void {}
  public resume(): void {}
}

/** The error for a record still open after MAX_RECORD_CHARS characters, on the line it starts. */
export const recordTooLong = (unreadable: (reason: string, line: number) => Error, line: number): Error =>
  unreadable(`a record runs over ${MAX_RECORD_CHARS} characters (a quoted cell that is not closed?)`, line);

let papaparse: typeof Papa | null = null;
/** papaparse, loaded by the first parser that needs it (a plain file's rows never do: plainCsvParser.ts). */
const papa = (): typeof Papa => (papaparse ??= createRequire(import.meta.url)('papaparse') as typeof Papa);

/** Where a parser starts: the line of its first text, and the line end already known (else guessed). */
export type ParserStart = { readonly line: number; readonly newline?: '\n' };

type Step = { data: string[]; errors: Papa.ParseError[]; meta: Papa.ParseMeta & { cursor: number } };

const newlinesIn = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * A parser of `delimiter`-separated text with `"` quotes. `onRecord` gets each non-blank record and
 * the line it starts on; `unreadable(reason, line)` makes the error for text that is not CSV;
 * `onBlank` hears of each blank line.
 */
export function csvParser(
  delimiter: string,
  onRecord: (cells: string[], line: number) => void,
  unreadable: (reason: string, line: number) => Error,
  onBlank?: () => void,
  start: ParserStart = { line: 1 },
): CsvParser {
  const source = new TextChunks();
  let failure: Error | null = null;
  /** Characters of text handed to the parser, and where the last complete record ended. */
  let fed = 0;
  let cursor = 0;
  let line = start.line;

  const step = (results: Step, parser: Papa.Parser): void => {
    if (failure !== null) return;
    const cells = results.data;
    const end = results.meta.cursor;
    const n = cells.length;
    // Newlines inside cells, for the physical line count: only a quoted cell holds one when lines
    // end in LF, and a row without quotes is exactly its cells, the delimiters and the line end.
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
      failure = unreadable(`${e.message} (${e.code})`, line);
      parser.abort();
      return;
    }
    if (n === 1 && cells[0] === '') {
      line++;
      onBlank?.();
      return;
    }
    const start = line;
    line += inside + 1;
    try {
      onRecord(cells, start);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      parser.abort();
    }
  };

  papa().parse(source as unknown as NodeJS.ReadableStream, {
    delimiter,
    ...(start.newline === undefined ? {} : { newline: start.newline }),
    quoteChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: step as unknown as (results: Papa.ParseStepResult<string[]>, parser: Papa.Parser) => void,
    error: (error: Error) => {
      failure ??= unreadable(error.message, line);
    },
  });

  return {
    write(text: string): void {
      fed += text.length;
      source.emit('data', text);
      if (failure === null && fed - cursor > MAX_RECORD_CHARS) failure = recordTooLong(unreadable, line);
    },
    end(): void {
      source.emit('end');
    },
    failure: () => failure,
  };
}
