import { Injectable } from '@nestjs/common';
import { meetingDecider, streamIds, type MeetingCommand } from '@app/domain';
import { CommandRunner } from './command-runner.js';
import type { CommandContext } from './command-context.js';
import type { WriteResult } from './messages.js';

/** The one path every meeting command takes: the runner on the meeting stream. */
@Injectable()
export class MeetingCommands {
  constructor(private readonly runner: CommandRunner) {}

  async execute(command: MeetingCommand, ctx: CommandContext): Promise<WriteResult> {
    const { meetingId } = command.data;
    const scheduling = command.type === 'ScheduleMeeting';
    const result = await this.runner.run({
      stream: streamIds.meeting(meetingId),
      decider: meetingDecider,
      ctx,
      notFound: scheduling ? undefined : `Sammanträdet ${meetingId} finns inte.`,
      bodyOf: (state) => (scheduling ? command.data.body.id : state.schedule?.body.id),
      prepare: () => ({ command, context: undefined }),
    });
    return { meetingId, revision: result.revision };
  }
}
