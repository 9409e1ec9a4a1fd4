// Against a real org, when one is given: SF_TARGET_ORG (or TESTKIT_HUB_USERNAME) names an org the
// sf CLI is logged in to (with the Walk-Away package deployed). Read-only by default: score runs
// with --dry-run unless WALKAWAY_REAL_ORG_WRITE=true. Without credentials the suite skips, saying so.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { OrgScoreResult } from '../../src/org/rescore';

const ORG = process.env.SF_TARGET_ORG ?? process.env.TESTKIT_HUB_USERNAME ?? '';
const WRITE = process.env.WALKAWAY_REAL_ORG_WRITE === 'true';
const PROJECT = join(__dirname, '..', '..');

function walkaway(args: string[]): { code: number | null; doc: Record<string, unknown> } {
  const run = spawnSync(
    process.execPath,
    [join(PROJECT, 'bin', 'run.js'), 'walkaway', ...args, '--target-org', ORG, '--json'],
    {
      cwd: PROJECT,
      encoding: 'utf8',
      env: {
        ...process.env,
        SF_DISABLE_AUTOUPDATE: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_DISABLE_TELEMETRY: 'true',
      },
      timeout: 15 * 60_000,
    },
  );
  return { code: run.status, doc: JSON.parse(run.stdout) as Record<string, unknown> };
}

type Counts = Pick<
  OrgScoreResult,
  'deals' | 'unscorable' | 'unchanged' | 'changed' | 'written' | 'failed' | 'notProcessed'
>;

const suite = ORG ? describe : describe.skip;
if (!ORG) {
  console.log(
    'tests/org/real-org.test.ts skipped: set SF_TARGET_ORG (or TESTKIT_HUB_USERNAME) to an org alias or username to run it.',
  );
}

suite(`against the real org ${ORG}`, () => {
  jest.setTimeout(20 * 60_000);

  test('score: every open deal read, each accounted for', () => {
    const { code, doc } = walkaway(['score', ...(WRITE ? [] : ['--dry-run'])]);
    expect([0, 1]).toContain(code);
    const r = (doc.result ?? doc.data) as Counts;
    expect(r.deals).toBe(r.unscorable + r.unchanged + r.changed);
    if (WRITE) {
      expect(r.changed).toBe(r.written + r.failed + r.notProcessed);
      const again = walkaway(['score']);
      expect((again.doc.result as Counts).written).toBe(0);
    }
  });

  test('audit and report answer with one JSON document', () => {
    const audit = walkaway(['audit']);
    expect([0, 1]).toContain(audit.code);
    const report = walkaway(['report']);
    expect(report.code).toBe(0);
    expect(report.doc.result).toHaveProperty('walkedAway');
    // The exceptions part: read (the approval history query included) or the reason it could not be.
    expect(report.doc.result).toHaveProperty('avoided.total');
    expect(report.doc.result).toHaveProperty('letThrough.total');
    expect(report.doc.result).toHaveProperty('exceptions.unreadable');
  });
});
