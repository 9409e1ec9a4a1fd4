// The panel in a real browser: `npm run preview` served locally, Chromium driven by playwright-core,
// at a 400 px sidebar width unless said otherwise. Each test reads what a rep sees: every verdict,
// the buyer's price and its edge cases, every decision path, both languages, a read-only user,
// 400 px and 800 px; axe-core checks each state in the page. Screenshots are kept in
// tests/browser/artifacts/ (ignored by git); README_SCREENSHOTS=1 also writes docs/images/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { OUTPUT_FIELDS } from '../../src/engine/outputFields';
import {
  AS_OF,
  ROOT,
  axe,
  expand,
  focused,
  open,
  panelHeight,
  recorded,
  shot,
  startSession,
  stored,
  visible,
  type Session,
} from './support';

jest.setTimeout(300_000);

type CliRow = Record<string, string>;
let s: Session;
let cliRows: CliRow[];

/**
 * The CLI's verdicts for the same samples, policies, quarter and rates (`walkaway score --file`
 * with the rates the preview's org stand-in converts with).
 */
function scoreWithCli(): CliRow[] {
  if (!existsSync(join(ROOT, 'lib/commands/walkaway/score.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: ROOT,
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'walkaway-cli-'));
  const output = join(dir, 'scored.csv');
  execFileSync(
    process.execPath,
    [
      'bin/run.js',
      'walkaway',
      'score',
      '--file',
      'samples/opportunities.csv',
      '--output',
      output,
      '--as-of',
      AS_OF,
      '--currency-rates',
      'samples/currency-rates.csv',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SF_DISABLE_AUTOUPDATE: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_DISABLE_TELEMETRY: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const rows = parse(readFileSync(output, 'utf8'), { columns: true }) as CliRow[];
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

const firstWith = (verdict: string, findings?: string): string => {
  const row = cliRows.find(
    (r) =>
      r.Walk_Away_Recommendation__c === verdict && (findings === undefined || r.Walk_Away_Findings__c === findings),
  );
  if (!row?.Id) throw new Error(`no sample scores ${verdict} ${findings ?? ''}`);
  return row.Id;
};

/** The sample of the issue: 140K asked, 126K floor, 141.75K threshold. */
const BUYER_EXAMPLE = '006Hs00000Wa001AAA';

const counter = (): ReturnType<Session['page']['locator']> => s.page.locator('[data-id="counter-input"] input');

beforeAll(async () => {
  cliRows = scoreWithCli();
  s = await startSession();
});

afterAll(async () => {
  await s?.close();
});

describe('every verdict, as a rep reads it', () => {
  it('Proceed: above the threshold, nothing to approve, no axe violation', async () => {
    await open(s, firstWith('Proceed', ''));
    expect(await visible(s, 'verdict-badge')).toBe('Proceed');
    expect(await visible(s, 'verdict-summary')).toBe('Price and terms are inside your limits. Go ahead.');
    expect(await visible(s, 'figures')).toContain('Above the threshold by');
    expect(await visible(s, 'no-approvals')).toBe('No approval needed.');
    await expand(s, 'talk');
    expect(await visible(s, 'talk-track')).toMatch(/Your threshold is \$[\d,]+: any price below it needs approval/);
    expect(await axe(s)).toEqual([]);
    await shot(s, 'proceed');
  });

  it('Approval Required: the buyer example, 140K against a 126K floor and a 141.75K threshold', async () => {
    await open(s, BUYER_EXAMPLE);
    expect(await visible(s, 'verdict-badge')).toBe('Approval Required');
    const figures = await visible(s, 'figures');
    for (const amount of ['$140,000', '$126,000', '$141,750', '$1,750']) expect(figures).toContain(amount);
    expect(await visible(s, 'findings')).toContain('Needs approval');
    expect(await visible(s, 'findings')).toContain('The price of $140,000 is $1,750 under the threshold of $141,750.');
    expect(await visible(s, 'approvals')).toContain('VP of Sales');
    await expand(s, 'talk');
    const talk = await visible(s, 'talk-track');
    expect(talk).toContain('be ready to step back, and mean it.');
    expect(talk).toContain(
      'Make the limit the organisation\'s, not yours: "$141,750 is the lowest our company accepts for a deal like this. Going below it is not my decision; it needs approval from VP of Sales."',
    );
    expect(talk).toContain('or part with a jab that they will struggle without you.');
    expect(await axe(s)).toEqual([]);
    await shot(s, 'panel-en', true);
  });

  it('Walk Away below the floor: no one can approve it', async () => {
    await open(s, firstWith('Walk Away', 'BELOW_FLOOR'));
    expect(await visible(s, 'verdict-badge')).toBe('Walk Away');
    expect(await visible(s, 'findings')).toContain('Blocks the deal');
    expect(await visible(s, 'no-route')).toBe('No one can approve an exception for: Below the floor.');
    expect(await s.page.locator('[data-id="no-approvals"]').count()).toBe(0);
    expect(await axe(s)).toEqual([]);
    await shot(s, 'walk-away');
  });

  it('Insufficient Data: what is missing, and approvals not known yet', async () => {
    await open(s, firstWith('Insufficient Data', 'MISSING_COST'));
    expect(await visible(s, 'verdict-badge')).toBe('Insufficient Data');
    expect(await visible(s, 'price-unavailable')).toBe('The floor and threshold appear once both costs are filled in.');
    expect(await visible(s, 'no-approvals')).toBe('Known once the missing information is in.');
    expect(await axe(s)).toEqual([]);
    await shot(s, 'insufficient-data');
  });

  it('no policy covers the deal: the admin’s fix, said as such', async () => {
    await open(s, firstWith('Insufficient Data', 'NO_POLICY'));
    expect(await visible(s, 'verdict-summary')).toContain('This is for your Walk-Away admin to fix');
    expect(await visible(s, 'price-unavailable')).toBe(
      'No policy covers this deal, so there is no floor or threshold to show.',
    );
    await expand(s, 'talk');
    expect(await visible(s, 'talk-track')).toContain('Ask your Walk-Away admin to add or widen a policy');
    expect(await axe(s)).toEqual([]);
    await shot(s, 'no-policy');
  });

  it('BATNA: weak alternatives explained, against the rep first', async () => {
    await open(s, firstWith('Proceed', 'WEAK_BATNA'));
    await expand(s, 'batna');
    expect(await visible(s, 'batna-strength')).toBe('Weak');
    expect(await visible(s, 'batna-against')).not.toBe('');
    expect(await axe(s)).toEqual([]);
    await shot(s, 'batna-weak');
  });

  it('BATNA of a EUR deal: weighed with the rate the org serves, nothing left out', async () => {
    const eur = '006Hs00000Wa029AAA';
    await open(s, eur);
    await expand(s, 'batna');
    expect(await visible(s, 'batna-strength')).toBe(cliRows.find((r) => r.Id === eur)?.Walk_Away_BATNA__c);
    expect(await s.page.locator('[data-id="batna-left-out"]').count()).toBe(0);
  });
});

describe('compact and native', () => {
  it('at 400 px, a deal with three findings stays within 900 px with its sections collapsed', async () => {
    const id = cliRows.find((r) => (r.Walk_Away_Findings__c ?? '').split(';').length === 3)!.Id!;
    await open(s, id, { width: 400 });
    expect(await s.page.locator('[data-id="findings"] li').count()).toBe(3);
    expect(await s.page.locator('button[aria-expanded="true"]').count()).toBe(0);
    expect(await panelHeight(s)).toBeLessThanOrEqual(900);
    await shot(s, 'three-findings-400');
  });

  it('at 800 px, the same deal lays out wider and shorter', async () => {
    const id = cliRows.find((r) => (r.Walk_Away_Findings__c ?? '').split(';').length === 3)!.Id!;
    await open(s, id, { width: 400 });
    const narrow = await panelHeight(s);
    await open(s, id, { width: 800 });
    expect(await panelHeight(s)).toBeLessThan(narrow);
    expect(await axe(s)).toEqual([]);
    await shot(s, 'three-findings-800');
  });

  it('a read-only user sees the verdict and the recorded decision, writes nothing', async () => {
    await open(s, BUYER_EXAMPLE, { readonly: true });
    const before = await stored(s, BUYER_EXAMPLE);
    expect(await visible(s, 'read-only-note')).toContain('you cannot update the Walk-Away fields');
    await expand(s, 'decision');
    expect(await visible(s, 'decision-read-only')).toBe('You cannot change the decision on this opportunity.');
    expect(await s.page.locator('[data-id="save-decision"]').count()).toBe(0);
    expect((await stored(s, BUYER_EXAMPLE)).LastModifiedDate).toBe(before.LastModifiedDate);
    expect(await axe(s)).toEqual([]);
    await shot(s, 'read-only');
  });
});

describe("the buyer's price", () => {
  it('judges it at once, says where it stands, and saves nothing', async () => {
    await open(s, BUYER_EXAMPLE);
    await counter().fill('120000');
    await counter().blur();
    expect(await visible(s, 'counter-badge')).toBe('Walk Away');
    expect(await visible(s, 'counter-price')).toContain('$6,000 under the floor of $126,000');
    await counter().fill('160000');
    await counter().blur();
    expect(await visible(s, 'counter-badge')).toBe('Proceed');
    expect(await visible(s, 'counter-price')).toBe('$160,000 is at or above the threshold of $141,750.');
    expect(await visible(s, 'verdict-badge')).toBe('Approval Required');
    expect(await axe(s)).toEqual([]);
    await shot(s, 'counter-offer');
  });

  it('reads 1e6 and rounds 140000.555 to the cent', async () => {
    await open(s, BUYER_EXAMPLE);
    await counter().fill('1e6');
    await counter().blur();
    expect(await visible(s, 'counter-badge')).toBe('Proceed');
    expect(await visible(s, 'counter')).toBe('$1,000,000');
    await counter().fill('140000.555');
    await counter().blur();
    expect(await visible(s, 'counter')).toBe('$140,000.56');
    expect(await visible(s, 'counter-badge')).toBe('Approval Required');
  });

  it('marks what it cannot read with an inline message; Clear puts focus back in the field', async () => {
    await open(s, BUYER_EXAMPLE);
    await counter().fill('12abc');
    await counter().blur();
    expect(await s.page.locator('[data-id="counter-input"]').innerText()).toContain(
      'Enter the price as a number, for example 140,000.50.',
    );
    expect(await counter().getAttribute('aria-invalid')).toBe('true');
    expect(await s.page.locator('[data-id="counter-badge"]').count()).toBe(0);
    expect(await axe(s)).toEqual([]);
    await shot(s, 'counter-unreadable');
    await s.page.locator('[data-id="counter-clear"] button').click();
    expect(await counter().inputValue()).toBe('');
    expect(await focused(s)).toBe('counter-input');
  });

  it('in Bahasa Indonesia reads 130.000 and 130.000,50 as Indonesians write them', async () => {
    await open(s, BUYER_EXAMPLE, { lang: 'in' });
    await counter().fill('130.000');
    await counter().blur();
    expect(await visible(s, 'counter')).toMatch(/130\.000$/);
    expect(await visible(s, 'counter-badge')).toBe('Perlu Persetujuan');
    await counter().fill('130.000,50');
    await counter().blur();
    expect(await visible(s, 'counter')).toMatch(/130\.000,50$/);
  });
});

describe('every decision path, saved and shown', () => {
  it('walks away with the door closed: exit reason from the findings, recorded, focus on what was recorded', async () => {
    const id = firstWith('Walk Away', 'BELOW_FLOOR');
    await open(s, id);
    await expand(s, 'decision');
    expect(await visible(s, 'recorded-decision')).toBe('No decision recorded yet.');
    await s.page.locator('[data-id="decision"] label', { hasText: 'Walked Away - Door Closed' }).click();
    expect(
      await s.page
        .locator('[data-id="exit-reason"] button, [data-id="exit-reason"] input')
        .first()
        .innerText()
        .catch(() => ''),
    ).toBeDefined();
    expect(await visible(s, 'exit-reason')).toContain('Economics');
    expect(await axe(s)).toEqual([]);
    await s.page.locator('[data-id="save-decision"] button').click();
    await recorded(s);
    expect(await visible(s, 'recorded-decision')).toMatch(/^Recorded: Walked Away - Door Closed on /);
    expect(await focused(s)).toBe('recorded-decision');
    const record = await stored(s, id);
    expect(record.Walk_Away_Decision__c).toBe('Walked Away - Door Closed');
    expect(record.Walk_Away_Exit_Reason__c).toBe('Economics');
    expect(await s.page.locator('[data-id="talk-track"]').getAttribute('data-track')).toBe('DOOR_CLOSED');
    await shot(s, 'decision-door-closed');
  });

  it('walks away with the door open and the conditions for coming back', async () => {
    const id = firstWith('Walk Away', 'UNLIMITED_LIABILITY');
    await open(s, id);
    await expand(s, 'decision');
    await s.page.locator('[data-id="decision"] label', { hasText: 'Walked Away - Door Open' }).click();
    expect(await visible(s, 'exit-reason')).toContain('Unacceptable Risk');
    await s.page.locator('[data-id="budget-min"] input').fill('280000');
    await s.page.locator('[data-id="budget-max"] input').fill('320000');
    await s.page.locator('[data-id="stakeholders"] label').click();
    await s.page.locator('[data-id="notes"] textarea').fill('Standard liability cap accepted in writing.');
    await s.page.locator('[data-id="save-decision"] button').click();
    await recorded(s);
    const record = await stored(s, id);
    expect(record).toMatchObject({
      Walk_Away_Decision__c: 'Walked Away - Door Open',
      Walk_Away_Exit_Reason__c: 'Unacceptable Risk',
      Walk_Away_Reengage_Budget_Min__c: 280000,
      Walk_Away_Reengage_Budget_Max__c: 320000,
      Walk_Away_Reengage_Stakeholders__c: true,
      Walk_Away_Reengage_Notes__c: 'Standard liability cap accepted in writing.',
    });
    await expand(s, 'talk');
    expect(await visible(s, 'talk-track')).toContain('The budget we would come back for: $280,000 to $320,000.');
    await shot(s, 'decision-door-open');
  });

  it('walks away door open with a lesson, then the buyer comes back: the returning-buyer script, the new price against the budget set', async () => {
    await open(s, BUYER_EXAMPLE);
    await expand(s, 'decision');
    await s.page.locator('[data-id="decision"] label', { hasText: 'Walked Away - Door Open' }).click();
    await s.page.locator('[data-id="budget-min"] input').fill('155000');
    await s.page.locator('[data-id="budget-max"] input').fill('165000');
    await s.page.locator('[data-id="lessons"] textarea').fill('Qualify the budget before the first demo.');
    await s.page.locator('[data-id="buyer-returned"] label').click();
    await s.page.locator('[data-id="save-decision"] button').click();
    await recorded(s);
    expect(await stored(s, BUYER_EXAMPLE)).toMatchObject({
      Walk_Away_Decision__c: 'Walked Away - Door Open',
      Walk_Away_Lessons_Learned__c: 'Qualify the budget before the first demo.',
      Walk_Away_Buyer_Returned__c: true,
    });
    await expand(s, 'talk');
    expect(await s.page.locator('[data-id="talk-track"]').getAttribute('data-track')).toBe('RETURN');
    const talk = await visible(s, 'talk-track');
    expect(talk).toContain('ask what is different now');
    expect(talk).toContain('Concede nothing in this first conversation');
    expect(talk).toContain(
      'Weigh the new price against where you stopped: $140,000 now, against the $155,000 to $165,000 you set for coming back and your threshold of $141,750.',
    );
    expect(talk).toContain('That is still under the budget you set for coming back');
    expect(await axe(s)).toEqual([]);
    await shot(s, 'talk-returning-buyer');
  });

  it('proceeds, and never offers "Exception Approved" without an approved exception', async () => {
    const id = firstWith('Proceed', '');
    await open(s, id);
    await expand(s, 'decision');
    const options = await s.page.locator('[data-id="decision"] label').allInnerTexts();
    expect(options.map((o) => o.trim())).toEqual([
      'Walked Away - Door Open',
      'Walked Away - Door Closed',
      'Proceeding',
    ]);
    expect(await visible(s, 'exception-note')).toContain('recorded by itself when approvers approve');
    await s.page.locator('[data-id="decision"] label', { hasText: 'Proceeding' }).click();
    await s.page.locator('[data-id="save-decision"] button').click();
    await recorded(s);
    expect((await stored(s, id)).Walk_Away_Decision__c).toBe('Proceeding');
  });

  it('marks and focuses a missing exit reason instead of saving', async () => {
    const id = firstWith('Proceed', '');
    await open(s, id);
    await expand(s, 'decision');
    await s.page.locator('[data-id="decision"] label', { hasText: 'Walked Away - Door Closed' }).click();
    await s.page.locator('[data-id="save-decision"] button').click();
    await s.page.locator('[data-id="exit-reason"].slds-has-error').waitFor();
    expect(await visible(s, 'exit-reason')).toContain('Choose the main reason for walking away.');
    expect(await focused(s)).toContain('exit-reason');
    expect((await stored(s, id)).Walk_Away_Decision__c ?? null).toBeNull();
    expect(await axe(s)).toEqual([]);
    await shot(s, 'decision-missing-reason');
  });

  it('does not drop a date it cannot read: marked, focused, nothing saved', async () => {
    const id = firstWith('Walk Away', 'LIABILITY_CAP_EXCEEDED');
    await open(s, id);
    await expand(s, 'decision');
    await s.page.locator('[data-id="decision"] label', { hasText: 'Walked Away - Door Open' }).click();
    await s.page.locator('[data-id="timeline"] input').fill('31/02/2027x');
    await s.page.locator('[data-id="timeline"] input').blur();
    await s.page.locator('[data-id="save-decision"] button').click();
    await s.page.waitForTimeout(300);
    expect(await focused(s)).toContain('timeline');
    expect((await stored(s, id)).Walk_Away_Decision__c ?? null).toBeNull();
    await shot(s, 'decision-bad-date');
  });
});

describe('Bahasa Indonesia', () => {
  it('speaks Indonesian throughout, money written the Indonesian way', async () => {
    await open(s, BUYER_EXAMPLE, { lang: 'in' });
    expect(await visible(s, 'verdict-badge')).toBe('Perlu Persetujuan');
    expect(await visible(s, 'verdict-summary')).toBe(
      'Anda baru boleh melanjutkan setelah persetujuan di bawah ini diberikan.',
    );
    expect(await visible(s, 'figures')).toContain('141.750');
    expect(await visible(s, 'findings')).toContain('Perlu persetujuan');
    expect(await visible(s, 'approvals')).toContain('VP Penjualan');
    await expand(s, 'talk');
    const talk = await visible(s, 'talk-track');
    expect(talk).toContain('Turun di bawahnya bukan keputusan saya; itu memerlukan persetujuan VP Penjualan.');
    expect(talk).toContain('atau berpamitan dengan sindiran bahwa mereka akan kesulitan tanpa Anda.');
    expect(await axe(s)).toEqual([]);
    await shot(s, 'panel-id', true);
  });
});

describe('Bahasa Indonesia: the decision form reads the picklists’ translations', () => {
  it('offers decisions and exit reasons in Indonesian, stores the values, records in Indonesian', async () => {
    const id = firstWith('Walk Away', 'BELOW_FLOOR');
    await open(s, id, { lang: 'in' });
    await expand(s, 'decision');
    const options = await s.page.locator('[data-id="decision"] label').allInnerTexts();
    expect(options.map((o) => o.trim())).toEqual(
      expect.arrayContaining(['Mundur - Pintu Tetap Terbuka', 'Mundur - Pintu Ditutup', 'Dilanjutkan']),
    );
    expect(options.join('\n')).not.toMatch(/Walked Away|Proceeding/);
    await s.page.locator('[data-id="decision"] label', { hasText: 'Mundur - Pintu Ditutup' }).click();
    expect(await visible(s, 'exit-reason')).toContain('Ekonomi Tidak Memenuhi Batas');
    expect(await axe(s)).toEqual([]);
    await s.page.locator('[data-id="save-decision"] button').click();
    await s.page.locator('[data-id="recorded-decision"]', { hasText: /^Tercatat:/ }).waitFor();
    expect(await visible(s, 'recorded-decision')).toMatch(/^Tercatat: Mundur - Pintu Ditutup pada /);
    const record = await stored(s, id);
    expect(record.Walk_Away_Decision__c).toBe('Walked Away - Door Closed');
    expect(record.Walk_Away_Exit_Reason__c).toBe('Economics');
    await shot(s, 'decision-door-closed-id');
  });
});

describe('the same verdict as the CLI', () => {
  it('writes the same outputs as the CLI for every sample, and only when the stored verdict is stale', async () => {
    const scored = cliRows.filter((r) => r.Walk_Away_Recommendation__c);
    for (const row of scored) {
      const id = row.Id ?? '';
      await open(s, id, { width: 800 });
      expect(`${id}: ${await visible(s, 'verdict-badge')}`).toBe(`${id}: ${row.Walk_Away_Recommendation__c}`);
      await s.page.waitForFunction(
        (recordId) =>
          (
            globalThis as unknown as {
              __WALKAWAY_PREVIEW_STORE__: { record(id: string): Record<string, unknown> };
            }
          ).__WALKAWAY_PREVIEW_STORE__.record(recordId).Walk_Away_Recommendation__c != null,
        id,
      );
      const written = await stored(s, id);
      for (const field of OUTPUT_FIELDS) {
        const cli = row[field] ?? '';
        const value = written[field];
        const panel = value === null || value === undefined ? '' : String(value);
        const same = /Floor|Threshold|Deal_Size/.test(field)
          ? (cli === '' ? '' : Number(cli).toFixed(2)) === (panel === '' ? '' : Number(panel).toFixed(2))
          : cli.split(';').sort().join(';') === String(panel).split(';').sort().join(';');
        expect(`${id} ${field}: ${same ? 'same' : `CLI ${cli} / panel ${String(panel)}`}`).toBe(`${id} ${field}: same`);
      }
      // The saved record comes back to the panel, now up to date: no second write on this page.
      await s.page.waitForTimeout(150);
      expect(
        `${id}: ${await s.page.evaluate(() => (globalThis as unknown as { __WALKAWAY_WRITES__: number }).__WALKAWAY_WRITES__)} write`,
      ).toBe(`${id}: 1 write`);
    }
  });
});
