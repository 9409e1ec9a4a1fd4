// Pipeline figures per owner, from the rows of an export.
import {
  addToPipeline,
  calendarQuarter,
  daysToQuarterEnd,
  pipelineFor,
  type OwnerTotals,
  type PipelineRow,
} from '../../src/engine';

const q = calendarQuarter('2026-11-26');
const row = (fields: Partial<PipelineRow>): PipelineRow => ({
  ownerId: 'U1',
  amountCents: 1_000_000,
  probability: 50,
  closeDate: '2026-12-15',
  isClosed: false,
  isWon: false,
  ...fields,
});

describe('pipeline figures', () => {
  it('knows the calendar quarter and the days left in it', () => {
    expect(q).toEqual({ start: '2026-10-01', end: '2026-12-31', today: '2026-11-26' });
    expect(calendarQuarter('2024-02-10').end).toBe('2024-03-31');
  });

  it('counts other open qualified deals this quarter, won amounts, and never the deal itself', () => {
    const totals = new Map<string, OwnerTotals>();
    const deal = row({ amountCents: 14_000_000 });
    const rows = [
      deal,
      row({}),
      row({ probability: 19 }), // not qualified
      row({ closeDate: '2027-01-01' }), // next quarter
      row({ isClosed: true, isWon: true, amountCents: 2_500_000, closeDate: '2026-10-05' }),
      row({ isClosed: true, isWon: false }),
      row({ ownerId: 'U2' }),
    ];
    for (const r of rows) addToPipeline(totals, r, q);
    expect(pipelineFor(totals.get('U1'), deal, 50_000_000, q)).toEqual({
      alternatives: 1,
      alternativesAmountCents: 1_000_000,
      closedWonCents: 2_500_000,
      quotaCents: 50_000_000,
      daysToQuarterEnd: 35,
    });
    expect(pipelineFor(totals.get('U9'), deal, null, q)).toBeNull();
  });

  it('gives each quarter its own days to the end, however the calls alternate (computed once a quarter)', () => {
    const other = calendarQuarter('2024-02-10');
    const late = { start: '2026-10-01', end: '2026-12-31', today: '2027-01-05' };
    const totals = new Map<string, OwnerTotals>([
      ['U1', { alternatives: 0, alternativesAmountCents: 0, closedWonCents: 0 }],
    ]);
    const days = [q, other, q, late, other, late].map((quarter) => daysToQuarterEnd(quarter));
    expect(days).toEqual([35, 50, 35, 0, 50, 0]);
    expect(pipelineFor(totals.get('U1'), row({}), null, other)?.daysToQuarterEnd).toBe(50);
    expect(pipelineFor(totals.get('U1'), row({}), null, q)?.daysToQuarterEnd).toBe(35);
  });
});
