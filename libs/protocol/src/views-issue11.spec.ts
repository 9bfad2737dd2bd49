/**
 * The views of issue 11's steps, and that events stored before them (older shapes, no new
 * fields) still fold to the same meaning.
 */
import { describe, expect, it } from '@jest/globals';
import type { ParagraphEvent } from '@app/domain';
import { meetingEvents, paragraphEvents, paragraphId, proposal, ref } from './testing/fixtures.js';
import { evolveMeetingView, evolveParagraphViewInPlace, meetingView, paragraphView } from './views.js';

const sha = (c: string) => c.repeat(64);

describe('views of events stored before issue 11', () => {
  const old = paragraphView(
    paragraphEvents(
      {
        type: 'MotionProposed',
        data: { paragraphId, motionId: 'y1', proposer: ref('anna'), kind: 'avslag' },
      },
      {
        type: 'ChairAskedQuestion',
        data: {
          paragraphId,
          questionId: 'q1',
          puts: [proposal, { kind: 'motion', motionId: 'y1' }],
          finding: proposal,
        },
      },
      {
        type: 'VoteRequested',
        data: { paragraphId, voteId: 'v1', requestedBy: ref('anna'), questionId: 'q1' },
      },
      {
        type: 'ReservationEntered',
        data: { paragraphId, reservationId: 'r1', member: ref('anna'), decisionId: 'd1' },
      },
      { type: 'ReservationReasonsSubmitted', data: { paragraphId, reservationId: 'r1', reasons: 'Därför.' } },
      {
        type: 'ProtocolNoteEntered',
        data: { paragraphId, noteId: 'n1', member: ref('klas'), text: 'Noterat' },
      },
    ),
  );

  it('reads one mover, one reserving member, one note author', () => {
    expect(old.motions[0]).toMatchObject({ coProposers: [], target: proposal, refersToMatter: false });
    expect(old.reservations[0]).toMatchObject({
      members: [ref('anna')],
      group: null,
      writtenReasons: 'Därför.',
      writtenReasonsAttachment: null,
    });
    expect(old.notes[0]).toMatchObject({ members: [ref('klas')], group: null, text: 'Noterat' });
  });

  it('keeps a named requester in the beslutsgång and lists every request', () => {
    expect(old.proceedings.filter((p) => p.kind === 'voteRequested')).toHaveLength(1);
    expect(old.voteRequests).toEqual([
      { voteId: 'v1', questionId: 'q1', requestedBy: ref('anna'), struck: false },
    ]);
    expect(old).toMatchObject({
      speakers: [],
      attachments: [],
      nonParticipations: [],
      earlierReference: null,
    });
  });

  it('a meeting view stored without bilagor takes its first one', () => {
    const { attachments: _none, ...stored } = meetingView(meetingEvents);
    const next = evolveMeetingView(stored, {
      type: 'ProtocolAttachmentAdded',
      data: {
        meetingId: stored.meetingId,
        sha256: sha('a'),
        filename: 'lista.pdf',
        mediaType: 'application/pdf',
        size: 10,
        title: 'Närvarolista',
        number: 1,
      },
    });
    expect(next!.attachments).toEqual([expect.objectContaining({ number: 1, title: 'Närvarolista' })]);
  });
});

describe('views of issue 11 steps', () => {
  const amended = { ownDecisions: ['att godkänna rapporten med ändringen'] };
  const events: ParagraphEvent[] = paragraphEvents(
    { type: 'ProposalAmended', data: { paragraphId, amendmentId: 'a1', decision: amended, by: ref('ordf') } },
    {
      type: 'AttachmentAdded',
      data: {
        paragraphId,
        sha256: sha('b'),
        filename: 'underlag.pdf',
        mediaType: 'application/pdf',
        size: 99,
        title: 'Underlag',
        number: 1,
      },
    },
  );

  it('the proposal as amended, and back when the amendment is struck', () => {
    const v = paragraphView(events);
    expect(v.proposal.current).toEqual(amended);
    const struck = paragraphView([
      ...events,
      { type: 'EntryStruck', data: { paragraphId, entryId: 'a1', reason: 'fel ärende' } },
    ]);
    expect(struck.proposal.current).toEqual(struck.proposal.decision);
    expect(struck.proposal.amendments[0]!.struck).toBe(true);
  });

  it('strikes a bilaga by its hash; in place and copied alike', () => {
    const strike = {
      type: 'EntryStruck',
      data: { paragraphId, entryId: sha('b'), reason: 'fel fil' },
    } as const;
    const copied = paragraphView([...events, strike]);
    expect(copied.attachments[0]!.struck).toBe(true);
    const inPlace = [...events, strike].reduce(evolveParagraphViewInPlace, null);
    expect(inPlace).toEqual(copied);
  });
});
