// `walkaway simulate`: verdicts under today's policies against candidate ones. Writes nothing.
import { resolve } from 'node:path';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { Messages } from '@salesforce/core';
import { VERDICTS } from '../../engine/index.js';
import { API_VERSION, localDate, pollIntervalMs, toCommandError } from '../../org/cli.js';
import { money, table } from '../../org/format.js';
import { simulateFile, simulateOrg } from '../../org/simulateRun.js';
import type { SimulateResult } from '../../org/simulate.js';
import { EXIT } from '../../exitCodes.js';
import { batnaCurrencyLines } from '../../score/batnaCurrencies.js';
import { readCurrencyRates } from '../../score/currencyRates.js';
import { COLUMN_DELIMITER_NAMES, LOCALES, isKnownEncoding, localeOf } from '../../io/export/index.js';
import { inputError } from '../../io/messages.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('walk-away', 'walkaway.simulate');
/** The flags that say how an export is read are score's, with the same texts. */
const scoreMessages = Messages.loadMessages('walk-away', 'walkaway.score');

export type { SimulateResult } from '../../org/simulate.js';

const FLIPS_SHOWN = 20;
const UNSCORABLE_SHOWN = 20;

export default class Simulate extends SfCommand<SimulateResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  public static override readonly enableJsonFlag = true;

  public static override readonly flags = {
    'policy-dir': Flags.directory({
      char: 'p',
      summary: messages.getMessage('flags.policy-dir.summary'),
      required: true,
      exists: true,
    }),
    file: Flags.file({ char: 'f', summary: messages.getMessage('flags.file.summary'), exists: true }),
    'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': Flags.orgApiVersion(),
    wait: Flags.integer({
      summary: messages.getMessage('flags.wait.summary'),
      default: 10,
      min: 0,
      exclusive: ['file'],
    }),
    'as-of': Flags.string({ summary: messages.getMessage('flags.as-of.summary') }),
    'currency-rates': Flags.string({
      summary: messages.getMessage('flags.currency-rates.summary'),
      dependsOn: ['file'],
    }),
    'column-delimiter': Flags.option({
      summary: scoreMessages.getMessage('flags.column-delimiter.summary'),
      description: scoreMessages.getMessage('flags.column-delimiter.description'),
      options: COLUMN_DELIMITER_NAMES,
      dependsOn: ['file'],
    })(),
    encoding: Flags.string({
      summary: scoreMessages.getMessage('flags.encoding.summary'),
      description: scoreMessages.getMessage('flags.encoding.description'),
      dependsOn: ['file'],
    }),
    locale: Flags.string({
      summary: scoreMessages.getMessage('flags.locale.summary'),
      description: scoreMessages.getMessage('flags.locale.description'),
      dependsOn: ['file'],
    }),
  };

  public async run(): Promise<SimulateResult> {
    const { flags } = await this.parse(Simulate);
    const now = new Date();
    let result: SimulateResult;
    try {
      if (flags.file) {
        const { encoding } = flags;
        if (encoding !== undefined && !isKnownEncoding(encoding)) throw inputError('error.UnknownEncoding', [encoding]);
        const locale = flags.locale === undefined ? undefined : localeOf(flags.locale);
        if (flags.locale !== undefined && locale === undefined) {
          throw inputError('error.UnknownLocale', [flags.locale, Object.keys(LOCALES).join(', ')]);
        }
        result = await simulateFile(flags.file, flags['policy-dir'], flags['as-of'] ?? localDate(now), {
          read: { columnDelimiter: flags['column-delimiter'], encoding },
          locale,
          currencyRates: flags['currency-rates'] ? await readCurrencyRates(resolve(flags['currency-rates'])) : null,
        });
      } else if (flags['target-org']) {
        const org = flags['target-org'];
        const conn = org.getConnection(flags['api-version'] ?? API_VERSION);
        result = await simulateOrg(conn, org.getUsername() ?? org.getOrgId(), flags['policy-dir'], localDate(now), {
          timeoutMs: flags.wait * 60_000,
          intervalMs: pollIntervalMs(),
        });
      } else {
        throw messages.createError('error.fileOrOrg', [], [], EXIT.badInput);
      }
    } catch (error) {
      throw toCommandError(error);
    }
    if (!this.jsonEnabled()) for (const line of this.lines(result)) this.log(line);
    return result;
  }

  private lines(r: SimulateResult): string[] {
    const out = [
      messages.getMessage('header', [
        r.deals,
        r.target,
        r.currentPolicies.join(', '),
        r.candidatePolicies.join(', '),
        r.candidateDir,
      ]),
      ...(r.batnaCurrencies ? batnaCurrencyLines(r.batnaCurrencies) : []),
      '',
      messages.getMessage('matrix'),
      ...table(
        ['current \\ candidate', ...VERDICTS],
        VERDICTS.map((from) => [
          from,
          ...VERDICTS.map((to) => `${r.matrix[from][to].count} / ${money(r.matrix[from][to].value)}`),
        ]),
      ),
      '',
      r.flipped ? messages.getMessage('flipped', [r.flipped, money(r.flippedValue)]) : messages.getMessage('noFlip'),
    ];
    if (r.flips.length) {
      out.push(messages.getMessage('flipsHeader', [Math.min(FLIPS_SHOWN, r.flips.length), r.flipped]));
      out.push(
        ...table(
          ['Id', 'Name', 'Amount', 'Current', 'Candidate', 'Policy now', 'Policy then'],
          r.flips
            .slice(0, FLIPS_SHOWN)
            .map((f) => [f.id, f.name, f.amount, f.from, f.to, f.fromPolicy ?? '-', f.toPolicy ?? '-']),
        ),
      );
    }
    if (r.unscorable) {
      out.push(messages.getMessage('unscorable', [r.unscorable]));
      for (const u of r.unscorableRows.slice(0, UNSCORABLE_SHOWN)) {
        const where =
          u.line === null
            ? messages.getMessage('unscorableRow.org', [u.row])
            : messages.getMessage('unscorableRow.file', [u.row, u.line]);
        const value =
          u.value === null ? '' : ` ${messages.getMessage('unscorableRow.value', [JSON.stringify(u.value)])}`;
        out.push(`  ${where}, Id ${u.id ?? '(blank)'}: ${u.message}${value}`);
      }
      if (r.unscorableRows.length > UNSCORABLE_SHOWN) out.push(messages.getMessage('unscorableRow.more'));
    }
    if (r.skippedLines.length) {
      out.push(scoreMessages.getMessage('summary.Skipped', [r.skippedLines.length]));
      for (const l of r.skippedLines.slice(0, UNSCORABLE_SHOWN)) {
        out.push(`  ${scoreMessages.getMessage('summary.SkippedLine', [l.line, JSON.stringify(l.text)])}`);
      }
    }
    return out;
  }
}
