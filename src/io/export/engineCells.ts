// A row's cells as the engine reads them, the same for `walkaway score --file` and `walkaway
// simulate --file`: a report export's picklist labels as their API values, cells formatted by a
// spreadsheet's language as --locale says, and `99.99%` in a percent cell as 99.99.
import { localizeRow, withoutPercentSign, type CellLocale } from './locale.js';
import { picklistValues } from './reportCells.js';

type Cells = Readonly<Record<string, string>>;

/** The preparer of a file's rows: `report` when its header is field labels, `locale` from --locale. */
export function engineCells(report: boolean, locale: CellLocale | undefined): (values: Cells) => Cells {
  return (values) => {
    const read = report ? picklistValues(values) : values;
    const out = locale === undefined ? read : localizeRow(read, locale);
    const sla = out.SLA_Uptime_Pct__c;
    return sla !== undefined && sla.includes('%') ? { ...out, SLA_Uptime_Pct__c: withoutPercentSign(sla) } : out;
  };
}
