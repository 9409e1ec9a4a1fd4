// `walkaway audit`: stored verdicts against recomputed ones on the org's open opportunities; Closed
// Won deals against their verdict and approvals; exceptions approved by their own requester.
import { resolve } from 'node:path';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { Messages } from '@salesforce/core';
import { auditOrg, type AuditResult } from '../../org/audit.js';
import { API_VERSION, localDate, pollIntervalMs, stamp, toCommandError } from '../../org/cli.js';
import { table } from '../../org/format.js';
import { EXIT } from '../../exitCodes.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('walk-away', 'walkaway.audit');

export type { AuditResult } from '../../org/audit.js';

const SHOWN = 50;

export default class Audit extends SfCommand<AuditResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  public static override readonly enableJsonFlag = true;

  public static override readonly flags = {
    'target-org': Flags.requiredOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': Flags.orgApiVersion(),
    output: Flags.string({ summary: messages.getMessage('flags.output.summary') }),
    wait: Flags.integer({ summary: messages.getMessage('flags.wait.summary'), default: 10, min: 0 }),
    'closed-since': Flags.string({
      summary: messages.getMessage('flags.closed-since.summary'),
      description: messages.getMessage('flags.closed-since.description'),
    }),
  };

  public async run(): Promise<AuditResult> {
    const { flags } = await this.parse(Audit);
    const org = flags['target-org'];
    const now = new Date();
    const targetOrg = org.getUsername() ?? org.getOrgId();
    const closedSince = flags['closed-since'] ?? localDate(new Date(now.getTime() - 365 * 86_400_000));
    if (!/^\d{4}-\d\d-\d\d$/.test(closedSince) || Number.isNaN(Date.parse(`${closedSince}T00:00:00Z`))) {
      throw messages.createError('error.ClosedSince', [closedSince], [], EXIT.badInput);
    }
    let result: AuditResult;
    try {
      result = await auditOrg(org.getConnection(flags['api-version'] ?? API_VERSION), {
        targetOrg,
        today: localDate(now),
        closedSince,
        poll: { timeoutMs: flags.wait * 60_000, intervalMs: pollIntervalMs() },
        csvFile: resolve(flags.output ?? `walkaway-audit-${stamp(now)}.csv`),
      });
    } catch (error) {
      throw toCommandError(error);
    }
    if (!this.jsonEnabled()) {
      this.log(
        messages.getMessage('header', [
          result.deals,
          targetOrg,
          result.stale,
          result.moreLenient,
          result.exceptionsChanged,
        ]),
      );
      this.log(
        messages.getMessage('headerClosed', [
          result.closedWon,
          result.closedSince,
          result.exceptions ?? 0,
          result.wonAgainstWalkAway,
          result.wonWithoutException,
          result.wonOnStaleException,
          result.selfApproved,
          result.exceptionsTooOld,
        ]),
      );
      if (result.findings.length) {
        this.log(
          table(
            ['Id', 'Name', 'Problem', 'Stored', 'Recomputed', 'Detail'],
            result.findings
              .slice(0, SHOWN)
              .map((f) => [f.id, f.name, f.problem, f.stored ?? '-', f.recomputed ?? '-', f.detail]),
          ).join('\n'),
        );
        this.log(messages.getMessage('file', [result.csvFile ?? '-']));
      } else this.log(messages.getMessage('clean'));
      if (result.unscorable) this.log(messages.getMessage('unscorable', [result.unscorable]));
    }
    if (result.exceptionsUnreadable !== null)
      this.warn(messages.getMessage('warning.ExceptionsUnreadable', [result.exceptionsUnreadable]));
    const found =
      result.stale +
      result.moreLenient +
      result.exceptionsChanged +
      result.wonAgainstWalkAway +
      result.wonWithoutException +
      result.wonOnStaleException +
      result.selfApproved +
      result.exceptionsTooOld;
    if (found) {
      const error = messages.createError('error.Found', [found], [targetOrg, result.csvFile ?? '-'], EXIT.partial);
      error.setData(result as never);
      throw error;
    }
    if (result.exceptionsUnreadable !== null) {
      const error = messages.createError('error.ExceptionsUnreadable', [], [], EXIT.partial);
      error.setData(result as never);
      throw error;
    }
    return result;
  }
}
