import { v7 as uuidv7 } from 'uuid';
import { ChainTracker, type EventData, type JsonObject } from '@app/event-store';
import type { DomainEvent, Member, MemberRef, ProposalRef } from '@app/domain';
import { streamIds } from '@app/domain';

/**
 * A generator of realistic, valid histories for property tests and the replay benchmark:
 * bodies meet, paragraphs are opened, yrkanden made, questions put, votes held, decisions
 * adopted, reservations entered, paragraphs and protocols justified, announced and the
 * decisions dispatched, with the occasional struck entry and rättelse. It follows the
 * deciders' rules (only serving members act, nothing but corrections, certification and
 * dispatch after justering, § numbers unique per body and year).
 */

export interface HistoryOptions {
  readonly bodies: number;
  readonly meetingsPerBody: number;
  /** Paragraphs per meeting: from 1 up to this. */
  readonly maxParagraphs: number;
  /** First year; meetings run about monthly from January. */
  readonly startYear?: number;
  /** Event ids; default time-ordered UUIDv7 (cheap on the store's unique index). */
  readonly newId?: () => string;
}

export interface Append {
  readonly stream: string;
  readonly events: EventData[];
}

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic v4-shaped ids from a seeded random source (reproducible test histories). */
export function seededIds(random: () => number): () => string {
  const hex = () =>
    Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return () => {
    const h = hex() + hex() + hex() + hex();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}

const BODIES = [
  ['ks-au', 'Kommunstyrelsens arbetsutskott', 'KSAU'],
  ['ks', 'Kommunstyrelsen', 'KS'],
  ['bun', 'Barn- och utbildningsnämnden', 'BUN'],
  ['son', 'Socialnämnden', 'SON'],
  ['tn', 'Tekniska nämnden', 'TN'],
  ['kfn', 'Kultur- och fritidsnämnden', 'KFN'],
  ['mbn', 'Miljö- och byggnadsnämnden', 'MBN'],
  ['vn', 'Valnämnden', 'VN'],
] as const;
const PARTIES = ['S', 'M', 'L', 'C', 'V', 'KD', 'MP', 'SD'];
const FIRST = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Eva',
  'Per',
  'Sara',
  'Anders',
  'Lena',
  'Mikael',
];
const LAST = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Beronius',
];
const TOPICS = [
  'Delårsrapport',
  'Detaljplan för kvarteret Linden',
  'Budget',
  'Taxa för bygglov',
  'Motion om cykelbanor',
];
const RECIPIENTS = [
  'Kommunstyrelsen',
  'Ekonomienheten',
  'Revisionen',
  'Samhällsbyggnadsförvaltningen',
  'Akten',
];

export function* generateHistory(random: () => number, options: HistoryOptions): Generator<Append> {
  // Hash-chained like the command path's appends (docs/adr/0024), in the order they are yielded.
  const chain = new ChainTracker();
  for (const a of unchainedHistory(random, options))
    yield { stream: a.stream, events: chain.chain(a.stream, a.events) };
}

