import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type {
  AddProtocolAttachment,
  AnnounceProtocol,
  AppointAdjusters,
  CloseMeeting,
  JustifyProtocol,
  MeetingCommand,
  OpenMeeting,
  RecordAttendance,
  ScheduleMeeting,
} from '@app/domain';
import { MeetingCommands } from './meeting.service.js';
import { DomainCommandMessage, type WriteResult } from './messages.js';

export class ScheduleMeetingCommand extends DomainCommandMessage<ScheduleMeeting> {}
export class RecordAttendanceCommand extends DomainCommandMessage<RecordAttendance> {}
export class AppointAdjustersCommand extends DomainCommandMessage<AppointAdjusters> {}
export class OpenMeetingCommand extends DomainCommandMessage<OpenMeeting> {}
export class CloseMeetingCommand extends DomainCommandMessage<CloseMeeting> {}
export class JustifyProtocolCommand extends DomainCommandMessage<JustifyProtocol> {}
export class AnnounceProtocolCommand extends DomainCommandMessage<AnnounceProtocol> {}
export class AddProtocolAttachmentCommand extends DomainCommandMessage<AddProtocolAttachment> {}

/** Every meeting handler is this: hand the command to the shared path. */
@Injectable()
abstract class MeetingHandler<C extends MeetingCommand> implements ICommandHandler<DomainCommandMessage<C>> {
  constructor(private readonly meetings: MeetingCommands) {}
  execute(message: DomainCommandMessage<C>): Promise<WriteResult> {
    return this.meetings.execute(message.command, message.ctx);
  }
}

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler extends MeetingHandler<ScheduleMeeting> {}
@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler extends MeetingHandler<RecordAttendance> {}
@CommandHandler(AppointAdjustersCommand)
export class AppointAdjustersHandler extends MeetingHandler<AppointAdjusters> {}
@CommandHandler(OpenMeetingCommand)
export class OpenMeetingHandler extends MeetingHandler<OpenMeeting> {}
@CommandHandler(CloseMeetingCommand)
export class CloseMeetingHandler extends MeetingHandler<CloseMeeting> {}
@CommandHandler(JustifyProtocolCommand)
export class JustifyProtocolHandler extends MeetingHandler<JustifyProtocol> {}
@CommandHandler(AnnounceProtocolCommand)
export class AnnounceProtocolHandler extends MeetingHandler<AnnounceProtocol> {}

@CommandHandler(AddProtocolAttachmentCommand)
export class AddProtocolAttachmentHandler extends MeetingHandler<AddProtocolAttachment> {}

export const meetingHandlers = [
  AddProtocolAttachmentHandler,
  ScheduleMeetingHandler,
  RecordAttendanceHandler,
  AppointAdjustersHandler,
  OpenMeetingHandler,
  CloseMeetingHandler,
  JustifyProtocolHandler,
  AnnounceProtocolHandler,
];
