// Every piece of panel text is a Custom Label with the WalkAway_ prefix, translated into Bahasa
// Indonesia, and imported by the panel; placeholders match between the languages.
const { readFileSync, readdirSync } = require('node:fs');
const path = require('node:path');
const { english, indonesian } = require('../support/labels.cjs');

const root = path.resolve(__dirname, '../../..');
const lwcDir = path.join(root, 'force-app/main/default/lwc');
const placeholders = (text) => (text.match(/\{\d+\}/g) || []).sort().join(',');

function importedLabels() {
  const names = new Set();
  for (const component of readdirSync(lwcDir)) {
    if (component === 'walkAwayEngine') continue;
    for (const file of readdirSync(path.join(lwcDir, component))) {
      if (!file.endsWith('.js')) continue;
      const source = readFileSync(path.join(lwcDir, component, file), 'utf8');
      for (const m of source.matchAll(/@salesforce\/label\/c\.([A-Za-z0-9_]+)/g)) names.add(m[1]);
    }
  }
  return names;
}

describe('Custom Labels', () => {
  const en = english();
  const id = indonesian();

  it('all carry the WalkAway_ prefix', () => {
    expect(Object.keys(en).length).toBeGreaterThan(100);
    for (const name of Object.keys(en)) expect(name).toMatch(/^WalkAway_[A-Za-z0-9_]+$/);
  });

  it('are all translated into Bahasa Indonesia, with the same placeholders', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    for (const name of Object.keys(en)) {
      expect(id[name].trim()).not.toBe('');
      expect(`${name}: ${placeholders(id[name])}`).toBe(`${name}: ${placeholders(en[name])}`);
    }
  });

  it('are each imported by a component, and every imported label exists', () => {
    const imported = importedLabels();
    expect([...imported].filter((n) => !(n in en))).toEqual([]);
    expect(Object.keys(en).filter((n) => !imported.has(n))).toEqual([]);
  });
});
