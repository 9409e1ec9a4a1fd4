// The scored file's line for one deal written as bytes straight into the output buffer, the same
// bytes as resultLine (resultWriter.ts) encoded as UTF-8: a million-row run made some twenty strings
// a line and joined them, and the encoding of those joined strings was the largest single cost of
// its output. Here the cells that repeat (verdict, findings, approvals, BATNA, policy, run time)
// are encoded once each and copied, the money cells written digit by digit, and an Id of letters and
// digits byte by byte. Any other line (an Id needing quotes or escaping, a long policy name, cents
// that are not a whole number, more findings than a key holds) is resultLine's text, encoded.
import { APPROVERS, FINDING_CODES, type Score } from '../engine/index.js';
import { csvCell, resultLine, textCell } from './resultWriter.js';

/** Room a line needs in the buffer: every line written here is shorter (longer ones are refused below). */
export const SCORED_LINE_ROOM = 1 << 16;
const MAX_FAST_ID = 256;
const MAX_FAST_TEXT = 4096;
/** Findings in a numeric key: 5 bits each (22 codes), 10 of them in 50 bits. */
const MAX_KEYED_FINDINGS = 10;

const COMMA = 44;

const FINDING_NUMBER = new Map<string, number>(FINDING_CODES.map((code, i) => [code, i + 1]));
const APPROVER_BIT = new Map<string, number>(APPROVERS.map((a, i) => [a, 1 << i]));

const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/** Writes a letters-and-digits Id at `at`; -1 (nothing meaningful written) for any other Id. */
function writePlainId(buf: Uint8Array, at: number, id: string): number {
  const n = id.length;
  if (n === 0 || n > MAX_FAST_ID) return -1;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
    buf[at + i] = c;
  }
  return at + n;
}

/** Cents as centsToDecimal writes them (`-1234.05`), at `at`. Whole-number cents only. */
function writeCents(buf: Uint8Array, at: number, cents: number): number {
  let p = at;
  let abs = cents;
  if (cents < 0) {
    buf[p++] = 45; // -
    abs = -cents;
  }
  const frac = abs % 100;
  let whole = (abs - frac) / 100;
  let digits = 1;
  if (whole < 0x7fffffff) {
    // Small integer arithmetic for every amount under 2,147,483,647.00 (nearly all of them).
    for (let w = whole; w >= 10; w = (w / 10) | 0) digits++;
    for (let i = digits - 1; i >= 0; i--) {
      const next = (whole / 10) | 0;
      buf[p + i] = 48 + (whole - next * 10);
      whole = next;
    }
  } else {
    for (let w = whole; w >= 10; w = Math.floor(w / 10)) digits++;
    for (let i = digits - 1; i >= 0; i--) {
      const next = Math.floor(whole / 10);
      buf[p + i] = 48 + (whole - next * 10);
      whole = next;
    }
  }
  p += digits;
  buf[p++] = 46; // .
  buf[p++] = 48 + Math.floor(frac / 10);
  buf[p++] = 48 + (frac % 10);
  return p;
}

function copy(buf: Uint8Array, at: number, bytes: Uint8Array): number {
  const n = bytes.length;
  if (n > 32) {
    buf.set(bytes, at);
    return at + n;
  }
  for (let i = 0; i < n; i++) buf[at + i] = bytes[i] as number;
  return at + n;
}

/** A money cell: blank, or whole-number cents. */
const writableCents = (cents: number | null): boolean => cents === null || Number.isSafeInteger(cents);

/** The scored lines of one run (one scoredAt): its repeating cells encoded once. */
export class ScoredLineEncoder {
  /** `,<scoredAt>\n`. */
  private readonly tail: Uint8Array;
  /** A text cell's bytes (escaped, quoted as resultLine writes it), by its text. */
  private readonly texts = new Map<string, Uint8Array>();
  private readonly findings = new Map<number, Uint8Array>();
  private readonly approvals = new Map<number, Uint8Array>();

  public constructor(private readonly scoredAt: string) {
    this.tail = bytesOf(`,${csvCell(scoredAt)}\n`);
  }

  /**
   * Writes the line of `id` at `at` in `buf`, which has SCORED_LINE_ROOM bytes free from there;
   * returns where the line ends.
   */
  public write(buf: Buffer, at: number, id: string, score: Score): number {
    const policy = score.policy === null ? null : this.text(score.policy);
    const findings = this.findingsCell(score);
    if (
      findings === null ||
      (policy !== null && policy.length > MAX_FAST_TEXT) ||
      !writableCents(score.floorCents) ||
      !writableCents(score.thresholdCents) ||
      !writableCents(score.dealSizeCents)
    ) {
      return at + buf.write(resultLine(id, score, this.scoredAt), at, 'utf8');
    }
    let p = writePlainId(buf, at, id);
    if (p === -1) {
      if (id.length > MAX_FAST_ID) return at + buf.write(resultLine(id, score, this.scoredAt), at, 'utf8');
      p = at + buf.write(textCell(id), at, 'utf8');
    }
    buf[p++] = COMMA;
    p = copy(buf, p, this.text(score.verdict));
    buf[p++] = COMMA;
    if (score.floorCents !== null) p = writeCents(buf, p, score.floorCents);
    buf[p++] = COMMA;
    if (score.thresholdCents !== null) p = writeCents(buf, p, score.thresholdCents);
    buf[p++] = COMMA;
    p = copy(buf, p, findings);
    buf[p++] = COMMA;
    p = copy(buf, p, this.approvalsCell(score));
    buf[p++] = COMMA;
    p = copy(buf, p, this.text(score.batna.strength));
    buf[p++] = COMMA;
    if (policy !== null) p = copy(buf, p, policy);
    buf[p++] = COMMA;
    if (score.dealSizeCents !== null) p = writeCents(buf, p, score.dealSizeCents);
    p = copy(buf, p, this.tail);
    return p;
  }

  private text(text: string): Uint8Array {
    let bytes = this.texts.get(text);
    if (bytes === undefined) {
      bytes = bytesOf(textCell(text));
      this.texts.set(text, bytes);
    }
    return bytes;
  }

  /** The findings cell, by the findings' codes; null when they do not fit a key. */
  private findingsCell(score: Score): Uint8Array | null {
    const f = score.findings;
    if (f.length > MAX_KEYED_FINDINGS) return null;
    let key = 0;
    for (let i = 0; i < f.length; i++) {
      const n = FINDING_NUMBER.get((f[i] as Score['findings'][number]).code);
      if (n === undefined) return null;
      key = key * 32 + n;
    }
    let bytes = this.findings.get(key);
    if (bytes === undefined) {
      const codes = f.map((x) => x.code).join(';');
      bytes = bytesOf(codes === '' ? '' : textCell(codes));
      this.findings.set(key, bytes);
    }
    return bytes;
  }

  /** The approvals cell: approvals are APPROVERS in their order, so a bit each is their key. */
  private approvalsCell(score: Score): Uint8Array {
    const a = score.approvals;
    let key = 0;
    for (let i = 0; i < a.length; i++) {
      const bit = APPROVER_BIT.get(a[i] as string) ?? 0;
      // Not in that order, or not an approver: the cell as written, not keyed.
      if (bit <= key) return bytesOf(textCell(a.join(';')));
      key |= bit;
    }
    let bytes = this.approvals.get(key);
    if (bytes === undefined) {
      bytes = bytesOf(a.length ? textCell(a.join(';')) : '');
      this.approvals.set(key, bytes);
    }
    return bytes;
  }
}
