import type { MeetingEvent } from './meeting.js';
import type { NumberingEvent } from './numbering.js';
import type { ParagraphEvent } from './paragraph.js';

export type DomainEvent = MeetingEvent | NumberingEvent | ParagraphEvent;
export type DomainEventType = DomainEvent['type'];

export const streamIds = {
  meeting: (meetingId: string) => `meeting-${meetingId}`,
  paragraph: (paragraphId: string) => `paragraph-${paragraphId}`,
  numbering: (bodyId: string, year: number) => `numbering-${bodyId}-${year}`,
} as const;
