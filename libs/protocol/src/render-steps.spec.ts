/**
 * The procedure steps of issue 11 as the shipped default style words them, and the settings a
 * house style uses to place them (talarlista, joint movers, yrkanden on the matter, support of
 * the förslag, not taking part, votering without requester, names in the appendix or as
 * sentences, empty seats, verbatim beslut, free earlier references, bilagor, joint and group
 * reservations and notes).
 */
import { describe, expect, it } from '@jest/globals';
import type { ParagraphEvent } from '@app/domain';
import { renderExtract } from './render.js';
import { HouseStyleInvalidError, compileHouseStyle, validateHouseStyle } from './style/compile.js';
import { shippedStyle, shippedStyles } from './style/shipped.js';
import type { HouseStyleDraft } from './style/document.js';
import type { HouseStyle } from './templates/house-style.js';
import {
  meetingEvents,
  motionRef,
  paragraphEvents,
  paragraphId,
  proposal,
  ref,
  serving,
} from './testing/fixtures.js';
import { meetingView, paragraphView } from './views.js';

const meeting = meetingView(meetingEvents);
const render = (events: ParagraphEvent[], style?: HouseStyle) =>
  renderExtract(paragraphView(events), meeting, { format: 'text', ...(style ? { style } : {}) });
const flat = (text: string) => text.replace(/\s+/g, ' ');
const styleFrom = (draft: HouseStyleDraft) => compileHouseStyle(validateHouseStyle(draft, shippedStyle));

const decided = (content: object = { proposesTo: { body: 'Kommunfullmäktige', items: ['Anta taxan.'] } }) =>
  ({
    type: 'DecisionAdopted',
    data: {
      paragraphId,
      decisionId: 'd1',
      kind: 'sakbeslut',
      content,
      basedOn: { questionIds: [] },
      participants: serving,
    },
  }) as ParagraphEvent;
const asked = (puts = [proposal], finding = puts[0]!): ParagraphEvent => ({
  type: 'ChairAskedQuestion',
  data: { paragraphId, questionId: 'q1', puts, finding },
});

