// The second process of a large `walkaway score --file` is started by bin/run.js before oclif
// loads, from the command line alone (src/score/split/early.ts): which command lines start it.
import { fromLib } from './support/lib';

// Typed here: the module's own types import modules jest's CommonJS typing cannot read (import.meta).
type Early = { exportToSplit(argv: readonly string[]): string | null };
let exportToSplit: Early['exportToSplit'];
beforeAll(async () => {
  ({ exportToSplit } = await fromLib<Early>('score/split/early.js'));
});

it('reads --file as oclif does: --file X, --file=X, -f X, -fX', () => {
  for (const argv of [
    ['walkaway', 'score', '--file', 'big.csv'],
    ['walkaway', 'score', '--file=big.csv', '--json'],
    ['walkaway', 'score', '--json', '-f', 'big.csv'],
    ['walkaway', 'score', '-fbig.csv'],
    ['walkaway:score', '--output', 'out.csv', '--file', 'big.csv', '--as-of', '2026-11-26'],
  ]) {
    expect([argv.join(' '), exportToSplit(argv)]).toEqual([argv.join(' '), 'big.csv']);
  }
});

it('starts nothing for another command, no file, or a run kept in one process or taken to an org', () => {
  for (const argv of [
    [],
    ['walkaway', 'simulate', '--file', 'big.csv'],
    ['walkaway', 'score'],
    ['walkaway', 'score', '--target-org', 'me', '--dry-run'],
    ['walkaway', 'score', '--file', 'big.csv', '--locale', 'de_DE'],
    ['walkaway', 'score', '--file', 'big.csv', '--locale=id_ID'],
    ['walkaway', 'score', '--file', 'big.csv', '-o', 'me'],
    ['walkaway', 'score', '--', '--file', 'big.csv'],
  ]) {
    expect([argv.join(' '), exportToSplit(argv)]).toEqual([argv.join(' '), null]);
  }
});
