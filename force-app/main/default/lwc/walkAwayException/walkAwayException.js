import { LightningElement, api } from 'lwc';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getException from '@salesforce/apex/WalkAwayExceptionController.getException';
import requestException from '@salesforce/apex/WalkAwayExceptionController.requestException';
import decideException from '@salesforce/apex/WalkAwayExceptionController.decideException';
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_CURRENCY from '@salesforce/i18n/currency';
import { exceptionRoute } from 'c/walkAwayEngine';
import { LABELS, STATUS_LABELS, APPROVER_LABELS } from './labels';

/** The shortest justification the org accepts (validation rule Justification_Written). */
export const MIN_JUSTIFICATION = 20;

const format = (template, ...values) => values.reduce((text, v, i) => text.replace(`{${i}}`, v ?? ''), template);

/**
 * A deal's exception: "Request exception" with a written justification when the findings allow
 * one (the engine's exceptionRoute: never below the floor), the request's status and each
 * approver's name and date, whether an approved exception applies, and approve / reject for an
 * approver whose step is waiting. Everything it shows comes from WalkAwayExceptionController,
 * which applies sharing and field-level security; text goes through the template, never innerHTML.
 */
export default class WalkAwayException extends LightningElement {
  @api recordId;

  label = LABELS;
  /** The deal's findings as last scored, from the controller. */
  findings = [];
  state = null;
  loaded = false;
  error;
  busy = false;
  sent = false;

  drafting = false;
  justification = '';
  justificationError = '';
  comment = '';

  connectedCallback() {
    this.load();
  }

  async load() {
    try {
      this.show(await getException({ opportunityId: this.recordId }));
      this.error = undefined;
    } catch (e) {
      this.error = e;
    }
    this.loaded = true;
  }

  show(result) {
    this.findings = result?.findings ?? [];
    this.state = result?.latest ?? null;
  }

  get route() {
    return exceptionRoute(this.findings);
  }

  get ready() {
    return this.loaded;
  }

  get refused() {
    return this.route.refusedBy !== null;
  }

  /** A request may be made: the findings allow one and none is waiting or applies. */
  get canRequest() {
    const status = this.state?.status;
    return this.route.allowed && status !== 'Requested' && !this.state?.applies;
  }

  get hasState() {
    return !!this.state;
  }

  get statusText() {
    return STATUS_LABELS[this.state.status] ?? this.state.status;
  }

  get statusClass() {
    const tone = { Approved: 'success', Requested: 'warning', Stale: 'error', Rejected: 'error' }[this.state.status];
    return `slds-badge status${tone ? ` status_${tone}` : ''}`;
  }

  get requestedText() {
    return format(LABELS.RequestedBy, this.state.requestedBy, this.date(this.state.requestedOn));
  }

  get steps() {
    return (this.state?.steps ?? []).map((step) => {
      const who = APPROVER_LABELS[step.approver] ?? step.approver;
      return {
        key: step.approver,
        text: step.approvedBy
          ? format(LABELS.ApprovedBy, who, step.approvedBy, this.date(step.approvedOn))
          : format(LABELS.Waiting, who),
        className: step.approvedBy ? 'step step_done' : 'step',
      };
    });
  }

  get appliesText() {
    const approvers = (this.state?.steps ?? []).map((s) => APPROVER_LABELS[s.approver] ?? s.approver).join(', ');
    return format(LABELS.Applies, approvers, this.money(this.state.amount));
  }

  get stale() {
    return this.state?.status === 'Stale';
  }

  get staleText() {
    return format(LABELS.Stale, this.state.staleReason);
  }

  get canDecide() {
    return this.state?.canDecide === true;
  }

  get submitDisabled() {
    return this.busy;
  }

  date(value) {
    if (!value) return '';
    return new Intl.DateTimeFormat(USER_LOCALE, { dateStyle: 'medium' }).format(new Date(value));
  }

  money(value) {
    if (value === null || value === undefined) return '';
    return new Intl.NumberFormat(USER_LOCALE, { style: 'currency', currency: USER_CURRENCY }).format(value);
  }

  handleStart() {
    this.drafting = true;
    this.sent = false;
  }

  handleCancel() {
    this.drafting = false;
    this.justification = '';
    this.justificationError = '';
  }

  handleJustification(event) {
    this.justification = event.detail.value ?? event.target.value ?? '';
    if (this.justificationError && this.justification.trim().length >= MIN_JUSTIFICATION) this.justificationError = '';
  }

  handleComment(event) {
    this.comment = event.detail.value ?? event.target.value ?? '';
  }

  async handleSubmit() {
    if (this.justification.trim().length < MIN_JUSTIFICATION) {
      this.justificationError = LABELS.JustificationTooShort;
      return;
    }
    await this.act(() => requestException({ opportunityId: this.recordId, justification: this.justification.trim() }));
    if (!this.error) {
      this.drafting = false;
      this.justification = '';
      this.sent = true;
    }
  }

  handleApprove() {
    return this.act(() => decideException({ exceptionId: this.state.id, approve: true, comment: this.comment }));
  }

  handleReject() {
    return this.act(() => decideException({ exceptionId: this.state.id, approve: false, comment: this.comment }));
  }

  async act(call) {
    this.busy = true;
    this.error = undefined;
    try {
      this.show(await call());
      this.comment = '';
      // The approval writes the deal's approval snapshot: let the panel and LDS read it again.
      await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }
}
