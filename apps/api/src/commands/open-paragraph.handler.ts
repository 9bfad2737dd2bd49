import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamNotFoundError, type EventStore } from '@app/event-store';
import {
  initialParagraphState,
  numberingDecider,
  paragraphDecider,
  streamIds,
  type MeetingState,
  type OpenParagraph,
  type ParagraphNumberReleased,
  type ParagraphNumberReserved,
  type ParagraphCommand,
  type ParagraphContext,
  type ParagraphState,
} from '@app/domain';
import { assertBodyAccess } from '../auth/policy.js';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { EVENT_STORE } from '../infra/tokens.js';
import { ParagraphNumberWasReleased, RevisionMismatch } from './command-errors.js';
import type { CommandContext } from './command-context.js';
import { CommandRunner } from './command-runner.js';
import { OpenParagraphMessage, type OpenParagraphRequest, type WriteResult } from './messages.js';
import { meetingOf } from './paragraph.handler.js';

/**
 * Opening a paragraph: it reads the meeting (and the previous paragraph, when the matter was
 * deferred from it) and writes two streams, its § number on the body's numbering stream
 * first, then the paragraph (docs/adr/0004).
 */
@CommandHandler(OpenParagraphMessage)
export class OpenParagraphHandler implements ICommandHandler<OpenParagraphMessage> {
  /** Paragraphs known to be opened: their reservations need no look at their stream again. */
  private readonly opened = new Set<string>();

  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  execute({ request, ctx }: OpenParagraphMessage): Promise<WriteResult> {
    return this.open(request, ctx);
  }

  private async open(request: OpenParagraphRequest, ctx: CommandContext): Promise<WriteResult> {
    const { meetingId } = request;
    // The paragraph stream is new: no revision can match (and none may half-apply, below).
    if (ctx.ifMatch !== undefined) throw new RevisionMismatch(String(ctx.ifMatch), 'no_stream');
    const meeting = await meetingOf(this.runner, meetingId);
    const schedule = meeting.schedule!;
    assertBodyAccess(ctx.user, schedule.body.id);
    const year = Number(schedule.date.slice(0, 4));
    // Both appends, and the release of abandoned numbers, under one key per numbering stream:
    // in this process no other opening comes between a reservation and its paragraph.
    const numbering = streamIds.numbering(schedule.body.id, year);
    return this.runner.exclusive(numbering, () => this.reserveAndOpen(request, ctx, meeting, numbering));
  }

