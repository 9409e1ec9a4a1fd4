// Label keys derived from the engine's own values, so that no verdict, approver or strength is
// spelled again here: 'Approval Required' -> Verdict_ApprovalRequired, 'C-Level' -> Approver_CLevel.
import { formatLabel } from 'c/walkAwayFormat';

/** 'Approval Required' -> 'ApprovalRequired'. */
export const keyOf = (value) => String(value).replace(/[^A-Za-z0-9]/g, '');

export const verdictLabel = (verdict, L) => L[`Verdict_${keyOf(verdict)}`] || verdict;
export const approverLabel = (approver, L) => L[`Approver_${keyOf(approver)}`] || approver;
export const strengthLabel = (strength, L) => L[`Batna_${keyOf(strength)}`] || strength;
/** What a finding does, in words: blocks the deal, needs approval, missing information, for information. */
export const weightLabel = (effect, L) => L[`Weight_${keyOf(effect)}`] || effect;

/**
 * A label chosen by count, as Custom Labels have no plural forms: `${base}_None` for 0 and
 * `${base}_One` for 1 when such a label exists, `base` otherwise.
 */
export function countedLabel(L, base, count, ...args) {
  const variant = count === 0 ? `${base}_None` : count === 1 ? `${base}_One` : null;
  return formatLabel(variant && L[variant] ? L[variant] : L[base], ...args);
}

/** "VP of Sales, Legal and C-level executive" style lists, in the user's locale. */
export function listOf(items, locale) {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
