// The Walk-Away panel on the Opportunity page: the engine's verdict for the record, the price
// against the deal's own floor and threshold, the reasons in words, who must approve, a what-if on
// the buyer's price, and (collapsed) what to say, the rep's alternatives and the decision form.
// Reads through LDS and one cacheable Apex call; writes the verdict only when the stored one is
// stale and the user may edit it, once per page load.
import { LightningElement, api, wire } from 'lwc';
import { getRecord, updateRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import getPanelContext from '@salesforce/apex/WalkAwayController.getPanelContext';
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_CURRENCY from '@salesforce/i18n/currency';
import {
  readOpportunity,
  readPolicies,
  rankPolicies,
  scoreOpportunity,
  atPrice,
  outputRecord,
  changedOutputs,
  centsToNumber,
  FINDING_RULES,
} from 'c/walkAwayEngine';
import { reduceErrors, isConflict, isAccessDenied } from 'c/ldsUtils';
import { LABELS } from 'c/walkAwayLabels';
import {
  OPPORTUNITY_OBJECT,
  RECORD_FIELDS,
  OUTPUT_FIELDS,
  DECISION_FIELDS,
  F,
  fieldName,
  flattenRecord,
  centsOf,
} from 'c/walkAwayFields';
import { formatDate, formatLabel, moneyFormatter, numberFormatter } from 'c/walkAwayFormat';
import { readPrice, priceExample } from './price';
import { verdictView, findingsView, approvalsView, counterView } from './view';
import { gaugeView, noGaugeReason } from './gauge';
import { batnaView } from './batna';
import { dealPipeline } from './pipeline';
import { pickTrack, talkTrackView } from './talk';

export default class WalkAwayPanel extends LightningElement {
  @api recordId;

  label = LABELS;
  /** Talk track, BATNA and decision start collapsed: verdict, reasons and price stay in view. */
  openSections = [];

  record;
  recordError;
  context;
  contextError;
  objectInfo;
  objectInfoError;

  /** The buyer's price typed in the what-if, in cents, or null (blank or unreadable). */
  counterCents = null;
  counterText = '';

  saveStatus = null; // 'saved' | null
  conflict = false;
  accessDenied = false;
  saveError;

  writing = false;
  /** One automatic write per page load at most: the stale verdict, brought up to date. */
  wroteOnce = false;
  /** The active policies of getPanelContext, validated and ranked once per response. */
  ranked = null;
  memo = { key: null, value: null };
  viewMemo = { key: null, value: null };

  @wire(getRecord, { recordId: '$recordId', optionalFields: RECORD_FIELDS })
  wiredRecord({ data, error }) {
    this.record = data;
    this.recordError = error;
    this.syncOutputs();
  }

  @wire(getObjectInfo, { objectApiName: OPPORTUNITY_OBJECT })
  wiredObjectInfo({ data, error }) {
    this.objectInfo = data;
    this.objectInfoError = error;
    this.syncOutputs();
  }

  @wire(getPanelContext, { opportunityId: '$recordId' })
  wiredContext({ data, error }) {
    this.context = data;
    this.contextError = error;
    this.ranked = null;
    if (data) {
      try {
        this.ranked = { policies: rankPolicies(readPolicies(data.policies || [])) };
      } catch (policyError) {
        this.ranked = { error: policyError };
      }
    }
    this.syncOutputs();
  }

  // ---- reading and scoring -------------------------------------------------------------------

  get flat() {
    return this.evaluation.flat || flattenRecord(this.record);
  }

  get loading() {
    return !this.recordError && !this.contextError && (!this.record || !this.context);
  }

  /** Everything that stops the panel from showing a verdict, or null. */
  get loadErrors() {
    const errors = [this.recordError, this.contextError].filter((e) => e);
    if (errors.length) return errors;
    if (!this.record || !this.context) return null;
    const evaluation = this.evaluation;
    return evaluation.errors.length ? evaluation.errors : null;
  }

  /**
   * The engine's verdict for the record as stored, and for the buyer's price under the same
   * policy. Computed once per (record, policies, price): the template reads it many times.
   */
  get evaluation() {
    if (!this.record || !this.context || !this.ranked) return { errors: [] };
    const key = [this.record, this.ranked, this.counterCents];
    const m = this.memo;
    if (m.key && m.key.every((k, i) => k === key[i])) return m.value;
    const value = this.evaluate();
    // Mutated, not reassigned: a cache, not state the template should react to.
    m.key = key;
    m.value = value;
    return value;
  }

  evaluate() {
    const flat = flattenRecord(this.record);
    const read = readOpportunity(flat);
    const errors = [];
    if (!read.ok) {
      for (const p of read.problems) {
        errors.push(new Error(formatLabel(LABELS.Error_FieldValue, this.fieldLabel(p.field), JSON.stringify(p.value))));
      }
    }
    const ranked = this.ranked;
    if (ranked.error) errors.push(new Error(`${LABELS.Error_Policy} ${reduceErrors(ranked.error).join(' ')}`));
    if (errors.length) return { errors, flat };
    // The owner's figures in the deal's currency; amounts with no rate left out (and said so).
    const { figures: pipeline, ...currencies } = dealPipeline(this.context.pipeline, read.opportunity.currency);
    const score = scoreOpportunity(read.opportunity, ranked.policies, pipeline);
    // The buyer's price keeps the deal's own size, so it is judged under the deal's policy.
    const counter =
      this.counterCents === null
        ? null
        : scoreOpportunity(atPrice(read.opportunity, this.counterCents), ranked.policies, pipeline);
    return { errors, flat, opportunity: read.opportunity, score, counter, currencies };
  }

  get scored() {
    return !this.loading && !this.loadErrors;
  }

  // ---- writing the verdict -------------------------------------------------------------------

  fieldUpdateable(name) {
    const info = this.objectInfo && this.objectInfo.fields && this.objectInfo.fields[name];
    return Boolean(info && info.updateable);
  }

  get canWriteOutputs() {
    if (!this.objectInfo || this.accessDenied) return false;
    return OUTPUT_FIELDS.every((f) => this.fieldUpdateable(fieldName(f)));
  }

  get canWriteDecision() {
    if (!this.objectInfo || this.accessDenied) return false;
    return DECISION_FIELDS.every((f) => this.fieldUpdateable(fieldName(f)));
  }

  get readOnly() {
    return Boolean(this.scored && (this.objectInfoError || (this.objectInfo && !this.canWriteOutputs)));
  }

  /**
   * Brings a stale stored verdict up to date: only when the engine's verdict differs from what is
   * stored, the user may edit the output fields, the owner's pipeline figures are complete, and not
   * already done on this page load. The first
   * scoring also records the deal size (Amount) that picks the policy band, if the user may.
   */
  async syncOutputs() {
    if (this.wroteOnce || this.writing || this.conflict) return;
    if (!this.record || !this.context || !this.objectInfo || !this.canWriteOutputs) return;
    // Pipeline figures cut short by the platform's aggregate limit: shown, never stored.
    if (this.context.pipeline && this.context.pipeline.complete === false) return;
    const evaluation = this.evaluation;
    if (evaluation.errors.length) return;
    // Amounts left out for want of a rate this viewer could read: shown, never stored (the org has one).
    if (evaluation.currencies.leftOut.length) return;
    // Only the fields this user may edit. The deal size alone never triggers a write: it is
    // recorded below, with a verdict that needs writing, when blank and the user may edit it.
    const changed = {};
    for (const [field, value] of Object.entries(changedOutputs(evaluation.flat, outputRecord(evaluation.score)))) {
      if (field !== F.DEAL_SIZE && this.fieldUpdateable(field)) changed[field] = value;
    }
    if (Object.keys(changed).length === 0) return;
    const fields = { Id: this.recordId, ...changed, [F.SCORED_AT]: new Date().toISOString() };
    const dealSize = evaluation.flat[F.DEAL_SIZE];
    const amount = evaluation.opportunity.amountCents;
    if ((dealSize === null || dealSize === undefined) && amount !== null && this.fieldUpdateable(F.DEAL_SIZE)) {
      fields[F.DEAL_SIZE] = centsToNumber(amount);
    }
    this.wroteOnce = true;
    this.writing = true;
    try {
      await updateRecord({ fields }, { ifUnmodifiedSince: evaluation.flat[F.LAST_MODIFIED_DATE] });
      this.saveStatus = 'saved';
      this.saveError = undefined;
    } catch (error) {
      this.handleWriteError(error);
    } finally {
      this.writing = false;
    }
  }

  handleWriteError(error) {
    if (isConflict(error)) this.conflict = true;
    else if (isAccessDenied(error)) this.accessDenied = true;
    else this.saveError = error;
  }

  handleDecisionConflict() {
    this.conflict = true;
  }

  async handleReload() {
    this.conflict = false;
    await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
  }

  get saved() {
    return this.saveStatus === 'saved';
  }

  // ---- formatting ------------------------------------------------------------------------------

  get currencyCode() {
    const code = this.flat[F.CURRENCY_ISO_CODE];
    return typeof code === 'string' && code ? code : USER_CURRENCY;
  }

  get formatters() {
    return {
      money: moneyFormatter(USER_LOCALE, this.currencyCode),
      number: numberFormatter(USER_LOCALE),
      date: (isoDate) => formatDate(USER_LOCALE, isoDate),
      fieldLabel: (name) => this.fieldLabel(name),
    };
  }

  fieldLabel(name) {
    const info = this.objectInfo && this.objectInfo.fields && this.objectInfo.fields[name];
    return info && info.label ? info.label : name;
  }

  get recordTypeId() {
    const fromRecord = this.record && this.record.recordTypeId;
    return fromRecord || (this.objectInfo && this.objectInfo.defaultRecordTypeId) || undefined;
  }

  // ---- what the template shows ------------------------------------------------------------------

  /**
   * The template reads {view.…} some sixty times per render, and each read calls this getter:
   * built once per evaluation (record, policies, buyer's price), not once per read.
   */
  get view() {
    if (!this.scored) return null;
    const evaluation = this.evaluation;
    const memo = this.viewMemo;
    if (memo.key === evaluation) return memo.value;
    const value = this.buildView(evaluation);
    // Mutated, not reassigned: a cache, not state the template should react to.
    memo.key = evaluation;
    memo.value = value;
    return value;
  }

  buildView(evaluation) {
    const { score, counter, flat, currencies } = evaluation;
    const L = LABELS;
    const fmt = this.formatters;
    const scenario = counter || score;
    const gauge = gaugeView(score, this.counterCents, L, fmt);
    const batna = batnaView(score.batna, L, fmt, { ...currencies, dealCurrency: this.currencyCode });
    const track = pickTrack(scenario, {
      decision: flat[F.DECISION] || null,
      buyerReturned: flat[F.BUYER_RETURNED] === true,
    });
    const talk = talkTrackView(track, scenario, L, fmt, {
      locale: USER_LOCALE,
      counterCents: counter ? this.counterCents : null,
      budgetMinCents: centsOf(flat[F.REENGAGE_BUDGET_MIN]),
      budgetMaxCents: centsOf(flat[F.REENGAGE_BUDGET_MAX]),
    });
    return {
      verdict: verdictView(score, L),
      policy: score.policy ? formatLabel(L.PolicyApplied, score.policy) : '',
      gauge,
      noGauge: gauge ? '' : noGaugeReason(score, L),
      findings: findingsView(score.findings, L, fmt),
      hasFindings: score.findings.length > 0,
      approvals: approvalsView(score, L, USER_LOCALE),
      counter: counter ? counterView(score, counter, this.counterCents, L, fmt) : null,
      talk,
      batna,
      batnaHeading: `${L.Batna_Heading}: ${batna.strength}`,
    };
  }

  // ---- the buyer's price (what-if) -------------------------------------------------------------

  get counterInput() {
    return this.template.querySelector('[data-id="counter-input"]');
  }

  handleCounterChange(event) {
    this.counterText = event.detail.value;
    const read = readPrice(this.counterText, USER_LOCALE, this.currencyCode);
    const message = read.problem ? this.priceProblem(read.problem) : '';
    this.counterCents = read.problem ? null : read.cents;
    const input = event.target;
    input.setCustomValidity(message);
    input.reportValidity();
  }

  priceProblem(problem) {
    if (problem === 'negative') return LABELS.Counter_Negative;
    if (problem === 'tooLarge') return LABELS.Counter_TooLarge;
    return formatLabel(LABELS.Counter_Unreadable, priceExample(USER_LOCALE));
  }

  handleCounterClear() {
    this.counterText = '';
    this.counterCents = null;
    const input = this.counterInput;
    if (input) {
      input.setCustomValidity('');
      input.reportValidity();
      // The Clear button disables itself: the rep goes back to typing a price.
      input.focus();
    }
  }

  get counterClearDisabled() {
    return this.counterText === '' || this.counterText === null || this.counterText === undefined;
  }

  // ---- the decision form (c-walk-away-decision) ------------------------------------------------

  /** The exit reason the findings point to, offered when the rep chooses to walk away. */
  get suggestedExitReason() {
    if (!this.scored) return '';
    const blocking = this.evaluation.score.findings.find((f) => FINDING_RULES[f.code].exitReason);
    return blocking ? FINDING_RULES[blocking.code].exitReason : '';
  }
}
