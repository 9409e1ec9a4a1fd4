// Reads the walk-away policies from custom metadata record files
// (`Walk_Away_Policy.<DeveloperName>.md-meta.xml`, as `sf project retrieve` writes them) and
// validates them with the engine. Values are typed by their xsi:type, as the platform types them.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PolicyError, readPolicies, type Policy } from '../engine/index.js';
import { ioMessages, policyError } from './messages.js';

export const POLICY_FILE = /^Walk_Away_Policy\.([^.]+)\.md-meta\.xml$/;
export const POLICY_FOLDER = join('force-app', 'main', 'default', 'customMetadata');

/** The parsed record of one file, keyed by field API name, with DeveloperName and MasterLabel. */
export type PolicyRecordFile = { readonly file: string; readonly record: Readonly<Record<string, unknown>> };

export type LoadedPolicies = {
  readonly dir: string;
  readonly policies: readonly Policy[];
  readonly files: readonly string[];
};

/** This package's root (two levels above lib/io or src/io). */
const packageRoot = (): string => resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The default policy folder: the SFDX project around the working directory when it has one with
 * policy records (an admin running `sf walkaway score` in their project), else the folder shipped
 * with this package, so that the command works from any directory.
 */
export function defaultPolicyDir(cwd: string = process.cwd()): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, 'sfdx-project.json'))) {
      const candidate = join(dir, POLICY_FOLDER);
      if (existsSync(candidate)) return candidate;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(packageRoot(), POLICY_FOLDER);
}

// fast-xml-parser's CommonJS build: one file, where its ES module build is some thirty, which
// took a tenth of the command's start-up to load.
const { XMLParser, XMLValidator } = createRequire(import.meta.url)(
  'fast-xml-parser',
) as typeof import('fast-xml-parser');

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'values',
});

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One `<value>` by its xsi:type; an unreadable number stays text so that validation names it. */
function typedValue(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (v['@_xsi:nil'] === 'true') return null;
  const text = v['#text'] === undefined ? '' : String(v['#text']);
  const type = String(v['@_xsi:type'] ?? 'xsd:string').replace(/^.*:/, '');
  switch (type) {
    case 'double':
    case 'int':
    case 'long':
    case 'decimal':
      return NUMERIC.test(text) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text === '' ? null : text;
  }
}

function parseRecord(name: string, file: string, xml: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw policyError('error.PolicyXml', [file, valid.err.line, valid.err.msg]);
  }
  const doc = parser.parse(xml) as { CustomMetadata?: { label?: unknown; values?: unknown[] } };
  const root = doc.CustomMetadata;
  if (root === undefined || typeof root !== 'object') {
    throw policyError('error.PolicyNotCustomMetadata', [file]);
  }
  const record: Record<string, unknown> = {
    DeveloperName: name,
    MasterLabel: root.label === undefined ? null : String(root.label),
  };
  for (const entry of root.values ?? []) {
    const e = entry as { field?: unknown; value?: unknown };
    if (typeof e.field !== 'string' || e.field === '') continue;
    record[e.field] = typedValue(e.value);
  }
  return record;
}

/** Every policy record file of the folder, parsed and typed (not yet validated). */
export async function readPolicyRecords(dir: string): Promise<PolicyRecordFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => POLICY_FILE.test(n)).sort();
  } catch {
    throw policyError('error.PolicyDirNotFound', [dir]);
  }
  if (names.length === 0) throw policyError('error.NoPolicies', [dir]);
  const records: PolicyRecordFile[] = [];
  for (const n of names) {
    const name = POLICY_FILE.exec(n)?.[1] ?? n;
    const file = join(dir, n);
    records.push({ file, record: parseRecord(name, file, await readFile(file, 'utf8')) });
  }
  return records;
}

/**
 * Reads and validates the policies. Throws an error with exit code 2 that names every invalid
 * record and field (PolicyError from the engine), or says that no policy is active.
 */
export async function loadPolicies(dir: string): Promise<LoadedPolicies> {
  const files = await readPolicyRecords(dir);
  let policies: Policy[];
  try {
    policies = readPolicies(files.map((f) => f.record));
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    const lines = error.issues.map((i) =>
      ioMessages.getMessage('error.InvalidPolicy.issue', [i.policy, i.field, i.message, JSON.stringify(i.value)]),
    );
    throw policyError('error.InvalidPolicy', [dir, lines.join('\n')]);
  }
  if (!policies.some((p) => p.active)) throw policyError('error.NoActivePolicy', [dir]);
  return { dir, policies, files: files.map((f) => f.file) };
}
