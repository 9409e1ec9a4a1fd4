// Bounded memory: 100,000 rows scored in a 96 MB heap (about 35 MB of it is the CLI itself), which
// a run holding every row (over 1 KB each) could not do.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, COLUMNS, csv, deal, tempDir } from './support/cli';

const ROWS = 100_000;

it(`streams ${ROWS.toLocaleString('en-US')} rows in a 96 MB heap`, async () => {
  const dir = tempDir();
  const file = join(dir, 'big.csv');
  const out = createWriteStream(file);
  out.write(`${COLUMNS.join(',')}\n`);
  for (let i = 0; i < ROWS; i++) {
    const line = csv([deal(`006${String(i).padStart(15, '0')}`, { Amount: String(100000 + (i % 80000)) })]).split(
      '\n',
    )[1];
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');

  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=96', BIN, 'walkaway', 'score', '--file', file, '--output', join(dir, 'out.csv'), '--json'],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_DISABLE_AUTOUPDATE: 'true' },
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout).result;
  expect(result).toMatchObject({ rows: ROWS, scored: ROWS, failed: 0 });
  expect(
    result.verdicts['Walk Away'].count + result.verdicts['Approval Required'].count + result.verdicts.Proceed.count,
  ).toBe(ROWS);
}, 120_000);
