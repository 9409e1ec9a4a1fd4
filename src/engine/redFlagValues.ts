// Customer_Red_Flags__c as the engine counts it: each value of the picklist (RED_FLAG_VALUES, the
// one vocabulary) matched ignoring case and surrounding spaces, a repeated value counted once, and
// a value the picklist does not have reported, never counted.
import { RED_FLAG_VALUES, type RedFlag } from './codes.js';
import { matchKey, splitMultiSelect } from './parse.js';

const BY_KEY: ReadonlyMap<string, RedFlag> = new Map(RED_FLAG_VALUES.map((v) => [matchKey(v), v]));

export type RedFlagsRead = {
  /** The picklist's values, as the picklist spells them, each once, in the order first given. */
  readonly flags: readonly RedFlag[];
  /** Values that are not red flags of the picklist, as written. */
  readonly unknown: readonly string[];
};

const NONE: RedFlagsRead = Object.freeze({ flags: Object.freeze([]), unknown: Object.freeze([]) });

/** `Unrealistic ROI; unrealistic roi;Bogus` -> flags ['Unrealistic ROI'], unknown ['Bogus']. */
export function readRedFlags(value: string | null): RedFlagsRead {
  if (value === null) return NONE;
  const flags: RedFlag[] = [];
  const unknown: string[] = [];
  for (const item of splitMultiSelect(value)) {
    const flag = BY_KEY.get(matchKey(item));
    if (flag === undefined) unknown.push(item);
    else if (!flags.includes(flag)) flags.push(flag);
  }
  return { flags, unknown };
}
