import { Controller, Headers, Inject, Param, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { streamIds } from '@app/domain';
import { meetingExists, paragraphIdsOf, scanAll, type CommittedEvent } from '@app/projections';
import { Public } from '../auth/auth.guard.js';
import { problems } from '../errors/problem.js';
import { UuidParam } from '../http/params.js';
import { ReadModels } from './read-models.service.js';

/**
 * The live stream of a meeting (Server-Sent Events). Each event's id is its global position.
 * A fresh connection starts with a `ready` event whose id is the current position; a client
 * that reconnects with `Last-Event-ID` gets exactly the meeting's events after that id (from
 * the event store), then the live ones: nothing missed, nothing twice.
 */
@ApiTags('read models')
@ApiBearerAuth()
@Controller()
export class LiveController {
  constructor(@Inject(ReadModels) private readonly models: ReadModels) {}

  @Sse('meetings/:meetingId/live')
  @Public() // what is recorded at a public meeting, as it happens (the public view)
  @ApiOperation({ summary: 'Live changes of a meeting (text/event-stream); reconnect with Last-Event-ID' })
  live(
    @Param('meetingId', UuidParam) meetingId: string,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Query('lastEventId') lastEventIdQuery: string | undefined,
  ): Observable<MessageEvent> {
    const raw = lastEventIdHeader ?? lastEventIdQuery;
    if (raw !== undefined && !/^\d{1,19}$/.test(raw.trim())) {
      throw problems.validation([{ field: 'Last-Event-ID', message: 'must be a global position (digits)' }]);
    }
    if (!meetingExists(this.models.db, meetingId))
      throw problems.notFound(`Sammanträdet ${meetingId} finns inte.`);
    const { runner, store, db } = this.models;
    const meetingStream = streamIds.meeting(meetingId);

    return new Observable<MessageEvent>((subscriber) => {
      const paragraphs = new Set(paragraphIdsOf(db, meetingId));
      const belongs = (e: { streamId: string; type: string; data: Readonly<Record<string, unknown>> }) => {
        if (e.streamId === meetingStream) return true;
        if (!e.streamId.startsWith('paragraph-')) return false; // e.g. § number reservations
        const pid = e.data.paragraphId as string | undefined;
        if (e.type === 'ParagraphOpened' && e.data.meetingId === meetingId && pid) paragraphs.add(pid);
        return pid !== undefined && paragraphs.has(pid);
      };
      let last: bigint;
      const emit = (e: CommittedEvent) => {
        if (e.position <= last) return;
        last = e.position;
        subscriber.next({
          id: String(e.position),
          type: e.type,
          data: {
            position: String(e.position),
            type: e.type,
            streamId: e.streamId,
            at: e.created.toISOString(),
            data: e.data,
          },
        });
      };

      // Listen first and hold live events back until the gap since Last-Event-ID is sent.
      let backlog: CommittedEvent[] | null = [];
      const live = runner.committed.subscribe((batch) => {
        for (const e of batch.events) {
          if (!belongs(e)) continue;
          if (backlog) backlog.push(e);
          else emit(e);
        }
      });
      const upTo = runner.position;
      if (raw === undefined) {
        last = upTo < 0n ? 0n : upTo;
        subscriber.next({ id: String(last), type: 'ready', data: { meetingId, position: String(last) } });
      } else {
        last = BigInt(raw.trim());
      }
      void (async () => {
        try {
          if (last < upTo) {
            for await (const e of scanAll(store, last, 1000)) {
              if (e.position.commit > upTo || subscriber.closed) break;
              const c = {
                position: e.position.commit,
                streamId: e.streamId,
                type: e.type,
                data: e.data,
                created: e.created,
              };
              if (belongs(c)) emit(c);
            }
          }
          const held = backlog ?? [];
          backlog = null;
          for (const e of held) emit(e);
        } catch (err) {
          subscriber.error(err);
        }
      })();
      return () => live.unsubscribe();
    });
  }
}
