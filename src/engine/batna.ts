// BATNA strength (domain.md section 5) as a pure function of the owner's pipeline figures.
// Strong when the quarter's target is reachable without this deal (quota already met by Closed Won,
// or Closed Won plus the other qualified pipeline reaches it) and the deal is not a large share of
// the quota (Batna_Max_Deal_Share_Pct__c, 50% by default). Otherwise: Weak when any pressure signal
// is present (few alternatives, pipeline far short of the remaining quota, the deal is a large
// share of quota, quarter end near with quota not covered); Strong when none is and both
// alternatives and coverage are strong; Moderate otherwise.
import type { BatnaStrength } from './codes.js';
import type { Cents } from './money.js';
import { DEFAULT_BATNA, type BatnaSettings } from './policy.js';

export type PipelineFigures = {
  /** The owner's other open qualified opportunities closing this quarter (this deal excluded). */
  readonly alternatives: number;
  readonly alternativesAmountCents: Cents;
  readonly closedWonCents: Cents;
  /** The owner's quota for the quarter; null when not recorded. */
  readonly quotaCents: Cents | null;
  readonly daysToQuarterEnd: number;
};

export type BatnaSignalCode =
  | 'NO_PIPELINE_DATA'
  | 'NO_QUOTA'
  | 'FEW_ALTERNATIVES'
  | 'MANY_ALTERNATIVES'
  | 'PIPELINE_GAP'
  | 'QUOTA_COVERED'
  | 'QUOTA_MET'
  | 'LARGE_SHARE_OF_QUOTA'
  | 'QUARTER_END_GAP';

export type BatnaSignal = {
  readonly code: BatnaSignalCode;
  /** true: weakens the rep's position; false: strengthens it; null: neither. */
  readonly weakens: boolean | null;
  readonly figures: Readonly<Record<string, number | null>>;
};

export type BatnaAdviceCode = 'ADD_ALTERNATIVES' | 'BUILD_PIPELINE' | 'CLOSE_SMALLER_DEALS_FIRST' | 'RECORD_QUOTA';

export type BatnaAdvice = { readonly code: BatnaAdviceCode; readonly figures: Readonly<Record<string, number>> };

export type Batna = {
  readonly strength: BatnaStrength;
  readonly signals: readonly BatnaSignal[];
  /** What would strengthen the position, most useful first. */
  readonly advice: readonly BatnaAdvice[];
};

const UNKNOWN: Batna = {
  strength: 'Unknown',
  signals: [{ code: 'NO_PIPELINE_DATA', weakens: null, figures: {} }],
  advice: [],
};

export function assessBatna(
  pipeline: PipelineFigures | null,
  amountCents: Cents | null,
  settings: BatnaSettings = DEFAULT_BATNA,
): Batna {
  if (pipeline === null) return UNKNOWN;
  const signals: BatnaSignal[] = [];
  const advice: BatnaAdvice[] = [];
  const { alternatives } = pipeline;

  if (alternatives <= settings.weakAlternatives) {
    signals.push({
      code: 'FEW_ALTERNATIVES',
      weakens: true,
      figures: { alternatives, weakAlternatives: settings.weakAlternatives },
    });
  } else if (alternatives >= settings.strongAlternatives) {
    signals.push({
      code: 'MANY_ALTERNATIVES',
      weakens: false,
      figures: { alternatives, strongAlternatives: settings.strongAlternatives },
    });
  }
  if (alternatives < settings.strongAlternatives) {
    advice.push({ code: 'ADD_ALTERNATIVES', figures: { needed: settings.strongAlternatives - alternatives } });
  }

  let coverageStrong = false;
  /** The target is reachable without this deal: met, or Closed Won plus other qualified pipeline reach it. */
  let reachable = false;
  let largeShare = false;
  if (pipeline.quotaCents === null || pipeline.quotaCents <= 0) {
    signals.push({ code: 'NO_QUOTA', weakens: null, figures: {} });
    advice.push({ code: 'RECORD_QUOTA', figures: {} });
  } else {
    const remainingCents = Math.max(0, pipeline.quotaCents - pipeline.closedWonCents);
    if (remainingCents === 0) {
      coverageStrong = true;
      reachable = true;
      signals.push({
        code: 'QUOTA_MET',
        weakens: false,
        figures: { quotaCents: pipeline.quotaCents, closedWonCents: pipeline.closedWonCents },
      });
    } else {
      const coveragePct = Math.floor((pipeline.alternativesAmountCents * 100) / remainingCents);
      const { alternativesAmountCents } = pipeline;
      reachable = alternativesAmountCents >= remainingCents;
      if (coveragePct < settings.weakCoveragePct) {
        signals.push({
          code: 'PIPELINE_GAP',
          weakens: true,
          // Written out, not spread from a shared object: a spread costs about a microsecond a deal.
          figures: { coveragePct, remainingCents, alternativesAmountCents, weakCoveragePct: settings.weakCoveragePct },
        });
      } else if (coveragePct >= settings.strongCoveragePct) {
        coverageStrong = true;
        signals.push({
          code: 'QUOTA_COVERED',
          weakens: false,
          figures: {
            coveragePct,
            remainingCents,
            alternativesAmountCents,
            strongCoveragePct: settings.strongCoveragePct,
          },
        });
      }
      if (!coverageStrong) {
        const targetCents = Math.ceil((remainingCents * settings.strongCoveragePct) / 100);
        advice.push({ code: 'BUILD_PIPELINE', figures: { gapCents: targetCents - alternativesAmountCents } });
      }
      if (pipeline.daysToQuarterEnd <= settings.lateQuarterDays && coveragePct < 100) {
        signals.push({
          code: 'QUARTER_END_GAP',
          weakens: true,
          figures: { daysToQuarterEnd: pipeline.daysToQuarterEnd, coveragePct, remainingCents },
        });
      }
    }
    if (amountCents !== null) {
      const sharePct = Math.floor((amountCents * 100) / pipeline.quotaCents);
      if (sharePct >= settings.maxDealSharePct) {
        largeShare = true;
        signals.push({
          code: 'LARGE_SHARE_OF_QUOTA',
          weakens: true,
          figures: { sharePct, maxDealSharePct: settings.maxDealSharePct },
        });
        if (alternatives > 0) advice.push({ code: 'CLOSE_SMALLER_DEALS_FIRST', figures: { alternatives } });
      }
    }
  }

  const weak = signals.some((s) => s.weakens === true);
  const strong = (reachable && !largeShare) || (!weak && alternatives >= settings.strongAlternatives && coverageStrong);
  const strength: BatnaStrength = strong ? 'Strong' : weak ? 'Weak' : 'Moderate';
  return { strength, signals, advice: strength === 'Strong' ? [] : advice };
}
