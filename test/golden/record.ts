/**
 * Records a scenario: runs each command through the domain's deciders, on the state of its
 * stream as the earlier commands left it, exactly as a command handler would (load the
 * stream, decide, append). A refused command fails the scenario with the rule it broke.
 */
import {
  fold,
  isMeetingCommand,
  isNumberingCommand,
  isRuleViolation,
  meetingDecider,
  numberingDecider,
  paragraphDecider,
  streamIds,
  targetStreamId,
  type DomainCommand,
  type DomainEvent,
  type MeetingEvent,
  type NumberingEvent,
  type ParagraphEvent,
} from '@app/domain';

export interface RecordedScenario {
  /** Events per stream id (`meeting-…`, `paragraph-…`, `numbering-…`), in order. */
  readonly streams: ReadonlyMap<string, DomainEvent[]>;
  meetingEvents(meetingId: string): MeetingEvent[];
  paragraphEvents(paragraphId: string): ParagraphEvent[];
}

export function recordScenario(commands: readonly DomainCommand[]): RecordedScenario {
  const streams = new Map<string, DomainEvent[]>();
  const read = <E extends DomainEvent>(stream: string) => (streams.get(stream) ?? []) as E[];
  const meetingState = (meetingId: string) =>
    fold(meetingDecider, read<MeetingEvent>(streamIds.meeting(meetingId)));

  commands.forEach((command, index) => {
    const stream = targetStreamId(command);
    let events: DomainEvent[];
    try {
      if (isMeetingCommand(command)) {
        events = meetingDecider.decide(command, fold(meetingDecider, read<MeetingEvent>(stream)), undefined);
      } else if (isNumberingCommand(command)) {
        events = numberingDecider.decide(
          command,
          fold(numberingDecider, read<NumberingEvent>(stream)),
          undefined,
        );
      } else {
        const history = read<ParagraphEvent>(stream);
        const opened = history.find((e) => e.type === 'ParagraphOpened');
        const meetingId =
          command.type === 'OpenParagraph' ? command.data.meetingId : opened ? opened.data.meetingId : '';
        const previousId = command.type === 'OpenParagraph' ? command.data.previousParagraphId : undefined;
        const context = {
          meeting: meetingState(meetingId),
          ...(previousId
            ? { previous: fold(paragraphDecider, read<ParagraphEvent>(streamIds.paragraph(previousId))) }
            : {}),
        };
        events = paragraphDecider.decide(command, fold(paragraphDecider, history), context);
      }
    } catch (error) {
      const reason = isRuleViolation(error)
        ? `${error.code} — ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
      throw new Error(`Scenario command ${index + 1} (${command.type}) was refused: ${reason}`, {
        cause: error,
      });
    }
    streams.set(stream, [...read(stream), ...events]);
  });

  return {
    streams,
    meetingEvents: (id) => read<MeetingEvent>(streamIds.meeting(id)),
    paragraphEvents: (id) => read<ParagraphEvent>(streamIds.paragraph(id)),
  };
}
