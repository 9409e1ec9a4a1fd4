// Walk-Away exceptions in the org: the object, the approval process that routes it, the queues an
// admin fills in, and the Apex vocabulary — each tied to the engine's codes (src/engine/codes.ts),
// the one source of truth for who approves which finding.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPROVERS, FINDING_CODES, FINDING_RULES } from '../../src/engine/codes';
import { INPUT_FIELDS } from '../../src/engine/opportunity';
import { EXCEPTION_STATUSES } from '../../src/org/exceptionFields';
import { DEFAULT_DIR, type Xml, fieldsOf, filesUnder, readXml } from './support/forceApp';
import { evaluate } from './support/formulas';
import { extract } from 'formulon';

const OBJECT = 'Walk_Away_Exception__c';
const fields = fieldsOf(OBJECT);
const apex = (name: string) => readFileSync(join(DEFAULT_DIR, 'classes', `${name}.cls`), 'utf8');
const process = readXml(
  join(DEFAULT_DIR, 'approvalProcesses', `${OBJECT}.Walk_Away_Exception_Approval.approvalProcess-meta.xml`),
).ApprovalProcess;
const steps: Xml[] = [process.approvalStep].flat();
const workflow = readXml(join(DEFAULT_DIR, 'workflows', `${OBJECT}.workflow-meta.xml`)).Workflow;
const fieldUpdates: Xml[] = [workflow.fieldUpdates].flat();

/** Engine: finding code -> approvers, for the findings an exception can cover. */
const ENGINE_ROUTES = Object.fromEntries(
  FINDING_CODES.filter((c) => FINDING_RULES[c].approvers.length > 0).map((c) => [c, [...FINDING_RULES[c].approvers]]),
);

/** The Apex ROUTES map, read from the source: code -> approvers. */
function apexRoutes(): Record<string, string[]> {
  const source = apex('WalkAwayFindingRoutes');
  const lists = Object.fromEntries(
    [...source.matchAll(/List<String> (\w+) = new List<String>\{([^}]*)\}/g)].map((m) => [
      m[1],
      [...(m[2] ?? '').matchAll(/'([^']+)'/g)].map((v) => v[1]),
    ]),
  );
  const map = /ROUTES = new Map<String, List<String>>\{([\s\S]*?)\};/.exec(source)?.[1] ?? '';
  return Object.fromEntries([...map.matchAll(/'(\w+)' => (\w+)/g)].map((m) => [m[1], lists[m[2] ?? ''] ?? []]));
}

/** The steps a request with these approvers goes through, by evaluating each step's criteria. */
function route(approvers: readonly string[]): string[] {
  const record = { Approvers__c: approvers, Status__c: 'Requested', Findings__c: [] };
  return steps
    .filter((s) => evaluate(String(s.entryCriteria.formula), OBJECT, record))
    .map((s) => String(s.assignedApprover.approver.name));
}

