// The shipped Walk_Away_Policy records: typed values the CLI's XML loader can read, only fields the
// type defines, the figures the product promises, and accepted by the engine's policy validation.
import { basename, join } from 'node:path';
import { readPolicies } from '../../src/engine/policy';
import { DEFAULT_DIR, fieldsOf, filesUnder, readXml, type Xml } from './support/forceApp';

const RECORD_DIR = join(DEFAULT_DIR, 'customMetadata');
const policyFields = fieldsOf('Walk_Away_Policy__mdt');
const files = filesUnder(RECORD_DIR, '.md-meta.xml').filter((f) => basename(f).startsWith('Walk_Away_Policy.'));

type Value = { field: string; type: string | null; text: string | null };

function valuesOf(file: string): Value[] {
  return readXml(file).CustomMetadata.values.map((v: Xml) => {
    const value = v.value;
    const nil = typeof value === 'object' && value['@_xsi:nil'] === 'true';
    return {
      field: String(v.field),
      type: nil ? null : String(value['@_xsi:type']),
      text: nil ? null : String(value['#text']),
    };
  });
}

/** The record as the engine reads it: field API names as keys, typed values. */
function asRecord(file: string): Record<string, unknown> {
  const record: Record<string, unknown> = {
    DeveloperName: basename(file, '.md-meta.xml').replace('Walk_Away_Policy.', ''),
    MasterLabel: String(readXml(file).CustomMetadata.label),
  };
  for (const { field, type, text } of valuesOf(file)) {
    record[field] =
      type === null ? null : type === 'xsd:double' ? Number(text) : type === 'xsd:boolean' ? text === 'true' : text;
  }
  return record;
}

const byName = (name: string) => asRecord(join(RECORD_DIR, `Walk_Away_Policy.${name}.md-meta.xml`));

test('the three shipped policies are there', () => {
  expect(files.map((f) => basename(f)).sort()).toEqual([
    'Walk_Away_Policy.Default.md-meta.xml',
    'Walk_Away_Policy.Enterprise.md-meta.xml',
    'Walk_Away_Policy.Public_Sector_Inactive.md-meta.xml',
  ]);
});

test.each(files.map((f) => [basename(f), f]))('%s sets every policy field, typed or nil', (_name, file) => {
  const values = valuesOf(file);
  expect(values.map((v) => v.field).sort()).toEqual([...policyFields.keys()].sort());
  const mistyped = values.filter((v) => {
    if (v.type === null) return false;
    const fieldType = policyFields.get(v.field)?.type;
    const expected = fieldType === 'Checkbox' ? 'xsd:boolean' : fieldType === 'Number' ? 'xsd:double' : 'xsd:string';
    return v.type !== expected;
  });
  expect(mistyped).toEqual([]);
});

test('Default: the article limits for every deal', () => {
  expect(byName('Default')).toMatchObject({
    Active__c: true,
    Priority__c: 100,
    Min_Amount__c: null,
    Max_Amount__c: null,
    Min_Margin_Pct__c: 20,
    Target_Margin_Pct__c: 35,
    Margin_Basis__c: 'Cost',
    Max_Liability_Cap_Months__c: 12,
    Max_Payment_Terms_Days__c: 60,
    Max_SLA_Uptime_Pct__c: 99.9,
    Focus_Industries__c: null,
    Min_Annual_Revenue__c: null,
    Segment_Industries__c: null,
    Max_Red_Flags__c: 2,
    Exception_Max_Age_Days__c: 90,
    Batna_Strong_Alternatives__c: 5,
    Batna_Weak_Alternatives__c: 1,
    Batna_Strong_Coverage_Pct__c: 100,
    Batna_Weak_Coverage_Pct__c: 50,
    Batna_Max_Deal_Share_Pct__c: 50,
    Batna_Late_Quarter_Days__c: 21,
  });
});

test('Enterprise: deals from 500,000, focus industries and customer size', () => {
  expect(byName('Enterprise')).toMatchObject({
    Active__c: true,
    Priority__c: 10,
    Min_Amount__c: 500000,
    Max_Amount__c: null,
    Margin_Basis__c: 'Cost',
    Min_Margin_Pct__c: 15,
    Target_Margin_Pct__c: 30,
    Max_Liability_Cap_Months__c: 24,
    Max_Payment_Terms_Days__c: 90,
    Max_SLA_Uptime_Pct__c: 99.95,
    Focus_Industries__c: 'Financial Services;Healthcare;Banking;Insurance',
    Min_Annual_Revenue__c: 50000000,
    Max_Red_Flags__c: 1,
  });
});

test('Public_Sector_Inactive: an inactive example of margin on price', () => {
  expect(byName('Public_Sector_Inactive')).toMatchObject({
    Active__c: false,
    Margin_Basis__c: 'Price',
    Min_Margin_Pct__c: 10,
    Target_Margin_Pct__c: 25,
    Segment_Industries__c: 'Government',
  });
});

test('the engine accepts every shipped policy', () => {
  const policies = readPolicies(files.map(asRecord));
  expect(policies.map((p) => [p.name, p.active])).toEqual([
    ['Default', true],
    ['Enterprise', true],
    ['Public_Sector_Inactive', false],
  ]);
});
