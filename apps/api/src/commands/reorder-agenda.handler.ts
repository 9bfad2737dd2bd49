import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  agendaAssignments,
  numberingDecider,
  paragraphDecider,
  streamIds,
  type MeetingState,
  type ParagraphCommand,
  type ParagraphContext,
  type ParagraphState,
} from '@app/domain';
import { assertBodyAccess } from '../auth/policy.js';
import type { CommandContext } from './command-context.js';
import { CommandRunner } from './command-runner.js';
import { ReorderAgendaMessage, type WriteResult } from './messages.js';
import { meetingOf } from './paragraph.handler.js';

/**
 * A new order of the agenda renumbers the paragraphs not yet handled (docs/adr/0055): the whole
 * change is one event on the body's numbering stream, then each moved paragraph records its new
 * number on its own stream. As with an opening (ADR 0004), a retry with the same Idempotency-Key
 * completes a change cut short between the two.
 */
@CommandHandler(ReorderAgendaMessage)
export class ReorderAgendaHandler implements ICommandHandler<ReorderAgendaMessage> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ meetingId, order, ctx: given }: ReorderAgendaMessage): Promise<WriteResult> {
    // If-Match names one stream's revision; this command writes several.
    const ctx: CommandContext = { ...given, ifMatch: undefined };
    const meeting = await meetingOf(this.runner, meetingId);
    const schedule = meeting.schedule!;
    assertBodyAccess(ctx.user, schedule.body.id);
    const year = Number(schedule.date.slice(0, 4));
    const numbering = streamIds.numbering(schedule.body.id, year);
    // Under the numbering stream's key: no opening of this body and year comes in between.
    return this.runner.exclusive(numbering, () => this.reorder(meeting, year, order, numbering, ctx));
  }

  private async reorder(
    meeting: MeetingState,
    year: number,
    order: readonly string[],
    numberingStream: string,
    ctx: CommandContext,
  ): Promise<WriteResult> {
    const schedule = meeting.schedule!;
    let moved = 0;
    // 1. The whole change on the numbering stream, once every moved paragraph may move.
    const numbered = await this.runner.run({
      stream: numberingStream,
      decider: numberingDecider,
      ctx,
      idScope: 'numbering',
      bodyOf: () => schedule.body.id,
      prepare: async (numbering) => {
        const held: { paragraphId: string; number: number }[] = [];
        for (const r of numbering.byNumber.values()) {
          // A reservation whose paragraph was never opened is no item on the agenda.
          if (r.meetingId === schedule.meetingId && (await this.paragraph(r.paragraphId)).opened) {
            held.push({ paragraphId: r.paragraphId, number: r.number });
          }
        }
        const assignments = agendaAssignments(held, order);
        moved = assignments.length;
        for (const { paragraphId, to } of assignments) {
          const command: ParagraphCommand = { type: 'RenumberParagraph', data: { paragraphId, number: to } };
          paragraphDecider.decide(command, await this.paragraph(paragraphId), { meeting });
        }
        const data = { bodyId: schedule.body.id, year, meetingId: schedule.meetingId, assignments };
        return { command: { type: 'ReassignParagraphNumbers' as const, data }, context: undefined };
      },
    });

    // 2. Each paragraph takes the number the numbering stream now gives it. One that has it
    //    already is not touched (it may be justified: nothing may be recorded in it any more).
    for (const paragraphId of order) {
      const number = numbered.state.byParagraph.get(paragraphId)!;
      if ((await this.paragraph(paragraphId)).opened?.number === number) continue;
      await this.runner.run<ParagraphCommand, ParagraphState, ParagraphContext>({
        stream: streamIds.paragraph(paragraphId),
        decider: paragraphDecider,
        ctx,
        idScope: `paragraph:${paragraphId}`,
        bodyOf: (state) => state.opened?.body.id,
        prepare: async () => ({
          command: { type: 'RenumberParagraph', data: { paragraphId, number, reassigned: true } },
          context: { meeting: await meetingOf(this.runner, schedule.meetingId) },
        }),
      });
    }
    return { meetingId: schedule.meetingId, revision: numbered.revision, renumbered: moved };
  }

  private async paragraph(paragraphId: string): Promise<ParagraphState> {
    return (await this.runner.load(streamIds.paragraph(paragraphId), paragraphDecider)).state;
  }
}
