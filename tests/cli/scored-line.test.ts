// The scored file's lines as written byte by byte (src/io/scoredLine.ts) are the bytes of resultLine,
// the line the scored file has always had, encoded as UTF-8: for the sample export's deals and for
// every kind of cell the byte writer hands back to resultLine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { rankPolicies, readOpportunity, readPolicies, scoreOpportunity, type Score } from '../../src/engine/index';
import { resultLine } from '../../src/io/resultWriter';
import { SCORED_LINE_ROOM, ScoredLineEncoder } from '../../src/io/scoredLine';
import { DEFAULT_POLICY } from '../engine/support/fixtures';

const SCORED_AT = '2026-11-26T00:00:00.000Z';
const ROOT = join(__dirname, '..', '..');

/** The encoder's line for each (id, score), written one after another into one buffer as a run does. */
function written(encoder: ScoredLineEncoder, lines: ReadonlyArray<readonly [string, Score]>): string[] {
  const out: string[] = [];
  const buf = Buffer.alloc(SCORED_LINE_ROOM * 2);
  let at = 7; // not at the start of the buffer: a line is written where the last one ended
  for (const [id, score] of lines) {
    const end = encoder.write(buf, at, id, score);
    out.push(buf.toString('utf8', at, end));
    at = end > SCORED_LINE_ROOM ? 7 : end;
  }
  return out;
}

const expected = (lines: ReadonlyArray<readonly [string, Score]>): string[] =>
  lines.map(([id, score]) => resultLine(id, score, SCORED_AT));

it("writes the sample export's deals as resultLine does", () => {
  const rows = parse(readFileSync(join(ROOT, 'samples', 'opportunities.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const ranked = rankPolicies(readPolicies([DEFAULT_POLICY]));
  const lines: Array<[string, Score]> = [];
  for (const row of rows) {
    const read = readOpportunity(row);
    if (read.ok) lines.push([row.Id ?? '', scoreOpportunity(read.opportunity, ranked, null)]);
  }
  expect(lines.length).toBeGreaterThan(30);
  // Twice: the second time every repeating cell comes from the encoder's caches.
  const all = [...lines, ...lines];
  expect(written(new ScoredLineEncoder(SCORED_AT), all)).toEqual(expected(all));
});

describe('cells the byte writer does not write itself', () => {
  const ranked = rankPolicies(
    readPolicies([
      DEFAULT_POLICY,
      { ...DEFAULT_POLICY, DeveloperName: 'Odd', MasterLabel: '-Odd, "name"', Priority__c: 1, Min_Amount__c: 1000000 },
    ]),
  );
  const read = readOpportunity({
    Id: '006A',
    Amount: '100',
    Direct_Cost__c: '80000',
    Allocated_Overhead__c: '25000',
    Customer_Red_Flags__c: 'Unrealistic ROI;Unrealistic Timeline',
  });
  if (!read.ok) throw new Error('unreadable');
  const base = scoreOpportunity(read.opportunity, ranked, null);
  const findingsOf = (n: number): Score['findings'] =>
    Array.from({ length: n }, (_, i) => base.findings[i % base.findings.length] as Score['findings'][number]);

  it.each<[string, string, Score]>([
    ['an Id a spreadsheet would run', '=006B', base],
    ['an Id with a comma', '006,C', base],
    ['an Id with quotes', '@006"D"', base],
    ['an Id that is not ASCII', '006Ü', base],
    ['a blank Id', '', base],
    ['an Id over 256 characters', '0'.repeat(300), base],
    ['a policy name to quote and escape', '006E', { ...base, policy: '-Odd, "name"' }],
    ['a policy name over 4,096 bytes', '006F', { ...base, policy: 'P'.repeat(5000) }],
    ['no policy, no floor, no threshold', '006G', { ...base, policy: null, floorCents: null, thresholdCents: null }],
    ['cents that are not whole', '006H', { ...base, floorCents: 12345.5 }],
    ['negative cents', '006I', { ...base, dealSizeCents: -705 }],
    ['zero and single-digit cents', '006J', { ...base, floorCents: 0, thresholdCents: 7, dealSizeCents: 100 }],
    ['every digit', '006Q', { ...base, floorCents: 123456789, thresholdCents: 9876543210, dealSizeCents: 1999 }],
    ['the largest whole cents', '006K', { ...base, floorCents: Number.MAX_SAFE_INTEGER }],
    [
      'around 2^31 units',
      '006R',
      { ...base, floorCents: 214748364699, thresholdCents: 214748364700, dealSizeCents: 214748364801 },
    ],
    ['more findings than a key holds', '006L', { ...base, findings: findingsOf(11) }],
    ['ten findings', '006M', { ...base, findings: findingsOf(10) }],
    ['no findings', '006N', { ...base, findings: [], approvals: [] }],
    ['approvals out of their order', '006O', { ...base, approvals: ['Legal', 'VP'] }],
    ['all approvals', '006P', { ...base, approvals: ['VP', 'Legal', 'C-Level', 'Strategic Review'] }],
  ])('%s', (_what, id, score) => {
    const encoder = new ScoredLineEncoder(SCORED_AT);
    // After a plain line (caches filled), and twice (from the caches).
    const lines: Array<[string, Score]> = [
      ['006Z', base],
      [id, score],
      [id, score],
    ];
    expect(written(encoder, lines)).toEqual(expected(lines));
  });

  it('writes a run time that needs quotes as resultLine does', () => {
    const odd = 'at "noon", 2026';
    const lines: Array<[string, Score]> = [['006A', base]];
    expect(written(new ScoredLineEncoder(odd), lines)).toEqual([resultLine('006A', base, odd)]);
  });
});
