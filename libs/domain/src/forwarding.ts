/**
 * Forwarding (docs/adr/0037): a paragraph whose beslut is a förslag to another body (AU → KS →
 * KF) is sent on to that body's incoming matters, stream `incoming-<bodyId>`; the receiving
 * body's clerk opens a paragraph from it, and that paragraph's ParagraphOpened carries the
 * lineage: which body proposed what, in which §, oldest first.
 */
import type { BodyDetails } from './body.js';
import { formatParagraphNumber } from './body.js';
import type { Decider, Decision } from './decider.js';
import { ensure, warning, type Warning } from './errors.js';
import type { Body, LineageStep } from './events.js';
import type { MeetingState } from './meeting.js';
import { liveDecision, type ParagraphState } from './paragraph.js';

export interface MatterForwarded {
  readonly type: 'MatterForwarded';
  readonly data: {
    readonly forwardId: string;
    readonly toBody: Body;
    /** Every step so far, oldest first; the last is the paragraph that sent it. */
    readonly lineage: readonly LineageStep[];
    readonly title: string;
    readonly summary: readonly string[];
    readonly at: string;
  };
}

/** The receiving body opened a paragraph from the matter. */
export interface MatterTakenUp {
  readonly type: 'MatterTakenUp';
  readonly data: {
    readonly forwardId: string;
    readonly toBody: Body;
    readonly fromParagraphId: string;
    readonly paragraphId: string;
    readonly meetingId: string;
    readonly year: number;
    readonly number: number;
    readonly at: string;
  };
}

export type IncomingEvent = MatterForwarded | MatterTakenUp;

export interface ForwardMatter {
  readonly type: 'ForwardMatter';
  readonly data: { readonly forwardId: string; readonly toBodyId: string; readonly at: string };
}
export interface TakeUpMatter {
  readonly type: 'TakeUpMatter';
  readonly data: Omit<MatterTakenUp['data'], 'toBody' | 'fromParagraphId'>;
}
export type IncomingCommand = ForwardMatter | TakeUpMatter;

export interface IncomingContext {
  /** The receiving body, from the register (undefined: not registered). */
  readonly toBody?: BodyDetails;
  /** ForwardMatter: the sending paragraph, its meeting and its body's register entry. */
  readonly from?: {
    readonly paragraph: ParagraphState;
    readonly meeting: MeetingState;
    readonly body?: BodyDetails;
  };
  /** TakeUpMatter: the body of the meeting the paragraph is opened at. */
  readonly meetingBodyId?: string;
}

export interface IncomingMatter {
  readonly forwarded: MatterForwarded['data'];
  readonly takenUp?: MatterTakenUp['data'];
}

export interface IncomingState {
  readonly matters: readonly IncomingMatter[];
}

export const incomingStreamId = (bodyId: string) => `incoming-${bodyId}`;

/** Matters not yet taken up, oldest first. */
export function pendingMatters(state: IncomingState): MatterForwarded['data'][] {
  return state.matters.filter((m) => !m.takenUp).map((m) => m.forwarded);
}

function decide(
  command: IncomingCommand,
  state: IncomingState,
  context: IncomingContext,
): Decision<IncomingEvent> {
  const warnings: Warning[] = [];
  const toBody = context.toBody;
  if (command.type === 'ForwardMatter') {
    const { forwardId, toBodyId, at } = command.data;
    ensure(toBody && toBody.bodyId === toBodyId, 'BODY_NOT_REGISTERED', {
      field: 'toBodyId',
      bodyId: toBodyId,
    });
    const from = context.from;
    const opened = from?.paragraph.opened;
    ensure(opened && from.meeting.schedule, 'PARAGRAPH_NOT_OPENED');
    ensure(opened.body.id !== toBodyId, 'FORWARD_TO_SELF', { field: 'toBodyId' });
    const decision = liveDecision(from.paragraph);
    const proposesTo = decision?.kind === 'sakbeslut' ? decision.content?.proposesTo : undefined;
    ensure(proposesTo && proposesTo.items.length > 0, 'FORWARD_NO_PROPOSAL', {
      paragraphId: opened.paragraphId,
    });
    ensure(
      !state.matters.some((m) => m.forwarded.lineage.at(-1)?.paragraphId === opened.paragraphId),
      'FORWARD_ALREADY_SENT',
      { paragraphId: opened.paragraphId },
    );
    ensure(!state.matters.some((m) => m.forwarded.forwardId === forwardId), 'FORWARD_ALREADY_SENT', {
      forwardId,
    });
    // The chain the body keeps says where its förslag go; sending elsewhere is recorded, with a word.
    if (from.body && from.body.preparesFor !== toBodyId) {
      warnings.push(warning('FORWARD_NOT_PREPARED_FOR', { preparesFor: from.body.preparesFor, toBodyId }));
    }
    const step: LineageStep = {
      bodyId: opened.body.id,
      bodyName: opened.body.name,
      bodyShortName: opened.body.shortName,
      meetingId: opened.meetingId,
      paragraphId: opened.paragraphId,
      date: from.meeting.schedule.date,
      year: opened.year,
      number: opened.number,
      label: formatParagraphNumber(from.body?.numberingFormat ?? '§ {number}', opened.number, opened.year),
      caseNumber: opened.caseNumber ?? null,
      proposesTo: { body: proposesTo.body, items: [...proposesTo.items] },
    };
    const lineage = [...(opened.origin?.lineage ?? []), step];
    const body: Body = { id: toBody.bodyId, name: toBody.name, shortName: toBody.shortName };
    return {
      events: [
        {
          type: 'MatterForwarded',
          data: { forwardId, toBody: body, lineage, title: opened.title, summary: opened.summary, at },
        },
      ],
      warnings,
    };
  }
  const d = command.data;
  const matter = state.matters.find((m) => m.forwarded.forwardId === d.forwardId);
  ensure(matter, 'UNKNOWN_FORWARD', { forwardId: d.forwardId });
  ensure(!matter.takenUp, 'FORWARD_ALREADY_TAKEN_UP', {
    forwardId: d.forwardId,
    paragraphId: matter.takenUp?.paragraphId,
  });
  ensure(context.meetingBodyId === matter.forwarded.toBody.id, 'FORWARD_WRONG_BODY', {
    field: 'meetingId',
    toBodyId: matter.forwarded.toBody.id,
  });
  return {
    events: [
      {
        type: 'MatterTakenUp',
        data: {
          ...d,
          toBody: matter.forwarded.toBody,
          fromParagraphId: matter.forwarded.lineage.at(-1)!.paragraphId,
        },
      },
    ],
    warnings,
  };
}

export const incomingDecider: Decider<IncomingCommand, IncomingEvent, IncomingState, IncomingContext> = {
  initialState: { matters: [] },
  decide: (command, state, context) => decide(command, state, context).events,
  decideWithWarnings: decide,
  evolve(state, event) {
    if (event.type === 'MatterForwarded') return { matters: [...state.matters, { forwarded: event.data }] };
    return {
      matters: state.matters.map((m) =>
        m.forwarded.forwardId === event.data.forwardId ? { ...m, takenUp: event.data } : m,
      ),
    };
  },
};
