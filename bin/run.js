#!/usr/bin/env node
// Runs the Walk-Away commands from a checkout: ./bin/run.js walkaway score --file samples/opportunities.csv
import { execute } from '@oclif/core/execute';

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
