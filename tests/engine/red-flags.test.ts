// Customer red flags (domain.md section 4, issue #12 item 6): the article's "history of conflict
// with and failures of earlier vendors" counts like any other flag; a repeated value counts once;
// a value the picklist does not have is refused with the field and the value, never counted.
import { RED_FLAG_VALUES, readOpportunity, readRedFlags, scoreOpportunity } from '../../src/engine';
import { DEFAULT_POLICY, opportunity, policies } from './support/fixtures';

const flagsOf = (cell: string) => opportunity({ Customer_Red_Flags__c: cell }).redFlags;
const codesOf = (cell: string) =>
  scoreOpportunity(
    opportunity({ Amount: '155000', Customer_Red_Flags__c: cell }),
    policies(DEFAULT_POLICY),
  ).findings.map((f) => f.code);

describe('Vendor Conflict History', () => {
  it('is a red flag of the vocabulary', () => {
    expect(RED_FLAG_VALUES).toContain('Vendor Conflict History');
  });

  it('alone is listed as a red flag to watch (Proceed stays Proceed)', () => {
    const score = scoreOpportunity(
      opportunity({ Amount: '155000', Customer_Red_Flags__c: 'Vendor Conflict History' }),
      policies(DEFAULT_POLICY),
    );
    expect(score.findings.map((f) => [f.code, f.figures.flags])).toEqual([
      ['RED_FLAGS_PRESENT', ['Vendor Conflict History']],
    ]);
    expect(score.verdict).toBe('Proceed');
  });

  it('is the third flag that walks away under a policy accepting at most 2', () => {
    expect(codesOf('Unrealistic ROI;Unrealistic Timeline')).toEqual(['RED_FLAGS_PRESENT']);
    expect(codesOf('Unrealistic ROI;Unrealistic Timeline;Vendor Conflict History')).toEqual(['RED_FLAGS_EXCEEDED']);
  });
});

describe('repeated values', () => {
  it('count once, whatever their case and spaces', () => {
    expect(flagsOf('Unrealistic ROI;unrealistic roi; UNREALISTIC ROI ;Vendor Conflict History')).toEqual([
      'Unrealistic ROI',
      'Vendor Conflict History',
    ]);
  });

  it('never push a deal past the policy limit', () => {
    expect(codesOf('Unrealistic ROI;Unrealistic ROI;Unrealistic ROI;Unrealistic Timeline')).toEqual([
      'RED_FLAGS_PRESENT',
    ]);
    const score = scoreOpportunity(
      opportunity({ Amount: '155000', Customer_Red_Flags__c: 'Unrealistic ROI;Unrealistic ROI;Unrealistic ROI' }),
      policies(DEFAULT_POLICY),
    );
    expect(score.findings[0]?.figures.count).toBe(1);
  });
});

describe('unknown values', () => {
  it('are refused naming the field and the value, and the deal is not scored', () => {
    const read = readOpportunity({ Id: '006X', Customer_Red_Flags__c: 'Unrealistic ROI;Vendor Conflicts' });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems).toEqual([
      {
        field: 'Customer_Red_Flags__c',
        value: 'Unrealistic ROI;Vendor Conflicts',
        message: 'has a value the picklist does not have: "Vendor Conflicts"',
      },
    ]);
  });

  it('are all named when there are several', () => {
    const read = readOpportunity({ Customer_Red_Flags__c: 'Late;Rude;Unrealistic ROI' });
    expect(!read.ok && read.problems.map((p) => p.message)).toEqual([
      'has values the picklist does not have: "Late", "Rude"',
    ]);
  });

  it('readRedFlags keeps the known apart from the unknown', () => {
    expect(readRedFlags(' vendor conflict history ;;Nope')).toEqual({
      flags: ['Vendor Conflict History'],
      unknown: ['Nope'],
    });
    expect(readRedFlags(null)).toEqual({ flags: [], unknown: [] });
  });
});
