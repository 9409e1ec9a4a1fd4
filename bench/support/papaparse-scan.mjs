#!/usr/bin/env node
// One pass of papaparse over an export, as src/io/export reads it (64 KB chunks, each
// checked as UTF-8 by a fatal TextDecoder, rows as string arrays through `step`), and nothing
// else: no records, no scoring, no output. The floor of the CLI's reader, per pass.
//
//   node bench/support/papaparse-scan.mjs IN.csv
import { createReadStream } from 'node:fs';
import { EventEmitter } from 'node:events';
import Papa from 'papaparse';

const source = Object.assign(new EventEmitter(), { readable: true, read() {}, pause() {}, resume() {} });
let records = 0;
Papa.parse(source, { delimiter: ',', header: false, step: () => (records += 1) });
const decoder = new TextDecoder('utf-8', { fatal: true });
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 16 })) {
  source.emit('data', decoder.decode(chunk, { stream: true }));
}
source.emit('end');
process.stderr.write(`${records} records parsed\n`);
