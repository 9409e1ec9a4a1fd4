#!/usr/bin/env node
// Runs the Walk-Away commands from a checkout: ./bin/run.js walkaway score --file samples/opportunities.csv
import { execute } from '@oclif/core/execute';

await execute({ dir: import.meta.url });
