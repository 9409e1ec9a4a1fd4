// force-app converts to metadata format with the library the sf CLI deploys with, and the package
// holds exactly the components Walk-Away means to ship: nothing missing, nothing extra.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLParser } from 'fast-xml-parser';
import { FORCE_APP } from './support/forceApp';

const OPPORTUNITY_FIELDS = [
  'Allocated_Overhead__c',
  'Customer_Red_Flags__c',
  'Direct_Cost__c',
  'IP_Ownership_Transfer__c',
  'Liability_Cap_Months__c',
  'Payment_Terms_Days__c',
  'SLA_Uptime_Pct__c',
  'Technical_Environment__c',
  'Termination_For_Convenience__c',
  'Uncapped_Indemnity__c',
  'Unlimited_Liability__c',
  'Use_Case__c',
  'Walk_Away_Approvals__c',
  'Walk_Away_Approved_Amount__c',
  'Walk_Away_Approved_Exception__c',
  'Walk_Away_Approved_Findings__c',
  'Walk_Away_Approved_Policy__c',
  'Walk_Away_Approved_Terms__c',
  'Walk_Away_BATNA__c',
  'Walk_Away_Buyer_Decision_Date__c',
  'Walk_Away_Buyer_Returned_On__c',
  'Walk_Away_Buyer_Returned__c',
  'Walk_Away_Buyer_Scope_Defined__c',
  'Walk_Away_Buyer_Stakeholders_Aligned__c',
  'Walk_Away_Deal_Size__c',
  'Walk_Away_Decided_On__c',
  'Walk_Away_Decision__c',
  'Walk_Away_Exit_Reason__c',
  'Walk_Away_Findings__c',
  'Walk_Away_Floor__c',
  'Walk_Away_Justification__c',
  'Walk_Away_Lessons_Learned__c',
  'Walk_Away_Policy__c',
  'Walk_Away_Recommendation__c',
  'Walk_Away_Reengage_Budget_Max__c',
  'Walk_Away_Reengage_Budget_Min__c',
  'Walk_Away_Reengage_Notes__c',
  'Walk_Away_Reengage_Scope__c',
  'Walk_Away_Reengage_Stakeholders__c',
  'Walk_Away_Reengage_Timeline__c',
  'Walk_Away_Scored_At__c',
  'Walk_Away_Terms__c',
  'Walk_Away_Threshold__c',
];

const POLICY_FIELDS = [
  'Active__c',
  'Batna_Late_Quarter_Days__c',
  'Batna_Max_Deal_Share_Pct__c',
  'Batna_Strong_Alternatives__c',
  'Batna_Strong_Coverage_Pct__c',
  'Batna_Weak_Alternatives__c',
  'Batna_Weak_Coverage_Pct__c',
  'Currency_Iso_Code__c',
  'Description__c',
  'Exception_Max_Age_Days__c',
  'Focus_Industries__c',
  'Margin_Basis__c',
  'Max_Amount__c',
  'Max_Annual_Revenue__c',
  'Max_Liability_Cap_Months__c',
  'Max_Payment_Terms_Days__c',
  'Max_Red_Flags__c',
  'Max_SLA_Uptime_Pct__c',
  'Min_Amount__c',
  'Min_Annual_Revenue__c',
  'Min_Margin_Pct__c',
  'Priority__c',
  'Segment_Industries__c',
  'Supported_Countries__c',
  'Supported_Environments__c',
  'Supported_Use_Cases__c',
  'Target_Margin_Pct__c',
];

/** The exception object (Opportunity__c and the others) and what approves and guards it. */
const EXCEPTION_FIELDS = [
  'Amount__c',
  'Approved_Step__c',
  'Approvers__c',
  'C_Level_Approved_On__c',
  'C_Level_Approver__c',
  'Decided_On__c',
  'Findings__c',
  'Floor__c',
  'Justification__c',
  'Legal_Approved_On__c',
  'Legal_Approver__c',
  'Opportunity__c',
  'Policy__c',
  'Requested_By__c',
  'Requested_On__c',
  'Stale_On__c',
  'Stale_Reason__c',
  'Status__c',
  'Strategic_Approved_On__c',
  'Strategic_Approver__c',
  'Terms__c',
  'Threshold__c',
  'VP_Approved_On__c',
  'VP_Approver__c',
];
const EXCEPTION_APEX = [
  'WalkAwayExceptionController',
  'WalkAwayExceptionDecision',
  'WalkAwayExceptionRequest',
  'WalkAwayExceptionSnapshot',
  'WalkAwayExceptionStaleness',
  'WalkAwayExceptionTest',
  'WalkAwayExceptionTriggerHandler',
  'WalkAwayFindingRoutes',
  'WalkAwayOpportunityTriggerHandler',
  'WalkAwayTestUsers',
];
const EXCEPTION_MEMBERS = [
  ...EXCEPTION_APEX.map((c) => `ApexClass:${c}`),
  'ApexTrigger:WalkAwayExceptionTrigger',
  'ApexTrigger:WalkAwayOpportunityTrigger',
  'ApprovalProcess:Walk_Away_Exception__c.Walk_Away_Exception_Approval',
  ...EXCEPTION_FIELDS.map((f) => `CustomField:Walk_Away_Exception__c.${f}`),
  'CustomObject:Walk_Away_Exception__c',
  'CustomPermission:Walk_Away_Approver',
  'CustomPermission:Walk_Away_Bypass_Rules',
  'PermissionSet:Walk_Away_Approver',
  'PermissionSet:Walk_Away_Rule_Bypass',
  'Queue:Walk_Away_C_Level',
  'Queue:Walk_Away_Legal',
  'Queue:Walk_Away_Strategic_Review',
  'Queue:Walk_Away_VP',
  'ValidationRule:Opportunity.Walk_Away_Approved_Amount_By_Hand',
  'ValidationRule:Opportunity.Walk_Away_Exception_Decision_By_Hand',
  'ValidationRule:Opportunity.Walk_Away_No_Win_Below_Floor',
  'ValidationRule:Opportunity.Walk_Away_Win_Needs_Exception',
  'ValidationRule:Walk_Away_Exception__c.Justification_Written',
  'ValidationRule:Walk_Away_Exception__c.Needs_An_Approver',
  'ValidationRule:Walk_Away_Exception__c.No_Exception_Below_Floor',
  'LightningComponentBundle:walkAwayException',
  'Workflow:Walk_Away_Exception__c',
  ...[
    'Decided_Now',
    'Status_Approved',
    'Status_Recalled',
    'Status_Rejected',
    'Status_Requested',
    'Step_C_Level',
    'Step_Clear',
    'Step_Legal',
    'Step_Strategic',
    'Step_VP',
  ].map((u) => `WorkflowFieldUpdate:Walk_Away_Exception__c.Walk_Away_${u}`),
];

