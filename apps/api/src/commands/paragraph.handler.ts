import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, paragraphDecider, streamIds, type MeetingState } from '@app/domain';
import { StreamMissing } from './command-errors.js';
import { CommandRunner } from './command-runner.js';
import { ParagraphCommandMessage, withWarnings, type WriteResult } from './messages.js';

/** The meeting a paragraph belongs to: the context of every paragraph rule. */
export async function meetingOf(runner: CommandRunner, meetingId: string): Promise<MeetingState> {
  const loaded = await runner.load(streamIds.meeting(meetingId), meetingDecider);
  if (loaded.revision === 'no_stream') throw new StreamMissing(`Sammanträdet ${meetingId} finns inte.`);
  return loaded.state;
}

/**
 * Every paragraph command but the opening: its paragraph's stream, with the state of the
 * meeting it belongs to as context (read again on every attempt: the meeting may move on).
 */
@CommandHandler(ParagraphCommandMessage)
export class ParagraphCommandHandler implements ICommandHandler<ParagraphCommandMessage> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ command, ctx }: ParagraphCommandMessage): Promise<WriteResult> {
    const commands = 'type' in command ? [command] : command;
    const { paragraphId } = commands[0].data;
    // Several commands are written together on one paragraph's stream, never across two.
    if (commands.some((c) => c.data.paragraphId !== paragraphId)) {
      throw new Error('Commands written together must belong to one paragraph');
    }
    const result = await this.runner.run({
      stream: streamIds.paragraph(paragraphId),
      decider: paragraphDecider,
      ctx,
      notFound: `Ärendet ${paragraphId} finns inte.`,
      bodyOf: (state) => state.opened?.body.id,
      prepare: async (state) => ({
        commands,
        context: { meeting: await meetingOf(this.runner, state.opened!.meetingId) },
      }),
    });
    return withWarnings({ paragraphId, revision: result.revision }, result.warnings);
  }
}
