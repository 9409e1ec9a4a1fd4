// A finding: one reason the deal is not a plain Proceed, with the figures that explain it.
import { FINDING_RULES, type Approver, type FindingCode, type FindingEffect } from './codes.js';

export type Figure = number | string | boolean | null | readonly string[];

export type Finding = {
  readonly code: FindingCode;
  readonly effect: FindingEffect;
  readonly approvers: readonly Approver[];
  /** The input field the finding is about (API name), when there is one. */
  readonly field: string | null;
  /** Figures behind the finding; money is in cents (`...Cents`). */
  readonly figures: Readonly<Record<string, Figure>>;
};

export function finding(code: FindingCode, field: string | null, figures: Readonly<Record<string, Figure>>): Finding {
  const rule = FINDING_RULES[code];
  return { code, effect: rule.effect, approvers: rule.approvers, field, figures };
}
