// `walkaway score --file` in two processes: this one reads and scores the first half of a large
// export, a second process (child.ts, forked with nothing but the reader and the scoring modules)
// the second half, both at once; the output is the one a single process writes.
//
//   1. The child starts at the first line after the middle byte (a guess: a quoted cell may hold
//      line ends); both read their half's owners' totals (the pipeline pass) and list its Ids (as
//      the scoring pass would record them: not a deleted row's, not a blank one), each with its
//      row (firstPass.ts). This process reads its half exactly, so it knows where the first record
//      at or after the middle starts. A wrong guess: the child reads its half again from there.
//   2. The totals are merged (the first half's first, as one pass would have met them; an owner's
//      quota: the first half's), and sent to the child with the first half's Ids and its row and
//      line counts: the child's rows are numbered as in the whole file, and an Id of its half that
//      the first half has is a duplicate of the first half's row (duplicateRows.ts).
//   3. Both score their half, recording its Ids as one process does; the child's rows are appended
//      to this process's files (written as `.partial` until then), and the two halves' tallies
//      merged (rowScorer.ts mergeTallies).
//
// A half not read by the byte reader, or a child that stops, ends the split before any output is
// complete: the caller reads the file again in one process. The child's files are removed on every path.
import { open, rm } from 'node:fs/promises';
import { addOwnerTotals } from '../../engine/index.js';
import { CellsNotCounted, NotPlainFile, openPlainExport, type RecordStart } from '../../io/export/plainReader.js';
import type { ExportReader } from '../../io/export/types.js';
import {
  FAILED_COLUMNS,
  RESULT_COLUMNS,
  csvLine,
  type CsvFileWriter,
  type ScoreOutputs,
} from '../../io/resultWriter.js';
import { IdList } from '../idIndex.js';
import type { Pipeline } from '../pipeline.js';
import { mergeTallies, rowScorer, type ScoringContext, type Tallies } from '../rowScorer.js';
import { DuplicateRows, IdBits } from './duplicateRows.js';
import { firstPassColumns, readFirstPass, recordingIds } from './firstPass.js';
import type { FromChild, IdsFile, OwnerTotalsByCurrency, ToChild } from './protocol.js';
import { SplitStopped, type SecondProcess } from './secondProcess.js';

/** How a run was split (test-only, WALKAWAY_TEST_SPLIT_REPORT): processes, and why or where. */
export type SplitReport = {
  readonly processes: 1 | 2;
  /** One process: why; or why the split stopped. */
  readonly reason?: string;
  readonly middle?: number;
  /** Where the child first started: the first line after the middle byte. */
  readonly guess?: number;
  /** Where the second half really starts: the first record at or after the middle byte. */
  readonly boundary?: RecordStart | null;
  /** The child read its half's totals again from the boundary (the guess was inside a record). */
  readonly restarted?: boolean;
  /** Why the split stopped, when it did: the file is then read again in one process. */
  readonly fallback?: 'not-plain' | 'one-process' | null;
  /** The second process was started by the executable as it read the command line (early.ts). */
  readonly early?: boolean;
};

export type SplitRun = {
  readonly file: string;
  /** The CSV reader of the file, opened: header, reading, size. */
  readonly base: ExportReader;
  readonly delimiter: string;
  /** The cells the pipeline pass reads; null: no BATNA, no pipeline pass. */
  readonly pipelineColumns: ReadonlySet<string> | null;
  readonly context: ScoringContext;
  readonly asOf: string;
  readonly output: string;
  readonly failedOutput: string;
  /** The run's scored and failed-rows files, opened (as `.partial`) for the scoring pass. */
  readonly openOutputs: () => Promise<ScoreOutputs>;
  /** The caller's progress: pass (0: pipeline; passes - 1: scoring), bytes and rows of both halves. */
  readonly progress: (pass: number, bytes: number, rows: number) => void;
  readonly passes: number;
};

