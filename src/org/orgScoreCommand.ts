// `walkaway score --target-org` as an SfCommand: score.ts (which must start fast for offline runs,
// so does not import @salesforce/sf-plugins-core) hands org-mode runs to this class, imported only
// then. Same flags as score.ts, parsed again here so that the org flags resolve the org as sf does.
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { EXIT } from '../exitCodes.js';
import { COLUMN_DELIMITER_NAMES } from '../io/export/index.js';
import { messages } from '../score/messages.js';
import { orgMessages } from './cli.js';
import { orgScoreFlags, runOrgScore, type OrgScoreResult } from './scoreCommand.js';

// Named Score, with the command's id: what SfCommand reports in an error (`commandName`) stays the same.
export default class Score extends SfCommand<OrgScoreResult> {
  public static override id = 'walkaway:score';
  public static override readonly enableJsonFlag = true;

  public static override readonly flags = {
    file: Flags.file({
      char: 'f',
      summary: messages.getMessage('flags.file.summary'),
      exclusive: ['resume-job', 'dry-run'],
    }),
    'policy-dir': Flags.directory({ char: 'p', summary: messages.getMessage('flags.policy-dir.summary') }),
    // No short flag: -o is --target-org in every sf command.
    output: Flags.string({ summary: messages.getMessage('flags.output.summary') }),
    'as-of': Flags.string({ summary: messages.getMessage('flags.as-of.summary') }),
    // The offline reading flags, declared so that one given without --file is named as needing it.
    'column-delimiter': Flags.option({
      summary: messages.getMessage('flags.column-delimiter.summary'),
      options: COLUMN_DELIMITER_NAMES,
      dependsOn: ['file'],
    })(),
    encoding: Flags.string({ summary: messages.getMessage('flags.encoding.summary'), dependsOn: ['file'] }),
    locale: Flags.string({ summary: messages.getMessage('flags.locale.summary'), dependsOn: ['file'] }),
    'currency-rates': Flags.string({
      summary: messages.getMessage('flags.currency-rates.summary'),
      dependsOn: ['file'],
    }),
    ...orgScoreFlags,
  };

  public async run(): Promise<OrgScoreResult> {
    const { flags } = await this.parse(Score);
    if (!flags['target-org']) throw orgMessages.createError('error.fileOrOrg', [], [], EXIT.badInput);
    return runOrgScore(this, flags, flags['target-org']);
  }
}