describe('Walk_Away_Exception__c', () => {
  test('is a Lookup child of the Opportunity (an owner, so queues can hold it), kept with its deal', () => {
    const object = readXml(join(DEFAULT_DIR, 'objects', OBJECT, `${OBJECT}.object-meta.xml`)).CustomObject;
    expect(fields.get('Opportunity__c')?.type).toBe('Lookup');
    expect(fields.get('Opportunity__c')?.referenceTo).toBe('Opportunity');
    const lookup = readXml(join(DEFAULT_DIR, 'objects', OBJECT, 'fields', 'Opportunity__c.field-meta.xml')).CustomField;
    expect([lookup.required, lookup.deleteConstraint]).toEqual(['true', 'Restrict']);
    expect([object.sharingModel, object.enableHistory]).toEqual(['Read', 'true']);
  });

  test('holds what was asked, who asked, each approver and date, and the status', () => {
    const types = Object.fromEntries([...fields].map(([name, f]) => [name, f.type]));
    expect(types).toMatchObject({
      Findings__c: 'MultiselectPicklist',
      Approvers__c: 'MultiselectPicklist',
      Amount__c: 'Currency',
      Policy__c: 'Text',
      Terms__c: 'Text',
      Justification__c: 'LongTextArea',
      Requested_By__c: 'Lookup',
      VP_Approver__c: 'Lookup',
      VP_Approved_On__c: 'DateTime',
      Legal_Approver__c: 'Lookup',
      Legal_Approved_On__c: 'DateTime',
      C_Level_Approver__c: 'Lookup',
      C_Level_Approved_On__c: 'DateTime',
      Strategic_Approver__c: 'Lookup',
      Strategic_Approved_On__c: 'DateTime',
      Status__c: 'Picklist',
    });
    expect(fields.get('Status__c')?.values.map((v) => v.api)).toEqual([
      'Requested',
      'Approved',
      'Rejected',
      'Recalled',
      'Stale',
    ]);
    expect(fields.get('Status__c')?.values.map((v) => v.api)).toEqual([...EXCEPTION_STATUSES]); // the CLI's copy
  });

  test('every field is described, with help text a rep can read; every picklist is restricted', () => {
    const undocumented = [...fields.values()].filter((f) => f.description.length < 20 || f.helpText.length < 20);
    expect(undocumented.map((f) => f.name)).toEqual([]);
    expect([...fields.values()].filter((f) => /Picklist$/.test(f.type) && !f.restricted)).toEqual([]);
  });

  test('findings fields carry the Opportunity findings values and labels; approvers the engine approvers', () => {
    const findings = fieldsOf('Opportunity').get('Walk_Away_Findings__c')?.values;
    expect(fields.get('Findings__c')?.values).toEqual(findings);
    expect(fieldsOf('Opportunity').get('Walk_Away_Approved_Findings__c')?.values).toEqual(findings);
    expect(fields.get('Approvers__c')?.values.map((v) => v.api)).toEqual([...APPROVERS]);
  });
});

describe("the Apex vocabulary is the engine's", () => {
  test("WalkAwayFindingRoutes.ROUTES is the engine's FINDING_RULES approvers, BELOW_FLOOR left out", () => {
    expect(apexRoutes()).toEqual(ENGINE_ROUTES);
    expect(apexRoutes()).not.toHaveProperty('BELOW_FLOOR');
    expect(FINDING_RULES.BELOW_FLOOR.approvers).toEqual([]);
    expect(apex('WalkAwayFindingRoutes')).toContain("NO_EXCEPTION = 'BELOW_FLOOR'");
  });

  test("the approvers, in approval order, are the engine's APPROVERS", () => {
    const list = /APPROVERS = new List<String>\{([^}]*)\}/.exec(apex('WalkAwayFindingRoutes'))?.[1] ?? '';
    expect([...list.matchAll(/'([^']+)'/g)].map((m) => m[1])).toEqual([...APPROVERS]);
    const stamped = /STEP_FIELDS = new Map<String, List<String>>\{([\s\S]*?)\};/.exec(
      apex('WalkAwayExceptionTriggerHandler'),
    )?.[1];
    expect([...(stamped ?? '').matchAll(/'([^']+)' =>/g)].map((m) => m[1])).toEqual([...APPROVERS]);
  });

  test('the term fields that make an approval stale are engine inputs, the same ones Walk_Away_Terms__c joins', () => {
    const list = /TERM_FIELDS = new List<String>\{([^}]*)\}/.exec(apex('WalkAwayExceptionStaleness'))?.[1] ?? '';
    const termFields = [...list.matchAll(/'(\w+)'/g)].map((m) => m[1] ?? '');
    expect(termFields.length).toBe(7);
    expect(termFields.filter((f) => !(INPUT_FIELDS as readonly string[]).includes(f))).toEqual([]);
    const terms = readXml(join(DEFAULT_DIR, 'objects', 'Opportunity', 'fields', 'Walk_Away_Terms__c.field-meta.xml'))
      .CustomField.formula;
    expect(extract(String(terms)).sort()).toEqual([...termFields].sort());
  });
});

