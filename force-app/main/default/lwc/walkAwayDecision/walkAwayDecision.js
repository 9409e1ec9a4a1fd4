// The rep's decision: proceed, or walk away (door open or closed) with the main reason, the
// conditions for coming back and what the rep learned from it. Options and their labels are the
// org's picklists (getPicklistValues); the engine's DECISION names the values the form reacts to.
// "Exception approved" is recorded by the exception approval, not by hand: it is offered only
// while an approved exception exists.
import { LightningElement, api, wire } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import USER_LOCALE from '@salesforce/i18n/locale';
import { DECISION, DECISIONS, EXIT_REASONS, WALKED_AWAY_DECISIONS } from 'c/walkAwayEngine';
import { LABELS } from 'c/walkAwayLabels';
import { DECISION_FIELD, EXIT_REASON_FIELD, F } from 'c/walkAwayFields';
import { formatLabel, formatDate, today } from 'c/walkAwayFormat';
import { isConflict } from 'c/ldsUtils';

const blankToNull = (v) => (v === '' || v === undefined ? null : v);
const numberOrNull = (v) => (blankToNull(v) === null ? null : Number(v));

/** The org's picklist as radio/combobox options, or the engine's values while it loads or fails. */
function optionsOf(picklist, fallback) {
  const values = picklist && picklist.data && picklist.data.values;
  if (values && values.length) return values.map((v) => ({ label: v.label, value: v.value }));
  return fallback.map((value) => ({ label: value, value }));
}

export default class WalkAwayDecision extends LightningElement {
  @api recordId;
  @api recordTypeId;
  /** May the user write the decision fields (FLS)? */
  @api canEdit = false;
  /** The exit reason the findings point to, offered first when the rep walks away. */
  @api suggestedExitReason = '';
  @api currencyCode;

  label = LABELS;
  draft = null;
  dirty = false;
  saving = false;
  saved = false;
  error;
  _record = {};

