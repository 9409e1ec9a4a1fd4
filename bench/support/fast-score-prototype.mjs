#!/usr/bin/env node
// A measured PROTOTYPE, not the product: what `walkaway score --file` costs when the CSV is read by
// a byte-level scanner instead of csv-parse (encoding: null, info: true) plus a TextDecoder per
// cell, and the result is written in large chunks instead of csv-stringify with an await per row.
// Same engine calls as src/score/offlineScore.ts (readOpportunity, addToPipeline, pipelineFor,
// scoreOpportunity), same two passes (BATNA totals, then scoring), same output columns. It leaves
// out what the product must keep (row problems, duplicate Ids, progress, summary), so it is the
// floor of the fix, to show where the time goes: see docs/bench.md.
//
//   node bench/support/fast-score-prototype.mjs IN.csv OUT.csv [AS_OF]
//   node bench/support/fast-score-prototype.mjs --scan-only IN.csv   one pass of the scanner, nothing else
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { isUtf8 } from 'node:buffer';
import { loadEngine, readPolicyRecords } from '../common.mjs';

const scanOnly = process.argv[2] === '--scan-only';
const [input, output, asOf = '2026-11-26'] = process.argv.slice(scanOnly ? 3 : 2);
const engine = await loadEngine();
const ranked = engine.rankPolicies(engine.readPolicies(await readPolicyRecords()));

/**
 * Calls onRow(cells) for every record of the file (cells: strings, quotes removed). Quoted cells
 * with commas, doubled quotes and newlines, CRLF and a BOM are handled; UTF-8 is checked once a chunk.
 */
async function scan(file, onRow) {
  let carry = null;
  let cells = [];
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = carry === null ? chunk : Buffer.concat([carry, chunk]);
    let i = carry === null && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    let rowStart = i;
    let cellStart = i;
    let quoted = false;
    let hasQuotes = false;
    cells = [];
    const n = buf.length;
    while (i < n) {
      const b = buf[i];
      if (quoted) {
        if (b === 0x22) {
          if (buf[i + 1] === 0x22) i += 2;
          else {
            quoted = false;
            i += 1;
          }
        } else i += 1;
        continue;
      }
      if (b === 0x22) {
        quoted = true;
        hasQuotes = true;
      } else if (b === 0x2c || b === 0x0a) {
        let end = i;
        if (b === 0x0a && end > cellStart && buf[end - 1] === 0x0d) end -= 1;
        let text = buf.utf8Slice(cellStart, end);
        if (hasQuotes) text = text.replace(/^"|"$/g, '').replace(/""/g, '"');
        cells.push(text);
        cellStart = i + 1;
        hasQuotes = false;
        if (b === 0x0a) {
          onRow(cells);
          cells = [];
          rowStart = i + 1;
        }
      }
      i += 1;
    }
    carry = rowStart < n ? buf.subarray(rowStart) : null;
    if (!isUtf8(buf.subarray(0, rowStart))) throw new Error('not UTF-8');
  }
  if (carry !== null && carry.length) {
    const text = carry.toString('utf8').replace(/\r?\n?$/, '');
    onRow(text.split(','));
  }
}

if (scanOnly) {
  let records = 0;
  await scan(input, () => (records += 1));
  process.stderr.write(`${records} records scanned\n`);
  process.exit(0);
}

const quarter = engine.calendarQuarter(asOf);
let header = null;
let col = null;
const flag = (s) => s === 'true' || s === '1';
const pipelineRow = (cells) => ({
  ownerId: cells[col.OwnerId],
  amountCents: cells[col.Amount] === '' ? null : engine.parseCents(cells[col.Amount]),
  probability: cells[col.Probability] === '' ? null : Number(cells[col.Probability]),
  closeDate: cells[col.CloseDate] === '' ? null : cells[col.CloseDate].slice(0, 10),
  isClosed: flag(cells[col.IsClosed]),
  isWon: flag(cells[col.IsWon]),
});

// Pass 1: owners' totals.
const totals = new Map();
await scan(input, (cells) => {
  if (header === null) {
    header = cells;
    col = Object.fromEntries(cells.map((c, i) => [c, i]));
    return;
  }
  engine.addToPipeline(totals, pipelineRow(cells), quarter);
});

// Pass 2: score and write.
const out = createWriteStream(output);
const scoredAt = new Date().toISOString();
const money = (c) => (c === null ? '' : engine.centsToDecimal(c));
let buffer = `Id,${engine.OUTPUT_FIELDS.join(',')},Walk_Away_Scored_At__c\n`;
let first = true;
let rows = 0;
await scan(input, (cells) => {
  if (first) {
    first = false;
    return;
  }
  const raw = {};
  for (const f of engine.INPUT_FIELDS) raw[f] = cells[col[f]];
  const read = engine.readOpportunity(raw);
  if (!read.ok) return;
  const p = pipelineRow(cells);
  const score = engine.scoreOpportunity(
    read.opportunity,
    ranked,
    engine.pipelineFor(totals.get(p.ownerId), p, null, quarter),
  );
  rows += 1;
  buffer +=
    `${cells[col.Id]},${score.verdict},${money(score.floorCents)},${money(score.thresholdCents)},` +
    `${score.findings.map((f) => f.code).join(';')},${score.approvals.join(';')},${score.batna.strength},` +
    `${score.policy ?? ''},${money(engine.dealSizeToStore(read.opportunity))},${scoredAt}\n`;
  if (buffer.length > 1 << 20) {
    out.write(buffer); // the disk keeps up here; the product waits for 'drain' between chunks
    buffer = '';
  }
});
out.write(buffer);
out.end();
await once(out, 'finish');
process.stderr.write(`${rows} rows scored\n`);
