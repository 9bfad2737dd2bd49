import { MeetingCommands } from './meeting.service.js';
import { meetingHandlers } from './meeting.handlers.js';
import { ParagraphCommands } from './paragraph.service.js';
import { paragraphHandlers } from './paragraph.handlers.js';

/** Providers of the command side: the two shared paths and one handler per command. */
export const commandHandlers = [MeetingCommands, ParagraphCommands, ...meetingHandlers, ...paragraphHandlers];
