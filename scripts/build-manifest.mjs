#!/usr/bin/env node
// Writes oclif.manifest.json from the built commands in lib/ (run by `npm run build`, after tsc).
// With the manifest, oclif finds a command and its flags without importing every command module
// (jsforce and @salesforce/core included) at each start. It is a build output like lib/ (not in
// git), so it can never be stale: every build rewrites it from the commands it just compiled.
// The same steps as `oclif manifest` (the oclif package is not a dependency): load the plugin
// ignoring any manifest, fail on a command that cannot be loaded, skip defaults marked noCacheDefault.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const plugin = new Plugin({
  root,
  type: 'core',
  isRoot: true,
  ignoreManifest: true,
  errorOnManifestCreate: true,
  respectNoCacheDefault: true,
});
await plugin.load();
const file = path.join(root, 'oclif.manifest.json');
writeFileSync(file, `${JSON.stringify(plugin.manifest, null, 2)}\n`);
process.stdout.write(
  `${path.relative(process.cwd(), file)}: ${Object.keys(plugin.manifest.commands).length} commands\n`,
);
