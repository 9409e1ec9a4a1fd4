// The summary a sales leader reads after a run: deals and value per verdict, the largest deals to
// walk away from and why, the findings most often hit, and the rows that could not be scored.
import { VERDICTS } from '../engine/index.js';
import { batnaCurrencyLines } from './batnaCurrencies.js';
import { messages } from './messages.js';
import type { ScoreResult } from './result.js';

export const FAILED_ROWS_SHOWN = 10;
const TOP_FINDINGS_SHOWN = 5;

/** 155,000 or 1,234.50: cents shown only when there are any. */
const amount = (n: number): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 });

export function summaryLines(r: ScoreResult): string[] {
  const lines: string[] = [];
  lines.push(messages.getMessage('summary.Scored', [r.scored, r.rows, r.file, r.policies.join(', ')]));
  const { reading } = r;
  lines.push(
    messages.getMessage('summary.Reading', [
      reading.columnDelimiter,
      messages.getMessage(`summary.From.${reading.columnDelimiterFrom}`),
      reading.encoding,
      messages.getMessage(`summary.From.${reading.encodingFrom}`),
    ]),
  );
  if (reading.header === 'field-labels') lines.push(messages.getMessage('summary.Labels'));
  lines.push(...batnaCurrencyLines(r.batnaCurrencies));
  lines.push('');
  const width = Math.max(...VERDICTS.map((v) => v.length));
  const values = VERDICTS.map((v) => amount(r.verdicts[v].value));
  const valueWidth = Math.max(...values.map((v) => v.length), messages.getMessage('summary.ValueHeader').length);
  lines.push(
    `  ${messages.getMessage('summary.VerdictHeader').padEnd(width)}  ${messages.getMessage('summary.DealsHeader').padStart(6)}  ${messages.getMessage('summary.ValueHeader').padStart(valueWidth)}`,
  );
  VERDICTS.forEach((v, i) => {
    lines.push(
      `  ${v.padEnd(width)}  ${String(r.verdicts[v].count).padStart(6)}  ${(values[i] ?? '').padStart(valueWidth)}`,
    );
  });

  if (r.largestWalkAways.length) {
    lines.push('', messages.getMessage('summary.LargestWalkAways'));
    r.largestWalkAways.forEach((d, i) => {
      const who = d.name === null ? d.id : `${d.id} ${d.name}`;
      const money = d.currency === null ? amount(d.amount) : `${d.currency} ${amount(d.amount)}`;
      lines.push(`  ${i + 1}. ${who} (${money}): ${d.reason}`);
    });
  }
  if (r.topFindings.length) {
    lines.push('', messages.getMessage('summary.TopFindings'));
    const codeWidth = Math.max(...r.topFindings.slice(0, TOP_FINDINGS_SHOWN).map((f) => f.code.length));
    for (const f of r.topFindings.slice(0, TOP_FINDINGS_SHOWN)) {
      lines.push(`  ${f.code.padEnd(codeWidth)}  ${messages.getMessage('summary.Deals', [f.count])}`);
    }
  }
  if (r.failed) {
    lines.push('', messages.getMessage('summary.Failed', [r.failed]));
    for (const f of r.failedRows.slice(0, FAILED_ROWS_SHOWN)) {
      const value = f.value === null ? '' : ` ${messages.getMessage('summary.FailedValue', [JSON.stringify(f.value)])}`;
      lines.push(
        `  ${messages.getMessage('summary.FailedRow', [f.row, f.line, f.id ?? messages.getMessage('summary.NoId')])} ${f.message}${value}`,
      );
    }
    if (r.failedRows.length > FAILED_ROWS_SHOWN || r.failedRows.length < r.failed) {
      lines.push(`  ${messages.getMessage('summary.MoreFailed', [r.failedOutput])}`);
    }
  }
  if (r.notProcessed) {
    lines.push('', messages.getMessage('summary.NotProcessed', [r.notProcessed]));
    for (const n of r.notProcessedRows.slice(0, FAILED_ROWS_SHOWN)) {
      lines.push(
        `  ${messages.getMessage('summary.FailedRow', [n.row, n.line, n.id ?? messages.getMessage('summary.NoId')])} ${n.reason}`,
      );
    }
    if (r.notProcessedRows.length > FAILED_ROWS_SHOWN || r.notProcessedRows.length < r.notProcessed) {
      lines.push(`  ${messages.getMessage('summary.MoreNotProcessed')}`);
    }
  }
  if (r.skippedLines.length) {
    lines.push('', messages.getMessage('summary.Skipped', [r.skippedLines.length]));
    for (const l of r.skippedLines.slice(0, FAILED_ROWS_SHOWN)) {
      lines.push(`  ${messages.getMessage('summary.SkippedLine', [l.line, JSON.stringify(l.text)])}`);
    }
  }
  lines.push('', messages.getMessage('summary.Written', [r.output, r.scored]));
  lines.push(messages.getMessage('summary.WrittenFailed', [r.failedOutput, r.failed]));
  return lines;
}
