// Shared helpers of the benchmarks: paths, the project's policies, medians, machine facts, and
// the one result format every bench prints (one JSON line on stdout, prefixed `BENCH_RESULT `).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TMP = path.join(ROOT, 'bench', 'tmp');
export const POLICY_DIR = path.join(ROOT, 'force-app', 'main', 'default', 'customMetadata');

/** The compiled engine (npm run build). */
export async function loadEngine() {
  const entry = path.join(ROOT, 'lib', 'engine', 'index.js');
  if (!existsSync(entry)) throw new Error('lib/engine/index.js is missing: run `npm run build` first');
  return import(entry);
}

/** Walk_Away_Policy custom metadata records as plain records keyed by field API name. */
export function readPolicyRecords(dir = POLICY_DIR) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });
  const records = [];
  for (const file of readdirSync(dir).sort()) {
    const m = /^Walk_Away_Policy\.(.+)\.md-meta\.xml$/.exec(file);
    if (!m) continue;
    const doc = parser.parse(readFileSync(path.join(dir, file), 'utf8')).CustomMetadata;
    const record = { DeveloperName: m[1], MasterLabel: String(doc.label ?? m[1]) };
    for (const v of [doc.values ?? []].flat()) {
      const value = v.value;
      if (value === undefined || value === '' || (typeof value === 'object' && value['@xsi:nil'] === 'true')) {
        record[v.field] = null;
        continue;
      }
      const type = typeof value === 'object' ? value['@xsi:type'] : undefined;
      const text = typeof value === 'object' ? String(value['#text'] ?? '') : String(value);
      record[v.field] = type === 'xsd:boolean' ? text === 'true' : type === 'xsd:double' ? Number(text) : text;
    }
    records.push(record);
  }
  return records;
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
