import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import DETAILS from '@salesforce/label/c.WalkAway_Error_Details';
import UNKNOWN from '@salesforce/label/c.WalkAway_Error_Unknown';

/** Shows one friendly message and, below it, every message reduceErrors finds in `errors`. */
export default class ErrorPanel extends LightningElement {
  /** Headline for the person reading, e.g. "Walk-Away could not check this deal". */
  @api friendlyMessage;
  /** One error or an array of errors of any shape reduceErrors understands. */
  @api errors;

  label = { details: DETAILS };

  get messages() {
    const messages = reduceErrors(this.errors);
    return (messages.length ? messages : [UNKNOWN]).map((text, index) => ({ key: `m${index}`, text }));
  }
}
