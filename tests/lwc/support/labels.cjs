// Custom Label values for tests, read from the metadata the org gets: English from
// labels/CustomLabels.labels-meta.xml, Bahasa Indonesia from translations/in.translation-meta.xml.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const LABELS_FILE = path.join(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
const TRANSLATION_FILE = path.join(root, 'force-app/main/default/translations/in.translation-meta.xml');

const unescape = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function english() {
  const xml = readFileSync(LABELS_FILE, 'utf8');
  const labels = {};
  for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
    const name = /<fullName>([^<]+)<\/fullName>/.exec(block)[1];
    labels[name] = unescape(/<value>([\s\S]*?)<\/value>/.exec(block)[1]);
  }
  return labels;
}

function indonesian() {
  const xml = readFileSync(TRANSLATION_FILE, 'utf8');
  const labels = {};
  for (const [, block] of xml.matchAll(/<customLabels>([\s\S]*?)<\/customLabels>/g)) {
    const name = /<name>([^<]+)<\/name>/.exec(block)[1];
    labels[name] = unescape(/<label>([\s\S]*?)<\/label>/.exec(block)[1]);
  }
  return labels;
}

/** { WalkAway_X: text } in English ('en') or Bahasa Indonesia ('in'). */
function loadLabels(language) {
  return language === 'in' ? indonesian() : english();
}

module.exports = { loadLabels, english, indonesian };
