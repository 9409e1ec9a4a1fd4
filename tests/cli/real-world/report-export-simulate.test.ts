// `walkaway simulate --file` reads a report "Details Only" export as `score` does: field labels,
// picklist labels (Bahasa Indonesia too), 15-character Ids, --locale, and the footer skipped.
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_DIR, ROOT, tempDir } from '../support/cli';
import { runInProcess } from '../support/inProcess';

const FIXTURE = join(ROOT, 'tests', 'cli', 'fixtures', 'real-world', 'report-details-only-id-ID.csv');

/** The project's policies, with Sales Automation no longer among the Enterprise policy's use cases. */
function candidateDir(): string {
  const dir = join(tempDir(), 'candidate');
  cpSync(POLICY_DIR, dir, { recursive: true });
  const enterprise = join(dir, 'Walk_Away_Policy.Enterprise.md-meta.xml');
  const xml = readFileSync(enterprise, 'utf8');
  expect(xml).toContain('Sales Automation;Customer Service;Analytics');
  writeFileSync(enterprise, xml.replace('Sales Automation;Customer Service;Analytics', 'Customer Service;Analytics'));
  return dir;
}

it('simulate --locale id-ID: the deal whose use case is "Otomatisasi Penjualan" flips when Sales Automation is dropped', async () => {
  const dir = tempDir();
  const file = join(dir, 'report.csv');
  copyFileSync(FIXTURE, file);
  const run = await runInProcess(
    [
      'walkaway',
      'simulate',
      '--policy-dir',
      candidateDir(),
      '--file',
      file,
      '--locale',
      'id-ID',
      '--as-of',
      '2026-11-26',
      '--json',
    ],
    dir,
  );
  expect(run.status).toBe(0);
  const doc = JSON.parse(run.stdout) as {
    result: {
      deals: number;
      unscorable: number;
      flips: { id: string; from: string; to: string }[];
      skippedLines: unknown[];
    };
  };
  expect(doc.result.deals).toBe(4);
  expect(doc.result.unscorable).toBe(0);
  expect(doc.result.flips.map((f) => [f.id, f.from, f.to])).toEqual([
    ['0065g00000AbCd3AAF', 'Proceed', 'Approval Required'],
  ]);
  expect(doc.result.skippedLines).toHaveLength(5);
  expect(doc.result.skippedLines[2]).toEqual({ line: 10, text: 'Informasi Rahasia - Jangan Disebarluaskan' });
});

it('simulate without --locale names --locale for the amounts it cannot read, and lists the footer it skipped', async () => {
  const dir = tempDir();
  const file = join(dir, 'report.csv');
  copyFileSync(FIXTURE, file);
  const run = await runInProcess(
    ['walkaway', 'simulate', '--policy-dir', POLICY_DIR, '--file', file, '--as-of', '2026-11-26'],
    dir,
  );
  expect(run.stdout).toContain('4 deal(s) could not be scored under either policy set');
  expect(run.stdout).toMatch(
    /row 1 \(line 2\), Id 0065g00000AbCd1AAF: Amount is not an amount .*--locale.* \(value: "155\.000,00"\)/,
  );
  expect(run.stdout).toContain("5 line(s) skipped, not data (a report's title, filters or footer):");
  expect(run.stdout).toContain('  line 12: "PT Walk-Away Demo"');
});

it('simulate refuses an unknown --locale before reading anything', async () => {
  const dir = tempDir();
  const run = await runInProcess(
    ['walkaway', 'simulate', '--policy-dir', POLICY_DIR, '--file', FIXTURE, '--locale', 'xx-XX'],
    dir,
  );
  expect(run.status).toBe(2);
  expect(run.stderr + run.stdout).toContain('xx-XX');
});
