// The scored file is written line by line without csv-stringify: the same bytes as before.
import { stringify } from 'csv-stringify/sync';
import { rankPolicies, readOpportunity, readPolicies, scoreOpportunity } from '../../src/engine/index';
import { DEFAULT_POLICY } from '../engine/support/fixtures';
import { csvLine, resultCells, resultLine } from '../../src/io/resultWriter';

it('quotes cells as csv-stringify did', () => {
  const cells = ['plain', '', 'a,b', 'say "hi"', 'two\nlines', 'lone\rCR', "'=1+2", '-5', ' sp '];
  expect(csvLine(cells)).toBe(stringify([cells], { record_delimiter: 'unix' }));
});

it('writes the same line as the cells of resultCells', () => {
  const policies = rankPolicies(
    readPolicies([
      DEFAULT_POLICY,
      { ...DEFAULT_POLICY, DeveloperName: 'Odd', MasterLabel: '-Odd, "name"', Priority__c: 1, Min_Amount__c: 1000000 },
    ]),
  );
  for (const [id, amount, flags] of [
    ['006A', '155000', ''],
    ['=006B', '100', 'Unrealistic ROI;Unrealistic Timeline'],
    ['006,C', '', ''],
    ['@006"D"', '99000', 'Unrealistic ROI'],
    ['-006E', '5000000', ''],
  ] as const) {
    const read = readOpportunity({
      Id: id,
      Amount: amount,
      Direct_Cost__c: '80000',
      Allocated_Overhead__c: '25000',
      Customer_Red_Flags__c: flags,
    });
    if (!read.ok) throw new Error('unreadable');
    const score = scoreOpportunity(read.opportunity, policies, null);
    expect(resultLine(id, score, '2026-11-26T00:00:00.000Z')).toBe(
      csvLine(resultCells(id, score, '2026-11-26T00:00:00.000Z')),
    );
  }
});
