// Builds test exports, runs `node bin/run.js walkaway score ...` as a user would (`score`, a
// process per run: for the *.e2e.test.ts files) and reads what a run wrote. Most tests run the
// command in-process instead (`scoreInProcess` in ./inProcess). Both run lib/: build first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { INPUT_FIELDS } from '../../../src/engine/opportunity';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const BIN = join(ROOT, 'bin', 'run.js');
export const SAMPLE = join(ROOT, 'samples', 'opportunities.csv');
export const POLICY_DIR = join(ROOT, 'force-app', 'main', 'default', 'customMetadata');

if (!existsSync(join(ROOT, 'lib', 'commands', 'walkaway', 'score.js'))) {
  throw new Error('lib/commands/walkaway/score.js is missing: run `npm run build` before the cli tests.');
}

export type Run = { status: number | null; stdout: string; stderr: string };

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder for one run's export and outputs, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'walkaway-cli-'));
  made.push(dir);
  return dir;
}

/** `node bin/run.js walkaway score <args>` in `cwd`, stdout not a terminal (no progress bar). */
export const score = (args: readonly string[], cwd: string): Run => walkaway('score', args, cwd);

/** `node bin/run.js walkaway <verb> <args>` in `cwd`, as a user runs it. */
export function walkaway(verb: string, args: readonly string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [BIN, 'walkaway', verb, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      SF_DISABLE_AUTOUPDATE: 'true',
      SF_SKIP_NEW_VERSION_CHECK: 'true',
      SF_DISABLE_TELEMETRY: 'true',
      SF_CONTENT_TYPE: '',
      FORCE_COLOR: '0',
    },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export type Row = Record<string, string>;

/** The default columns of a test export: what the price and term findings need. */
export const COLUMNS = ['Id', 'Name', ...INPUT_FIELDS.filter((f) => f !== 'Id')];

/** A plain, valid deal (the article's buyer at 155,000: Proceed), overridden by `values`. */
export function deal(id: string, values: Row = {}): Row {
  return {
    Id: id,
    Name: `Deal ${id}`,
    Amount: '155000',
    CurrencyIsoCode: 'USD',
    Direct_Cost__c: '80000',
    Allocated_Overhead__c: '25000',
    ...values,
  };
}

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV text of the rows under `columns` (missing cells blank), LF line ends. */
export function csv(rows: readonly Row[], columns: readonly string[] = COLUMNS): string {
  return (
    [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]
      .map((cells) => cells.map(quote).join(','))
      .join('\n') + '\n'
  );
}

export function write(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function readCsv(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, bom: true }) as Row[];
}

export type Outputs = { scored: Row[]; failed: Row[]; failedRowNumbers: Set<string> };

/** The scored and failed-rows files of a run that wrote `out`. */
export function outputs(out: string): Outputs {
  const failed = readCsv(out.replace(/\.csv$/, '.failed.csv'));
  return { scored: readCsv(out), failed, failedRowNumbers: new Set(failed.map((f) => f.Row ?? '')) };
}

/** Nothing is lost: every input row is either scored or failed, never both. */
export function expectEveryRowAccounted(o: Outputs, inputRows: number): void {
  expect(o.scored.length + o.failedRowNumbers.size).toBe(inputRows);
}

export function byId(rows: readonly Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [r.Id ?? '', r]));
}