  /** The record flattened (field API names as keys), as the panel holds it. */
  @api
  get record() {
    return this._record;
  }
  set record(value) {
    this._record = value || {};
    if (!this.dirty) this.draft = null;
  }

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: DECISION_FIELD })
  decisionPicklist;

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: EXIT_REASON_FIELD })
  exitReasonPicklist;

  fromRecord() {
    const r = this._record;
    return {
      decision: r[F.DECISION] || '',
      exitReason: r[F.EXIT_REASON] || '',
      budgetMin: r[F.REENGAGE_BUDGET_MIN] ?? null,
      budgetMax: r[F.REENGAGE_BUDGET_MAX] ?? null,
      timeline: r[F.REENGAGE_TIMELINE] || null,
      stakeholders: Boolean(r[F.REENGAGE_STAKEHOLDERS]),
      scope: Boolean(r[F.REENGAGE_SCOPE]),
      notes: r[F.REENGAGE_NOTES] || '',
      buyerReturned: Boolean(r[F.BUYER_RETURNED]),
      buyerReturnedOn: r[F.BUYER_RETURNED_ON] || null,
      justification: r[F.JUSTIFICATION] || '',
      lessons: r[F.LESSONS_LEARNED] || '',
    };
  }

  get current() {
    return this.draft || this.fromRecord();
  }

  get hasApprovedException() {
    return Boolean(this._record[F.APPROVED_EXCEPTION]);
  }

  get allDecisionOptions() {
    return optionsOf(this.decisionPicklist, DECISIONS);
  }

  /** Every decision but "Exception approved", unless an approved exception exists or it is recorded. */
  get decisionOptions() {
    const keep = this.hasApprovedException || this._record[F.DECISION] === DECISION.EXCEPTION_APPROVED;
    return this.allDecisionOptions.filter((o) => keep || o.value !== DECISION.EXCEPTION_APPROVED);
  }

  get exceptionNote() {
    return this.decisionOptions.some((o) => o.value === DECISION.EXCEPTION_APPROVED)
      ? ''
      : LABELS.Decision_ExceptionByApproval;
  }

  get exitReasonOptions() {
    return optionsOf(this.exitReasonPicklist, EXIT_REASONS);
  }

  get walkedAway() {
    return WALKED_AWAY_DECISIONS.includes(this.current.decision);
  }

  get doorOpen() {
    return this.current.decision === DECISION.DOOR_OPEN;
  }

  get exceptionApproved() {
    return this.current.decision === DECISION.EXCEPTION_APPROVED;
  }

  get approvedAmount() {
    const amount = this._record[F.APPROVED_AMOUNT];
    return typeof amount === 'number' ? amount : null;
  }

  get hasApprovedAmount() {
    return this.approvedAmount !== null;
  }

  /** "Recorded: Walked away, door open on 2 Nov 2026", with the org's label of the value. */
  get recordedDecision() {
    const value = this._record[F.DECISION];
    if (!value) return LABELS.Decision_NoneYet;
    const option = this.allDecisionOptions.find((o) => o.value === value);
    return formatLabel(
      LABELS.Decision_Current,
      option ? option.label : value,
      formatDate(USER_LOCALE, this._record[F.DECIDED_ON]),
    );
  }

  get saveDisabled() {
    return !this.current.decision || this.saving || !this.dirty;
  }

  handleInput(event) {
    const field = event.target.dataset.field;
    const value = event.target.type === 'checkbox' ? event.target.checked : event.detail.value;
    const draft = { ...this.current, [field]: value };
    if (field === 'decision' && WALKED_AWAY_DECISIONS.includes(value) && !draft.exitReason) {
      draft.exitReason = this.suggestedExitReason || '';
    }
    if (field === 'buyerReturned' && value && !draft.buyerReturnedOn) draft.buyerReturnedOn = today();
    // A message set on this field by the last Save no longer applies to the new value.
    if (typeof event.target.setCustomValidity === 'function') event.target.setCustomValidity('');
    this.draft = draft;
    this.dirty = true;
    this.saved = false;
    this.error = undefined;
  }

  field(name) {
    return this.template.querySelector(`[data-field="${name}"]`);
  }

  /**
   * The first field that stops the save, marked with its message, or null. Fields the browser
   * cannot read (a date typed as "31/02") are invalid too: their value is not dropped silently.
   */
  firstInvalidField(d) {
    const rules = [
      ['exitReason', WALKED_AWAY_DECISIONS.includes(d.decision) && !d.exitReason, LABELS.Decision_ExitReasonRequired],
      [
        'justification',
        d.decision === DECISION.EXCEPTION_APPROVED && !String(d.justification || '').trim(),
        LABELS.Decision_JustificationRequired,
      ],
      [
        'budgetMin',
        d.decision === DECISION.DOOR_OPEN &&
          numberOrNull(d.budgetMin) !== null &&
          numberOrNull(d.budgetMax) !== null &&
          numberOrNull(d.budgetMin) > numberOrNull(d.budgetMax),
        LABELS.Decision_BudgetRange,
      ],
    ];
    let first = null;
    for (const [name, broken, message] of rules) {
      const input = this.field(name);
      if (!input) continue;
      input.setCustomValidity(broken ? message : '');
      if (broken && !first) first = input;
    }
    for (const input of this.template.querySelectorAll('[data-field]')) {
      const valid = typeof input.reportValidity === 'function' ? input.reportValidity() : true;
      if (valid === false && !first) first = input;
    }
    return first;
  }

  async handleSave() {
    const d = this.current;
    const invalid = this.firstInvalidField(d);
    if (invalid) {
      invalid.focus();
      return;
    }
    const r = this._record;
    const fields = { Id: this.recordId, [F.DECISION]: d.decision };
    if (d.decision !== r[F.DECISION] || !r[F.DECIDED_ON]) fields[F.DECIDED_ON] = today();
    const walked = WALKED_AWAY_DECISIONS.includes(d.decision);
    fields[F.EXIT_REASON] = walked ? d.exitReason : null;
    if (d.decision === DECISION.DOOR_OPEN) {
      fields[F.REENGAGE_BUDGET_MIN] = numberOrNull(d.budgetMin);
      fields[F.REENGAGE_BUDGET_MAX] = numberOrNull(d.budgetMax);
      fields[F.REENGAGE_TIMELINE] = blankToNull(d.timeline);
      fields[F.REENGAGE_STAKEHOLDERS] = Boolean(d.stakeholders);
      fields[F.REENGAGE_SCOPE] = Boolean(d.scope);
      fields[F.REENGAGE_NOTES] = blankToNull(d.notes);
    }
    if (walked) {
      // Learn from it: what the rep would do differently, kept with the decision.
      fields[F.LESSONS_LEARNED] = blankToNull(String(d.lessons || '').trim());
      fields[F.BUYER_RETURNED] = Boolean(d.buyerReturned);
      fields[F.BUYER_RETURNED_ON] = d.buyerReturned ? blankToNull(d.buyerReturnedOn) : null;
    }
    if (d.decision === DECISION.EXCEPTION_APPROVED) fields[F.JUSTIFICATION] = String(d.justification).trim();
    this.saving = true;
    this.error = undefined;
    try {
      await updateRecord({ fields }, { ifUnmodifiedSince: r[F.LAST_MODIFIED_DATE] });
      this.dirty = false;
      this.draft = null;
      this.saved = true;
      // The Save button is disabled now: focus moves to the line that says what was recorded.
      // eslint-disable-next-line @lwc/lwc/no-async-operation
      requestAnimationFrame(() => {
        const recorded = this.template.querySelector('[data-id="recorded-decision"]');
        if (recorded) recorded.focus();
      });
    } catch (error) {
      if (isConflict(error)) {
        this.dispatchEvent(new CustomEvent('conflict'));
      } else {
        this.error = error;
      }
    } finally {
      this.saving = false;
    }
  }
}
