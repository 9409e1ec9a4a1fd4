// The pipeline cells of a plain record (io/export/plainRecord.ts) read from its bytes: the same
// PipelineRow and currency key as readPipelineRow and currencyKey give for the record's text
// (pipeline.ts), for cells in the forms exports write. Owner, CloseDate and currency are read once
// per distinct value; Amount and Probability digit by digit. A cell in any other form (spaces
// around it, another spelling of a checkbox, a CloseDate that is not a date, a quota) is not
// guessed at: `undefined` says so, and the record is read as text.
import { currencyKey, plainCentsAt, type Cents, type PipelineRow } from '../engine/index.js';
import { DELETED_COLUMN, QUOTA_COLUMN } from '../io/export/columns.js';
import { DistinctCells, digitsAt, flagAt, trimmedAt, type PlainRecord } from '../io/export/plainRecord.js';
import { closeDateIn } from './closeDate.js';

const NONE = -1;

export class PipelineCells {
  private readonly owner: number;
  private readonly amount: number;
  private readonly probability: number;
  private readonly closeDate: number;
  private readonly isClosed: number;
  private readonly isWon: number;
  private readonly currency: number;
  private readonly deleted: number;
  private readonly quota: number;
  private readonly owners = new DistinctCells((text) => text);
  private readonly dates = new DistinctCells(closeDateIn);
  private readonly currencies = new DistinctCells((text) => currencyKey(text));

  /** For records of these columns (PlainRecord.columns). */
  public constructor(public readonly columns: readonly (string | null)[]) {
    const at = (name: string): number => columns.indexOf(name);
    this.owner = at('OwnerId');
    this.amount = at('Amount');
    this.probability = at('Probability');
    this.closeDate = at('CloseDate');
    this.isClosed = at('IsClosed');
    this.isWon = at('IsWon');
    this.currency = at('CurrencyIsoCode');
    this.deleted = at(DELETED_COLUMN);
    this.quota = at(QUOTA_COLUMN);
  }

  /** Whether the record is a deleted one (IsDeleted true); undefined when its cell is spelt otherwise. */
  public isDeleted(r: PlainRecord): boolean | undefined {
    if (this.deleted === NONE) return false;
    const f = flagAt(r.bytes, r.starts[this.deleted] as number, r.ends[this.deleted] as number);
    return f === -1 ? undefined : f === 1;
  }

  /**
   * readPipelineRow's row for the record, when it has no problems: null when the deal is no
   * alternative (no owner); undefined when a cell is not in a plain form, or cannot be read (read
   * the record as text). `amountCents`, when given, is the Amount as readOpportunity read it.
   */
  public row(r: PlainRecord, amountCents?: Cents | null): PipelineRow | null | undefined {
    const b = r.bytes;
    const { starts, ends } = r;
    if (this.quota !== NONE && ends[this.quota] !== starts[this.quota]) return undefined;

    let ownerId = '';
    if (this.owner !== NONE) {
      const s = starts[this.owner] as number;
      const e = ends[this.owner] as number;
      if (e !== s) {
        if (!trimmedAt(b, s, e)) return undefined;
        ownerId = this.owners.at(b, s, e);
      }
    }
    let cents: Cents | null = null;
    if (amountCents !== undefined) cents = amountCents;
    else if (this.amount !== NONE) {
      const s = starts[this.amount] as number;
      const e = ends[this.amount] as number;
      if (e !== s) {
        cents = plainCentsAt(b, s, e);
        if (cents === -1) return undefined;
      }
    }
    let probability: number | null = null;
    if (this.probability !== NONE) {
      const s = starts[this.probability] as number;
      const e = ends[this.probability] as number;
      if (e !== s) {
        probability = digitsAt(b, s, e);
        if (probability === -1) return undefined;
      }
    }
    let closeDate: string | null = null;
    if (this.closeDate !== NONE) {
      const s = starts[this.closeDate] as number;
      const e = ends[this.closeDate] as number;
      if (e !== s) {
        closeDate = this.dates.at(b, s, e);
        if (closeDate === null) return undefined;
      }
    }
    const isClosed =
      this.isClosed === NONE ? 0 : flagAt(b, starts[this.isClosed] as number, ends[this.isClosed] as number);
    const isWon = this.isWon === NONE ? 0 : flagAt(b, starts[this.isWon] as number, ends[this.isWon] as number);
    if (isClosed === -1 || isWon === -1) return undefined;
    if (ownerId === '') return null;
    return { ownerId, amountCents: cents, probability, closeDate, isClosed: isClosed === 1, isWon: isWon === 1 };
  }

  /** currencyKey of the record's CurrencyIsoCode. */
  public currencyOf(r: PlainRecord): string {
    if (this.currency === NONE) return '';
    const s = r.starts[this.currency] as number;
    const e = r.ends[this.currency] as number;
    return e === s ? '' : this.currencies.at(r.bytes, s, e);
  }
}
