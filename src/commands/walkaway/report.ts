// `walkaway report`: which deals did we walk away from last quarter?
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { Messages } from '@salesforce/core';
import { API_VERSION, localDate, toCommandError } from '../../org/cli.js';
import { EXCEPTION_STATUSES } from '../../org/exceptionFields.js';
import { money, printable, table } from '../../org/format.js';
import { reportOrg, type ReportResult } from '../../org/report.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('walk-away', 'walkaway.report');

export type { ReportResult } from '../../org/report.js';

export default class Report extends SfCommand<ReportResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  public static override readonly enableJsonFlag = true;

  public static override readonly flags = {
    'target-org': Flags.requiredOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': Flags.orgApiVersion(),
    quarter: Flags.string({
      char: 'q',
      summary: messages.getMessage('flags.quarter.summary'),
      default: 'LAST_QUARTER',
    }),
  };

  public async run(): Promise<ReportResult> {
    const { flags } = await this.parse(Report);
    const org = flags['target-org'];
    let r: ReportResult;
    try {
      r = await reportOrg(org.getConnection(flags['api-version'] ?? API_VERSION), {
        targetOrg: org.getUsername() ?? org.getOrgId(),
        today: localDate(new Date()),
        quarter: flags.quarter,
      });
    } catch (error) {
      throw toCommandError(error);
    }
    if (r.exceptions.unreadable) this.warn(messages.getMessage('exceptionsUnreadable', [r.exceptions.unreadable]));
    if (r.exceptions.historyUnreadable) {
      this.warn(messages.getMessage('historyUnreadable', [r.exceptions.historyUnreadable]));
    }
    if (!this.jsonEnabled()) for (const line of [...this.lines(r), ...this.exceptionLines(r)]) this.log(line);
    return r;
  }

  /** Exceptions by approver and outcome; bad deals avoided against deals let through. */
  private exceptionLines(r: ReportResult): string[] {
    const q = r.quarter;
    const x = r.exceptions;
    const out: string[] = [''];
    if (x.unreadable) out.push(messages.getMessage('exceptionsNotShown'));
    else if (x.requested.count === 0) out.push(messages.getMessage('noExceptions', [q.label]));
    else {
      out.push(
        messages.getMessage('exceptions', [q.label, x.requested.count, money(x.requested.value)]),
        ...table(
          ['Outcome', 'Exceptions', 'Amount'],
          EXCEPTION_STATUSES.map((s) => [s, x.outcomes[s].count, x.outcomes[s].value]),
        ),
        '',
        messages.getMessage('byApprover'),
        ...table(
          ['Approver', 'Steps approved', 'Outcome', 'Exceptions', 'Amount'],
          x.byApprover.flatMap((a) =>
            EXCEPTION_STATUSES.filter((s) => a.outcomes[s].count > 0).map((s) => [
              a.approver,
              a.approvedSteps.join(', ') || '-',
              s,
              a.outcomes[s].count,
              a.outcomes[s].value,
            ]),
          ),
        ),
      );
      if (x.selfApproved.length) {
        out.push('', messages.getMessage('selfApproved'));
        for (const e of x.selfApproved) {
          const line = messages.getMessage('selfApprovedLine', [
            printable(e.detail),
            printable(e.opportunityName),
            e.opportunityId,
          ]);
          out.push(`- ${line}`);
        }
      }
    }
    const a = r.avoided;
    const l = r.letThrough;
    out.push(
      '',
      messages.getMessage('value', [q.label, money(a.total.value), money(l.total.value)]),
      ...table(
        ['', 'Deals', 'Value'],
        [
          [messages.getMessage('value.walkedAway'), a.walkedAway.count, a.walkedAway.value],
          [messages.getMessage('value.rejected'), a.exceptionsRejected.count, a.exceptionsRejected.value],
          [messages.getMessage('value.avoided'), a.total.count, a.total.value],
          [messages.getMessage('value.approved'), l.withApprovedException.count, l.withApprovedException.value],
          [messages.getMessage('value.againstRules'), l.againstRules.count, l.againstRules.value],
          [messages.getMessage('value.letThrough'), l.total.count, l.total.value],
        ],
      ),
      '',
      messages.getMessage('value.definition'),
    );
    if (l.deals.length) {
      out.push(
        '',
        messages.getMessage('letThroughDeals'),
        ...table(
          ['Id', 'Name', 'Amount', 'Closed on', 'Verdict at win', 'Judgement'],
          l.deals.map((d) => [
            d.id,
            d.name,
            d.amount,
            d.closeDate ?? '-',
            d.verdictAtWin,
            d.problem ?? `approved exception ${d.exceptionName ?? d.exception ?? ''}`.trim(),
          ]),
        ),
      );
    }
    return out;
  }

  private lines(r: ReportResult): string[] {
    const q = r.quarter;
    const out = [
      messages.getMessage('header', [
        q.label,
        q.start,
        q.end,
        r.targetOrg,
        r.walkedAway.count,
        money(r.walkedAway.value),
        r.decided,
      ]),
    ];
    if (r.zeroWalkAways) out.push('', messages.getMessage('zero', [q.label]));
    else {
      out.push(
        '',
        messages.getMessage('byRep'),
        ...table(
          ['Rep', 'Deals', 'Value'],
          r.byRep.map((x) => [x.owner, String(x.count), x.value]),
        ),
      );
      out.push(
        '',
        messages.getMessage('byReason'),
        ...table(
          ['Exit reason', 'Deals', 'Value'],
          r.byReason.map((x) => [x.reason, String(x.count), x.value]),
        ),
      );
      out.push(
        '',
        messages.getMessage('deals'),
        ...table(
          ['Id', 'Name', 'Rep', 'Amount', 'Decision', 'Exit reason', 'Decided on'],
          r.walkAways.map((d) => [
            d.id,
            d.name,
            d.owner,
            d.amount,
            d.decision,
            d.exitReason ?? '-',
            d.decidedOn ?? '-',
          ]),
        ),
      );
      const lessons = r.walkAways.filter((d) => d.lessonsLearned !== null);
      if (lessons.length) {
        out.push('', messages.getMessage('lessons'));
        // One line per deal: the rep's words on one line, without control characters.
        for (const d of lessons) {
          const words = printable(String(d.lessonsLearned).replace(/\s+/g, ' ').trim());
          out.push(`- ${printable(d.name)} (${d.id}, ${printable(d.owner)}): ${words}`);
        }
      }
    }
    out.push(
      '',
      messages.getMessage('approvals', [
        r.approvalsNeeded.count,
        money(r.approvalsNeeded.value),
        r.approvalsGranted.count,
        money(r.approvalsGranted.value),
      ]),
    );
    if (r.buyersReturned.length) {
      out.push(
        '',
        messages.getMessage('returned'),
        ...table(
          ['Id', 'Name', 'Rep', 'Walked away at', 'Returned on', 'Budget now'],
          r.buyersReturned.map((b) => [
            b.id,
            b.name,
            b.owner,
            b.amount,
            b.returnedOn ?? '-',
            b.budgetMin === null && b.budgetMax === null
              ? '-'
              : `${money(b.budgetMin ?? 0)} - ${money(b.budgetMax ?? 0)}`,
          ]),
        ),
      );
    } else if (!r.zeroWalkAways) out.push('', messages.getMessage('noneReturned', [q.label]));
    if (r.repsWithoutWalkAways.length && !r.zeroWalkAways) {
      out.push('', messages.getMessage('repsWithout', [q.label, r.repsWithoutWalkAways.join(', ')]));
    }
    return out;
  }
}
