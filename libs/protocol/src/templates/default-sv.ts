/**
 * The default Swedish house style, worded after the protocol extract of kommunstyrelsens
 * arbetsutskott §65 2024 (test/fixtures/ks-au-2024-s65-delarsrapport.txt). Phrases the seed
 * does not show follow common Swedish municipal practice in the same style.
 */
import type { MotionKind } from '@app/domain';
import { countNoun, genitive, joinList, midSentence, sentence, sentenceStart } from '../swedish.js';
import type { HouseStyle, MotionPhraseParts } from './house-style.js';

const motionNouns: Record<MotionKind, string> = {
  bifall: 'yrkande',
  fritt: 'yrkande',
  avslag: 'avslagsyrkande',
  andring: 'ändringsyrkande',
  tillagg: 'tilläggsyrkande',
  aterremiss: 'återremissyrkande',
  bordlaggning: 'bordläggningsyrkande',
};

const motionPhrases: Record<MotionKind, (p: MotionPhraseParts) => string> = {
  fritt: (p) => `${p.proposer} yrkar på följande: ${p.text ?? ''}`.trimEnd(),
  bifall: (p) => `${p.proposer} yrkar bifall till ${p.what}.`,
  avslag: (p) =>
    p.text
      ? `${p.proposer} yrkar avslag på ${p.what} med motiveringen: ${sentence(p.text)}`
      : `${p.proposer} yrkar avslag på ${p.what}.`,
  andring: (p) => `${p.proposer} yrkar på följande ändring: ${sentence(p.text ?? '')}`,
  tillagg: (p) => `${p.proposer} yrkar på följande tillägg: ${sentence(p.text ?? '')}`,
  aterremiss: (p) =>
    p.motivation
      ? `${p.proposer} yrkar att ärendet ska återremitteras med motiveringen: ${sentence(p.motivation)}`
      : `${p.proposer} yrkar att ärendet ska återremitteras.`,
  bordlaggning: (p) =>
    p.text
      ? `${p.proposer} yrkar att ärendet ska bordläggas med motiveringen: ${sentence(p.text)}`
      : `${p.proposer} yrkar att ärendet ska bordläggas.`,
};

/** "att …" clauses are written without a second "att" after "med motiveringen att". */
const withoutLeadingAtt = (text: string) => text.replace(/^att\s+/i, '');

const fieldNames: Record<string, { name: string; participle: string }> = {
  title: { name: 'Rubrik', participle: 'ändrad' },
  caseNumber: { name: 'Diarienummer', participle: 'ändrat' },
  summary: { name: 'Sammanfattning av ärendet', participle: 'ändrad' },
  basisDocuments: { name: 'Beslutsunderlag', participle: 'ändrat' },
  proposal: { name: 'Förslag till beslut', participle: 'ändrat' },
  decision: { name: 'Beslut', participle: 'ändrat' },
};

const votes = (n: number, kind: 'ja' | 'nej') => countNoun(n, `${kind}-röst`, `${kind}-röster`);