const REPORTS = [
  'Approvals_Required',
  'Bad_Deals_Avoided_Value',
  'Buyers_Who_Returned',
  'Exceptions_By_Approver_And_Outcome',
  'Open_Deals_Below_Floor',
  'Walk_Away_Reasons',
  'Walked_Away_Last_Quarter_by_Rep',
];

/**
 * What Walk-Away ships, as package.xml members `Type:fullName`. Opportunity and User are not
 * members: only their fields are shipped, never the standard objects themselves.
 */
const EXPECTED = [
  'ApexClass:WalkAwayController',
  'ApexClass:WalkAwayControllerTest',
  ...OPPORTUNITY_FIELDS.map((f) => `CustomField:Opportunity.${f}`),
  'CustomField:User.Walk_Away_Quarterly_Quota__c',
  ...POLICY_FIELDS.map((f) => `CustomField:Walk_Away_Policy__mdt.${f}`),
  'CustomLabels:CustomLabels',
  'CustomMetadata:Walk_Away_Policy.Default',
  'CustomMetadata:Walk_Away_Policy.Enterprise',
  'CustomMetadata:Walk_Away_Policy.Public_Sector_Inactive',
  'CustomObject:Walk_Away_Policy__mdt',
  'CustomObjectTranslation:Opportunity-in',
  'Dashboard:Walk_Away_Dashboards',
  'Dashboard:Walk_Away_Dashboards/Walk_Away_Discipline',
  'FlexiPage:Opportunity_Walk_Away_Record_Page',
  'LightningComponentBundle:errorPanel',
  'LightningComponentBundle:ldsUtils',
  'LightningComponentBundle:walkAwayDecision',
  'LightningComponentBundle:walkAwayEngine',
  'LightningComponentBundle:walkAwayFields',
  'LightningComponentBundle:walkAwayFormat',
  'LightningComponentBundle:walkAwayLabels',
  'LightningComponentBundle:walkAwayPanel',
  'PermissionSet:Walk_Away_Admin',
  'PermissionSet:Walk_Away_Integration',
  'PermissionSet:Walk_Away_User',
  'Report:Walk_Away_Reports',
  'ReportType:Walk_Away_Exceptions_With_Deal',
  ...REPORTS.map((r) => `Report:Walk_Away_Reports/${r}`),
  'Translations:in',
  'CustomObjectTranslation:Opportunity-in',
  ...EXCEPTION_MEMBERS,
].sort();

/** Individual labels are checked by labels.test.ts; the CustomLabels component stands for them here. */
const CHECKED_ELSEWHERE = new Set(['CustomLabel']);

let outputDir: string;
let members: string[];

beforeAll(async () => {
  outputDir = mkdtempSync(join(tmpdir(), 'walkaway-mdapi-'));
  const components = ComponentSet.fromSource(FORCE_APP);
  await new MetadataConverter().convert(components, 'metadata', {
    type: 'directory',
    outputDirectory: outputDir,
    genUniqueDir: false,
  });
  const manifest = new XMLParser({ isArray: (name) => name === 'types' || name === 'members' }).parse(
    readFileSync(join(outputDir, 'package.xml'), 'utf8'),
  );
  members = manifest.Package.types
    .filter((t: { name: string }) => !CHECKED_ELSEWHERE.has(t.name))
    // SDR writes a folder member as `Folder/`; the folder's name is what is compared.
    .flatMap((t: { name: string; members: string[] }) => t.members.map((m) => `${t.name}:${m.replace(/\/$/, '')}`))
    .sort();
}, 60_000);

afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

test('no shipped component is missing from the converted package', () => {
  expect(EXPECTED.filter((m) => !members.includes(m))).toEqual([]);
});

test('the converted package holds nothing beyond what is meant to ship', () => {
  expect(members.filter((m) => !EXPECTED.includes(m))).toEqual([]);
});

test('the package is for API version 62.0', () => {
  expect(readFileSync(join(outputDir, 'package.xml'), 'utf8')).toContain('<version>62.0</version>');
});
