// The exception component inside the panel, in Chromium, against the preview's stand-in for
// WalkAwayExceptionController (scripts/preview/stubs/exceptions.js): a rep requests an exception on
// the buyer example (140K, Approval Required), an approver approves it, the Amount drops below the
// approved Amount and the approval goes stale; below the floor nothing can be requested.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/preview/chromium.cjs';

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, '../..');
const ARTIFACTS = join(__dirname, 'artifacts');
/** The article's buyer at 140K against a 126K floor and a 141.75K threshold. */
const BUYER = '006Hs00000Wa001AAA';
/** Meridian Insurance at 900K, 77.5K below its floor. */
const BELOW_FLOOR = '006Hs00000Wa017AAA';
const JUSTIFICATION = 'Strategic logo in a new vertical; references promised for two more deals.';

type PreviewWindow = { __WALKAWAY_PREVIEW_EXCEPTIONS__: { changeDeal(id: string, change: { Amount: number }): void } };

let preview: ChildProcessWithoutNullStreams;
let baseUrl: string;
let context: BrowserContext;
let page: Page;
let profile: string;

function startPreview(): Promise<string> {
  preview = spawn(process.execPath, ['scripts/preview.mjs', '--port', '0', '--as-of', '2026-11-26'], { cwd: ROOT });
  return new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${out}`)), 180_000);
    preview.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Walk-Away preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    preview.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    preview.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited with ${String(code)}:\n${out}`));
    });
  });
}

async function open(id: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}?id=${id}${query}`);
  await page.locator('[data-id="verdict-badge"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-id="exception"]').waitFor();
}

const byId = (dataId: string) => page.locator(`[data-id="${dataId}"]`).first();
const visible = (dataId: string): Promise<string> => byId(dataId).innerText();
const steps = (): Promise<string[]> => page.locator('[data-id="steps"] li').allInnerTexts();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
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

describe('exceptions in the panel, in Chromium', () => {
  it('a rep requests an exception with a justification; it waits for the VP', async () => {
    await open(BUYER);
    await byId('request-exception').locator('button').click();
    await byId('justification').locator('textarea').fill('rep says ok');
    await byId('submit').locator('button').click();
    expect(await visible('justification-error')).toContain('Write at least 20 characters');

    await byId('justification').locator('textarea').fill(JUSTIFICATION);
    await byId('submit').locator('button').click();
    await byId('status').waitFor();
    expect(await visible('status')).toBe('Waiting for approval');
    expect(await visible('requested')).toMatch(/^Requested by Preview Rep on /);
    expect(await steps()).toEqual(['VP of Sales: waiting for approval']);
    expect(await byId('request-exception').count()).toBe(0);
    expect(await byId('approve').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'exception-requested.png'), fullPage: true });
  });

  it('the approver sees it waiting, approves, and the panel says the approved exception applies', async () => {
    await open(BUYER, '&approver=1');
    await byId('approve').waitFor();
    await byId('comment').locator('textarea').fill('Approved for the logo');
    await byId('approve').locator('button').click();
    await byId('applies').waitFor();
    expect(await visible('status')).toBe('Approved');
    expect(await steps()).toEqual([expect.stringMatching(/^VP of Sales: approved by Preview Approver on /)]);
    expect(await visible('applies')).toBe('An approved exception applies: VP of Sales approved it for $140,000.00.');
    expect(await byId('approve').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'exception-approved.png'), fullPage: true });
  });

  it('the Amount dropping below the approved Amount makes it stale, and a new request is offered', async () => {
    await open(BUYER);
    await page.evaluate(
      (id) =>
        (globalThis as unknown as PreviewWindow).__WALKAWAY_PREVIEW_EXCEPTIONS__.changeDeal(id, { Amount: 135000 }),
      BUYER,
    );
    await open(BUYER);
    await byId('stale').waitFor();
    expect(await visible('status')).toBe('No longer holds');
    expect(await visible('stale')).toBe(
      'The approved exception no longer holds (Amount 135000 is below the approved Amount 140000). Request a new one if the deal still needs it.',
    );
    expect(await byId('applies').count()).toBe(0);
    expect(await byId('request-exception').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'exception-stale.png'), fullPage: true });
  });

  it('below the floor there is no request, only the reason', async () => {
    await open(BELOW_FLOOR);
    await byId('no-exception').waitFor();
    expect(await visible('no-exception')).toBe(
      'Below the floor there is no exception: no one can approve a price this low.',
    );
    expect(await byId('request-exception').count()).toBe(0);
  });
});
