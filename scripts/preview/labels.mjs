// Custom Label text for the preview: English from CustomLabels.labels-meta.xml, Bahasa Indonesia
// from translations/in.translation-meta.xml (falling back to English for anything untranslated).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ parseTagValue: false, trimValues: false });
const list = (v) => (v === undefined ? [] : [].concat(v));

export async function loadLabels(root, language) {
  const en = parser.parse(
    await readFile(join(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'), 'utf8'),
  );
  const labels = {};
  for (const l of list(en.CustomLabels.labels)) labels[l.fullName] = String(l.value);
  if (language === 'in') {
    const file = join(root, 'force-app/main/default/translations/in.translation-meta.xml');
    const id = parser.parse(await readFile(file, 'utf8'));
    for (const l of list(id.Translations.customLabels)) labels[l.name] = String(l.label);
  }
  return labels;
}
