// The --currency-rates file: the org's CurrencyType rates as a small CSV, so that an offline BATNA
// never adds amounts of different currencies. Header `IsoCode,ConversionRate` (any case, any order,
// an optional `IsCorporate` column); ConversionRate is units of the currency per one unit of the
// corporate currency, whose rate is 1. A file that cannot be used stops the run (exit 2), naming
// the line and the value.
import { readFile } from 'node:fs/promises';
import { currencyKey, parseBoolean, parseDecimal } from '../engine/index.js';
import { EXIT } from '../exitCodes.js';
import { messages } from './messages.js';
import type { RatesFile } from './pipeline.js';

const fail = (file: string, why: string): Error =>
  messages.createError('error.CurrencyRates', [file, why], [], EXIT.badInput);

/** Reads and checks the file: every currency once, a positive rate each, exactly one corporate currency. */
export async function readCurrencyRates(file: string): Promise<RatesFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw fail(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error));
  }
  // A Data Loader export of CurrencyType: a byte order mark, quoted upper-case headers, blank lines
  // are csv-parse's to handle; `info` keeps each record's own line for the messages.
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse is imported here: a run without --currency-rates does not load it (start-up).
    const { parse } = await import('csv-parse/sync');
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw fail(file, (error as Error).message);
  }
  const header = (records[0]?.record ?? []).map((h) => h.toLowerCase());
  const code = header.indexOf('isocode');
  const rate = header.indexOf('conversionrate');
  const corporateColumn = header.indexOf('iscorporate');
  if (code < 0 || rate < 0) throw fail(file, 'the header must name IsoCode and ConversionRate');
  const rates = new Map<string, number>();
  const corporate: string[] = [];
  for (const { record: cells, info } of records.slice(1)) {
    const line = info.lines;
    const iso = currencyKey(cells[code]);
    if (!/^[A-Z]{3}$/.test(iso))
      throw fail(file, `line ${line}: IsoCode "${cells[code] ?? ''}" is not a currency code`);
    if (rates.has(iso)) throw fail(file, `line ${line}: ${iso} is given twice`);
    const value = parseDecimal(cells[rate] ?? '');
    if (value === undefined || !(value > 0)) {
      throw fail(file, `line ${line}: ConversionRate "${cells[rate] ?? ''}" of ${iso} is not a positive number`);
    }
    rates.set(iso, value);
    const flagged = corporateColumn < 0 ? value === 1 : parseBoolean(cells[corporateColumn]) === true;
    if (flagged) corporate.push(iso);
  }
  if (rates.size === 0) throw fail(file, 'it lists no currency');
  if (corporate.length !== 1) {
    throw fail(
      file,
      corporate.length === 0
        ? 'no corporate currency (a rate of 1, or IsCorporate true)'
        : `more than one corporate currency (${corporate.join(', ')}): mark one with an IsCorporate column`,
    );
  }
  return { rates, corporate: corporate[0] as string };
}
