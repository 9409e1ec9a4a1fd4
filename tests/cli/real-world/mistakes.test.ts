// What a user gets wrong gets a message that names the cause, and no file that looks complete.
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { csv, deal, tempDir, write } from '../support/cli';
import { runInProcess, scoreInProcess } from '../support/inProcess';

const exportIn = (dir: string): string => write(dir, 'in.csv', csv([deal('006A'), deal('006B')]));

it('refuses an output that is the export through a symbolic link', async () => {
  const dir = tempDir();
  const file = exportIn(dir);
  const link = join(dir, 'link.csv');
  symlinkSync(file, link);
  const before = readFileSync(file, 'utf8');
  const run = await scoreInProcess(['--file', file, '--output', link], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`The output ${link} would overwrite the export`);
  expect(readFileSync(file, 'utf8')).toBe(before);
});

it('an output that cannot be written is a named error, exit 3, and leaves no file', async () => {
  const dir = tempDir();
  const file = exportIn(dir);
  const out = join(dir, 'no-such-folder', 'out.csv');
  const run = await scoreInProcess(['--file', file, '--output', out], dir);
  expect(run.status).toBe(3);
  expect(run.stderr).toContain(`Cannot write ${out} (ENOENT): nothing was written.`);
  expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
});

it.each([
  [['--wait', '5'], '--wait'],
  [['--failed-file', 'f.csv'], '--failed-file'],
  [['--dry-run'], '--dry-run'],
])('refuses %j with --file: it does nothing offline', async (extra, flag) => {
  const dir = tempDir();
  const run = await scoreInProcess(['--file', exportIn(dir), ...extra], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(flag);
  expect(run.stderr).toContain('--file');
  expect(existsSync(join(dir, 'in.scored.csv'))).toBe(false);
});

it('refuses --wait with simulate --file', async () => {
  const dir = tempDir();
  const policies = join(__dirname, '..', '..', '..', 'force-app', 'main', 'default', 'customMetadata');
  const run = await runInProcess(
    ['walkaway', 'simulate', '--file', exportIn(dir), '--policy-dir', policies, '--wait', '3'],
    dir,
  );
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--wait');
});

it('refuses --column-delimiter and --encoding without --file', async () => {
  const dir = tempDir();
  const run = await scoreInProcess(['--column-delimiter', 'SEMICOLON'], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--file');
});
