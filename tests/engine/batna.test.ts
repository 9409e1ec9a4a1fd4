// BATNA strength from pipeline figures (domain.md section 5).
import { assessBatna, scoreOpportunity, type PipelineFigures } from '../../src/engine';
import { opportunity, policies } from './support/fixtures';

const QUOTA = 50_000_000; // 500,000 this quarter
const base: PipelineFigures = {
  alternatives: 3,
  alternativesAmountCents: 30_000_000,
  closedWonCents: 10_000_000,
  quotaCents: QUOTA,
  daysToQuarterEnd: 45,
};
const codes = (p: PipelineFigures | null, amount: number | null = 14_000_000) =>
  assessBatna(p, amount).signals.map((s) => s.code);

describe('BATNA', () => {
  it('is Weak with one qualified opportunity for the quarter (the article)', () => {
    const b = assessBatna({ ...base, alternatives: 1, alternativesAmountCents: 5_000_000 }, 14_000_000);
    expect(b.strength).toBe('Weak');
    expect(b.signals.map((s) => s.code)).toEqual(['FEW_ALTERNATIVES', 'PIPELINE_GAP']);
    expect(b.advice.map((a) => a.code)).toEqual(['ADD_ALTERNATIVES', 'BUILD_PIPELINE']);
    expect(b.advice[0]?.figures.needed).toBe(4);
  });

  it('is Strong with five qualified opportunities that reach the number (the article)', () => {
    const b = assessBatna({ ...base, alternatives: 5, alternativesAmountCents: 40_000_000 }, 14_000_000);
    expect(b.strength).toBe('Strong');
    expect(b.signals.map((s) => s.code)).toEqual(['MANY_ALTERNATIVES', 'QUOTA_COVERED']);
    expect(b.advice).toEqual([]);
  });

  it('is Moderate between the two', () => {
    expect(assessBatna(base, 14_000_000).strength).toBe('Moderate');
  });

  it('is Unknown without pipeline figures', () => {
    expect(assessBatna(null, 14_000_000)).toMatchObject({
      strength: 'Unknown',
      signals: [{ code: 'NO_PIPELINE_DATA' }],
    });
  });

  it('is weakened by a deal that is a large share of quota, and advises closing smaller deals first', () => {
    const b = assessBatna({ ...base, alternatives: 5, alternativesAmountCents: 40_000_000 }, 25_000_000);
    expect(b.strength).toBe('Weak');
    expect(b.signals).toContainEqual({
      code: 'LARGE_SHARE_OF_QUOTA',
      weakens: true,
      figures: { sharePct: 50, maxDealSharePct: 50 },
    });
    expect(b.advice.map((a) => a.code)).toContain('CLOSE_SMALLER_DEALS_FIRST');
  });

  it('is weakened near quarter end with the quota not covered', () => {
    expect(codes({ ...base, daysToQuarterEnd: 21 })).toContain('QUARTER_END_GAP');
    expect(codes({ ...base, daysToQuarterEnd: 22 })).not.toContain('QUARTER_END_GAP');
  });

  it('is strong on coverage once the quota is met', () => {
    const b = assessBatna({ ...base, alternatives: 6, closedWonCents: QUOTA }, 1_000_000);
    expect(b.strength).toBe('Strong');
    expect(b.signals.map((s) => s.code)).toContain('QUOTA_MET');
  });

  it('asks for the quota when it is not recorded, and cannot be Strong without it', () => {
    const b = assessBatna({ ...base, alternatives: 8, quotaCents: null }, 1_000_000);
    expect(b.strength).toBe('Moderate');
    expect(b.advice.map((a) => a.code)).toEqual(['RECORD_QUOTA']);
  });

  it('adds an advisory WEAK_BATNA finding without changing the verdict', () => {
    const s = scoreOpportunity(opportunity({ Amount: '155000' }), policies(), { ...base, alternatives: 0 });
    expect(s.batna.strength).toBe('Weak');
    expect(s.findings.map((f) => f.code)).toEqual(['WEAK_BATNA']);
    expect(s.verdict).toBe('Proceed');
  });
});

// The article: "the revenue target is reachable without this deal" is a strong position, even with
// few other deals open, unless the deal is a large share of the quota (Batna_Max_Deal_Share_Pct__c).
describe('a target reachable without this deal', () => {
  const few = { ...base, alternatives: 0, alternativesAmountCents: 0 };

  it('is Strong when Closed Won already meets the quota, with no other deal open', () => {
    const b = assessBatna({ ...few, closedWonCents: QUOTA }, 14_000_000);
    expect(b.strength).toBe('Strong');
    expect(b.signals.map((s) => s.code)).toEqual(['FEW_ALTERNATIVES', 'QUOTA_MET']);
    expect(b.advice).toEqual([]);
  });

  it('is Strong when Closed Won plus one qualified deal reach it, and not a cent short', () => {
    const reach = { ...base, alternatives: 1, closedWonCents: 40_000_000, alternativesAmountCents: 10_000_000 };
    expect(assessBatna(reach, 14_000_000).strength).toBe('Strong');
    const short = { ...reach, alternativesAmountCents: 9_999_999 };
    expect(assessBatna(short, 14_000_000).strength).toBe('Weak');
  });

  it('is not Strong when the deal is half the quota or more (the policy’s 50%)', () => {
    const met = { ...few, closedWonCents: QUOTA };
    expect(assessBatna(met, 24_999_999).strength).toBe('Strong');
    const large = assessBatna(met, 25_000_000);
    expect(large.strength).toBe('Weak');
    expect(large.signals.map((s) => s.code)).toContain('LARGE_SHARE_OF_QUOTA');
  });

  it('gives no WEAK_BATNA finding to a rep whose quota is met', () => {
    const s = scoreOpportunity(opportunity({ Amount: '155000' }), policies(), {
      ...few,
      closedWonCents: QUOTA,
    });
    expect(s.batna.strength).toBe('Strong');
    expect(s.findings).toEqual([]);
  });
});
