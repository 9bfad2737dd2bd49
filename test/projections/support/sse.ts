import http from 'node:http';

export interface SseEvent {
  readonly id: string | undefined;
  readonly type: string;
  readonly data: string;
  /** performance.now() when the event's last line arrived. */
  readonly receivedAt: number;
}

/** A minimal EventSource over node:http: collects events, can wait for a count, can disconnect. */
export class SseClient {
  readonly events: SseEvent[] = [];
  status = 0;
  private req: http.ClientRequest | null = null;
  private waiters: { n: number; resolve: () => void }[] = [];
  private endedResolve!: () => void;
  /** Resolves when the server ends the stream (or the connection closes). */
  readonly ended = new Promise<void>((resolve) => (this.endedResolve = resolve));

  open(url: string, headers: Record<string, string>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        this.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let sep: number;
          while ((sep = buffer.indexOf('\n\n')) >= 0) {
            this.frame(buffer.slice(0, sep));
            buffer = buffer.slice(sep + 2);
          }
        });
        res.on('error', () => {});
        res.on('close', () => this.endedResolve());
        resolve();
      });
      this.req.on('error', (err) =>
        (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err),
      );
    });
  }

  waitForCount(n: number, timeoutMs = 30_000): Promise<void> {
    if (this.events.length >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`waited for ${n} events, got ${this.events.length}`)),
        timeoutMs,
      );
      this.waiters.push({
        n,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  close(): void {
    this.req?.destroy();
  }

  private frame(text: string): void {
    let id: string | undefined;
    let type = 'message';
    const data: string[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0 && id === undefined) return;
    this.events.push({ id, type, data: data.join('\n'), receivedAt: performance.now() });
    this.waiters = this.waiters.filter((w) => {
      if (this.events.length < w.n) return true;
      w.resolve();
      return false;
    });
  }
}
