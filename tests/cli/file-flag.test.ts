// --file read before oclif parses the command line (src/score/fileFlag.ts): what tells an offline
// `walkaway score` from an org-mode one, and names the file a large run's second process is for.
import { fileFlag } from '../../src/score/fileFlag';

it('reads --file in every form oclif takes, the last one given winning', () => {
  expect(fileFlag(['--file', 'a.csv', '--json'])).toBe('a.csv');
  expect(fileFlag(['--json', '--file=a.csv'])).toBe('a.csv');
  expect(fileFlag(['-f', 'a.csv'])).toBe('a.csv');
  expect(fileFlag(['-fa.csv'])).toBe('a.csv');
  expect(fileFlag(['--file', 'a.csv', '--file', 'b.csv'])).toBe('b.csv');
});

it("says --file given without a value ('': offline, oclif then names the missing value) from no --file", () => {
  expect(fileFlag(['--json', '--file'])).toBe('');
  expect(fileFlag(['--target-org', 'me'])).toBeNull();
  expect(fileFlag(['--output', 'o.csv', '--', '--file', 'a.csv'])).toBeNull();
  expect(fileFlag([])).toBeNull();
});
