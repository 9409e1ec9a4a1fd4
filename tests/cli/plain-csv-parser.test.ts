// The CSV reader splits a file whose first chunk is plain (no quote, no carriage return) by hand and
// hands the rest to papaparse at the first quote or carriage return (src/io/export/plainCsvParser.ts):
// the records, their lines, the blank lines and the errors are papaparse's own over the whole text,
// however the text is cut into pieces.
import { fromLib } from './support/lib';

type Parser = { write(text: string): void; end(): void; failure(): Error | null };
type Make = (
  delimiter: string,
  onRecord: (cells: string[], line: number) => void,
  unreadable: (reason: string, line: number) => Error,
  onBlank?: () => void,
) => Parser;

let csvParser: Make;
let plainCsvParser: Make;
beforeAll(async () => {
  ({ csvParser } = await fromLib<{ csvParser: Make }>('io/export/csvParser.js'));
  ({ plainCsvParser } = await fromLib<{ plainCsvParser: Make }>('io/export/plainCsvParser.js'));
});

/** What a parser reports for `text` given in pieces of `size` characters (the last record may throw). */
function parse(make: Make, text: string, size: number, throwOn?: string): string[] {
  const seen: string[] = [];
  const p = make(
    ',',
    (cells, line) => {
      if (cells[0] === throwOn) throw new Error(`refused ${throwOn}`);
      seen.push(`${line}: ${JSON.stringify(cells)}`);
    },
    (reason, line) => new Error(`line ${line}: ${reason}`),
    () => seen.push('blank'),
  );
  for (let at = 0; at < text.length && p.failure() === null; at += size) p.write(text.slice(at, at + size));
  if (p.failure() === null) p.end();
  seen.push(`failure: ${p.failure()?.message ?? 'none'}`);
  // A blank line after the last record changes nothing the reader shows (no row, no line after it).
  while (seen.at(-2) === 'blank') seen.splice(-2, 1);
  return seen;
}

const plainRows = (n: number): string =>
  Array.from({ length: n }, (_, i) => `006A${i},Deal ${i},${1000 + i}`).join('\n');

it.each([
  ['plain rows, a final line end', `Id,Name,Amount\n${plainRows(50)}\n`],
  ['plain rows, no final line end', `Id,Name,Amount\n${plainRows(50)}`],
  ['blank lines between rows', `Id,Name,Amount\n\n006A1,x,1\n\n\n006A2,y,2\n`],
  [
    'a quoted multi-line cell after plain rows',
    `Id,Name,Amount\n${plainRows(40)}\n006B1,"two\nlines, ""quoted""",5\n${plainRows(3)}\n`,
  ],
  ['a quote in the middle of a record', `Id,Name,Amount\n${plainRows(40)}\n006B1,say "hi",5\n006B2,z,6\n`],
  [
    'CRLF after plain rows (read with the LF papaparse took from the start)',
    `Id,Name,Amount\n${plainRows(40)}\r\n006B1,x,1\r\n006B2,y,2\r\n`,
  ],
  [
    'a quoted multi-line cell, then a carriage return',
    `Id,Name,Amount\n${plainRows(40)}\n006B1,"two\nlines",5\r\n006B2,y,2\n`,
  ],
  ['a quoted cell that is never closed', `Id,Name,Amount\n${plainRows(40)}\n006B1,"open,5\n006B2,y,2\n`],
])('%s: the records, lines and errors papaparse reads', (_what, text) => {
  for (const size of [1, 7, 64, 1000, 1 << 16]) {
    expect([size, parse(plainCsvParser, text, size)]).toEqual([size, parse(csvParser, text, size)]);
  }
  // The whole text read at once too, as the reader's first piece.
  expect(parse(plainCsvParser, text, text.length)).toEqual(parse(csvParser, text, text.length));
});

it('stops at a record the receiver refuses, as papaparse does', () => {
  const text = `Id,Name,Amount\n${plainRows(30)}\n`;
  for (const size of [5, 100, 1 << 16]) {
    expect(parse(plainCsvParser, text, size, '006A17')).toEqual(parse(csvParser, text, size, '006A17'));
  }
  expect(parse(plainCsvParser, text, 100, '006A17').at(-1)).toContain('refused 006A17');
});