/** The first line start at or after `from` that is not a blank line (`size` when there is none). */
async function lineStartFrom(file: string, from: number, size: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 16);
    // The byte before `from` tells whether `from` itself starts a line.
    let at = Math.max(0, from - 1);
    let afterLf = from === 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
      if (bytesRead === 0) return size;
      for (let i = 0; i < bytesRead; i++) {
        const position = at + i;
        const lf = chunk[i] === 10;
        if (position >= from && afterLf && !lf) return position;
        afterLf = lf;
      }
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** The second half's owner totals added to the first half's (first-seen order kept; quotas: the first half's first). */
function mergePipeline(first: Pipeline, totals: OwnerTotalsByCurrency, quotas: ReadonlyMap<string, number>): void {
  for (const [owner, byCurrency] of totals) {
    const mine = first.totals.get(owner);
    if (mine === undefined) {
      first.totals.set(owner, byCurrency);
      continue;
    }
    for (const [currency, t] of byCurrency) {
      const m = mine.get(currency);
      if (m === undefined) mine.set(currency, t);
      else addOwnerTotals(m, t);
    }
  }
  for (const [owner, quota] of quotas) if (!first.quotas.has(owner)) first.quotas.set(owner, quota);
}

/** The first half's Ids into a file for the child (protocol.ts IdsFile). */
async function writeIds(path: string, ids: IdList): Promise<IdsFile> {
  const entries = ids.entries();
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.write(new Uint8Array(entries.buffer, entries.byteOffset, entries.byteLength));
  } finally {
    await handle.close();
  }
  return { path, count: ids.size };
}

/** Copies `path` from byte `skip` on to the end of `to`'s file, after what it has buffered. */
async function appendFile(to: CsvFileWriter, path: string, skip: number): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let at = skip; ;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
      if (bytesRead === 0) return;
      await to.appendBytes(chunk.subarray(0, bytesRead));
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Scores the file in two processes, the second one `second` (started, unused). Resolves with the
 * two halves' tallies (the output files are complete), or null tallies when the split stopped
 * (nothing written: read the file in one process, by the CSV reader when `report.fallback` is
 * `not-plain`). Throws what one process would (an output that cannot be written). The child has
 * ended and its files are removed when it returns or throws.
 */