export const defaultSwedishHouseStyle: HouseStyle = {
  locale: 'sv-SE',
  headings: {
    decision: 'Beslut',
    proposalForDecision: 'Förslag till beslut',
    summary: 'Sammanfattning av ärendet',
    basisDocuments: 'Beslutsunderlag',
    decidingMeeting: 'Beslutande sammanträde',
    recusal: 'Jäv',
    motions: 'Yrkanden',
    proceedings: 'Beslutsgång',
    vote: 'Omröstning',
    reservation: 'Reservation',
    protocolNote: 'Protokollsanteckning',
    distribution: 'Beslutet ska skickas till',
    certification: 'Utdragsbestyrkande',
  },
  extractFooter: ['Justerandes sign', 'Utdragsbestyrkande'],

  paragraphNumber: (n) => `§${n}`,
  caseNumber: (dnr) => `Dnr ${dnr}`,
  previousParagraph: ({ number, year, date, outcome }) => {
    const verb =
      outcome === 'aterremiss'
        ? 'återremitterades'
        : outcome === 'bordlaggning'
          ? 'bordlades'
          : 'behandlades';
    return date ? `Ärendet ${verb} ${date} §${number}.` : `Ärendet ${verb} tidigare §${number}/${year}.`;
  },

  proposalRef: ({ proposer, document }) =>
    document ? `${genitive(proposer)} ${genitive(document)} förslag` : `${genitive(proposer)} förslag`,
  motionRef: ({ proposerGenitive, kind }) => `${proposerGenitive} ${motionNouns[kind]}`,

  proposesTo: ({ body }) => `${body} föreslår:`,
  recipientDecides: ({ recipient }) => `${recipient} beslutar:`,
  ownDecision: ({ body, alsoProposes, item }) => {
    const verb = alsoProposes ? 'beslutar för egen del' : 'beslutar';
    return item === null ? `${body} ${verb}:` : `${body} ${verb} ${item}`;
  },
  // "att slå samman …" inline; "1. Slå samman …" in a list, like the seed's numbered items.
  ownDecisionListItem: (item) => sentenceStart(withoutLeadingAtt(item)),
  referredBack: ({ body, motivation }) =>
    motivation
      ? `${body} beslutar att återremittera ärendet med motiveringen att ${sentence(withoutLeadingAtt(motivation))}`
      : `${body} beslutar att återremittera ärendet.`,
  tabled: ({ body }) => `${body} beslutar att bordlägga ärendet.`,
  decidedAsProposed: ({ body }) => `${body} beslutar i enlighet med förslaget.`,

  recusal: ({ member }) => `${member} anmäler jäv och deltar inte i handläggningen av ärendet.`,
  participants: ({ members }) => `I beslutet deltar ${joinList(members)}.`,
  motion: (kind, parts) => motionPhrases[kind](parts),
  supporters: ({ supporters, proposerGenitive }) =>
    `${joinList(supporters)} instämmer i ${proposerGenitive} yrkande.`,
  withdrawnMotion: ({ proposer }) => `${proposer} återtar sitt yrkande.`,

  questionSingle: ({ body, what, adopted }) =>
    `Ordföranden frågar om ${midSentence(body)} kan besluta i enlighet med ${what}, och finner att ` +
    (adopted
      ? `${midSentence(body)} beslutar i enlighet med förslaget.`
      : `${midSentence(body)} avslår förslaget.`),
  questionSeveral: ({ body, options, winner }) =>
    `Ordföranden ställer proposition på ${options.length === 2 ? options.join(' mot ') : joinList(options)} ` +
    (winner
      ? `och finner att ${midSentence(body)} beslutar i enlighet med ${winner}.`
      : `och finner att ${midSentence(body)} avslår förslagen.`),
  questionFormal: ({ kind, formalAdopted }) => {
    const formal = kind === 'aterremiss' ? 'återremitteras' : 'bordläggas';
    return (
      `Ordföranden frågar om ärendet ska avgöras i dag eller ${formal}, och finner att ärendet ska ` +
      (formalAdopted ? `${formal}.` : 'avgöras i dag.')
    );
  },
  voteRequested: () => 'Votering begärs.',
  voteProposition: ({ kind, ja, nej }) =>
    (kind === 'kontraproposition'
      ? 'Kontrapropositionsvotering genomförs för att utse motförslag i huvudvoteringen. '
      : '') + `Följande voteringsproposition godkänns: Ja för ${ja}, Nej för ${nej}.`,
  rollCallColumns: ['Ledamot', 'Parti', 'Ja', 'Nej', 'Avstår'],
  rollCallMark: 'X',
  rollCallTotal: 'Summa',
  voteResult: ({ body, ja, nej, avstar, winner, kind, castingVote }) => {
    const count =
      `Med ${votes(ja, 'ja')} mot ${votes(nej, 'nej')}` + (avstar > 0 ? ` och ${avstar} som avstår` : '');
    const outcome =
      kind === 'kontraproposition'
        ? `utser ${midSentence(body)} ${winner} till motförslag i huvudvoteringen.`
        : `beslutar ${midSentence(body)} i enlighet med ${winner}.`;
    if (castingVote === null) return `Omröstningsresultat: ${count} ${outcome}`;
    return (
      `Omröstningsresultat: ${count} blir röstetalet lika. Ordföranden använder sin utslagsröst ` +
      `för ${castingVote === 'ja' ? 'Ja' : 'Nej'}, och därmed ${outcome}`
    );
  },

  reservation: ({ member, inFavourOf, motivation }) => {
    const favour = inFavourOf ? ` ${inFavourOf.replace(/[.\s]+$/, '')}` : '';
    return motivation
      ? `${member} reserverar sig mot beslutet${favour}${favour ? ',' : ''} med följande motivering: ${sentence(motivation)}`
      : `${member} reserverar sig mot beslutet${favour}.`;
  },
  protocolNote: ({ member, text }) => `${member} lämnar följande protokollsanteckning: ${sentence(text)}`,
  dispatched: ({ recipient, date }) => `${recipient} (expedierat ${date})`,
  correction: ({ field, from, to, why, by }) => {
    const f = fieldNames[field] ?? { name: field, participle: 'ändrat' };
    return `Rättelse: ${f.name} ${f.participle} från ”${from}” till ”${to}” (${why.replace(/[.\s]+$/, '')}). Rättat av ${by}.`;
  },
  justified: ({ immediate }) => (immediate ? 'Paragrafen är omedelbart justerad' : 'Paragrafen är justerad'),
  certified: ({ by, date }) => `Utdraget bestyrks av ${by} ${date}.`,

  protocol: {
    title: 'Protokoll',
    headings: {
      dateAndTime: 'Datum och tid',
      place: 'Plats',
      deciding: 'Beslutande',
      others: 'Övriga närvarande',
      absent: 'Frånvarande',
      secretary: 'Sekreterare',
      adjusters: 'Justerare',
      justering: 'Justeringens tid och plats',
      paragraphs: 'Paragrafer',
      signatures: 'Underskrifter',
      announcement: 'Bevis om anslag',
    },
    dateAndTime: ({ date, from, to }) => (to ? `${date} kl. ${from}–${to}` : `${date} kl. ${from}`),
    chair: ({ member }) => `${member}, ordförande`,
    servingSubstitute: ({ substitute, forMember }) =>
      `${substitute}, tjänstgörande ersättare för ${forMember}`,
    nonServingSubstitute: ({ member }) => `${member}, ersättare`,
    other: ({ name, title }) => (title ? `${name}, ${title}` : name),
    attendanceFrom: ({ time, deciding }) => `Från kl. ${time} är beslutande ${joinList(deciding)}.`,
    justeringTimeAndPlace: ({ date, time, place }) => `${date} kl. ${time}, ${place}`,
    paragraphRange: ({ numbers }) => {
      if (numbers.length <= 1) return numbers.map((n) => `§${n}`).join('');
      const contiguous = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
      return contiguous
        ? `§§ ${numbers[0]}–${numbers[numbers.length - 1]}`
        : `§§ ${joinList(numbers.map(String))}`;
    },
    signatureLine: '..............................................',
    roles: { secretary: 'Sekreterare', chair: 'Ordförande', adjuster: 'Justerare' },
    justifiedBy: ({ names, date }) => `Protokollet justerades ${date} av ${joinList(names)}.`,
    announcement: ({ body, meetingDate, announcedOn, appealEndsOn, keptAt }) => [
      'Protokollet är justerat. Justeringen har tillkännagetts genom anslag.',
      `Organ: ${body}`,
      `Sammanträdesdatum: ${meetingDate}`,
      `Datum då anslaget sätts upp: ${announcedOn}`,
      `Sista dag för överklagande: ${appealEndsOn}`,
      `Förvaringsplats för protokollet: ${keptAt}`,
    ],
  },
};
