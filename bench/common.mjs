// Shared helpers of the benchmarks: paths, the project's policies, medians, machine facts, and
// the one result format every bench prints (one JSON line on stdout, prefixed `BENCH_RESULT `).
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TMP = path.join(ROOT, 'bench', 'tmp');
export const POLICY_DIR = path.join(ROOT, 'force-app', 'main', 'default', 'customMetadata');

/** The compiled engine (npm run build). */
export async function loadEngine() {
  const entry = path.join(ROOT, 'lib', 'engine', 'index.js');
  if (!existsSync(entry)) throw new Error('lib/engine/index.js is missing: run `npm run build` first');
  return import(entry);
}

/**
 * Walk_Away_Policy custom metadata records keyed by field API name, read by the CLI's own reader
 * (lib/io/policyFiles.js), so the benchmarks score with exactly the policies the CLI loads.
 */
export async function readPolicyRecords(dir = POLICY_DIR) {
  const entry = path.join(ROOT, 'lib', 'io', 'policyFiles.js');
  if (!existsSync(entry)) throw new Error('lib/io/policyFiles.js is missing: run `npm run build` first');
  const { readPolicyRecords: read } = await import(entry);
  return (await read(dir)).map((f) => f.record);
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1].trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return { nproc: cpus().length, model, node: process.version, platform: `${process.platform}-${process.arch}` };
}

/**
 * A figure: `value` measured, `reference` what it is compared with, `target` as text, and `pass`
 * (true, false, or null when the figure is informational). `check`: a correctness figure (two
 * computations agree, a rerun writes nothing): a miss fails the run, where a missed speed target
 * is only reported.
 */
export const figure = (
  name,
  value,
  unit,
  { reference = null, target = null, pass = null, note = null, check = false } = {},
) => ({
  name,
  value,
  unit,
  reference,
  target,
  pass,
  note,
  check,
});

/** Prints the result for bench/run.mjs, and a readable summary on stderr. */
export function emit(bench, figures, details = {}) {
  for (const f of figures) {
    const verdict = f.pass === null ? 'INFO' : f.pass ? 'PASS' : 'MISS';
    process.stderr.write(
      `[${bench}] ${f.name}: ${fmt(f.value)} ${f.unit}` +
        `${f.reference ? ` (ref ${f.reference})` : ''}${f.target ? ` target ${f.target}` : ''} ${verdict}\n`,
    );
  }
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ bench, figures, details })}\n`);
}

export const fmt = (v) =>
  typeof v !== 'number'
    ? String(v)
    : Number.isInteger(v)
      ? v.toLocaleString('en-US')
      : v.toLocaleString('en-US', { maximumFractionDigits: v < 10 ? 2 : v < 1000 ? 1 : 0 });

/** `--smoke`, `--rows N` and friends, the same for every bench. */
export function benchArgs(argv = process.argv.slice(2)) {
  const has = (flag) => argv.includes(flag);
  const value = (flag) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { smoke: has('--smoke'), value, has };
}
