// `walkaway score --file` in two processes: this one reads and scores the first half of a large
// export, a second process (child.ts, forked with nothing but the reader and the scoring modules)
// the second half, both at once; the output is the one a single process writes.
//
//   1. The child starts at the first line after the middle byte (a guess: a quoted cell may hold
//      line ends); both read their half's owners' totals (the pipeline pass). This process reads
//      its half exactly, so it knows where the first record at or after the middle starts, and
//      records its half's Ids (as the scoring pass would: not a deleted row's, not a blank one).
//      A wrong guess: the child reads its half's totals again from the right record.
//   2. The totals are merged (the first half's first, as one pass would have met them; an owner's
//      quota: the first half's), and sent to the child with the first half's Ids and its row and
//      line counts: the child's rows are numbered as in the whole file, and an Id seen in the first
//      half is a duplicate there.
//   3. Both score their half; the child's rows are appended to this process's files (written as
//      `.partial` until then), and the two halves' tallies merged (rowScorer.ts mergeTallies).
//
// A half not read by the byte reader, or a child that stops, ends the split before any output is
// complete: the caller reads the file again in one process. The child's files are removed on every path.
import { fork, type ChildProcess } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { addOwnerTotals } from '../../engine/index.js';
import { NotPlainFile, openPlainExport, type RecordStart } from '../../io/export/plainReader.js';
import { isDeletedRow } from '../../io/export/columns.js';
import type { OnPlainRecord, PlainRecord } from '../../io/export/plainRecord.js';
import type { ExportReader, ExportRow } from '../../io/export/types.js';
import {
  FAILED_COLUMNS,
  RESULT_COLUMNS,
  csvLine,
  type CsvFileWriter,
  type ScoreOutputs,
} from '../../io/resultWriter.js';
import { idAsWritten } from '../idCell.js';
import { IdIndex } from '../idIndex.js';
import { PipelineCells } from '../pipelineCells.js';
import { buildPipeline, type Pipeline } from '../pipeline.js';
import { mergeTallies, rowScorer, type ScoringContext, type Tallies } from '../rowScorer.js';
import type { FromChild, IdsFile, OwnerTotalsByCurrency, ToChild } from './protocol.js';

/** Below this size one process is faster: a second one takes about half a second to start. */
export const SPLIT_MIN_BYTES = 32 * 1024 * 1024;

export type SplitOptions = {
  /** Files of at least this many bytes are read by two processes. */
  readonly minBytes: number;
};

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
};

/** Why one process reads a file of `size` bytes, or null when two do. */
export function splitRefused(size: number, options: SplitOptions): string | null {
  if (size < options.minBytes) return 'small';
  if (availableParallelism() < 2) return 'one-core';
  return null;
}

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

/** The child stopped, or said it cannot go on: the split ends, the file is read in one process. */
class SplitStopped extends Error {
  public constructor(
    public readonly fallback: 'not-plain' | 'one-process',
    reason: string,
  ) {
    super(reason);
  }
}

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

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
async function writeIds(path: string, ids: IdIndex): Promise<IdsFile> {
  const entries = ids.entries();
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.write(new Uint8Array(entries.buffer, entries.byteOffset, entries.byteLength));
  } finally {
    await handle.close();
  }
  return { path, count: ids.size };
}

/** The process's flags for the child, without a debugger's (its port is taken). */
const childExecArgv = (): string[] => process.execArgv.filter((a) => !/^--(inspect|debug)/.test(a));

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
 * The second process, started before it is needed (its modules load while this process opens the
 * export): its messages in order, its progress, and how it ended.
 */
