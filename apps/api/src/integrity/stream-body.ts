import { StreamNotFoundError, type EventStore } from '@app/event-store';

const NUMBERING = /^numbering-(.+)-\d{4}$/;

/**
 * Which body a stream belongs to, for auditors' body scope: from a numbering stream's name, or
 * from the first event of a meeting or paragraph (both carry the body). Remembered: a stream's
 * body never changes.
 */
const BODY_STREAM = /^(roster|incoming)-([a-z0-9][a-z0-9-]{0,62})$/;

export class StreamBodies {
  private readonly known = new Map<string, string | undefined>();

  constructor(private readonly store: EventStore) {}

  async of(streamId: string): Promise<string | undefined> {
    if (this.known.has(streamId)) return this.known.get(streamId);
    let body: string | undefined;
    const numbering = NUMBERING.exec(streamId);
    if (numbering) body = numbering[1];
    // A body's roster and its incoming matters belong to it (docs/adr/0036, 0037).
    else if (BODY_STREAM.test(streamId)) body = BODY_STREAM.exec(streamId)![2];
    else if (streamId.startsWith('meeting-') || streamId.startsWith('paragraph-')) {
      try {
        const [first] = await this.store.readStream(streamId, { maxCount: 1 });
        const id = (first?.data as { body?: { id?: unknown } }).body?.id;
        body = typeof id === 'string' ? id : undefined;
      } catch (err) {
        if (!(err instanceof StreamNotFoundError)) throw err;
        return undefined; // not remembered: it may be written yet
      }
    }
    if (this.known.size > 100_000) this.known.clear();
    this.known.set(streamId, body);
    return body;
  }
}
