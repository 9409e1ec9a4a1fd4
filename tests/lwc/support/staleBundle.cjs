// What differs between the committed engine bundle and a fresh build, in words a developer can act
// on: the exports added or removed and the first place the text differs. The bundle is minified
// into a few long lines, so a line diff would show one unreadable line.
const BUNDLE = 'force-app/main/default/lwc/walkAwayEngine/walkAwayEngine.js';

/** Names a bundle exports, from its final `export{a as NAME,...}` statement. */
function exportsOf(text) {
  const list = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(text);
  if (!list) return [];
  return list[1]
    .split(',')
    .map((e) =>
      e
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    )
    .filter(Boolean)
    .sort();
}

/** null when the bundles are the same, else what is stale and the command that fixes it. */
function whatIsStale(committed, fresh) {
  if (committed === fresh) return null;
  const before = exportsOf(committed);
  const after = exportsOf(fresh);
  const added = after.filter((n) => !before.includes(n));
  const removed = before.filter((n) => !after.includes(n));
  let at = 0;
  while (at < committed.length && committed[at] === fresh[at]) at++;
  const line = committed.slice(0, at).split('\n').length;
  const around = (text) => JSON.stringify(text.slice(Math.max(0, at - 60), at + 60));
  return [
    `${BUNDLE} is stale: src/engine changed. Run \`npm run build:engine\` and commit the bundle.`,
    `Exports added: ${added.join(', ') || 'none'}. Exports removed: ${removed.join(', ') || 'none'}.`,
    `First difference on line ${line}, character ${at}:`,
    `  committed: ${around(committed)}`,
    `  built:     ${around(fresh)}`,
  ].join('\n');
}

module.exports = { BUNDLE, exportsOf, whatIsStale };
