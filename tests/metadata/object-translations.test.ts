// Field labels, help and picklist values in Bahasa Indonesia (objectTranslations/Opportunity-in):
// the fields a rep fills in that this round added or widened are translated whole, and a
// translation names only fields and values that exist.
import { basename, join } from 'node:path';
import { RED_FLAG_VALUES } from '../../src/engine/codes';
import { DEFAULT_DIR, fieldsOf, filesUnder, readXml, type Xml } from './support/forceApp';

const DIR = join(DEFAULT_DIR, 'objectTranslations', 'Opportunity-in');

type FieldTranslation = { label: string; help: string; values: Map<string, string> };

const translations = new Map<string, FieldTranslation>(
  filesUnder(DIR, '.fieldTranslation-meta.xml').map((path) => {
    const t = readXml(path).CustomFieldTranslation as Xml;
    const values = ([] as Xml[]).concat(t.picklistValues ?? []);
    return [
      basename(path, '.fieldTranslation-meta.xml'),
      {
        label: String(t.label ?? ''),
        help: String(t.help ?? ''),
        values: new Map(values.map((v: Xml) => [String(v.masterLabel), String(v.translation ?? '')])),
      },
    ];
  }),
);
const opportunity = fieldsOf('Opportunity');

/** Fields whose label, help and every picklist value must be in Bahasa Indonesia. */
const TRANSLATED_WHOLE = [
  'Customer_Red_Flags__c',
  'Walk_Away_Buyer_Decision_Date__c',
  'Walk_Away_Buyer_Stakeholders_Aligned__c',
  'Walk_Away_Buyer_Scope_Defined__c',
  'Walk_Away_Decision__c',
  'Walk_Away_Exit_Reason__c',
  'Walk_Away_Lessons_Learned__c',
];

test.each(TRANSLATED_WHOLE)('%s: label, help and every value translated', (field) => {
  const t = translations.get(field);
  const f = opportunity.get(field);
  expect(t?.label.trim()).toBeTruthy();
  expect(t?.label).not.toBe(f?.label);
  if (f?.helpText) expect(t?.help.trim()).toBeTruthy();
  const values = (f?.values ?? []).map((v) => v.api);
  expect(values.filter((v) => !t?.values.get(v)?.trim())).toEqual([]);
});

test('Vendor Conflict History has its Indonesian label', () => {
  expect(RED_FLAG_VALUES).toContain('Vendor Conflict History');
  expect(translations.get('Customer_Red_Flags__c')?.values.get('Vendor Conflict History')).toBe(
    'Riwayat Konflik dengan Vendor Sebelumnya',
  );
});

test('the decision form offers every decision and exit reason in Bahasa Indonesia, each value its own words', () => {
  for (const field of ['Walk_Away_Decision__c', 'Walk_Away_Exit_Reason__c']) {
    const values = (opportunity.get(field)?.values ?? []).map((v) => v.api);
    const words = values.map((v) => translations.get(field)?.values.get(v));
    expect(values.length).toBeGreaterThan(0);
    expect(new Set(words).size).toBe(values.length);
    expect(words.filter((w, i) => w === values[i])).toEqual([]);
  }
  expect(translations.get('Walk_Away_Decision__c')?.values.get('Walked Away - Door Open')).toBe(
    'Mundur - Pintu Tetap Terbuka',
  );
});

test('translations name only Opportunity fields and picklist values that exist', () => {
  const stray: string[] = [];
  for (const [field, t] of translations) {
    const f = opportunity.get(field);
    if (!f) stray.push(field);
    const values = new Set((f?.values ?? []).map((v) => v.api));
    for (const v of t.values.keys()) if (!values.has(v)) stray.push(`${field}: ${v}`);
  }
  expect(stray).toEqual([]);
});
