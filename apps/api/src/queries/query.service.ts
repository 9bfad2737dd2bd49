import { Inject, Injectable } from '@nestjs/common';
import { numberingDecider, streamIds, type NumberingEvent, type ParagraphNumberReserved } from '@app/domain';
import { StreamNotFoundError, type EventStore, type StoredEvent } from '@app/event-store';
import { meetingView, paragraphView, type MeetingView, type ParagraphView } from '@app/protocol';
import { problems } from '../errors/problem.js';
import { EVENT_STORE } from '../infra/tokens.js';

export interface MeetingWithParagraphs {
  readonly revision: number;
  readonly meeting: MeetingView;
  readonly paragraphs: ReadonlyArray<{
    readonly paragraphId: string;
    readonly number: number;
    readonly caseNumber: string | null;
    readonly title: string | null;
    readonly status: string | null;
  }>;
}

/**
 * Queries straight from the streams (no read model yet; the projections add those). A meeting's
 * paragraphs are found on its body's numbering stream, whose reservations name the meeting.
 */
@Injectable()
export class QueryService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private async read(stream: string, notFound: string): Promise<StoredEvent[]> {
    try {
      return await this.store.readStream(stream);
    } catch (err) {
      if (err instanceof StreamNotFoundError) throw problems.notFound(notFound);
      throw err;
    }
  }

  async meeting(meetingId: string): Promise<{ revision: number; view: MeetingView }> {
    const events = await this.read(streamIds.meeting(meetingId), `Sammanträdet ${meetingId} finns inte.`);
    return { revision: Number(events[events.length - 1].revision), view: meetingView(events) };
  }

  async paragraph(paragraphId: string): Promise<{ revision: number; view: ParagraphView }> {
    const events = await this.read(streamIds.paragraph(paragraphId), `Ärendet ${paragraphId} finns inte.`);
    return { revision: Number(events[events.length - 1].revision), view: paragraphView(events) };
  }

  async meetingWithParagraphs(meetingId: string): Promise<MeetingWithParagraphs> {
    const { revision, view } = await this.meeting(meetingId);
    const reservations = await this.reservations(view, meetingId);
    const paragraphs = await Promise.all(
      reservations.map(async (r) => {
        const p = await this.paragraph(r.paragraphId).catch(() => null); // reserved, not (yet) opened
        return {
          paragraphId: r.paragraphId,
          number: r.number,
          caseNumber: p?.view.caseNumber ?? null,
          title: p?.view.title ?? null,
          status: p?.view.status ?? null,
          revision: p ? p.revision : null,
          // Sekretess (docs/adr/0030): the provision cited, while marked.
          confidential: p?.view.confidential?.provision ?? null,
        };
      }),
    );
    return { revision, meeting: view, paragraphs };
  }

  /** The meeting's paragraphs with their views, in § order (for the protocol). */
  async paragraphsOf(meeting: MeetingView): Promise<ParagraphView[]> {
    const reservations = await this.reservations(meeting, meeting.meetingId);
    const views = await Promise.all(reservations.map((r) => this.paragraph(r.paragraphId).catch(() => null)));
    return views.filter((p): p is { revision: number; view: ParagraphView } => p !== null).map((p) => p.view);
  }

  private async reservations(
    meeting: MeetingView,
    meetingId: string,
  ): Promise<ParagraphNumberReserved['data'][]> {
    const year = Number(meeting.date.slice(0, 4));
    let events: StoredEvent[] = [];
    try {
      events = await this.store.readStream(streamIds.numbering(meeting.body.id, year));
    } catch (err) {
      if (!(err instanceof StreamNotFoundError)) throw err;
    }
    // Folded, so a released number (docs/adr/0027) no longer lists its paragraph.
    const state = events.reduce(
      (s, e) => numberingDecider.evolve(s, { type: e.type, data: e.data } as NumberingEvent),
      numberingDecider.initialState,
    );
    return [...state.byNumber.values()]
      .filter((d) => d.meetingId === meetingId)
      .sort((a, b) => a.number - b.number);
  }
}
