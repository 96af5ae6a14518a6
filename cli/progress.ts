/**
 * A one-line progress bar on a terminal. Draws only when the stream is a TTY, so a redirected
 * or piped stderr gets nothing but the error lines.
 */
import type { OutStream } from './io';

const REDRAW_MS = 80;
const CLEAR_LINE = '\r\x1b[2K';

export class Progress {
  readonly enabled: boolean;
  private done = 0;
  private failed = 0;
  private current = '';
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: OutStream,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = stream.isTTY === true && total > 0;
  }

  /** `name` is being processed. */
  start(name: string): void {
    this.current = name;
    this.draw(false);
  }

  /** One input finished. */
  tick(ok: boolean): void {
    this.done += 1;
    if (!ok) this.failed += 1;
    this.draw(this.done === this.total);
  }

  /** Writes a line (an error report) without tearing the bar. */
  log(line: string): void {
    if (!this.enabled) {
      this.stream.write(line);
      return;
    }
    this.stream.write(CLEAR_LINE + line);
    this.drawn = false;
    this.draw(true);
  }

  /** Removes the bar. */
  finish(): void {
    if (this.enabled && this.drawn) this.stream.write(CLEAR_LINE);
    this.drawn = false;
  }

  render(): string {
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    const counts = ` ${this.done}/${this.total}${this.failed ? ` (${this.failed} failed)` : ''} `;
    const barWidth = Math.max(10, Math.min(30, width - counts.length - 12));
    const filled = Math.round((this.done / this.total) * barWidth);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
    const room = width - bar.length - counts.length;
    const name = room > 3 ? ellipsize(this.current, room) : '';
    return bar + counts + name;
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const t = this.now();
    if (!force && this.drawn && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.drawn = true;
    this.stream.write(CLEAR_LINE + this.render());
  }
}

function ellipsize(s: string, max: number): string {
  return s.length <= max ? s : `…${s.slice(s.length - max + 1)}`;
}
