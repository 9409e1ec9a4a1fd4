// The panel in a real browser: `npm run preview` served locally, Debian's chromium driven by
// playwright-core. Checks what a rep sees for a sample of each verdict, in English and Bahasa
// Indonesia, the counter-offer, and that the panel writes exactly what the CLI computes for the same
// record and policy. Screenshots go to tests/browser/artifacts/ (ignored by git).
import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/preview/chromium.cjs';
import { OUTPUT_FIELDS } from '../../src/engine/outputFields';

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, '../..');
const ARTIFACTS = join(__dirname, 'artifacts');
const AS_OF = '2026-11-26';
type CliRow = Record<string, string>;
type PreviewWindow = { __WALKAWAY_PREVIEW_STORE__: { record(id: string): Record<string, unknown> } };

let preview: ChildProcessWithoutNullStreams;
let baseUrl: string;
let context: BrowserContext;
let page: Page;
let profile: string;
let cliRows: CliRow[];

function startPreview(): Promise<string> {
  preview = spawn(process.execPath, ['scripts/preview.mjs', '--port', '0', '--as-of', AS_OF], { cwd: ROOT });
  return new Promise((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${out}\n${err}`)), 180_000);
    preview.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Walk-Away preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    preview.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    preview.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited with ${String(code)}:\n${out}\n${err}`));
    });
  });
}

/** The CLI's verdicts for the same samples, policies and quarter (`walkaway score --file`). */
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
      '--json',
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

const firstWith = (verdict: string): string => {
  const row = cliRows.find((r) => r.Walk_Away_Recommendation__c === verdict);
  if (!row?.Id) throw new Error(`no sample scores ${verdict}`);
  return row.Id;
};

