// The preview served locally and Chromium driven by playwright-core, for the panel's browser tests:
// opening a sample as a rep would (language, read-only user, sidebar width), reading what is on
// screen, running axe-core (from node_modules) in the page, and keeping screenshots as artifacts.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/preview/chromium.cjs';

export const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = join(__dirname, 'artifacts');
export const README_IMAGES = join(ROOT, 'docs/images');
export const AS_OF = '2026-11-26';
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

/** The few DOM types used in page functions (the tests compile without the DOM library). */
type El = {
  getAttribute(name: string): string | null;
  shadowRoot: { activeElement: El | null } | null;
  getBoundingClientRect(): { height: number };
};
type Doc = { activeElement: El | null; querySelector(selector: string): El | null };

type PreviewWindow = { __WALKAWAY_PREVIEW_STORE__: { record(id: string): Record<string, unknown> } };
type AxeResult = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
type AxeWindow = { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } };

export type Session = { page: Page; baseUrl: string; close(): Promise<void> };

function startPreview(): Promise<{ process: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, ['scripts/preview.mjs', '--port', '0', '--as-of', AS_OF], { cwd: ROOT });
  return new Promise((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${out}\n${err}`)), 240_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Walk-Away preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl({ process: child, url: m[1] });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited with ${String(code)}:\n${out}\n${err}`));
    });
  });
}

export async function startSession(): Promise<Session> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const preview = await startPreview();
  const profile = mkdtempSync(join(tmpdir(), 'walkaway-chromium-'));
  const context: BrowserContext = await launchChromium(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return {
    page,
    baseUrl: preview.url,
    async close() {
      await context.close();
      if (preview.process.exitCode === null) preview.process.kill();
      rmSync(profile, { recursive: true, force: true });
      if (errors.length) throw errors[0];
    },
  };
}

export type OpenOptions = { lang?: 'in'; readonly?: boolean; width?: number };

/** Opens a sample as a rep would: language, read-only user, sidebar width (default 400 px). */
export async function open(s: Session, id: string, { lang, readonly, width = 400 }: OpenOptions = {}): Promise<void> {
  await s.page.setViewportSize({ width, height: 1000 });
  const query = new URLSearchParams({ id });
  if (lang) query.set('lang', lang);
  if (readonly) query.set('readonly', '1');
  await s.page.goto(`${s.baseUrl}?${query.toString()}`);
  await s.page.locator('[data-id="verdict-badge"]').waitFor({ timeout: 30_000 });
}

/** The text a rep sees in the element with this data-id (first match), as the browser lays it out. */
export const visible = (s: Session, dataId: string): Promise<string> =>
  s.page.locator(`[data-id="${dataId}"]`).first().innerText();

/** Opens a collapsed section by its heading, as a click on it would. */
export async function expand(s: Session, section: 'talk' | 'batna' | 'decision'): Promise<void> {
  const button = s.page.locator(`[data-id="${section}-section"] button[aria-expanded]`).first();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await s.page.locator(`[data-id="${section}-section"] button[aria-expanded="true"]`).first().waitFor();
}

/** The record as the panel left it in the preview's store. */
export const stored = (s: Session, id: string): Promise<Record<string, unknown>> =>
  s.page.evaluate(
    (recordId) => (globalThis as unknown as PreviewWindow).__WALKAWAY_PREVIEW_STORE__.record(recordId),
    id,
  );

/** The element that has the keyboard focus, looking through shadow roots: its data-id or tag. */
export const focused = (s: Session): Promise<string> =>
  s.page.evaluate(() => {
    const d = (globalThis as unknown as { document: Doc }).document;
    let el: El | null = d.activeElement;
    const trail: string[] = [];
    while (el) {
      const id = el.getAttribute('data-id');
      if (id) trail.push(id);
      el = el.shadowRoot?.activeElement ?? null;
    }
    return trail.join(' > ');
  });

/** The panel's height on screen, in CSS pixels. */
export const panelHeight = async (s: Session): Promise<number> =>
  Math.round((await s.page.locator('c-walk-away-panel').boundingBox())!.height);

/** axe-core (WCAG 2 A and AA rules) on the panel as it stands; returns "rule: target" lines. */
export async function axe(s: Session): Promise<string[]> {
  await s.page.addScriptTag({ path: AXE });
  const result = await s.page.evaluate(async () => {
    const w = globalThis as unknown as AxeWindow;
    const d = (globalThis as unknown as { document: Doc }).document;
    return w.axe.run(d.querySelector('#panel'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

/** Waits until the decision form says a decision is recorded. */
export async function recorded(s: Session): Promise<void> {
  await s.page.locator('[data-id="recorded-decision"]', { hasText: /^Recorded:/ }).waitFor();
}

/** A screenshot of the panel kept as a test artifact; with README_SCREENSHOTS=1 also for the README. */
export async function shot(s: Session, name: string, readme = false): Promise<void> {
  const file = join(ARTIFACTS, `${name}.png`);
  await s.page.locator('#panel').screenshot({ path: file });
  if (readme && process.env.README_SCREENSHOTS === '1') {
    mkdirSync(README_IMAGES, { recursive: true });
    copyFileSync(file, join(README_IMAGES, `${name}.png`));
  }
}
