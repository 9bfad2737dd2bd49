import { MeetingCommandHandler } from './meeting.handler.js';
import { OpenParagraphHandler } from './open-paragraph.handler.js';
import { ParagraphCommandHandler } from './paragraph.handler.js';
import { ReorderAgendaHandler } from './reorder-agenda.handler.js';

/** The command side's handlers: one per way a command is run (docs/adr/0051). */
export const commandHandlers = [
  MeetingCommandHandler,
  ParagraphCommandHandler,
  OpenParagraphHandler,
  ReorderAgendaHandler,
];