async function open(id: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}?id=${id}${query}`);
  await page.locator('[data-id="verdict-badge"]').waitFor({ timeout: 30_000 });
}

const visible = (dataId: string): Promise<string> => page.locator(`[data-id="${dataId}"]`).first().innerText();

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  cliRows = scoreWithCli();
  baseUrl = await startPreview();
  profile = mkdtempSync(join(tmpdir(), 'walkaway-chromium-'));
  context = await launchChromium(profile);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => {
    throw error;
  });
});

afterAll(async () => {
  await context?.close();
  if (preview && preview.exitCode === null) preview.kill();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('walk-away panel in Chromium', () => {
  it('shows a Proceed deal: verdict, figures above the threshold and the hold-the-price track', async () => {
    const id = firstWith('Proceed');
    const cli = cliRows.find((r) => r.Id === id)!;
    await open(id);
    expect(await visible('verdict-badge')).toBe('Proceed');
    expect(await visible('verdict-summary')).toBe('Price and terms are inside your limits. Go ahead.');
    if (cli.Walk_Away_Threshold__c) {
      expect(await visible('figures')).toContain('Above the threshold by');
    }
    expect(await visible('talk-track')).toContain('What to say: Hold the price');
    await shot('proceed');
  });

  it('shows the buyer example as Approval Required: 140K against a 126K floor and a 141.75K threshold', async () => {
    await open('006Hs00000Wa001AAA');
    expect(await visible('verdict-badge')).toBe('Approval Required');
    const figures = await visible('figures');
    expect(figures).toContain('$140,000');
    expect(figures).toContain('$126,000');
    expect(figures).toContain('$141,750');
    expect(figures).toContain('Below the threshold by');
    expect(figures).toContain('$1,750');
    expect(await visible('findings')).toContain('The price of $140,000 is $1,750 under the threshold of $141,750.');
    expect(await visible('approvals')).toContain('VP of Sales');
    expect(await visible('talk-track')).toContain('Do not go below $141,750 without the approvals listed above.');
    await shot('approval-required');
  });

  it('shows a Walk Away deal with its reasons and an exit talk track', async () => {
    await open(firstWith('Walk Away'));
    expect(await visible('verdict-badge')).toBe('Walk Away');
    expect(await visible('verdict-summary')).toBe(
      'This deal crosses a line you set before negotiating. Do not accept it as it stands.',
    );
    expect((await visible('findings')).length).toBeGreaterThan(20);
    expect(await page.locator('[data-id="talk-track"]').getAttribute('data-track')).toMatch(
      /^(DOOR_OPEN|DOOR_CLOSED|ESCALATE)$/,
    );
    await shot('walk-away');
  });

  it('shows an Insufficient Data deal and what is missing', async () => {
    await open(firstWith('Insufficient Data'));
    expect(await visible('verdict-badge')).toBe('Insufficient Data');
    expect(await visible('talk-track')).toContain('Complete the facts first');
    await shot('insufficient-data');
  });

  it('changes the verdict at once when the rep types the buyer’s price', async () => {
    await open('006Hs00000Wa001AAA');
    const input = page.locator('[data-id="counter-input"] input');
    await input.fill('120000');
    await page.locator('[data-id="counter-badge"]').waitFor();
    expect(await visible('counter-badge')).toBe('Walk Away');
    expect(await visible('counter-result')).toContain('$6,000 under the floor of $126,000');
    expect(await visible('talk-track')).toContain("At the buyer's price of $120,000");
    await shot('counter-offer-walk-away');
    await input.fill('160000');
    await expect(page.locator('[data-id="counter-badge"]').innerText()).resolves.toBe('Proceed');
    // the record's own verdict is unchanged: nothing was saved
    expect(await visible('verdict-badge')).toBe('Approval Required');
    await shot('counter-offer-proceed');
  });

  it('speaks Bahasa Indonesia with ?lang=in', async () => {
    await open('006Hs00000Wa001AAA', '&lang=in');
    expect(await visible('verdict-badge')).toBe('Perlu Persetujuan');
    expect(await visible('verdict-summary')).toBe(
      'Anda baru boleh melanjutkan setelah persetujuan di bawah ini diberikan.',
    );
    expect(await visible('talk-track')).toContain('Apa yang perlu disampaikan: Pertahankan harga');
    expect(await visible('figures')).toContain('141.750');
    expect(await visible('approvals')).toContain('VP Penjualan');
    await shot('indonesian');
  });

  it('writes the same outputs as the CLI for the same record and policy', async () => {
    const scored = cliRows.filter((r) => r.Walk_Away_Recommendation__c);
    const verdicts = new Set(scored.map((r) => r.Walk_Away_Recommendation__c));
    expect(verdicts).toEqual(new Set(['Proceed', 'Approval Required', 'Walk Away', 'Insufficient Data']));
    for (const row of scored) {
      const id = row.Id ?? '';
      await open(id);
      expect(`${id}: ${await visible('verdict-badge')}`).toBe(`${id}: ${row.Walk_Away_Recommendation__c}`);
      await page.waitForFunction(
        (id) =>
          (globalThis as unknown as PreviewWindow).__WALKAWAY_PREVIEW_STORE__.record(id).Walk_Away_Recommendation__c !=
          null,
        id,
      );
      const written = await page.evaluate(
        (id) => (globalThis as unknown as PreviewWindow).__WALKAWAY_PREVIEW_STORE__.record(id),
        id,
      );
      for (const field of OUTPUT_FIELDS) {
        const cli = row[field] ?? '';
        const value = written[field];
        const panel = value === null || value === undefined ? '' : String(value);
        const same = /Floor|Threshold|Deal_Size/.test(field)
          ? (cli === '' ? '' : Number(cli).toFixed(2)) === (panel === '' ? '' : Number(panel).toFixed(2))
          : cli.split(';').sort().join(';') === String(panel).split(';').sort().join(';');
        expect(`${id} ${field}: ${same ? 'same' : `CLI ${cli} / panel ${String(panel)}`}`).toBe(`${id} ${field}: same`);
      }
    }
  });
});
