import { describe, expect, it } from '@jest/globals';
import type { ParagraphEvent, VoteChoice } from '@app/domain';
import { renderExtract } from './render.js';
import { compileHouseStyle, validateHouseStyle } from './style/compile.js';
import { shippedStyle } from './style/shipped.js';
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
const render = (events: ParagraphEvent[], format: 'text' | 'markdown' = 'text', template?: HouseStyle) =>
  renderExtract(paragraphView(events), meeting, { format, ...(template ? { template } : {}) });

/** Collapse whitespace so assertions read like the sentences they check. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const propose = (
  motionId: string,
  proposer: string,
  kind: 'bifall' | 'avslag' | 'andring' | 'tillagg' | 'aterremiss' | 'bordlaggning' | 'fritt',
  extra: { text?: string; motivation?: string } = {},
): ParagraphEvent => ({
  type: 'MotionProposed',
  data: { paragraphId, motionId, proposer: ref(proposer), kind, ...extra },
});
const ask = (
  questionId: string,
  puts: ReturnType<typeof motionRef>[],
  finding = puts[0]!,
): ParagraphEvent => ({
  type: 'ChairAskedQuestion',
  data: { paragraphId, questionId, puts, finding },
});
const decide = (
  decisionId: string,
  kind: 'sakbeslut' | 'aterremiss' | 'bordlaggning' = 'sakbeslut',
): ParagraphEvent => ({
  type: 'DecisionAdopted',
  data: {
    paragraphId,
    decisionId,
    kind,
    ...(kind === 'sakbeslut'
      ? { content: { proposesTo: { body: 'Kommunfullmäktige', items: ['Anta taxan.'] } } }
      : {}),
    basedOn: { questionIds: [] },
    participants: serving,
  },
});
const roll = (
  voteId: string,
  kind: 'huvudvotering' | 'kontraproposition',
  votes: [string, VoteChoice][],
  castingVote?: 'ja' | 'nej',
): ParagraphEvent => {
  const count = (c: VoteChoice) => votes.filter(([, v]) => v === c).length;
  const tally = { ja: count('ja'), nej: count('nej'), avstar: count('avstar') };
  return {
    type: 'VoteHeld',
    data: {
      paragraphId,
      voteId,
      kind,
      votes: votes.map(([id, vote]) => ({ member: ref(id), vote })),
      tally,
      ...(castingVote ? { castingVote } : {}),
      outcome: castingVote ?? (tally.ja > tally.nej ? 'ja' : 'nej'),
    },
  };
};

describe('renderExtract: the decision section', () => {
  it('shows the proposal as "Förslag till beslut" while nothing is decided', () => {
    const text = render(paragraphEvents());
    expect(text).toContain(
      'Förslag till beslut\n\nMiljönämnden föreslår:\n\nKommunfullmäktige beslutar:\n\n1. Anta taxan.',
    );
    expect(text).not.toContain('\nBeslut\n');
    expect(text).not.toContain('Beslutande sammanträde');
    expect(text).not.toContain('Paragrafen är justerad');
  });

  it('words återremiss and bordläggning decisions', () => {
    const referred = render(
      paragraphEvents(
        propose('m1', 'klas', 'aterremiss', { motivation: 'att förvaltningen ska utreda avgiftsnivåerna' }),
        ask('q1', [proposal, motionRef('m1')], motionRef('m1')),
        {
          type: 'DecisionAdopted',
          data: {
            paragraphId,
            decisionId: 'd1',
            kind: 'aterremiss',
            motivation: 'att förvaltningen ska utreda avgiftsnivåerna',
            basedOn: { questionIds: ['q1'] },
            participants: serving,
          },
        },
      ),
    );
    expect(referred).toContain(
      'Miljönämnden beslutar att återremittera ärendet med motiveringen att förvaltningen ska utreda avgiftsnivåerna.',
    );
    expect(referred).toContain(
      'Klas Lindqvist (V) yrkar att ärendet ska återremitteras med motiveringen: att förvaltningen ska utreda avgiftsnivåerna\n',
    );
    expect(referred).toContain(
      'Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras, och finner att ärendet ska återremitteras.',
    );

    const tabled = render(
      paragraphEvents(
        propose('m1', 'klas', 'bordlaggning'),
        ask('q1', [proposal, motionRef('m1')], proposal),
        decide('d1', 'bordlaggning'),
      ),
    );
    expect(tabled).toContain('Miljönämnden beslutar att bordlägga ärendet.');
    expect(tabled).toContain('Klas Lindqvist (V) yrkar att ärendet ska bordläggas.');
    expect(tabled).toContain('och finner att ärendet ska avgöras i dag.');
  });

  it('numbers several own decisions without their "att"', () => {
    const text = render(
      paragraphEvents(ask('q1', [proposal]), {
        type: 'DecisionAdopted',
        data: {
          paragraphId,
          decisionId: 'd1',
          kind: 'sakbeslut',
          content: { ownDecisions: ['att anta taxan.', 'att uppdra åt förvaltningen att informera.'] },
          basedOn: { questionIds: ['q1'] },
          participants: serving,
        },
      }),
    );
    expect(text).toContain(
      'Miljönämnden beslutar:\n\n1. Anta taxan.\n2. Uppdra åt förvaltningen att informera.',
    );
  });
});

describe('renderExtract: the deciding meeting', () => {
  it('leaves struck and withdrawn yrkanden and struck questions out', () => {
    const text = render(
      paragraphEvents(
        propose('m1', 'klas', 'avslag'),
        propose('m2', 'anna', 'tillagg', { text: 'Taxan ses över 2026' }),
        propose('m3', 'eva', 'fritt', { text: 'Miljönämnden beslutar att anta taxan.' }),
        { type: 'EntryStruck', data: { paragraphId, entryId: 'm1', reason: 'fel ärende' } },
        { type: 'MotionWithdrawn', data: { paragraphId, motionId: 'm2' } },
        ask('q1', [motionRef('m3')]),
        { type: 'EntryStruck', data: { paragraphId, entryId: 'q1', reason: 'fel' } },
        ask('q2', [proposal]),
      ),
    );
    expect(text).not.toContain('Klas Lindqvist');
    expect(text).not.toContain('Anna Andersson');
    expect(text).toContain('Eva Malm (C) yrkar på följande: Miljönämnden beslutar att anta taxan.');
    expect(text).not.toContain('Eva Malms (C) yrkande');
    expect(flat(text)).toContain(
      'Ordföranden frågar om miljönämnden kan besluta i enlighet med miljöförvaltningens tjänsteutlåtandes förslag, och finner att miljönämnden beslutar i enlighet med förslaget.',
    );
  });

  it('words every kind of yrkande, supporters, and a single proposal found rejected', () => {
    const text = flat(
      render(
        paragraphEvents(
          propose('m1', 'klas', 'avslag'),
          { type: 'MotionSupported', data: { paragraphId, motionId: 'm1', member: ref('eva') } },
          propose('m2', 'anna', 'andring', { text: 'Timavgiften ska vara 1 200 kronor' }),
          propose('m3', 'eva', 'tillagg', { text: 'Taxan ses över 2026.' }),
          propose('m4', 'ers', 'bifall'),
          { type: 'MotionSupported', data: { paragraphId, motionId: 'm4', member: ref('anna') } },
          { type: 'MotionSupported', data: { paragraphId, motionId: 'm4', member: ref('ordf') } },
          ask('q1', [motionRef('m3')], 'rejected' as never),
        ),
      ),
    );
    expect(text).toContain(
      'Klas Lindqvist (V) yrkar avslag på miljöförvaltningens tjänsteutlåtandes förslag.',
    );
    expect(text).toContain('Eva Malm (C) instämmer i Klas Lindqvists (V) yrkande.');
    expect(text).toContain(
      'Anna Andersson (M) yrkar på följande ändring: Timavgiften ska vara 1 200 kronor Eva Malm',
    );
    expect(text).toContain('Eva Malm (C) yrkar på följande tillägg: Taxan ses över 2026.');
    expect(text).toContain('Petra Ek (KD) yrkar bifall till miljöförvaltningens tjänsteutlåtandes förslag.');
    expect(text).toContain('Anna Andersson (M) och Ulla Svensson (S) instämmer i Petra Eks (KD) yrkande.');
    expect(text).toContain(
      'Ordföranden frågar om miljönämnden kan besluta i enlighet med Eva Malms (C) tilläggsyrkande, och finner att miljönämnden avslår förslaget.',
    );
  });

  it('names jäv, and who took part when it differs from the beslutande', () => {
    const partial = serving.filter((m) => m.memberId !== 'klas' && m.memberId !== 'eva');
    const text = flat(
      render(
        paragraphEvents(
          { type: 'RecusalDeclared', data: { paragraphId, member: ref('eva') } },
          ask('q1', [proposal]),
          {
            type: 'DecisionAdopted',
            data: {
              paragraphId,
              decisionId: 'd1',
              kind: 'sakbeslut',
              basedOn: { questionIds: ['q1'] },
              participants: partial,
            },
          },
        ),
      ),
    );
    expect(text).toContain('Jäv Eva Malm (C) anmäler jäv och deltar inte i handläggningen av ärendet.');
    expect(text).toContain('I beslutet deltar Ulla Svensson (S), Anna Andersson (M) och Petra Ek (KD).');
    // Recorded without its own wording: the decision is the proposal's.
    expect(text).toContain('Beslut Miljönämnden föreslår: Kommunfullmäktige beslutar: 1. Anta taxan.');

    const everyoneButRecused = serving.filter((m) => m.memberId !== 'eva');
    const usual = render(
      paragraphEvents(
        { type: 'RecusalDeclared', data: { paragraphId, member: ref('eva') } },
        ask('q1', [proposal]),
        {
          type: 'DecisionAdopted',
          data: {
            paragraphId,
            decisionId: 'd1',
            kind: 'sakbeslut',
            basedOn: { questionIds: ['q1'] },
            participants: everyoneButRecused,
          },
        },
      ),
    );
    expect(usual).not.toContain('I beslutet deltar');
  });
});

describe('renderExtract: votering', () => {
  const threeWay = [
    propose('m1', 'klas', 'avslag'),
    propose('m2', 'anna', 'andring', { text: 'Timavgiften ska vara 1 200 kronor.' }),
  ];

  it('renders a kontrapropositionsvotering and then the huvudvotering, each with its result', () => {
    const text = render(
      paragraphEvents(
        ...threeWay,
        ask('q1', [proposal, motionRef('m1'), motionRef('m2')], proposal),
        {
          type: 'VoteRequested',
          data: { paragraphId, voteId: 'v1', requestedBy: ref('anna'), questionId: 'q1' },
        },
        {
          type: 'VotePropositionApproved',
          data: {
            paragraphId,
            voteId: 'v1',
            kind: 'kontraproposition',
            ja: motionRef('m1'),
            nej: motionRef('m2'),
          },
        },
        roll('v1', 'kontraproposition', [
          ['anna', 'nej'],
          ['klas', 'ja'],
          ['eva', 'nej'],
          ['ers', 'avstar'],
          ['ordf', 'nej'],
        ]),
        {
          type: 'VotePropositionApproved',
          data: { paragraphId, voteId: 'v1', kind: 'huvudvotering', ja: proposal, nej: motionRef('m2') },
        },
        roll('v1', 'huvudvotering', [
          ['anna', 'nej'],
          ['klas', 'avstar'],
          ['eva', 'ja'],
          ['ers', 'ja'],
          ['ordf', 'ja'],
        ]),
      ),
    );
    const f = flat(text);
    expect(f).toContain(
      'Ordföranden ställer proposition på miljöförvaltningens tjänsteutlåtandes förslag, Klas Lindqvists (V) avslagsyrkande och Anna Anderssons (M) ändringsyrkande och finner att miljönämnden beslutar i enlighet med miljöförvaltningens tjänsteutlåtandes förslag.',
    );
    expect(f).toContain(
      'Kontrapropositionsvotering genomförs för att utse motförslag i huvudvoteringen. Följande voteringsproposition godkänns: Ja för Klas Lindqvists (V) avslagsyrkande, Nej för Anna Anderssons (M) ändringsyrkande.',
    );
    expect(f).toContain(
      'Omröstningsresultat: Med 1 ja-röst mot 3 nej-röster och 1 som avstår utser miljönämnden Anna Anderssons (M) ändringsyrkande till motförslag i huvudvoteringen.',
    );
    expect(f).toContain(
      'Följande voteringsproposition godkänns: Ja för miljöförvaltningens tjänsteutlåtandes förslag, Nej för Anna Anderssons (M) ändringsyrkande.',
    );
    expect(f).toContain(
      'Omröstningsresultat: Med 3 ja-röster mot 1 nej-röst och 1 som avstår beslutar miljönämnden i enlighet med miljöförvaltningens tjänsteutlåtandes förslag.',
    );
    expect(text.match(/^Omröstning$/gm)).toHaveLength(2);
    expect(text).toContain('Votering begärs.');
  });

  it("words the chair's casting vote on a tie, leaving out abstentions when there are none", () => {
    const text = flat(
      render(
        paragraphEvents(
          ...threeWay.slice(0, 1),
          ask('q1', [proposal, motionRef('m1')], proposal),
          {
            type: 'VoteRequested',
            data: { paragraphId, voteId: 'v1', requestedBy: ref('klas'), questionId: 'q1' },
          },
          {
            type: 'VotePropositionApproved',
            data: { paragraphId, voteId: 'v1', kind: 'huvudvotering', ja: proposal, nej: motionRef('m1') },
          },
          roll(
            'v1',
            'huvudvotering',
            [
              ['anna', 'ja'],
              ['klas', 'nej'],
              ['eva', 'nej'],
              ['ordf', 'ja'],
            ],
            'ja',
          ),
        ),
      ),
    );
    expect(text).toContain(
      'Omröstningsresultat: Med 2 ja-röster mot 2 nej-röster blir röstetalet lika. Ordföranden använder sin utslagsröst för Ja, och därmed beslutar miljönämnden i enlighet med miljöförvaltningens tjänsteutlåtandes förslag.',
    );
  });

  it('writes the roll call as a Markdown table', () => {
    const markdown = render(
      paragraphEvents(
        ...threeWay.slice(0, 1),
        ask('q1', [proposal, motionRef('m1')], proposal),
        {
          type: 'VoteRequested',
          data: { paragraphId, voteId: 'v1', requestedBy: ref('klas'), questionId: 'q1' },
        },
        {
          type: 'VotePropositionApproved',
          data: { paragraphId, voteId: 'v1', kind: 'huvudvotering', ja: proposal, nej: motionRef('m1') },
        },
        roll('v1', 'huvudvotering', [
          ['anna', 'ja'],
          ['klas', 'nej'],
          ['ordf', 'ja'],
        ]),
      ),
      'markdown',
    );
    expect(markdown).toContain(
      [
        '| Ledamot | Parti | Ja | Nej | Avstår |',
        '| --- | --- | --- | --- | --- |',
        '| Anna Andersson | M | X |  |  |',
        '| Klas Lindqvist | V |  | X |  |',
        '| Ulla Svensson | S | X |  |  |',
        '| **Summa** |  | **2** | **1** | **0** |',
      ].join('\n'),
    );
    expect(markdown).toContain('\n#### Omröstning\n');
  });
});

describe('renderExtract: after the decision', () => {
  it('words reservations with and without reasons, and protokollsanteckningar', () => {
    const text = flat(
      render(
        paragraphEvents(
          ask('q1', [proposal]),
          decide('d1'),
          {
            type: 'ReservationEntered',
            data: { paragraphId, reservationId: 'r1', member: ref('klas'), decisionId: 'd1' },
          },
          {
            type: 'ReservationEntered',
            data: {
              paragraphId,
              reservationId: 'r2',
              member: ref('anna'),
              decisionId: 'd1',
              reasons: 'Taxan är för hög',
            },
          },
          {
            type: 'ReservationEntered',
            data: {
              paragraphId,
              reservationId: 'r3',
              member: ref('eva'),
              decisionId: 'd1',
              reasons: 'till förmån för eget yrkande',
            },
          },
          {
            type: 'ProtocolNoteEntered',
            data: { paragraphId, noteId: 'n1', member: ref('ers'), text: 'Vi vill se en uppföljning' },
          },
          {
            type: 'ProtocolNoteEntered',
            data: { paragraphId, noteId: 'n2', member: ref('ordf'), text: 'Struken' },
          },
          { type: 'EntryStruck', data: { paragraphId, entryId: 'n2', reason: 'fel ärende' } },
        ),
      ),
    );
    expect(text).toContain('Reservation Klas Lindqvist (V) reserverar sig mot beslutet.');
    expect(text).toContain(
      'Anna Andersson (M) reserverar sig mot beslutet med följande motivering: Taxan är för hög Eva Malm',
    );
    expect(text).toContain('Eva Malm (C) reserverar sig mot beslutet till förmån för eget yrkande.');
    expect(text).toContain(
      'Protokollsanteckning Petra Ek (KD) lämnar följande protokollsanteckning: Vi vill se en uppföljning Justerandes',
    );
    expect(text).not.toContain('Struken');
  });

  it('shows justering, dispatch, rättelse with the corrected value, and certification', () => {
    const events = paragraphEvents(
      ask('q1', [proposal]),
      decide('d1'),
      {
        type: 'DistributionSet',
        data: { paragraphId, recipients: ['Kommunfullmäktige', 'Miljöförvaltningen'] },
      },
      {
        type: 'ParagraphJustified',
        data: {
          paragraphId,
          by: [ref('ordf'), ref('anna')],
          at: '2024-09-10T11:00:00+02:00',
          immediate: true,
        },
      },
      {
        type: 'DecisionDispatched',
        data: { paragraphId, recipient: 'Kommunfullmäktige', at: '2024-09-11T08:00:00+02:00' },
      },
      {
        type: 'CorrectionRecorded',
        data: {
          paragraphId,
          correctionId: 'c1',
          field: 'title',
          from: 'miljöbalken',
          to: 'miljöbalken (1998:808)',
          why: 'Skrivfel.',
          by: { name: 'Sven Sekreterare' },
        },
      },
      {
        type: 'ExtractCertified',
        data: { paragraphId, by: { name: 'Sven Sekreterare' }, at: '2024-09-13T10:00:00+02:00' },
      },
    );
    const text = render(events);
    expect(text).toContain('\n\nTaxa för tillsyn enligt miljöbalken (1998:808)\n\n');
    expect(text).toContain(
      'Beslutet ska skickas till\n\nKommunfullmäktige (expedierat 2024-09-11)\n\nMiljöförvaltningen\n\n',
    );
    expect(text).toContain('Paragrafen är omedelbart justerad');
    expect(text).toContain(
      'Rättelse: Rubrik ändrad från ”miljöbalken” till ”miljöbalken (1998:808)” (Skrivfel). Rättat av Sven Sekreterare.',
    );
    expect(
      text.endsWith(
        'Utdragsbestyrkande\n\nUtdraget bestyrks av Sven Sekreterare 2024-09-13.\n\nJusterandes sign\n\nUtdragsbestyrkande\n',
      ),
    ).toBe(true);
    expect(render(events, 'markdown')).toContain(
      '## Utdragsbestyrkande\n\nUtdraget bestyrks av Sven Sekreterare 2024-09-13.',
    );
  });

  it('links a matter that returns to the paragraph that deferred it', () => {
    const [opened] = paragraphEvents() as [Extract<ParagraphEvent, { type: 'ParagraphOpened' }>];
    const returning = (previous: object): ParagraphEvent => ({
      ...opened,
      data: { ...opened.data, previous: { paragraphId: 'p-0', number: 7, year: 2024, ...previous } },
    });
    expect(render([returning({})])).toContain(
      'Sammanfattning av ärendet\n\nÄrendet behandlades tidigare §7/2024.\n\n',
    );
    // When the event carries the earlier meeting's date and outcome (a later event version).
    expect(render([returning({ date: '2024-05-14', outcome: 'aterremiss' })])).toContain(
      'Ärendet återremitterades 2024-05-14 §7.',
    );
  });
});

describe('house styles', () => {
  it('changes the wording through a new template, not new code', () => {
    const base = shippedStyle('default-sv')!;
    const style: HouseStyle = compileHouseStyle(
      validateHouseStyle(
        {
          id: 'miljo',
          name: 'Miljönämnden',
          extends: 'default-sv',
          settings: {
            sections: base.settings.sections.map((s) =>
              s.section === 'decision'
                ? { ...s, heading: 'Nämndens beslut' }
                : s.section === 'motions'
                  ? { ...s, heading: 'Yrkanden under sammanträdet' }
                  : s,
            ),
            extractFooter: [],
          },
          templates: { paragraphNumber: '§ {{ number }}', caseNumber: 'Diarienummer: {{ dnr }}' },
        },
        shippedStyle,
      ),
    );
    const text = render(
      paragraphEvents(propose('m1', 'klas', 'avslag'), ask('q1', [proposal]), decide('d1')),
      'text',
      style,
    );
    expect(text.startsWith('Miljönämnden\n\n§ 12\n\nDiarienummer: MN 2024-301\n\n')).toBe(true);
    expect(text).toContain('\nNämndens beslut\n');
    expect(text).toContain('\nYrkanden under sammanträdet\n');
    expect(text).not.toContain('Justerandes sign');
  });

  it('escapes Markdown in recorded text', () => {
    const [opened] = paragraphEvents() as [Extract<ParagraphEvent, { type: 'ParagraphOpened' }>];
    const markdown = render(
      [
        {
          ...opened,
          data: {
            ...opened.data,
            summary: ['Avgiften *höjs* med 5 %', '# inte en rubrik', '1. inte en lista'],
          },
        },
      ],
      'markdown',
    );
    expect(markdown).toContain('Avgiften \\*höjs\\* med 5 %');
    expect(markdown).toContain('\n\\# inte en rubrik\n');
    expect(markdown).toContain('\n1\\. inte en lista\n');
  });
});
