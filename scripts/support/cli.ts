/**
 * What every command-line tool shares: `--help` prints the usage and exits before anything
 * is opened or created; long work shows progress on a terminal (never in a pipe or a log).
 */
export function helpRequested(usage: string, args: readonly string[] = process.argv.slice(2)): void {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
}

/** One line on standard error, rewritten in place; silent when stderr is not a terminal. */
export class Progress {
  private last = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly label: string) {}

  update(text: string, force = false): void {
    if (!this.tty) return;
    const now = Date.now();
    if (!force && now - this.last < 200) return;
    this.last = now;
    process.stderr.write(`\r\x1b[2K${this.label}: ${text}`);
  }

  /** Clears the progress line; the caller prints its summary after. */
  done(): void {
    if (this.tty) process.stderr.write('\r\x1b[2K');
  }
}
