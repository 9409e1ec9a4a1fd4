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
  FINDING_RULES,
} from 'c/walkAwayEngine';
import { reduceErrors, isConflict, isAccessDenied } from 'c/ldsUtils';
import { LABELS } from './labels';
import { OPPORTUNITY_OBJECT, RECORD_FIELDS, OUTPUT_FIELDS, DECISION_FIELDS, F, fieldName } from './fields';
import { flattenRecord, pipelineFigures } from './record';
import { formatLabel, moneyFormatter, numberFormatter, formatDate, today, parsePrice } from './format';
import { verdictView, findingsView, approvalsView, batnaView, gaugeView, pickTrack, talkTrackView } from './view';

/** At most this many automatic verdict writes per record and page load: a backstop against loops. */
const MAX_AUTOMATIC_WRITES = 3;

const DOOR_OPEN = 'Walked Away - Door Open';
const DOOR_CLOSED = 'Walked Away - Door Closed';
const EXCEPTION_APPROVED = 'Exception Approved';
const PROCEEDING = 'Proceeding';

export default class WalkAwayPanel extends LightningElement {
  @api recordId;

  label = LABELS;

  record;
  recordError;
  context;
  contextError;
  objectInfo;
  objectInfoError;

  /** The buyer's price typed in the counter-offer field, in cents, or null. */
  counterCents = null;
  counterText = '';

  saveStatus = null; // 'saved' | null
  conflict = false;
  accessDenied = false;
  saveError;

  decisionDraft = null;
  decisionDirty = false;
  decisionStatus = null;
  decisionError;
  decisionValidation = '';
  savingDecision = false;

  writing = false;
  lastWriteKey = null;
  automaticWrites = 0;
  /** The active policies of getPanelContext, validated and ranked once per response. */
  ranked = null;

  @wire(getRecord, { recordId: '$recordId', optionalFields: RECORD_FIELDS })
  wiredRecord({ data, error }) {
    this.record = data;
    this.recordError = error;
    if (data && !this.decisionDirty) this.decisionDraft = this.decisionFromRecord();
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
    return flattenRecord(this.record);
  }

  get loading() {
    return !this.loadErrors && (!this.record || !this.context);
  }

  /** Everything that stops the panel from showing a verdict, or null. */
  get loadErrors() {
    const errors = [this.recordError, this.contextError].filter((e) => e);
    if (errors.length) return errors;
    if (!this.record || !this.context) return null;
    const evaluation = this.evaluation;
    return evaluation.errors.length ? evaluation.errors : null;
  }

  /** The engine's verdict for the record as stored (and for the buyer's price, when typed). */
  get evaluation() {
    const flat = this.flat;
    const read = readOpportunity(flat);
    const errors = [];
    if (!read.ok) {
      for (const p of read.problems) {
        errors.push(new Error(formatLabel(LABELS.Error_FieldValue, this.fieldLabel(p.field), JSON.stringify(p.value))));
      }
    }
    const ranked = this.ranked;
    if (ranked.error) errors.push(new Error(`${LABELS.Error_Policy} ${reduceErrors(ranked.error).join(' ')}`));
    if (errors.length) return { errors };
    const pipeline = pipelineFigures(this.context.pipeline);
    const score = scoreOpportunity(read.opportunity, ranked.policies, pipeline);
    const counter =
      this.counterCents === null
        ? null
        : scoreOpportunity(atPrice(read.opportunity, this.counterCents), ranked.policies, pipeline);
    return { errors, flat, score, counter };
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
   * Writes the output fields when the engine's verdict differs from what is stored, the user may
   * edit them, and this exact change has not been attempted already (no write loops).
   */
  async syncOutputs() {
    if (!this.record || !this.context || !this.objectInfo || !this.canWriteOutputs) return;
    if (this.writing || this.conflict || this.automaticWrites >= MAX_AUTOMATIC_WRITES) return;
    const evaluation = this.evaluation;
    if (evaluation.errors.length) return;
    // Only the fields this user may edit: Walk_Away_Deal_Size__c is set by the integration or by
    // users who may edit costs, never by a rep's panel.
    const changed = {};
    for (const [field, value] of Object.entries(changedOutputs(evaluation.flat, outputRecord(evaluation.score)))) {
      if (this.fieldUpdateable(field)) changed[field] = value;
    }
    if (Object.keys(changed).length === 0) return;
    const key = `${this.recordId}|${JSON.stringify(changed)}`;
    if (key === this.lastWriteKey) return;
    this.lastWriteKey = key;
    this.writing = true;
    this.automaticWrites += 1;
    try {
      await updateRecord(
        { fields: { Id: this.recordId, ...changed, [F.SCORED_AT]: new Date().toISOString() } },
        { ifUnmodifiedSince: evaluation.flat[F.LAST_MODIFIED_DATE] },
      );
      this.saveStatus = 'saved';
      this.saveError = undefined;
    } catch (error) {
      this.handleWriteError(error, (e) => {
        this.saveError = e;
      });
    } finally {
      this.writing = false;
    }
  }

  handleWriteError(error, otherwise) {
    if (isConflict(error)) this.conflict = true;
    else if (isAccessDenied(error)) this.accessDenied = true;
    else otherwise(error);
  }

  async handleReload() {
    this.conflict = false;
    this.lastWriteKey = null;
    this.decisionDirty = false;
    this.decisionStatus = null;
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
      fieldLabel: (name) => this.fieldLabel(name),
    };
  }

