// The second process of a split run, as the first one sees it: started (forked) before it is
// needed, its messages in order, its progress, and how it ended.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromChild, ToChild } from './protocol.js';

/** The child stopped, or said it cannot go on: the split ends, the file is read in one process. */
export class SplitStopped extends Error {
  public constructor(
    public readonly fallback: 'not-plain' | 'one-process',
    reason: string,
  ) {
    super(reason);
  }
}

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

/** The process's flags for the child, without a debugger's (its port is taken). */
const childExecArgv = (): string[] => process.execArgv.filter((a) => !/^--(inspect|debug)/.test(a));

/**
 * The second process, started before it is needed (its modules load while this process opens the
 * export): its messages in order, its progress, and how it ended.
 */
export class SecondProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private readonly inbox: FromChild[] = [];
  private wake: (() => void) | null = null;
  private stopped: string | null = null;
  private stderr = '';
  /** Bytes and rows the child read, by pass. */
  public readonly read = [
    { bytes: 0, rows: 0 },
    { bytes: 0, rows: 0 },
  ];
  /** Started by the executable before the command ran (early.ts). */
  public readonly early: boolean;
  /** Called when the child says how far it read. */
  public onProgress: (pass: number) => void = () => {};

  /**
   * `held`: false for a process started before the command knows it needs one (early.ts): it does
   * not keep this process running, and ends when this process does, unless `hold()` is called.
   */
  public constructor(held = true) {
    this.early = !held;
    this.child = fork(CHILD, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execArgv: childExecArgv(),
    });
    const { child } = this;
    // Its end: 'exit', or 'error' when it never started.
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => {
        if (child.pid === undefined) resolve();
      });
    });
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-2000);
    });
    child.on('message', (m: FromChild) => {
      if (m.kind === 'progress') {
        this.read[m.pass] = { bytes: m.bytes, rows: m.rows };
        this.onProgress(m.pass);
        return;
      }
      this.inbox.push(m);
      this.wake?.();
    });
    child.on('exit', (code, signal) =>
      this.stop(`the second process ended (${signal ?? code ?? ''}) ${this.stderr}`.trim()),
    );
    child.on('error', (error) => this.stop(`the second process: ${error.message}`));
    if (!held) {
      child.unref();
      child.channel?.unref();
      (child.stderr as { unref?: () => void } | null)?.unref?.();
    }
  }

  /** Its process id (undefined when it could not be started). */
  public get pid(): number | undefined {
    return this.child.pid;
  }

  /** A process started unheld (early.ts) now used: this process waits for it. */
  public hold(): void {
    const { child } = this;
    child.ref();
    child.channel?.ref();
    (child.stderr as { ref?: () => void } | null)?.ref?.();
  }

  private stop(reason: string): void {
    this.stopped ??= reason;
    this.wake?.();
  }

  public send(m: ToChild): void {
    if (this.stopped !== null || !this.child.connected) return;
    try {
      this.child.send(m, (error) => {
        if (error) this.stop(`the second process: ${error.message}`);
      });
    } catch (error) {
      this.stop(`the second process: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The child's next message; throws SplitStopped once it has ended. */
  public async next(): Promise<FromChild> {
    for (;;) {
      const m = this.inbox.shift();
      if (m !== undefined) return m;
      if (this.stopped !== null) throw new SplitStopped('one-process', this.stopped);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }

  /**
   * Between chunks of this process's half: the child's end, or its failure in the pass it began at
   * `start` (a pass begun at a wrong guess does not count), stops this half too.
   */
  public check(start?: number): void {
    for (const m of this.inbox) {
      if (m.kind === 'error' && m.start === start) throw new SplitStopped('one-process', m.message);
      if (m.kind === 'not-plain' && m.start === start) throw new SplitStopped('not-plain', m.reason);
    }
    if (this.stopped !== null) throw new SplitStopped('one-process', this.stopped);
  }

  /** Ends the child: it leaves once the channel closes (`done`), or is stopped where it is. */
  public async end(done: boolean): Promise<void> {
    const { child } = this;
    if (done && child.connected) child.disconnect();
    else if (child.exitCode === null && child.signalCode === null) child.kill();
    await this.exited;
  }
}