describe('the approval process routes by the findings (domain.md section 8)', () => {
  const routeOf = (codes: string[]) => route([...new Set(codes.flatMap((c) => ENGINE_ROUTES[c] ?? []))]);

  test('BELOW_THRESHOLD goes to the VP queue', () => {
    expect(routeOf(['BELOW_THRESHOLD'])).toEqual(['Walk_Away_VP']);
  });
  test('a non-negotiable term goes to Legal, then C-Level', () => {
    expect(routeOf(['UNLIMITED_LIABILITY'])).toEqual(['Walk_Away_Legal', 'Walk_Away_C_Level']);
  });
  test('a strategic misfit goes to Strategic Review', () => {
    expect(routeOf(['INDUSTRY_MISFIT', 'COMPANY_TOO_SMALL'])).toEqual(['Walk_Away_Strategic_Review']);
  });
  test('a request covering price and terms passes every step it needs, in order', () => {
    expect(routeOf(['BELOW_THRESHOLD', 'PAYMENT_TERMS_EXCEEDED'])).toEqual([
      'Walk_Away_VP',
      'Walk_Away_Legal',
      'Walk_Away_C_Level',
    ]);
  });
  test('BELOW_FLOOR has no route: the process does not take it in, even with other findings', () => {
    const entry = String(process.entryCriteria.formula);
    const request = (findings: string[]) => ({
      Status__c: 'Requested',
      Findings__c: findings,
      Approvers__c: [...new Set(findings.flatMap((c) => ENGINE_ROUTES[c] ?? []))],
    });
    expect(evaluate(entry, OBJECT, request(['BELOW_THRESHOLD']))).toBe(true);
    expect(evaluate(entry, OBJECT, request(['BELOW_FLOOR', 'UNLIMITED_LIABILITY']))).toBe(false);
    expect(evaluate(entry, OBJECT, request(['WEAK_BATNA']))).toBe(false);
  });
  test('a skipped last step approves (only after every needed step), the others go on to the next', () => {
    expect(steps.map((s) => s.ifCriteriaNotMet)).toEqual([
      'GotoNextStep',
      'GotoNextStep',
      'GotoNextStep',
      'ApproveRecord',
    ]);
  });
  test('no delegation, recall allowed, record locked for all but admins while waiting, submitted by its owner', () => {
    expect(steps.map((s) => s.allowDelegate)).toEqual(['false', 'false', 'false', 'false']);
    expect([process.active, process.allowRecall, process.recordEditability]).toEqual(['true', 'true', 'AdminOnly']);
    expect([process.allowedSubmitters].flat().map((s: Xml) => s.type)).toEqual(['owner']);
  });
  test('each step names a shipped queue for this object, empty for an admin to fill in', () => {
    for (const step of steps) {
      const queue = String(step.assignedApprover.approver.name);
      const file = join(DEFAULT_DIR, 'queues', `${queue}.queue-meta.xml`);
      expect([queue, existsSync(file)]).toEqual([queue, true]);
      const q = readXml(file).Queue;
      expect([queue, q.queueSobject.sobjectType, q.queueMembers]).toEqual([queue, OBJECT, undefined]);
    }
    expect(filesUnder(join(DEFAULT_DIR, 'queues'), '.queue-meta.xml').length).toBe(steps.length);
  });
  test('each step records its approver name as Approved_Step__c, the value its criteria test', () => {
    for (const step of steps) {
      const update = fieldUpdates.find((u) => u.fullName === step.approvalActions.action.name);
      const value = /"(.+)"/.exec(String(update?.formula))?.[1];
      expect([update?.field, String(step.entryCriteria.formula)]).toEqual([
        'Approved_Step__c',
        `INCLUDES(Approvers__c, "${value}")`,
      ]);
      expect(APPROVERS).toContain(value);
    }
  });
  test('every action the process names is a field update of the workflow, and statuses are Status__c values', () => {
    const named = [
      process.initialSubmissionActions,
      process.finalApprovalActions,
      process.finalRejectionActions,
      process.recallActions,
      ...steps.map((s) => s.approvalActions),
    ].flatMap((a: Xml) => [a.action].flat().map((x: Xml) => String(x.name)));
    expect(named.filter((n) => !fieldUpdates.some((u) => u.fullName === n))).toEqual([]);
    const statuses = fields.get('Status__c')?.values.map((v) => v.api) ?? [];
    const written = fieldUpdates.filter((u) => u.field === 'Status__c').map((u) => String(u.literalValue));
    expect(written.sort()).toEqual(['Approved', 'Recalled', 'Rejected', 'Requested']);
    expect(written.filter((s) => !statuses.includes(s))).toEqual([]);
  });
});
