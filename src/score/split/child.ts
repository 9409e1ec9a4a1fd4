// The second process of `walkaway score --file` (forked by parent.ts): reads and scores the second
// half of a large export as the parent asks (protocol.ts), writing its scored and failed rows to
// files of its own that the parent appends to the output. It imports the byte reader and the
// scoring modules only, not oclif nor @salesforce/sf-plugins-core: it starts at once.
import { open, rm } from 'node:fs/promises';
import { calendarQuarter } from '../../engine/index.js';
import { engineCells } from '../../io/export/engineCells.js';
import { CellsNotCounted, NotPlainFile, openPlainExport, type RecordStart } from '../../io/export/plainReader.js';
import type { ExportReader } from '../../io/export/types.js';
import { ScoreOutputs } from '../../io/resultWriter.js';
import { IdList } from '../idIndex.js';
import { rowScorer } from '../rowScorer.js';
import { DuplicateRows, IdBits } from './duplicateRows.js';
import { firstPassColumns, readFirstPass, recordingIds } from './firstPass.js';
import type { FromChild, IdsFile, PipelinePass, ScorePass, Start, ToChild } from './protocol.js';

const PROGRESS_MS = 100;

const inbox: ToChild[] = [];
let wake: (() => void) | null = null;
/** The output files being written, removed if this process is told to leave. */
const writers: ScoreOutputs[] = [];

const send = (m: FromChild): void => {
  process.send?.(m);
};

/** This process's files: the parent has copied them once it closes the channel. */
const files: string[] = [];

/**
 * The parent closed the channel (done, or gone), or Ctrl-C: this process's files go (`.partial`
 * or complete: the parent no longer reads them), and so does it.
 */
async function leave(): Promise<never> {
  for (const w of writers) await w.abort().catch(() => undefined);
  await Promise.all(files.map((f) => rm(f, { force: true })));
  process.exit(0);
}

process.on('message', (m: ToChild) => {
  inbox.push(m);
  wake?.();
});
process.on('disconnect', () => void leave());
process.on('SIGINT', () => void leave());
process.on('SIGTERM', () => void leave());

async function next(): Promise<ToChild> {
  for (;;) {
    const m = inbox.shift();
    if (m !== undefined) return m;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = null;
  }
}

/** Test-only: WALKAWAY_TEST_SPLIT_EXIT=pipeline or =score ends this process as that pass starts. */
const testExit = (pass: string): void => {
  if (process.env.WALKAWAY_TEST_SPLIT_EXIT === pass) process.exit(70);
};

/** The reader's progress, from `start`: about ten times a second. */
function progressOf(pass: number, reader: ExportReader, start: RecordStart): (rows: number) => void {
  let last = 0;
  return (rows) => {
    const now = Date.now();
    if (now - last < PROGRESS_MS) return;
    last = now;
    send({ kind: 'progress', pass, bytes: Math.max(0, reader.bytesRead() - start.offset), rows });
  };
}

/** The first half's Ids, from the parent's file (IdList.entries()). */
async function readIds(ids: IdsFile): Promise<Uint32Array> {
  const handle = await open(ids.path, 'r');
  try {
    const entries = new Uint32Array(ids.count * 3);
    const { bytesRead } = await handle.read(entries, 0, entries.byteLength, 0);
    if (bytesRead !== entries.byteLength) throw new Error(`${ids.path}: ${bytesRead} bytes of ${entries.byteLength}`);
    return entries;
  } finally {
    await handle.close();
  }
}

