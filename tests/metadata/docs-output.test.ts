// Documentation that shows command output shows what the command prints today: every
// `<!-- output:NAME -->` block in docs/ equals a fresh run of scripts/docs-output.mjs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '../..');
const fresh = JSON.parse(
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'docs-output.mjs'), '--stdout'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  }),
) as Record<string, string>;

const blocks = (text: string): Record<string, string> =>
  Object.fromEntries(
    [...text.matchAll(/<!-- output:([\w-]+) [^>]*-->\n([\s\S]*?)\n<!-- \/output:\1 -->/g)].map((m) => [m[1], m[2]]),
  );

describe.each(Object.keys(fresh))('%s', (file) => {
  const committed = readFileSync(join(ROOT, file), 'utf8');

  it('has output blocks generated from real runs', () => {
    expect(Object.keys(blocks(committed)).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(blocks(committed)))(
    'block %s shows what the command prints today (else run `npm run docs:output`)',
    (name) => {
      expect(blocks(committed)[name]).toBe(blocks(fresh[file] ?? '')[name]);
    },
  );
});