describe('the default style words the new steps', () => {
  it('talarlista, joint movers, a yrkande on the matter itself, and support of the förslag', () => {
    const [opened] = paragraphEvents() as [Extract<ParagraphEvent, { type: 'ParagraphOpened' }>];
    const text = flat(
      render([
        { ...opened, data: { ...opened.data, matter: { kind: 'medborgarförslag' } } },
        { type: 'SpeakerRecorded', data: { paragraphId, speakerId: 's1', member: ref('klas') } },
        {
          type: 'SpeakerRecorded',
          data: { paragraphId, speakerId: 's2', person: { name: 'Gun Gran', title: 'miljöchef' } },
        },
        {
          type: 'MotionProposed',
          data: {
            paragraphId,
            motionId: 'm1',
            proposer: ref('klas'),
            coProposers: [ref('eva')],
            kind: 'bifall',
            refersTo: { kind: 'matter' },
          },
        },
        { type: 'ProposalSupported', data: { paragraphId, member: ref('anna') } },
        { type: 'ProposalSupported', data: { paragraphId, member: ref('ers') } },
      ]),
    );
    expect(text).toContain(
      'Överläggning Under överläggningen yttrar sig Klas Lindqvist (V) och Gun Gran, miljöchef.',
    );
    expect(text).toContain('Klas Lindqvist (V) och Eva Malm (C) yrkar bifall till medborgarförslaget.');
    expect(text).toContain(
      'Anna Andersson (M) och Petra Ek (KD) yrkar bifall till miljöförvaltningens tjänsteutlåtandes förslag.',
    );
  });

  it('members and a group who do not take part, never written as jäv', () => {
    const text = flat(
      render(
        paragraphEvents(
          {
            type: 'NonParticipationDeclared',
            data: { paragraphId, declarationId: 'n1', members: [ref('eva')] },
          },
          {
            type: 'NonParticipationDeclared',
            data: {
              paragraphId,
              declarationId: 'n2',
              members: [ref('anna')],
              group: { party: 'M', name: 'Moderaterna' },
              reason: 'i protest.',
            },
          },
        ),
      ),
    );
    expect(text).toContain('Deltar inte i beslutet Eva Malm (C) deltar inte i beslutet.');
    expect(text).toContain('Ledamöterna för Moderaterna deltar inte i beslutet med motiveringen: i protest.');
    expect(text).not.toContain('jäv');
  });

  it('a votering without requester, with the names in the appendix and a seat empty', () => {
    const events = paragraphEvents(
      {
        type: 'MotionProposed',
        data: { paragraphId, motionId: 'm1', proposer: ref('klas'), kind: 'avslag' },
      },
      asked([proposal, motionRef('m1')]),
      { type: 'VoteRequested', data: { paragraphId, voteId: 'v1', questionId: 'q1' } },
      {
        type: 'VotePropositionApproved',
        data: { paragraphId, voteId: 'v1', kind: 'huvudvotering', ja: proposal, nej: motionRef('m1') },
      },
      {
        type: 'VoteHeld',
        data: {
          paragraphId,
          voteId: 'v1',
          kind: 'huvudvotering',
          votes: serving.map((member) => ({ member, vote: member.memberId === 'klas' ? 'nej' : 'ja' })),
          tally: { ja: 4, nej: 1, avstar: 0 },
          outcome: 'ja',
          namesInAppendix: true,
        },
      },
      decided(),
    );
    const text = render(events);
    expect(flat(text)).toContain(
      'avslagsyrkande och finner att miljönämnden beslutar i enlighet med miljöförvaltningens tjänsteutlåtandes förslag. Votering begärs. Följande voteringsproposition',
    );
    expect(text).not.toContain('Ledamot ');
    expect(flat(text)).toContain('Omröstningsresultat: Med 4 ja-röster mot 1 nej-röst beslutar miljönämnden');

    // A style with roll calls as sentences and the empty seats in the result.
    const named = styleFrom({
      id: 'namn',
      name: 'Namn',
      extends: 'default-sv',
      settings: { rollCall: 'names', voteResultHeading: 'Omröstningsresultat' },
      templates: {
        voteResult:
          'Ja {{ ja }}, nej {{ nej }}, frånvarande {{ absent }}{% if appendix %}, namnen i bilagan{% endif %}.',
      },
    });
    const withNames = events.map((e) =>
      e.type === 'VoteHeld' ? { ...e, data: { ...e.data, namesInAppendix: false } } : e,
    );
    const sentences = flat(render(withNames, named));
    expect(sentences).toContain(
      'Ulla Svensson (S), Anna Andersson (M), Eva Malm (C) och Petra Ek (KD) röstar ja (4). Klas Lindqvist (V) röstar nej (1).',
    );
    // Bo Bergström is absent but Petra Ek serves for him: no seat is empty.
    expect(sentences).toContain('Omröstningsresultat Ja 4, nej 1, frånvarande 0.');
    expect(flat(render(events, named))).toContain('Ja 4, nej 1, frånvarande 0, namnen i bilagan.');
  });

  it('a beslut recorded verbatim, a free earlier reference, and the bilagor', () => {
    const [opened] = paragraphEvents() as [Extract<ParagraphEvent, { type: 'ParagraphOpened' }>];
    const text = flat(
      render([
        {
          ...opened,
          data: {
            ...opened.data,
            earlierReference: {
              body: 'Kommunstyrelsen',
              date: '2024-03-04',
              paragraph: 'KS § 25',
              outcome: 'aterremiss',
            },
          },
        },
        {
          type: 'AttachmentAdded',
          data: {
            paragraphId,
            sha256: 'a'.repeat(64),
            filename: 'r.pdf',
            mediaType: 'application/pdf',
            size: 10,
            title: 'Reservation (V)',
            number: 1,
          },
        },
        asked(),
        decided({
          verbatim: true,
          text: ['Nämnden antar taxan med de ändringar som framgår av bilagan', '• punkt ett'],
        }),
      ]),
    );
    expect(text).toContain(
      'Beslut Nämnden antar taxan med de ändringar som framgår av bilagan • punkt ett Sammanfattning',
    );
    expect(text).not.toContain('Miljönämnden föreslår');
    expect(text).toContain('Ärendet återremitterades av kommunstyrelsen 2024-03-04 KS § 25.');
    expect(text).toContain('Bilagor Bilaga 1. Reservation (V)');
  });

  it('joint and group reservations and a group protokollsanteckning', () => {
    const text = flat(
      render(
        paragraphEvents(
          asked(),
          decided(),
          {
            type: 'ReservationEntered',
            data: {
              paragraphId,
              reservationId: 'r1',
              member: ref('klas'),
              members: [ref('klas'), ref('eva')],
              decisionId: 'd1',
            },
          },
          {
            type: 'ReservationEntered',
            data: {
              paragraphId,
              reservationId: 'r2',
              member: ref('anna'),
              group: { party: 'M', name: 'Moderaterna' },
              decisionId: 'd1',
              reasons: 'till förmån för eget yrkande',
            },
          },
          {
            type: 'ProtocolNoteEntered',
            data: {
              paragraphId,
              noteId: 'n1',
              member: ref('anna'),
              group: { party: 'M' },
              text: 'vi återkommer',
            },
          },
        ),
      ),
    );
    expect(text).toContain('Klas Lindqvist (V) och Eva Malm (C) reserverar sig mot beslutet.');
    expect(text).toContain(
      'Ledamöterna för Moderaterna reserverar sig mot beslutet till förmån för eget yrkande.',
    );
    expect(text).toContain('Ledamöterna för M lämnar följande protokollsanteckning: vi återkommer');
  });
});