const failure = (start: number, error: unknown): FromChild => {
  if (error instanceof NotPlainFile) return { kind: 'not-plain', start, reason: error.message };
  if (error instanceof CellsNotCounted) return { kind: 'error', start, message: error.message };
  return { kind: 'error', start, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
};

async function main(): Promise<void> {
  const s = (await next()) as Start;
  files.push(s.scoredPath, s.failedPath);
  // What openPlainExport takes from the CSV reader of the file: the parent's, as it read the header.
  const base: ExportReader = {
    header: s.header,
    reading: s.reading,
    size: s.size,
    each: () => Promise.reject(new Error('the second process reads with the byte reader only')),
    skipped: () => [],
    bytesRead: () => 0,
    close: () => undefined,
  };
  const prepare = engineCells(s.header.report, undefined);
  const withDeleted = s.header.present.has('IsDeleted');
  /** The cells a first pass reads, and cuts records up to. */
  const firstColumns = firstPassColumns(s.pipelineColumns);

  /**
   * The Ids the last first pass met, where it started, and their bits (the first half's are added
   * once they come: about as many).
   */
  let recorded: { readonly start: number; readonly ids: IdList; readonly bits: IdBits } | null = null;

  const pipelinePass = async ({ start }: PipelinePass): Promise<void> => {
    testExit('pipeline');
    try {
      recorded = null;
      const reader = openPlainExport(s.file, base, {
        delimiter: s.delimiter,
        columns: firstColumns,
        cutUpTo: { columns: firstColumns, pass: 'first' },
        range: { start },
      });
      const ids = new IdList();
      const recording = recordingIds(reader, {
        ids,
        withDeleted,
        from: start.offset,
        partBytes: s.size - start.offset,
      });
      const { pipeline } = await readFirstPass(
        recording,
        s.pipelineColumns === null
          ? null
          : { asOf: s.asOf, prepare, currencyRates: s.currencyRates, asWritten: !s.header.report },
        progressOf(0, reader, start),
      );
      send({
        kind: 'pipeline',
        start: start.offset,
        totals: pipeline?.totals ?? null,
        quotas: pipeline?.quotas ?? new Map(),
      });
      // While the first process ends its own first pass, most likely.
      const bits = new IdBits(2 * ids.size);
      bits.add(ids.entries());
      recorded = { start: start.offset, ids, bits };
    } catch (error) {
      send(failure(start.offset, error));
    }
  };

  const scorePass = async (m: ScorePass): Promise<void> => {
    testExit('score');
    const scorer = rowScorer({
      ranked: s.ranked,
      scoredAt: s.scoredAt,
      withDeleted,
      prepare,
      locale: undefined,
      currencyRates: s.currencyRates,
      asWritten: !s.header.report,
    });
    scorer.usePipeline(
      s.pipelineColumns === null
        ? null
        : // rows: what an Id table would be sized for; none is made here (useIds below).
          { quarter: calendarQuarter(s.asOf), totals: m.totals, quotas: m.quotas, rates: s.currencyRates, rows: 0 },
    );
    try {
      // This half's repeated Ids, from the two first passes' lists: an Id the first half has is a
      // duplicate here, of the first half's row.
      if (recorded?.start !== m.start.offset) throw new Error('no first pass from the boundary');
      const mine = recorded.ids;
      const earlier = await readIds(m.ids);
      recorded.bits.add(earlier);
      const duplicates = DuplicateRows.of(recorded.bits, earlier, mine.entries(), m.start.row);
      scorer.useIds(duplicates);
      const outputs = await ScoreOutputs.open(s.scoredPath, s.failedPath);
      writers.push(outputs);
      scorer.useWriters(outputs.scored, outputs.failed);
      const reader = openPlainExport(s.file, base, {
        delimiter: s.delimiter,
        range: { start: m.start },
        cutUpTo: { columns: firstColumns, pass: 'after' },
      });
      const progress = progressOf(1, reader, m.start);
      await reader.each(
        scorer.scoreRow,
        async () => {
          await outputs.flushFull();
          progress(scorer.rowCount());
        },
        scorer.scorePlain,
      );
      if (duplicates.asked !== mine.size) throw new Error('the second half read differently in its two passes');
      await outputs.close();
      send({ kind: 'scored', tallies: scorer.tallies() });
    } catch (error) {
      send(failure(m.start.offset, error));
    }
  };

  // Passes as asked, until the parent closes the channel ('disconnect').
  for (;;) {
    const m = await next();
    if (m.kind === 'pipeline') await pipelinePass(m);
    else if (m.kind === 'score') await scorePass(m);
  }
}

void main();