export async function scoreInTwo(
  run: SplitRun,
  second: SecondProcess,
): Promise<{ tallies: Tallies | null; report: SplitReport }> {
  const { file, base, context } = run;
  const size = base.size;
  const middle = Math.floor(size / 2);
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const childScored = `${run.output}.second-half-${tag}`;
  const childFailed = `${run.failedOutput}.second-half-${tag}`;
  const idsPath = `${run.output}.second-half-${tag}.ids`;
  const childFiles = [childScored, `${childScored}.partial`, childFailed, `${childFailed}.partial`, idsPath];
  let guess = size;
  let pass = 0;
  let mine = { bytes: 0, rows: 0 };
  const draw = (): void => {
    const theirs = second.read[pass] ?? { bytes: 0, rows: 0 };
    run.progress(pass === 1 ? run.passes - 1 : 0, mine.bytes + theirs.bytes, mine.rows + theirs.rows);
  };
  second.onProgress = (p) => {
    if (p === pass && (run.pipelineColumns !== null || pass === 1)) draw();
  };
  const send = (m: ToChild): void => second.send(m);
  const next = (): Promise<FromChild> => second.next();

  let boundary: RecordStart | null = null;
  let restarted = false;
  let finished = false;
  const reportOf = (fallback: SplitReport['fallback'], reason?: string): SplitReport => ({
    processes: 2,
    early: second.early,
    middle,
    guess,
    boundary,
    restarted,
    fallback,
    ...(reason === undefined ? {} : { reason }),
  });
  try {
    guess = await lineStartFrom(file, middle, size);
    if (guess >= size) {
      return { tallies: null, report: { processes: 1, reason: 'no line after the middle' } };
    }
    send({
      kind: 'start',
      file,
      size,
      header: base.header,
      reading: base.reading,
      delimiter: run.delimiter,
      pipelineColumns: run.pipelineColumns,
      asOf: run.asOf,
      scoredAt: context.scoredAt,
      ranked: context.ranked,
      currencyRates: context.currencyRates,
      scoredPath: childScored,
      failedPath: childFailed,
    });
    send({ kind: 'pipeline', start: { offset: guess, row: 0, line: 1 } });

    // 1. This half's owner totals, its Ids, and where it ends.
    const ids = new IdList();
    const firstColumns = firstPassColumns(run.pipelineColumns);
    const firstPass = openPlainExport(file, base, {
      delimiter: run.delimiter,
      columns: firstColumns,
      cutUpTo: { columns: firstColumns, pass: 'first' },
      range: {
        end: middle,
        onStop: (at) => {
          boundary = at;
        },
      },
    });
    const recording = recordingIds(firstPass, {
      ids,
      withDeleted: context.withDeleted,
      from: 0,
      partBytes: middle,
      beforeChunk: () => second.check(),
    });
    // Progress of this pass is drawn with BATNA only (without, the only pass shown is the scoring).
    const first = await readFirstPass(
      recording,
      run.pipelineColumns === null
        ? null
        : {
            asOf: run.asOf,
            prepare: context.prepare,
            currencyRates: context.currencyRates,
            asWritten: context.asWritten,
          },
      run.pipelineColumns === null
        ? () => {}
        : (n) => {
            mine = { bytes: firstPass.bytesRead(), rows: n };
            draw();
          },
    );
    const { pipeline } = first;
    const at = boundary as RecordStart | null;
    if (at === null) throw new Error('the first half did not say where it ended');
    // The Id table goes to its file while the second process may still be reading its totals.
    const idsWritten = writeIds(idsPath, ids).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    // 2. The child's first pass from the right record; its totals merged.
    if (at.offset !== guess) {
      restarted = true;
      send({ kind: 'pipeline', start: { offset: at.offset, row: 0, line: 1 } });
    }
    for (;;) {
      const m = await next();
      if (m.kind === 'progress' || m.kind === 'scored') continue;
      if (m.start !== at.offset) continue; // from a wrong guess
      if (m.kind === 'not-plain') throw new SplitStopped('not-plain', m.reason);
      if (m.kind === 'error') throw new SplitStopped('one-process', m.message);
      if (pipeline !== null && m.totals !== null) mergePipeline(pipeline, m.totals, m.quotas);
      break;
    }
    const idsFile = await idsWritten;
    // Not written (the output's folder, say): one process says so as it opens the output.
    if (idsFile instanceof Error) throw new SplitStopped('one-process', idsFile.message);
    send({
      kind: 'score',
      start: at,
      totals: pipeline?.totals ?? new Map(),
      quotas: pipeline?.quotas ?? new Map(),
      ids: idsFile,
    });

    // 3. Both halves scored; the child's rows after this half's.
    pass = 1;
    mine = { bytes: 0, rows: 0 };
    const scorer = rowScorer(context);
    scorer.usePipeline(pipeline);
    // This half's repeated Ids, from its first pass's list.
    const bits = new IdBits(ids.size);
    bits.add(ids.entries());
    const duplicates = DuplicateRows.of(bits, null, ids.entries(), 0);
    scorer.useIds(duplicates);
    const outputs = await run.openOutputs();
    scorer.useWriters(outputs.scored, outputs.failed);
    let theirs: Tallies;
    try {
      const secondPass = openPlainExport(file, base, {
        delimiter: run.delimiter,
        range: { end: middle },
        cutUpTo: { columns: firstColumns, pass: 'after' },
      });
      await secondPass.each(
        scorer.scoreRow,
        async () => {
          second.check(at.offset);
          await outputs.flushFull();
          mine = { bytes: secondPass.bytesRead(), rows: scorer.rowCount() };
          draw();
        },
        scorer.scorePlain,
      );
      if (scorer.rowCount() !== first.rows || duplicates.asked !== ids.size) {
        throw new Error('the first half read differently in its two passes');
      }
      for (;;) {
        const m = await next();
        if (m.kind === 'scored') {
          theirs = m.tallies;
          break;
        }
        if (m.kind === 'not-plain' && m.start === at.offset) throw new SplitStopped('not-plain', m.reason);
        if (m.kind === 'error' && m.start === at.offset) throw new SplitStopped('one-process', m.message);
      }
      await appendFile(outputs.scored, childScored, Buffer.byteLength(csvLine(RESULT_COLUMNS)));
      await appendFile(outputs.failed, childFailed, Buffer.byteLength(csvLine(FAILED_COLUMNS)));
      await outputs.close();
    } catch (error) {
      await outputs.abort();
      throw error;
    }
    finished = true;
    return { tallies: mergeTallies(scorer.tallies(), theirs), report: reportOf(null) };
  } catch (error) {
    if (error instanceof SplitStopped) return { tallies: null, report: reportOf(error.fallback, error.message) };
    if (error instanceof NotPlainFile) return { tallies: null, report: reportOf('not-plain', error.message) };
    if (error instanceof CellsNotCounted) return { tallies: null, report: reportOf('one-process', error.message) };
    throw error;
  } finally {
    await second.end(finished);
    await Promise.all(childFiles.map((f) => rm(f, { force: true })));
  }
}