describe('the chair amending the förslag and an approved propositionsordning', () => {
  it('are worded in the yrkanden and at the head of the beslutsgång', () => {
    const text = flat(
      render(
        paragraphEvents(
          {
            type: 'MotionProposed',
            data: { paragraphId, motionId: 'm1', proposer: ref('klas'), kind: 'avslag' },
          },
          {
            type: 'MotionProposed',
            data: {
              paragraphId,
              motionId: 'm2',
              proposer: ref('eva'),
              kind: 'tillagg',
              text: 'En ny punkt.',
            },
          },
          {
            type: 'ProposalAmended',
            data: {
              paragraphId,
              amendmentId: 'a1',
              by: ref('ordf'),
              decision: { proposesTo: { body: 'Kommunfullmäktige', items: ['Anta taxan från 1 juli.'] } },
              text: 'taxan gäller från 1 juli.',
            },
          },
          {
            type: 'PropositionOrderApproved',
            data: {
              paragraphId,
              orderId: 'o1',
              steps: [{ puts: [proposal, motionRef('m1')] }, { puts: [motionRef('m2')] }],
            },
          },
          asked([proposal, motionRef('m1')]),
        ),
      ),
    );
    expect(text).toContain('Ulla Svensson (S) ändrar förslaget: taxan gäller från 1 juli.');
    expect(text).toContain(
      'Beslutsgång Följande propositionsordning godkänns: 1) miljöförvaltningens tjänsteutlåtandes förslag mot Klas Lindqvists (V) avslagsyrkande, 2) Eva Malms (C) tilläggsyrkande. Ordföranden ställer',
    );
  });

  it('a heading may agree with the number of entries', () => {
    const style = shippedStyle('goteborg-ks')!;
    const one = flat(render(paragraphEvents(), compileHouseStyle(style)));
    expect(one).toContain('Handling Tjänsteutlåtande - Taxa för tillsyn');
  });
});

describe('house-style settings for the new steps', () => {
  it('are checked with messages a clerk can act on', () => {
    const problems = (draft: HouseStyleDraft) => {
      try {
        validateHouseStyle(draft, shippedStyle);
        return [];
      } catch (error) {
        return (error as HouseStyleInvalidError).problems.map((p) => p.path);
      }
    };
    const base = { id: 'x', name: 'X', extends: 'default-sv' };
    expect(problems({ ...base, settings: { rollCall: 'tabell' } })).toEqual(['settings.rollCall']);
    expect(
      problems({
        ...base,
        settings: { basisDocumentsAs: 'lista', decisionList: 'a', voteHeadingBefore: 'b' },
      }),
    ).toEqual(['settings.voteHeadingBefore', 'settings.basisDocumentsAs', 'settings.decisionList']);
    const sections = [{ section: 'decision', heading: '{{ organ }}s beslut' }];
    expect(problems({ ...base, settings: { sections } })).toEqual(['settings.sections[0].heading']);
  });

  it('ship as data: every shipped style validates and words each sample', () => {
    expect([...shippedStyles.keys()].sort()).toEqual([
      'default-sv',
      'goteborg-ks',
      'molndal-kf',
      'sollentuna-ks',
    ]);
    for (const doc of shippedStyles.values()) {
      const style = compileHouseStyle(doc);
      expect(style.member({ name: 'Anna Ek', party: 'S', role: 'member' })).toBe('Anna Ek (S)');
    }
  });
});
