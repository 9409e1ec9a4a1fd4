// The progress line of `walkaway score` on a terminal: whole text from the first frame, the count
// of the pass it names, and an empty line before anything else is printed.
import { ProgressLine } from '../../src/score/progressLine';

const labels = { passes: ['Reading the pipeline', 'Scoring'], rows: (n: string) => `${n} rows` };

function line(): { progress: ProgressLine; written: string[]; clock: { t: number } } {
  const written: string[] = [];
  const clock = { t: 0 };
  const progress = new ProgressLine({ write: (s: string) => written.push(s) }, labels, () => clock.t);
  return { progress, written, clock };
}

it('draws a whole first frame, with no placeholder', () => {
  const { progress, written } = line();
  progress.update(0, 0, 0);
  expect(written).toEqual([`\rReading the pipeline | ${'░'.repeat(30)} | 0% | 0 rows\x1b[K`]);
});

it('names the pass it counts: the scoring pass counts its own rows from the pipeline pass on', () => {
  const { progress, written, clock } = line();
  progress.update(0.25, 120_000, 0);
  clock.t += 1000;
  progress.update(0.75, 60_000, 1);
  clock.t += 1000;
  progress.update(1, 120_000, 1);
  progress.finish();
  expect(written).toEqual([
    `\rReading the pipeline | ${'█'.repeat(8)}${'░'.repeat(22)} | 25% | 120,000 rows\x1b[K`,
    `\rScoring | ${'█'.repeat(23)}${'░'.repeat(7)} | 75% | 60,000 rows\x1b[K`,
    `\rScoring | ${'█'.repeat(30)} | 100% | 120,000 rows\x1b[K`,
    `\rScoring | ${'█'.repeat(30)} | 100% | 120,000 rows\x1b[K`,
    '\n',
  ]);
});

it('empties its line before a warning and draws again on the next update', () => {
  const { progress, written, clock } = line();
  progress.update(0.1, 10, 1);
  progress.clear();
  written.push('Warning: something\n');
  clock.t += 1;
  progress.update(0.2, 20, 1);
  expect(written.slice(1)).toEqual([
    '\r\x1b[K',
    'Warning: something\n',
    `\rScoring | ${'█'.repeat(6)}${'░'.repeat(24)} | 20% | 20 rows\x1b[K`,
  ]);
});

it('redraws at most ten times a second, and nothing when never started', () => {
  const { progress, written, clock } = line();
  progress.finish();
  progress.clear();
  expect(written).toEqual([]);
  for (let i = 1; i <= 50; i++) {
    clock.t += 10;
    progress.update(i / 100, i, 1);
  }
  expect(written).toHaveLength(5);
});
