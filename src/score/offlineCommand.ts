// The base of `walkaway score` in offline mode: an @oclif/core command with what SfCommand adds for
// a user (the `--json` document `{ status, result, warnings }`, "Warning:" lines on stderr, errors
// printed and exit codes set exactly as SfCommand does) without importing
// @salesforce/sf-plugins-core, whose import pulls all of @salesforce/core and jsforce and takes
// several times as long as scoring a small file. Errors are rare: their formatting is SfCommand's
// own, imported only then.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// oclif by entry point: its index also loads help, hooks and more that a run does not use.
import { Command } from '@oclif/core/command';
import * as Flags from '@oclif/core/flags';
import { ux } from '@oclif/core/ux';
import { StandardColors } from '@salesforce/sf-plugins-core/StandardColors';
import { MessageBundle } from '../messageBundle.js';

// The sf-plugins-core texts the offline command shows ("Warning:", the flags-dir summary), from its
// own messages file (messages/messages.md at the package root, two folders above lib/ux/).
const require = createRequire(import.meta.url);
export const sfMessages = new MessageBundle(
  join(dirname(require.resolve('@salesforce/sf-plugins-core/StandardColors')), '..', '..', 'messages', 'messages.md'),
  'messages',
);

/** SfCommand's default colours of a `--json` document on a terminal (sf-plugins-core Ux.styledJSON). */
const JSON_THEME = {
  key: 'blueBright',
  string: 'greenBright',
  number: 'blue',
  boolean: 'redBright',
  null: 'blackBright',
} as const;

export abstract class OfflineCommand<T> extends Command {
  public static override readonly enableJsonFlag = true;
  /** What SfCommand declares for every command. */
  public static override readonly baseFlags = {
    'flags-dir': Flags.directory({
      summary: sfMessages.getMessage('flags.flags-dir.summary'),
      helpGroup: 'GLOBAL',
    }),
  };

  /** Warnings of the run, as `--json` reports them. */
  protected readonly warnings: string[] = [];
  /** What SfCommand.catch stops before printing an error (nothing spins here). */
  protected readonly spinner = { stop: (): void => {} };

  /** The command class, as SfCommand.catch reads it. */
  public get statics(): typeof OfflineCommand {
    return this.constructor as typeof OfflineCommand;
  }

  public override jsonEnabled(): boolean {
    return super.jsonEnabled() || process.env.SF_CONTENT_TYPE?.toUpperCase() === 'JSON';
  }

  public override warn(input: string | Error): string | Error {
    const message = typeof input === 'string' ? input : input.message;
    this.warnings.push(message);
    this.logToStderr(`${StandardColors.warning(sfMessages.getMessage('warning.prefix'))} ${message}`);
    return input;
  }

  public override logJson(json: unknown): void {
    ux.stdout(ux.colorizeJson(json, { theme: JSON_THEME }));
  }

  protected override toSuccessJson(result: T): { status: number; result: T; warnings: string[] } {
    return { status: typeof process.exitCode === 'number' ? process.exitCode : 0, result, warnings: this.warnings };
  }

  // SfCommand's own error handling (message, actions, exit code, `--json` error document).
  public override async catch(error: Error & { exitCode?: number }): Promise<never> {
    const { SfCommand } = await import('@salesforce/sf-plugins-core');
    const sfCatch = (SfCommand.prototype as unknown as { catch: (this: unknown, e: Error) => Promise<never> }).catch;
    return sfCatch.call(this, error);
  }

  protected override async _run<R>(): Promise<R> {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGBREAK', 'SIGHUP'] as const) process.on(signal, () => this.exit(130));
    return super._run<R>();
  }
}