function* unchainedHistory(random: () => number, options: HistoryOptions): Generator<Append> {
  const newId = options.newId ?? uuidv7;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const chance = (p: number) => random() < p;
  const startYear = options.startYear ?? 2024;
  const meta = (role: string, at: string, correlationId: string): JsonObject => ({
    userId: role === 'clerk' ? 'u-sekreterare' : 'u-ordforande',
    role,
    recordedAt: at,
    commandId: newId(),
    correlationId,
    causationId: correlationId,
  });
  const ev = (e: DomainEvent, role: string, at: string, corr: string): EventData => ({
    id: newId(),
    type: e.type,
    data: e.data as unknown as JsonObject,
    metadata: meta(role, at, corr),
  });

  for (let b = 0; b < options.bodies; b++) {
    const [baseId, baseName, baseShort] = BODIES[b % BODIES.length];
    const round = Math.floor(b / BODIES.length);
    const body = {
      id: round ? `${baseId}-${round}` : baseId,
      name: round ? `${baseName} ${round + 1}` : baseName,
      shortName: round ? `${baseShort}${round + 1}` : baseShort,
    };
    const size = 7 + Math.floor(random() * 6);
    const members: Member[] = [];
    for (let i = 0; i < size + 3; i++) {
      members.push({
        memberId: `${body.id}-m${i}`,
        name: `${pick(FIRST)} ${pick(LAST)}`,
        party: PARTIES[i % PARTIES.length],
        role: i < size ? 'ledamot' : 'ersattare',
      });
    }
    const refOf = (m: Member): MemberRef => ({ memberId: m.memberId, name: m.name, party: m.party });
    const numbers = new Map<number, number>();

    for (let k = 0; k < options.meetingsPerBody; k++) {
      const year = startYear + Math.floor(k / 11);
      const month = (k % 11) + 1 + (k % 11 >= 6 ? 1 : 0); // no meeting in July
      const day = 1 + Math.floor(random() * 27);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const at = (h: number, m = 0) =>
        `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+01:00`;
      const meetingId = newId();
      const meetingStream = streamIds.meeting(meetingId);
      const corr = newId();
      // Attendance: one ledamot absent now and then, an ersättare serving in their place.
      const absent = chance(0.4) ? [members[1 + Math.floor(random() * (size - 1))]] : [];
      const substitute = absent.length ? members[size] : null;
      const serving = members
        .filter((m, i) => i < size && !absent.includes(m))
        .concat(substitute ? [substitute] : []);
      const chair = members[0];
      const adjusters = [members[1 + Math.floor(random() * (size - 1))]].filter((m) => !absent.includes(m));
      if (!adjusters.length) adjusters.push(members[0]);

      yield {
        stream: meetingStream,
        events: [
          ev(
            {
              type: 'MeetingScheduled',
              data: {
                meetingId,
                body,
                date,
                startTime: '09:00',
                place: 'Kommunhuset, sammanträdesrum Tingshuset',
                chair: chair.memberId,
                secretary: { name: 'Lisa Sekreterare', title: 'nämndsekreterare' },
                members,
              },
            },
            'clerk',
            at(8),
            corr,
          ),
          ev(
            {
              type: 'AttendanceRecorded',
              data: {
                meetingId,
                effectiveFrom: at(9),
                present: serving.map((m) => m.memberId),
                absent: absent.map((m) => m.memberId),
                servingSubstitutes: substitute
                  ? [{ substituteId: substitute.memberId, forMemberId: absent[0].memberId }]
                  : [],
              },
            },
            'clerk',
            at(9),
            corr,
          ),
          ev(
            {
              type: 'AdjustersAppointed',
              data: {
                meetingId,
                adjusters: adjusters.map((m) => m.memberId),
                justeringAt: at(15),
                justeringPlace: 'Kommunledningskontoret',
              },
            },
            'clerk',
            at(9, 1),
            corr,
          ),
          ev({ type: 'MeetingOpened', data: { meetingId, at: at(9, 2) } }, 'clerk', at(9, 2), corr),
        ],
      };

      const paragraphCount = 1 + Math.floor(random() * options.maxParagraphs);
      const pending: { stream: string; paragraphId: string; recipients: string[]; justified: boolean }[] = [];
      for (let p = 0; p < paragraphCount; p++) {
        const paragraphId = newId();
        const stream = streamIds.paragraph(paragraphId);
        const number = (numbers.get(year) ?? 0) + 1;
        numbers.set(year, number);
        const pcorr = newId();
        const t = (min: number) => at(9 + (Math.floor((p * 12 + min) / 60) % 8), (p * 12 + min) % 60);
        yield {
          stream: streamIds.numbering(body.id, year),
          events: [
            ev(
              {
                type: 'ParagraphNumberReserved',
                data: { bodyId: body.id, year, number, paragraphId, meetingId },
              },
              'clerk',
              t(0),
              pcorr,
            ),
          ],
        };
        const events: EventData[] = [];
        const push = (e: DomainEvent, role = 'clerk', min = 1) => events.push(ev(e, role, t(min), pcorr));
        push({
          type: 'ParagraphOpened',
          data: {
            paragraphId,
            meetingId,
            body,
            year,
            number,
            caseNumber: `${body.shortName} ${year}-${String(Math.floor(random() * 900) + 10)}`,
            title: `${pick(TOPICS)} ${year}`,
            summary: ['Kommunstyrelsekontoret har tagit fram ett förslag.', 'Ärendet har beretts.'],
            basisDocuments: [`Tjänsteutlåtande ${date}`],
            proposal: {
              proposer: 'kommunstyrelsekontoret',
              document: 'tjänsteutlåtande',
              decision: chance(0.5)
                ? {
                    proposesTo: {
                      body: 'Kommunstyrelsen',
                      items: ['att godkänna rapporten', 'att lägga den till handlingarna'],
                    },
                  }
                : { ownDecisions: ['att godkänna förslaget'] },
            },
          },
        });
        // Jäv: the recused member takes no part in what follows.
        let entitled = serving.filter((m) => m !== chair);
        if (chance(0.1)) {
          const r = entitled[entitled.length - 1];
          entitled = entitled.slice(0, -1);
          push({ type: 'RecusalDeclared', data: { paragraphId, member: refOf(r), reason: 'Släktskap' } });
        }
        const voters = [...entitled, chair];
        const motionId = newId();
        const proposerA = entitled[0];
        push({
          type: 'MotionProposed',
          data: { paragraphId, motionId, proposer: refOf(proposerA), kind: 'bifall' },
        });
        push({
          type: 'MotionSupported',
          data: { paragraphId, motionId, member: refOf(entitled[2 % entitled.length]) },
        });
        const contested = chance(0.6);
        let againstId: string | null = null;
        let against: Member | null = null;
        if (contested) {
          againstId = newId();
          against = entitled[1 % entitled.length];
          const kind = pick(['avslag', 'andring', 'aterremiss'] as const);
          push({
            type: 'MotionProposed',
            data: {
              paragraphId,
              motionId: againstId,
              proposer: refOf(against),
              kind,
              ...(kind === 'andring'
                ? { text: 'att beslutet ändras så att rapporten återkommer i juni' }
                : {}),
              ...(kind === 'aterremiss' ? { motivation: 'Ärendet behöver beredas vidare.' } : {}),
            },
          });
          if (chance(0.5)) {
            push({
              type: 'MotionSupported',
              data: { paragraphId, motionId: againstId, member: refOf(entitled[3 % entitled.length]) },
            });
          }
        }
        if (chance(0.1)) {
          // A yrkande recorded by mistake and struck before justering.
          const wrong = newId();
          push({
            type: 'MotionProposed',
            data: {
              paragraphId,
              motionId: wrong,
              proposer: refOf(entitled[0]),
              kind: 'fritt',
              text: 'Fel ärende',
            },
          });
          push({
            type: 'EntryStruck',
            data: { paragraphId, entryId: wrong, reason: 'Antecknat under fel paragraf' },
          });
        }
        const questionId = newId();
        const puts: ProposalRef[] = againstId
          ? [{ kind: 'proposal' }, { kind: 'motion', motionId: againstId }]
          : [{ kind: 'proposal' }];
        push(
          {
            type: 'ChairAskedQuestion',
            data: { paragraphId, questionId, puts, finding: { kind: 'proposal' } },
          },
          'chair',
        );
        let voteId: string | undefined;
        let adoptedRef: ProposalRef = { kind: 'proposal' };
        if (contested && againstId && against && chance(0.5)) {
          voteId = newId();
          push({
            type: 'VoteRequested',
            data: { paragraphId, voteId, requestedBy: refOf(against), questionId },
          });
          const ja: ProposalRef = { kind: 'proposal' };
          const nej: ProposalRef = { kind: 'motion', motionId: againstId };
          push(
            {
              type: 'VotePropositionApproved',
              data: { paragraphId, voteId, kind: 'huvudvotering', ja, nej },
            },
            'chair',
          );
          const votes = voters.map((m, i) => ({
            member: refOf(m),
            vote: (i % 3 === 2 ? 'nej' : i % 7 === 6 ? 'avstar' : 'ja') as 'ja' | 'nej' | 'avstar',
          }));
          const tally = {
            ja: votes.filter((v) => v.vote === 'ja').length,
            nej: votes.filter((v) => v.vote === 'nej').length,
            avstar: votes.filter((v) => v.vote === 'avstar').length,
          };
          const outcome = tally.ja >= tally.nej ? 'ja' : 'nej';
          push(
            {
              type: 'VoteHeld',
              data: {
                paragraphId,
                voteId,
                votes,
                tally,
                ...(tally.ja === tally.nej ? { castingVote: 'ja' as const } : {}),
                outcome,
              },
            },
            'chair',
          );
          adoptedRef = outcome === 'ja' ? ja : nej;
        }
        const decisionId = newId();
        push(
          {
            type: 'DecisionAdopted',
            data: {
              paragraphId,
              decisionId,
              kind: 'sakbeslut',
              content: {
                ownDecisions: ['att godkänna förslaget', 'att uppdra åt kontoret att återrapportera'],
              },
              basedOn: { questionIds: [questionId], ...(voteId ? { voteId } : {}) },
              participants: voters.map(refOf),
            },
          },
          'chair',
        );
        if (against && adoptedRef.kind === 'proposal' && chance(0.7)) {
          push({
            type: 'ReservationEntered',
            data: {
              paragraphId,
              reservationId: newId(),
              member: refOf(against),
              decisionId,
              reasons: 'till förmån för eget yrkande',
            },
          });
        }
        if (chance(0.15)) {
          push({
            type: 'ProtocolNoteEntered',
            data: {
              paragraphId,
              noteId: newId(),
              member: refOf(entitled[0]),
              text: 'Vi välkomnar rapporten.',
            },
          });
        }
        const recipients = [pick(RECIPIENTS), pick(RECIPIENTS)].filter((x, i, a) => a.indexOf(x) === i);
        push({ type: 'DistributionSet', data: { paragraphId, recipients } });
        const immediate = chance(0.2);
        if (immediate) {
          push(
            {
              type: 'ParagraphJustified',
              data: { paragraphId, by: [chair, ...adjusters].map(refOf), at: t(10), immediate: true },
            },
            'chair',
            10,
          );
        }
        yield { stream, events };
        pending.push({ stream, paragraphId, recipients, justified: immediate });
      }

      const end = `${date}T16:00:00+01:00`;
      const justered = `${date}T17:00:00+01:00`;
      const announcedOn = nextDay(date, 2);
      yield {
        stream: meetingStream,
        events: [
          ev({ type: 'MeetingClosed', data: { meetingId, at: end } }, 'clerk', end, corr),
          ev(
            {
              type: 'ProtocolJustified',
              data: { meetingId, by: [chair, ...adjusters].map(refOf), at: justered },
            },
            'chair',
            justered,
            corr,
          ),
          ev(
            {
              type: 'ProtocolAnnounced',
              data: {
                meetingId,
                announcedOn,
                appealEndsOn: nextDay(announcedOn, 21),
                protocolKeptAt: 'Kommunledningskontoret',
              },
            },
            'clerk',
            `${announcedOn}T08:00:00+01:00`,
            corr,
          ),
        ],
      };
      // After justering: certification, dispatch to each recipient (most of the time), a rare rättelse.
      for (const p of pending) {
        const after: EventData[] = [];
        const when = `${nextDay(date, 3)}T10:00:00+01:00`;
        const pcorr = newId();
        if (chance(0.9)) {
          after.push(
            ev(
              {
                type: 'ExtractCertified',
                data: { paragraphId: p.paragraphId, by: { name: 'Lisa Sekreterare' }, at: when },
              },
              'clerk',
              when,
              pcorr,
            ),
          );
        }
        for (const recipient of p.recipients) {
          if (chance(0.85)) {
            after.push(
              ev(
                { type: 'DecisionDispatched', data: { paragraphId: p.paragraphId, recipient, at: when } },
                'clerk',
                when,
                pcorr,
              ),
            );
          }
        }
        if (chance(0.03)) {
          after.push(
            ev(
              {
                type: 'CorrectionRecorded',
                data: {
                  paragraphId: p.paragraphId,
                  correctionId: newId(),
                  field: 'caseNumber',
                  from: 'x',
                  to: 'y',
                  why: 'Uppenbart skrivfel',
                  by: { name: 'Lisa Sekreterare' },
                },
              },
              'clerk',
              when,
              pcorr,
            ),
          );
        }
        if (after.length) yield { stream: p.stream, events: after };
      }
    }
  }
}

function nextDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
