// Lint covers every JavaScript and TypeScript file in git: each one gets rules from a preset
// (eslint.config.js), none falls through with an empty config. Generated files are the exception.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
const GENERATED = ['force-app/main/default/lwc/walkAwayEngine/walkAwayEngine.js'];

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => /\.(ts|cts|mts|js|cjs|mjs)$/.test(f) && !GENERATED.includes(f));

// ESLint loads eslint.config.js as an ES module, which jest's sandbox cannot: ask a plain node.
const CONFIGS = `
import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: process.cwd() });
const out = {};
for (const f of JSON.parse(process.argv[1])) {
  const config = await eslint.calculateConfigForFile(f);
  out[f] = Object.values(config?.rules ?? {}).filter((r) => (Array.isArray(r) ? r[0] : r) !== 0).length;
}
process.stdout.write(JSON.stringify(out));
`;

it('gives rules to every JavaScript and TypeScript file', () => {
  expect(files.length).toBeGreaterThan(100);
  const rules = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', CONFIGS, JSON.stringify(files)], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 8 * 1024 * 1024,
    }),
  ) as Record<string, number>;
  const unlinted = files.filter((f) => !(Number(rules[f]) > 0));
  expect(unlinted).toEqual([]);
});
