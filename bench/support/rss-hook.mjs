// Preloaded into a measured child (`node --import ./bench/support/rss-hook.mjs ...`): on exit,
// writes the process's peak resident set size (KB, getrusage ru_maxrss) to $BENCH_RSS_FILE. A
// process it forks (walkaway score's second process, src/score/split) inherits the hook: the file
// keeps the largest peak of them all, the figure to hold under the limit per process.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    let before = 0;
    try {
      before = Number(readFileSync(file, 'utf8')) || 0;
    } catch {
      // the first process to end
    }
    writeFileSync(file, String(Math.max(before, process.resourceUsage().maxRSS)));
  });
}
