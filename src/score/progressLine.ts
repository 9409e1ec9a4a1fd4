// One progress line on a terminal: `Scoring | ████░░░░ | 45% | 123,456 rows`, redrawn in place at
// most ten times a second. Every frame is whole text (no placeholder is ever shown); the count is
// the rows of the pass named at the start of the line (the pipeline pass, then the scoring pass);
// `clear()` empties the line before anything else is printed, so that a warning never lands in it.
export type ProgressStream = { write(text: string): unknown };

export type ProgressLabels = {
  /** Title of each pass, in order. */
  readonly passes: readonly string[];
  /** The count at the end of the line, e.g. "%s rows". */
  readonly rows: (count: string) => string;
};

const WIDTH = 30;
const EVERY_MS = 100;

export class ProgressLine {
  private drawn = false;
  private last = 0;
  private frame = '';

  public constructor(
    private readonly out: ProgressStream,
    private readonly labels: ProgressLabels,
    private readonly now: () => number = Date.now,
  ) {}

  /** The line for `done` (0..1 of the whole run) in pass `pass`, `rows` rows into it. */
  public render(done: number, rows: number, pass: number): string {
    const fraction = Math.min(1, Math.max(0, done));
    const full = Math.round(fraction * WIDTH);
    const title = this.labels.passes[Math.min(pass, this.labels.passes.length - 1)] ?? '';
    return (
      `${title} | ${'█'.repeat(full)}${'░'.repeat(WIDTH - full)} | ${Math.floor(fraction * 100)}% | ` +
      this.labels.rows(rows.toLocaleString('en-US'))
    );
  }

  public update(done: number, rows: number, pass: number): void {
    const t = this.now();
    this.frame = this.render(done, rows, pass);
    if (this.drawn && t - this.last < EVERY_MS && done < 1) return;
    this.last = t;
    this.draw();
  }

  /** Empties the line (before a warning or any other output); the next update draws it again. */
  public clear(): void {
    if (!this.drawn) return;
    this.out.write('\r\x1b[K');
    this.drawn = false;
  }

  /** Leaves the last frame on its own line. */
  public finish(): void {
    if (this.frame === '') return;
    this.draw();
    this.out.write('\n');
    this.frame = '';
    this.drawn = false;
  }

  private draw(): void {
    this.out.write(`\r${this.frame}\x1b[K`);
    this.drawn = true;
  }
}
