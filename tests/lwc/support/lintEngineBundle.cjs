// Lints the generated engine bundle with the LWC platform rules only (@lwc/eslint-plugin-lwc), and
// compiles it with @lwc/compiler as the platform does on deploy. Stylistic and best-practice rules
// mean nothing on minified generated code, so the repository's eslint config ignores the file.
// Prints one JSON document: { messages: [...], compiled: true|false, compileError }.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { ESLint } = require('eslint');
const base = require('@salesforce/eslint-config-lwc/base');
const { transformSync } = require('@lwc/compiler');

const root = path.resolve(__dirname, '../../..');
const file = path.join(root, 'force-app/main/default/lwc/walkAwayEngine/walkAwayEngine.js');

const platformRules = {
  '@lwc/lwc/no-inner-html': 'error',
  '@lwc/lwc/no-document-query': 'error',
  '@lwc/lwc/no-async-operation': 'error',
  '@lwc/lwc/no-leaky-event-listeners': 'error',
  '@lwc/lwc/no-api-reassignments': 'error',
  '@lwc/lwc/no-attributes-during-construction': 'error',
};

async function main() {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...base, { rules: platformRules }].map((c) => ({ ...c, files: ['**/*.js'] })),
  });
  const [result] = await eslint.lintFiles([file]);
  const messages = result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message} (${m.line}:${m.column})`);
  let compiled = false;
  let compileError = null;
  try {
    transformSync(readFileSync(file, 'utf8'), 'walkAwayEngine.js', { namespace: 'c', name: 'walkAwayEngine' });
    compiled = true;
  } catch (error) {
    compileError = String(error && error.message);
  }
  process.stdout.write(JSON.stringify({ messages, compiled, compileError }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
