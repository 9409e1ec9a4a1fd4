// Every label a component imports exists in CustomLabels, and every custom label has a Bahasa
// Indonesia translation in translations/in.translation-meta.xml.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_DIR, filesUnder, readXml, type Xml } from './support/forceApp';

const LABELS_FILE = join(DEFAULT_DIR, 'labels', 'CustomLabels.labels-meta.xml');
const TRANSLATION_FILE = join(DEFAULT_DIR, 'translations', 'in.translation-meta.xml');

const labels: Map<string, string> = existsSync(LABELS_FILE)
  ? new Map(readXml(LABELS_FILE).CustomLabels.labels.map((l: Xml) => [String(l.fullName), String(l.value ?? '')]))
  : new Map();
const translated: Map<string, string> = existsSync(TRANSLATION_FILE)
  ? new Map(
      (readXml(TRANSLATION_FILE).Translations.customLabels ?? []).map((l: Xml) => [
        String(l.name),
        String(l.label ?? ''),
      ]),
    )
  : new Map();

/** `@salesforce/label/c.X` imports, by component file. */
const imports = filesUnder(join(DEFAULT_DIR, 'lwc'), '.js')
  .filter((f) => !f.includes('__tests__'))
  .flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/@salesforce\/label\/c\.(\w+)/g)].map((m) => ({
      file: basename(file),
      label: m[1] ?? '',
    })),
  );

test('every label a component imports is a custom label', () => {
  expect(imports.filter((i) => !labels.has(i.label)).map((i) => `${i.file}: c.${i.label}`)).toEqual([]);
});

test('every label a component imports has an Indonesian translation', () => {
  expect(imports.filter((i) => !translated.get(i.label)?.trim()).map((i) => `${i.file}: c.${i.label}`)).toEqual([]);
});

test('every custom label is translated into Bahasa Indonesia', () => {
  expect([...labels.keys()].filter((name) => !translated.get(name)?.trim())).toEqual([]);
});

test('translations name only labels that exist', () => {
  expect([...translated.keys()].filter((name) => !labels.has(name))).toEqual([]);
});
