import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { meetingDecider, streamIds } from '@app/domain';
import { CommandRunner } from './command-runner.js';
import { MeetingCommandMessage, type WriteResult } from './messages.js';

/** Every meeting command: its meeting's stream, no context from other streams. */
@CommandHandler(MeetingCommandMessage)
export class MeetingCommandHandler implements ICommandHandler<MeetingCommandMessage> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ command, ctx }: MeetingCommandMessage): Promise<WriteResult> {
    const { meetingId } = command.data;
    const scheduling = command.type === 'ScheduleMeeting';
    const result = await this.runner.run({
      stream: streamIds.meeting(meetingId),
      decider: meetingDecider,
      ctx,
      notFound: scheduling ? undefined : `Sammanträdet ${meetingId} finns inte.`,
      // A new meeting's body is the one it is scheduled for.
      bodyOf: (state) => (scheduling ? command.data.body.id : state.schedule?.body.id),
      prepare: () => ({ command, context: undefined }),
    });
    return { meetingId, revision: result.revision };
  }
}