export class SecondProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private readonly inbox: FromChild[] = [];
  private wake: (() => void) | null = null;
  private stopped: string | null = null;
  private stderr = '';
  /** Bytes and rows the child read, by pass. */
  public readonly read = [
    { bytes: 0, rows: 0 },
    { bytes: 0, rows: 0 },
  ];
  /** Called when the child says how far it read. */
  public onProgress: (pass: number) => void = () => {};

  public constructor() {
    this.child = fork(CHILD, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: childExecArgv(),
    });
    const { child } = this;
    // Its end: 'exit', or 'error' when it never started.
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => {
        if (child.pid === undefined) resolve();
      });
    });
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-2000);
    });
    child.on('message', (m: FromChild) => {
      if (m.kind === 'progress') {
        this.read[m.pass] = { bytes: m.bytes, rows: m.rows };
        this.onProgress(m.pass);
        return;
      }
      this.inbox.push(m);
      this.wake?.();
    });
    child.on('exit', (code, signal) =>
      this.stop(`the second process ended (${signal ?? code ?? ''}) ${this.stderr}`.trim()),
    );
    child.on('error', (error) => this.stop(`the second process: ${error.message}`));
  }

  private stop(reason: string): void {
    this.stopped ??= reason;
    this.wake?.();
  }

  public send(m: ToChild): void {
    if (this.stopped !== null || !this.child.connected) return;
    try {
      this.child.send(m, (error) => {
        if (error) this.stop(`the second process: ${error.message}`);
      });
    } catch (error) {
      this.stop(`the second process: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The child's next message; throws SplitStopped once it has ended. */
  public async next(): Promise<FromChild> {
    for (;;) {
      const m = this.inbox.shift();
      if (m !== undefined) return m;
      if (this.stopped !== null) throw new SplitStopped('one-process', this.stopped);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }

  /**
   * Between chunks of this process's half: the child's end, or its failure in the pass it began at
   * `start` (a pass begun at a wrong guess does not count), stops this half too.
   */
  public check(start?: number): void {
    for (const m of this.inbox) {
      if (m.kind === 'error' && m.start === start) throw new SplitStopped('one-process', m.message);
      if (m.kind === 'not-plain' && m.start === start) throw new SplitStopped('not-plain', m.reason);
    }
    if (this.stopped !== null) throw new SplitStopped('one-process', this.stopped);
  }

  /** Ends the child: it leaves once the channel closes (`done`), or is stopped where it is. */
  public async end(done: boolean): Promise<void> {
    const { child } = this;
    if (done && child.connected) child.disconnect();
    else if (child.exitCode === null && child.signalCode === null) child.kill();
    await this.exited;
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
    if (run.pipelineColumns !== null) send({ kind: 'pipeline', start: { offset: guess, row: 0, line: 1 } });

    // 1. This half's owner totals, its Ids, and where it ends.
    const ids = new IdIndex();
    const { withDeleted } = context;
    const record = (r: ExportRow): void => {
      if (r.id !== null && !(withDeleted && isDeletedRow(r.values))) ids.firstRowOf(r.id, r.row);
    };
    const columns = new Set([...(run.pipelineColumns ?? ['IsDeleted']), 'Id']);
    const firstPass = openPlainExport(file, base, {
      delimiter: run.delimiter,
      columns,
      range: {
        end: middle,
        onStop: (at) => {
          boundary = at;
        },
      },
    });
    let rowsRead = 0;
    let sized = false;
    // A plain record the pipeline pass reads from its bytes: its Id recorded from them too, as
    // record() would record the row's (not a deleted row's); false, to read it as a row, when the Id
    // or IsDeleted cell is not written plainly.
    let idAt = -1;
    let cells: PipelineCells | null = null;
    const recordPlain =
      (onPlain: OnPlainRecord) =>
      (p: PlainRecord): boolean => {
        if (cells?.columns !== p.columns) {
          cells = new PipelineCells(p.columns);
          idAt = p.columns.indexOf('Id');
        }
        if (!idAsWritten(p, idAt)) return false;
        const deleted = cells.isDeleted(p);
        if (deleted === undefined || !onPlain(p)) return false;
        if (!deleted) ids.firstRowOfBytes(p.bytes, p.starts[idAt] as number, p.ends[idAt] as number, p.row);
        return true;
      };
    const recording: ExportReader = {
      ...firstPass,
      each: (onRow, afterChunk, onPlain) =>
        firstPass.each(
          (r) => {
            record(r);
            onRow(r);
          },
          async () => {
            second.check();
            // After the first chunk, the Id table is sized for the half at once (rows per byte so far).
            if (!sized && firstPass.bytesRead() > 0) {
              sized = true;
              ids.reserve(Math.ceil(((ids.size + 1) * middle * 1.05) / firstPass.bytesRead()));
            }
            await afterChunk?.();
          },
          onPlain === undefined ? undefined : recordPlain(onPlain),
        ),
    };
    let pipeline: Pipeline | null = null;
    if (run.pipelineColumns !== null) {
      pipeline = await buildPipeline(
        recording,
        run.asOf,
        (n) => {
          rowsRead = n;
          mine = { bytes: firstPass.bytesRead(), rows: n };
          draw();
        },
        context.prepare,
        context.currencyRates,
        context.asWritten,
      );
    } else {
      await recording.each(() => {
        rowsRead++;
      });
    }
    const at = boundary as RecordStart | null;
    if (at === null) throw new Error('the first half did not say where it ended');
    // The Id table goes to its file while the second process may still be reading its totals.
    const idsWritten = writeIds(idsPath, ids).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    // 2. The child's totals from the right record, merged.
    if (pipeline !== null) {
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
        mergePipeline(pipeline, m.totals, m.quotas);
        break;
      }
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
    // This half's Ids, recorded by the first pass: each is found on its own row (not a duplicate).
    scorer.useIds(ids);
    const outputs = await run.openOutputs();
    scorer.useWriters(outputs.scored, outputs.failed);
    let theirs: Tallies;
    try {
      const secondPass = openPlainExport(file, base, { delimiter: run.delimiter, range: { end: middle } });
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
      if (scorer.rowCount() !== rowsRead) throw new Error('the first half read differently in its two passes');
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
    throw error;
  } finally {
    await second.end(finished);
    await Promise.all(childFiles.map((f) => rm(f, { force: true })));
  }
}
