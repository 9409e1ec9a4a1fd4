#!/usr/bin/env node
// Runs the Walk-Away commands from a checkout: ./bin/run.js walkaway score --file samples/opportunities.csv

// A `walkaway score --file` of a large export: its second process starts now, its modules loading
// while oclif and the command load (lib/score/split/early.js; a guess the command checks).
const { startEarlySecondProcess } = await import('../lib/score/split/early.js');
await startEarlySecondProcess(process.argv.slice(2), process.env);
const { execute } = await import('@oclif/core/execute');

// oclif ends a failed command with process.exit(code), and writes to a pipe are asynchronous: a
// --json error document piped into another program was cut at 65,536 bytes. Exit once stdout and
// stderr have taken everything written to them.
const exit = process.exit.bind(process);
process.exit = (code) => {
  if (code !== undefined) process.exitCode = code;
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) exit(process.exitCode);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
};

await execute({ dir: import.meta.url });
