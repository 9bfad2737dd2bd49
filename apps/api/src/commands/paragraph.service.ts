import { Injectable } from '@nestjs/common';
import {
  initialParagraphState,
  meetingDecider,
  numberingDecider,
  paragraphDecider,
  streamIds,
  type MeetingState,
  type OpenParagraph,
  type ParagraphCommand,
  type ParagraphContext,
  type ParagraphState,
} from '@app/domain';
import { assertBodyAccess } from '../auth/policy.js';
import { problems } from '../errors/problem.js';
import { CommandRunner } from './command-runner.js';
import type { CommandContext } from './command-context.js';
import { withWarnings, type WriteResult } from './messages.js';

/** Open paragraphs without a § number get the next one; `number` here stands for "not given". */
export type OpenParagraphRequest = Omit<OpenParagraph['data'], 'number'> & { readonly number?: number };

/**
 * The shared path of every paragraph command: the runner on the paragraph stream, with the
 * meeting's state as the rules' context. Opening one also reserves its § on the numbering
 * stream first (docs/adr/0004).
 */
@Injectable()
export class ParagraphCommands {
  constructor(private readonly runner: CommandRunner) {}

  private async meeting(meetingId: string): Promise<MeetingState> {
    const loaded = await this.runner.load(streamIds.meeting(meetingId), meetingDecider);
    if (loaded.revision === 'no_stream') throw problems.notFound(`Sammanträdet ${meetingId} finns inte.`);
    return loaded.state;
  }

  async execute(
    command: Exclude<ParagraphCommand, OpenParagraph>,
    ctx: CommandContext,
  ): Promise<WriteResult> {
    const { paragraphId } = command.data;
    const result = await this.runner.run({
      stream: streamIds.paragraph(paragraphId),
      decider: paragraphDecider,
      ctx,
      notFound: `Ärendet ${paragraphId} finns inte.`,
      bodyOf: (state) => state.opened?.body.id,
      prepare: async (state) => ({
        command,
        context: { meeting: await this.meeting(state.opened!.meetingId) },
      }),
    });
    return withWarnings({ paragraphId, revision: result.revision }, result.warnings);
  }

  async open(request: OpenParagraphRequest, ctx: CommandContext): Promise<WriteResult> {
    const { paragraphId, meetingId } = request;
    // The paragraph stream is new: no revision can match (and none may half-apply, below).
    if (ctx.ifMatch !== undefined) throw problems.preconditionFailed(String(ctx.ifMatch), 'no_stream');
    const meeting = await this.meeting(meetingId);
    const schedule = meeting.schedule!;
    assertBodyAccess(ctx.user, schedule.body.id);
    const year = Number(schedule.date.slice(0, 4));
    const previous = request.previousParagraphId
      ? (await this.runner.load(streamIds.paragraph(request.previousParagraphId), paragraphDecider)).state
      : undefined;
    const previousMeeting = previous?.opened ? await this.meeting(previous.opened.meetingId) : undefined;
    const openCommand = (number: number): OpenParagraph => ({
      type: 'OpenParagraph',
      data: { ...request, number },
    });

    // 1. Reserve the § number. Before reserving, the opening is decided once on an empty paragraph:
    //    a refused opening must not leave a number taken.
    const reserved = await this.runner.run({
      stream: streamIds.numbering(schedule.body.id, year),
      decider: numberingDecider,
      ctx,
      idScope: 'numbering',
      bodyOf: () => schedule.body.id,
      prepare: (numbering) => {
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
    const number = reserved.state.byParagraph.get(paragraphId)!;

    // 2. Open the paragraph stream with that number. A retry after a crash between the two
    //    finds the reservation already made (the numbering decider records nothing twice).
    const opened = await this.runner.run<ParagraphCommand, ParagraphState, ParagraphContext>({
      stream: streamIds.paragraph(paragraphId),
      decider: paragraphDecider,
      ctx,
      idScope: 'paragraph',
      bodyOf: () => schedule.body.id,
      prepare: async () => ({
        command: openCommand(number),
        context: { meeting: await this.meeting(meetingId), previous, previousMeeting },
      }),
    });
    return { paragraphId, number, revision: opened.revision };
  }
}
