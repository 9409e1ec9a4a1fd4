// The three permission sets grant what each role needs and no more, and name only things that exist.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_FIELDS } from '../../src/engine/opportunity';
import { OUTPUT_FIELDS } from '../../src/engine/outputFields';
import { opportunityFields, REPORT_FIELDS, USER_FIELDS, WRITTEN_FIELDS } from '../../src/org/fields';
import { DEFAULT_DIR, fieldExists, type Xml, readXml } from './support/forceApp';

const COST_FIELDS = ['Direct_Cost__c', 'Allocated_Overhead__c'];
const COSTS = COST_FIELDS.map((f) => `Opportunity.${f}`);
/** The engine's custom inputs other than costs: deal terms, red flags, use case, environment. */
const TERMS = INPUT_FIELDS.filter((f) => f.endsWith('__c') && !COST_FIELDS.includes(f)).map((f) => `Opportunity.${f}`);
/** What the panel writes: the engine's outputs and when they were computed. */
const OUTPUTS = [...OUTPUT_FIELDS, 'Walk_Away_Scored_At__c'].map((f) => `Opportunity.${f}`);
const DECISIONS = [
  'Walk_Away_Decision__c',
  'Walk_Away_Exit_Reason__c',
  'Walk_Away_Decided_On__c',
  'Walk_Away_Reengage_Budget_Min__c',
  'Walk_Away_Reengage_Budget_Max__c',
  'Walk_Away_Reengage_Timeline__c',
  'Walk_Away_Reengage_Stakeholders__c',
  'Walk_Away_Reengage_Scope__c',
  'Walk_Away_Reengage_Notes__c',
  'Walk_Away_Buyer_Returned__c',
  'Walk_Away_Buyer_Returned_On__c',
  'Walk_Away_Approved_Amount__c',
  'Walk_Away_Justification__c',
].map((f) => `Opportunity.${f}`);
const QUOTA = 'User.Walk_Away_Quarterly_Quota__c';

type Access = 'edit' | 'read' | 'none';

function load(name: string) {
  const set = readXml(join(DEFAULT_DIR, 'permissionsets', `${name}.permissionset-meta.xml`)).PermissionSet;
  const fields = new Map<string, Access>(
    (set.fieldPermissions ?? []).map((p: Xml) => [
      p.field,
      p.editable === 'true' ? 'edit' : p.readable === 'true' ? 'read' : 'none',
    ]),
  );
  return {
    set,
    access: (field: string): Access => fields.get(field) ?? 'none',
    fields: [...fields.keys()],
    classes: (set.classAccesses ?? []).filter((c: Xml) => c.enabled === 'true').map((c: Xml) => c.apexClass),
    userPermissions: (set.userPermissions ?? []).filter((p: Xml) => p.enabled === 'true').map((p: Xml) => p.name),
    objects: (set.objectPermissions ?? []) as Xml[],
  };
}

const user = load('Walk_Away_User');
const admin = load('Walk_Away_Admin');
const integration = load('Walk_Away_Integration');
const all = { Walk_Away_User: user, Walk_Away_Admin: admin, Walk_Away_Integration: integration };
const accessTo = (p: ReturnType<typeof load>, fields: string[]) => [...new Set(fields.map(p.access))];

describe.each(Object.entries(all))('%s', (_name, p) => {
  test('names only fields, objects, classes and types that exist', () => {
    const missing = [
      ...p.fields.filter((f) => {
        const [object = '', field = ''] = f.split('.');
        return !fieldExists(object, field);
      }),
      ...p.classes.filter((c: string) => !existsSync(join(DEFAULT_DIR, 'classes', `${c}.cls`))),
      ...(p.set.customMetadataTypeAccesses ?? [])
        .map((t: Xml) => t.name)
        .filter((t: string) => !existsSync(join(DEFAULT_DIR, 'objects', t))),
    ];
    expect(missing).toEqual([]);
  });
  test('never grants Modify All, View All Data, delete or create', () => {
    const broad = p.objects.filter(
      (o) => o.modifyAllRecords === 'true' || o.allowDelete === 'true' || o.allowCreate === 'true',
    );
    expect(broad).toEqual([]);
    expect(p.userPermissions.filter((u: string) => ['ViewAllData', 'ModifyAllData'].includes(u))).toEqual([]);
  });
  test('reads the policy type', () => {
    expect((p.set.customMetadataTypeAccesses ?? []).map((t: Xml) => t.name)).toEqual(['Walk_Away_Policy__mdt']);
  });
});

test('reps read costs but cannot change them', () => {
  expect(accessTo(user, COSTS)).toEqual(['read']);
});

test('reps edit deal terms, red flags and decisions, and the outputs the panel writes', () => {
  expect(accessTo(user, [...TERMS, ...DECISIONS, ...OUTPUTS])).toEqual(['edit']);
  expect(user.access(QUOTA)).toBe('read');
  expect(user.classes).toEqual(['WalkAwayController']);
});

test('admins edit everything, costs and quotas included', () => {
  expect(accessTo(admin, [...COSTS, ...TERMS, ...DECISIONS, ...OUTPUTS, QUOTA])).toEqual(['edit']);
});

/** A field path the CLI reads as the permission-set name of its field (Owner.Name is User.Name). */
const asPermissionField = (path: string): string => {
  const [head = '', field] = path.split('.');
  if (field === undefined) return `Opportunity.${head}`;
  return `${head === 'Owner' ? 'User' : head}.${field}`;
};
/** Standard fields under field-level security among those the CLI reads; the others every reader sees. */
const STANDARD_WITH_FLS = [
  'Opportunity.Amount',
  'Opportunity.Probability',
  'Account.Industry',
  'Account.AnnualRevenue',
];
const underFls = (f: string): boolean => f.endsWith('__c') || STANDARD_WITH_FLS.includes(f);

test('the integration grants exactly what score, simulate, audit and report read, and writes only outputs', () => {
  const read = new Set([...opportunityFields(true), ...REPORT_FIELDS].map(asPermissionField).filter(underFls));
  for (const f of USER_FIELDS) if (underFls(`User.${f}`)) read.add(`User.${f}`);
  expect([...integration.fields].sort()).toEqual([...read].sort());
  const written = WRITTEN_FIELDS.map((f) => `Opportunity.${f}`);
  expect(integration.fields.filter((f) => integration.access(f) === 'edit').sort()).toEqual([...written].sort());
  expect(accessTo(integration, [...COSTS, ...TERMS, QUOTA, 'Account.Industry', 'Account.AnnualRevenue'])).toEqual([
    'read',
  ]);
  expect(integration.userPermissions.sort()).toEqual(['ApiEnabled', 'ApiUserOnly']);
  expect(integration.classes).toEqual([]);
});

test('the integration reads the decisions its audit and report need, and none it does not use', () => {
  expect(integration.access('Opportunity.Walk_Away_Decision__c')).toBe('read');
  expect(integration.access('Opportunity.Walk_Away_Justification__c')).toBe('none');
  expect(integration.access('Opportunity.Walk_Away_Reengage_Notes__c')).toBe('none');
});