  fieldLabel(name) {
    const info = this.objectInfo && this.objectInfo.fields && this.objectInfo.fields[name];
    return info && info.label ? info.label : name;
  }

  // ---- what the template shows ------------------------------------------------------------------

  get view() {
    if (!this.scored) return null;
    const { score, counter } = this.evaluation;
    const L = LABELS;
    const fmt = this.formatters;
    const decision = this.flat[F.DECISION] || null;
    const recordName = this.flat[F.NAME];
    const scenario = counter || score;
    const track = pickTrack(scenario, decision);
    return {
      heading: formatLabel(L.VerdictFor, recordName === null || recordName === undefined ? '' : recordName),
      verdict: verdictView(score.verdict, L),
      policy: formatLabel(L.PolicyApplied, score.policy || '—'),
      gauge: gaugeView(score, this.counterCents, L, fmt),
      findings: findingsView(score.findings, L, fmt),
      hasFindings: score.findings.length > 0,
      approvals: approvalsView(score, L),
      hasApprovals: score.approvals.length > 0,
      batna: batnaView(score.batna, L, fmt),
      counter: counter
        ? {
            verdict: verdictView(counter.verdict, L),
            sentence: formatLabel(
              L.Counter_Result,
              fmt.money(this.counterCents),
              verdictView(counter.verdict, L).label,
            ),
            findings: findingsView(
              counter.findings.filter((f) => f.code === 'BELOW_FLOOR' || f.code === 'BELOW_THRESHOLD'),
              L,
              fmt,
            ),
          }
        : null,
      talk: talkTrackView(track, scenario, L, fmt, {
        counterCents: counter ? this.counterCents : null,
        budgetMinCents: this.centsOf(this.flat[F.REENGAGE_BUDGET_MIN]),
        budgetMaxCents: this.centsOf(this.flat[F.REENGAGE_BUDGET_MAX]),
      }),
    };
  }

