#!/usr/bin/env node
// The security review gate of `npm test`: Salesforce Code Analyzer (the npm packages behind
// `sf code-analyzer run`) over the whole project: PMD's AppExchange and Security rules on Apex and
// metadata (Java: Debian's default-jre-headless), its ESLint LWC rules on the components, and
// RetireJS on every JavaScript file we ship. Any violation of severity 1 (Critical) or 2 (High)
// fails; lower severities are counted. node_modules, lib and generated test output are not ours.
//
//   node scripts/code-analyzer.mjs [--all]     (--all also lists severity 3-5 violations)
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import * as eslint from '@salesforce/code-analyzer-eslint-engine';
import * as pmd from '@salesforce/code-analyzer-pmd-engine';
import * as retire from '@salesforce/code-analyzer-retirejs-engine';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
/**
 * What we write and ship. The org side (Apex, metadata, components) gets every selected rule; the
 * plugin's own JavaScript (src, scripts, benches) gets RetireJS (its lint is `npm run lint`).
 */
const RUNS = [
  { folders: ['force-app'], selectors: ['pmd:AppExchange', 'pmd:Security', 'eslint:LWC', 'retire-js'] },
  { folders: ['src', 'scripts', 'bench', 'bin'], selectors: ['retire-js'] },
];
/** SeverityLevel: 1 Critical, 2 High, 3 Moderate, 4 Low, 5 Info. */
const BLOCKING = 2;

const logFolder = join(tmpdir(), 'walkaway-code-analyzer');
mkdirSync(logFolder, { recursive: true });
const config = CodeAnalyzerConfig.fromObject({
  // Code Analyzer makes its working folders under root_working_folder: a temporary one, not the project.
  root_working_folder: logFolder,
  log_folder: logFolder,
  // The project's own eslint.config.mjs is `npm run lint`; here only Code Analyzer's LWC rules run.
  engines: { eslint: { auto_discover_eslint_config: false } },
});
const analyzer = new CodeAnalyzer(config);
const problems = [];
analyzer.onEvent(EventType.LogEvent, (e) => {
  if (e.logLevel <= LogLevel.Error) problems.push(`${e.source}: ${e.message}`);
});
for (const engine of [pmd, eslint, retire]) await analyzer.addEnginePlugin(engine.createEnginePlugin());
const engines = new Set();
const violations = [];
let rules = 0;
for (const run of RUNS) {
  const workspace = await analyzer.createWorkspace(run.folders.map((p) => join(ROOT, p)));
  const selection = await analyzer.selectRules(run.selectors, { workspace });
  for (const e of selection.getEngineNames()) engines.add(e);
  rules += selection.getCount();
  const results = await analyzer.run(selection, { workspace });
  console.log(
    `${run.folders.join('+')}: ${selection.getCount()} rules, ${results.getViolations().length} violation(s)`,
  );
  for (const v of results.getViolations()) {
    const at = v.getCodeLocations()[v.getPrimaryLocationIndex()];
    violations.push({
      severity: v.getRule().getSeverityLevel(),
      rule: `${v.getRule().getEngineName()}:${v.getRule().getName()}`,
      where: `${relative(ROOT, at?.getFile() ?? '')}:${at?.getStartLine() ?? '?'}`,
      message: v.getMessage(),
    });
  }
}
const blocking = violations.filter((v) => v.severity <= BLOCKING);
const listed = process.argv.includes('--all') ? violations : blocking;
for (const v of listed) console.log(`sev ${v.severity}  ${v.rule}  ${v.where}  ${v.message}`);
console.log(
  `Code Analyzer (${[...engines].join(', ')}; ${rules} rules: ${RUNS.map((r) => `${r.folders.join('+')}: ${r.selectors.join(' ')}`).join('; ')}): ` +
    `${blocking.length} violation(s) of severity 1-2, ${violations.length - blocking.length} of severity 3-5.`,
);
const missing = ['pmd', 'eslint', 'retire-js'].filter((e) => !engines.has(e));
if (missing.length) {
  console.error(`Engine(s) that did not run: ${missing.join(', ')}. ${problems.join(' ')}`);
  console.error('PMD needs Java 11 or later: apt-get install -y default-jre-headless');
  process.exit(2);
}
if (problems.length) console.error(problems.join('\n'));
process.exit(blocking.length ? 1 : 0);
