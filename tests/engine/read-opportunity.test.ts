// Reading a record: every problem names its field and value; blanks are blanks.
import { readOpportunity } from '../../src/engine';

describe('readOpportunity', () => {
  it('names every field that cannot be read, with its value', () => {
    const r = readOpportunity({
      Id: '006X',
      Amount: '12O000',
      Direct_Cost__c: '-5',
      Unlimited_Liability__c: 'maybe',
      SLA_Uptime_Pct__c: '101',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      { field: 'Amount', value: '12O000', message: 'is not an amount' },
      { field: 'Direct_Cost__c', value: '-5', message: 'cannot be negative' },
      { field: 'SLA_Uptime_Pct__c', value: '101', message: 'must be between 0 and 100' },
      { field: 'Unlimited_Liability__c', value: 'maybe', message: 'is not true or false' },
    ]);
  });

  it('reads LDS values (numbers, booleans) as well as CSV text', () => {
    const r = readOpportunity({
      Amount: 140000.5,
      Direct_Cost__c: 80000,
      Allocated_Overhead__c: null,
      IP_Ownership_Transfer__c: true,
      Customer_Red_Flags__c: 'Unrealistic ROI; Unrealistic Timeline;',
    });
    expect(r.ok && r.opportunity).toMatchObject({
      amountCents: 14_000_050,
      directCostCents: 8_000_000,
      overheadCents: null,
      ipOwnershipTransfer: true,
      redFlags: ['Unrealistic ROI', 'Unrealistic Timeline'],
    });
  });

  it('reads numbers in E-notation, as Data Loader and Bulk API 2.0 write 10 million and more', () => {
    const r = readOpportunity({
      Amount: '1.04625E7',
      Direct_Cost__c: '8.2E6',
      Allocated_Overhead__c: '1.25E7',
      'Account.AnnualRevenue': '6.11289E+11',
      Payment_Terms_Days__c: '4.5E1',
    });
    expect(r.ok && r.opportunity).toMatchObject({
      amountCents: 1_046_250_000,
      directCostCents: 820_000_000,
      overheadCents: 1_250_000_000,
      annualRevenue: 611_289_000_000,
      paymentTermsDays: 45,
    });
  });
});