  centsOf(value) {
    return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) : null;
  }

  // ---- counter-offer ---------------------------------------------------------------------------

  handleCounterChange(event) {
    this.counterText = event.target.value;
    this.counterCents = parsePrice(this.counterText);
  }

  handleCounterClear() {
    this.counterText = '';
    this.counterCents = null;
  }

  get counterClearDisabled() {
    return this.counterText === '' || this.counterText === null || this.counterText === undefined;
  }

  // ---- decision --------------------------------------------------------------------------------

  decisionFromRecord() {
    const flat = flattenRecord(this.record);
    return {
      decision: flat[F.DECISION] || '',
      exitReason: flat[F.EXIT_REASON] || '',
      budgetMin: flat[F.REENGAGE_BUDGET_MIN] ?? null,
      budgetMax: flat[F.REENGAGE_BUDGET_MAX] ?? null,
      timeline: flat[F.REENGAGE_TIMELINE] || null,
      stakeholders: Boolean(flat[F.REENGAGE_STAKEHOLDERS]),
      scope: Boolean(flat[F.REENGAGE_SCOPE]),
      notes: flat[F.REENGAGE_NOTES] || '',
      buyerReturned: Boolean(flat[F.BUYER_RETURNED]),
      buyerReturnedOn: flat[F.BUYER_RETURNED_ON] || null,
      justification: flat[F.JUSTIFICATION] || '',
    };
  }

  get decisionOptions() {
    const L = LABELS;
    return [
      { label: L.Decision_Proceeding, value: PROCEEDING },
      { label: L.Decision_ExceptionApproved, value: EXCEPTION_APPROVED },
      { label: L.Decision_DoorOpen, value: DOOR_OPEN },
      { label: L.Decision_DoorClosed, value: DOOR_CLOSED },
    ];
  }

  get exitReasonOptions() {
    const L = LABELS;
    return [
      { label: L.ExitReason_Economics, value: 'Economics' },
      { label: L.ExitReason_UnacceptableRisk, value: 'Unacceptable Risk' },
      { label: L.ExitReason_StrategicMisfit, value: 'Strategic Misfit' },
      { label: L.ExitReason_RelationshipRedFlags, value: 'Relationship Red Flags' },
      { label: L.ExitReason_OpportunityCost, value: 'Opportunity Cost' },
    ];
  }

  get draft() {
    return this.decisionDraft || this.decisionFromRecord();
  }

  get walkedAway() {
    const d = this.draft.decision;
    return d === DOOR_OPEN || d === DOOR_CLOSED;
  }

  get doorOpen() {
    return this.draft.decision === DOOR_OPEN;
  }

  get exceptionApproved() {
    return this.draft.decision === EXCEPTION_APPROVED;
  }

  get approvedAmount() {
    const amount = this.flat[F.AMOUNT];
    return typeof amount === 'number' ? amount : null;
  }

  get recordedDecision() {
    const flat = this.flat;
    const value = flat[F.DECISION];
    if (!value) return LABELS.Decision_NoneYet;
    const option = this.decisionOptions.find((o) => o.value === value);
    return formatLabel(
      LABELS.Decision_Current,
      option ? option.label : value,
      formatDate(USER_LOCALE, flat[F.DECIDED_ON]),
    );
  }

  /** The exit reason the findings point to, offered when the rep chooses to walk away. */
  get suggestedExitReason() {
    if (!this.scored) return '';
    const blocking = this.evaluation.score.findings.find((f) => FINDING_RULES[f.code].exitReason);
    return blocking ? FINDING_RULES[blocking.code].exitReason : '';
  }

  handleDecisionInput(event) {
    const field = event.target.dataset.field;
    const value = event.target.type === 'checkbox' ? event.target.checked : event.detail.value;
    const draft = { ...this.draft, [field]: value };
    if (field === 'decision' && (value === DOOR_OPEN || value === DOOR_CLOSED) && !draft.exitReason) {
      draft.exitReason = this.suggestedExitReason;
    }
    if (field === 'buyerReturned' && value && !draft.buyerReturnedOn) draft.buyerReturnedOn = today();
    this.decisionDraft = draft;
    this.decisionDirty = true;
    this.decisionStatus = null;
    this.decisionValidation = '';
  }

  validateDecision(d) {
    if ((d.decision === DOOR_OPEN || d.decision === DOOR_CLOSED) && !d.exitReason) {
      return LABELS.Decision_ExitReasonRequired;
    }
    if (d.decision === EXCEPTION_APPROVED && !String(d.justification || '').trim()) {
      return LABELS.Decision_JustificationRequired;
    }
    const min = d.budgetMin === '' || d.budgetMin === null ? null : Number(d.budgetMin);
    const max = d.budgetMax === '' || d.budgetMax === null ? null : Number(d.budgetMax);
    if (d.decision === DOOR_OPEN && min !== null && max !== null && min > max) return LABELS.Decision_BudgetRange;
    return '';
  }

  get saveDecisionDisabled() {
    return !this.draft.decision || this.savingDecision || !this.decisionDirty;
  }

  async handleSaveDecision() {
    const d = this.draft;
    const problem = this.validateDecision(d);
    this.decisionValidation = problem;
    if (problem) return;
    const flat = this.flat;
    const blankToNull = (v) => (v === '' || v === undefined ? null : v);
    const fields = { Id: this.recordId, [F.DECISION]: d.decision };
    if (d.decision !== flat[F.DECISION] || !flat[F.DECIDED_ON]) fields[F.DECIDED_ON] = today();
    const walked = d.decision === DOOR_OPEN || d.decision === DOOR_CLOSED;
    fields[F.EXIT_REASON] = walked ? d.exitReason : null;
    if (d.decision === DOOR_OPEN) {
      fields[F.REENGAGE_BUDGET_MIN] = blankToNull(d.budgetMin) === null ? null : Number(d.budgetMin);
      fields[F.REENGAGE_BUDGET_MAX] = blankToNull(d.budgetMax) === null ? null : Number(d.budgetMax);
      fields[F.REENGAGE_TIMELINE] = blankToNull(d.timeline);
      fields[F.REENGAGE_STAKEHOLDERS] = Boolean(d.stakeholders);
      fields[F.REENGAGE_SCOPE] = Boolean(d.scope);
      fields[F.REENGAGE_NOTES] = blankToNull(d.notes);
    }
    if (walked) {
      fields[F.BUYER_RETURNED] = Boolean(d.buyerReturned);
      fields[F.BUYER_RETURNED_ON] = d.buyerReturned ? d.buyerReturnedOn || today() : null;
    }
    if (d.decision === EXCEPTION_APPROVED) {
      fields[F.APPROVED_AMOUNT] = this.approvedAmount;
      fields[F.JUSTIFICATION] = String(d.justification).trim();
    }
    this.savingDecision = true;
    try {
      await updateRecord({ fields }, { ifUnmodifiedSince: flat[F.LAST_MODIFIED_DATE] });
      this.decisionDirty = false;
      this.decisionStatus = 'saved';
      this.decisionError = undefined;
    } catch (error) {
      this.handleWriteError(error, (e) => {
        this.decisionError = e;
      });
    } finally {
      this.savingDecision = false;
    }
  }

  get decisionSaved() {
    return this.decisionStatus === 'saved';
  }
}