  private async reserveAndOpen(
    request: OpenParagraphRequest,
    ctx: CommandContext,
    meeting: MeetingState,
    numberingStream: string,
  ): Promise<WriteResult> {
    const { paragraphId, meetingId } = request;
    const schedule = meeting.schedule!;
    const year = Number(schedule.date.slice(0, 4));
    await this.releaseAbandoned(numberingStream, ctx);
    const previous = request.previousParagraphId
      ? (await this.runner.load(streamIds.paragraph(request.previousParagraphId), paragraphDecider)).state
      : undefined;
    const previousMeeting = previous?.opened
      ? await meetingOf(this.runner, previous.opened.meetingId)
      : undefined;
    const openCommand = (number: number): OpenParagraph => ({
      type: 'OpenParagraph',
      data: { ...request, number },
    });

    // 1. Reserve the § number. Before reserving, the opening is decided once on an empty paragraph:
    //    a refused opening must not leave a number taken.
    let heldBefore = false;
    const reserved = await this.runner.run({
      stream: numberingStream,
      decider: numberingDecider,
      ctx,
      idScope: 'numbering',
      bodyOf: () => schedule.body.id,
      prepare: (numbering) => {
        heldBefore = numbering.byParagraph.has(paragraphId);
        const number = request.number ?? numbering.byParagraph.get(paragraphId) ?? numbering.nextNumber;
        paragraphDecider.decide(openCommand(number), initialParagraphState, {
          meeting,
          previous,
          previousMeeting,
        });
        const data = { bodyId: schedule.body.id, year, number, paragraphId, meetingId };
        return { command: { type: 'ReserveParagraphNumber' as const, data }, context: undefined };
      },
    });
    const number = reserved.state.byParagraph.get(paragraphId);
    // A retry (same Idempotency-Key) of an opening whose number was released meanwhile: the
    // reservation it would replay is gone, and a new one needs a new command.
    if (number === undefined) throw new ParagraphNumberWasReleased();

    // 2. Open the paragraph stream with that number. A retry after a crash between the two
    //    finds the reservation already made (the numbering decider records nothing twice).
    let opened: { revision: number };
    try {
      opened = await this.runner.run<ParagraphCommand, ParagraphState, ParagraphContext>({
        stream: streamIds.paragraph(paragraphId),
        decider: paragraphDecider,
        ctx,
        idScope: 'paragraph',
        bodyOf: () => schedule.body.id,
        prepare: async () => ({
          command: openCommand(number),
          context: { meeting: await meetingOf(this.runner, meetingId), previous, previousMeeting },
        }),
      });
    } catch (err) {
      // A refused or failed opening gives back the number it reserved, so it leaves no hole.
      // If this fails too (the store is down), releaseAbandoned does it on a later opening.
      if (!heldBefore && !(await this.streamExists(streamIds.paragraph(paragraphId)))) {
        await this.release(
          numberingStream,
          { ...reserved.state.byNumber.get(number)!, number },
          'opening_failed',
          ctx,
        ).catch(() => undefined);
      }
      throw err;
    }
    this.opened.add(paragraphId);
    return { paragraphId, number, revision: opened.revision };
  }

  /**
   * Releases reservations whose paragraph was never opened and whose writer is gone: made more
   * than numberReleaseAfterMs ago (a live writer opens its paragraph within milliseconds) and
   * not in flight here (openings of one numbering stream run one at a time in this process).
   */
  private async releaseAbandoned(numberingStream: string, ctx: CommandContext): Promise<void> {
    const { state } = await this.runner.load(numberingStream, numberingDecider);
    const candidates: ParagraphNumberReserved['data'][] = [];
    for (const reservation of state.byNumber.values()) {
      if (this.opened.has(reservation.paragraphId)) continue;
      if (await this.streamExists(streamIds.paragraph(reservation.paragraphId))) {
        this.opened.add(reservation.paragraphId);
      } else candidates.push(reservation);
    }
    if (candidates.length === 0) return;
    const events = await this.store.readStream(numberingStream);
    const now = Date.now();
    for (const candidate of candidates) {
      const made = events.findLast(
        (e) => e.type === 'ParagraphNumberReserved' && e.data.paragraphId === candidate.paragraphId,
      );
      if (made && now - made.created.getTime() >= this.config.numberReleaseAfterMs) {
        await this.release(numberingStream, candidate, 'never_opened', ctx);
      }
    }
  }

  private async release(
    numberingStream: string,
    reservation: ParagraphNumberReserved['data'],
    reason: ParagraphNumberReleased['data']['reason'],
    ctx: CommandContext,
  ): Promise<void> {
    const { bodyId, year, number, paragraphId } = reservation;
    await this.runner.run({
      stream: numberingStream,
      decider: numberingDecider,
      // Its own command id: the release is not the opening it undoes (whose id may be retried).
      ctx: { ...ctx, commandId: `${ctx.commandId}:release:${number}`, idempotencyKey: undefined },
      idScope: 'release',
      bodyOf: () => bodyId,
      prepare: () => ({
        command: {
          type: 'ReleaseParagraphNumber' as const,
          data: { bodyId, year, number, paragraphId, reason },
        },
        context: undefined,
      }),
    });
  }

  private async streamExists(stream: string): Promise<boolean> {
    try {
      return (await this.store.readStream(stream, { maxCount: 1 })).length > 0;
    } catch (err) {
      if (err instanceof StreamNotFoundError) return false;
      throw err;
    }
  }
}
