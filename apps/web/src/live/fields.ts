/**
 * Every field of the live screen's commands, by the API's body field: the control it is shown at,
 * its label on screen and what to say when it is missing (messages.ts). Pure, so a test can run
 * each refusal of the API through these maps (test/api/clerk-messages.e2e-spec.ts).
 */
import type { FieldMap } from '../messages.js';

export const MOTION_FIELDS: FieldMap = {
  proposerId: { id: 'y-member', label: 'Ledamot som yrkar', missing: 'Välj ledamot som yrkar.' },
  kind: { id: 'y-kind', label: 'Slag av yrkande', missing: 'Välj slag av yrkande.' },
  text: { id: 'y-text', label: 'Yrkandets text', missing: 'Skriv yrkandets text.' },
  motivation: { id: 'y-text', label: 'Motivering', missing: 'Skriv motiveringen.' },
  coProposerIds: {
    id: 'y-member',
    label: 'Yrkar tillsammans med',
    missing: 'Välj vilka som yrkar tillsammans.',
  },
  refersTo: { id: 'y-kind', label: 'Yrkandet gäller', missing: 'Välj vad yrkandet gäller.' },
};

export const SUPPORT_FIELDS: FieldMap = {
  memberId: { id: 'support-member', label: 'Ledamot som instämmer', missing: 'Välj ledamot som instämmer.' },
};

export const QUESTION_FIELDS: FieldMap = {
  puts: { id: 'q-puts', label: 'Ordföranden ställer under proposition', missing: 'Välj minst ett förslag.' },
  finding: {
    id: 'q-finding',
    label: 'Och finner bifall till',
    missing: 'Välj vad ordföranden finner bifall till.',
  },
};

export const VOTE_FIELDS: FieldMap = {
  requestedById: { id: 'v-requested', label: 'Begärd av', missing: 'Välj vem som begär votering.' },
  questionId: { id: 'v-question', label: 'Om propositionen', missing: 'Registrera propositionen först.' },
  kind: { id: 'v-kind', label: 'Omröstning', missing: 'Välj slag av omröstning.' },
  ja: { id: 'v-ja', label: 'Ja för', missing: 'Välj vad ja står för.' },
  nej: { id: 'v-nej', label: 'Nej för', missing: 'Välj vad nej står för.' },
  votes: { id: 'vote-grid', label: 'Upprop', missing: 'Ange hur varje ledamot röstar.' },
  castingVote: {
    id: 'v-casting',
    label: 'Ordförandens utslagsröst',
    missing: 'Välj ordförandens utslagsröst.',
  },
  namesInAppendix: {
    id: 'v-names',
    label: 'Namnen bara i omröstningsbilagan',
    missing: 'Ange om namnen bara ska stå i omröstningsbilagan.',
  },
};

export const DECISION_FIELDS: FieldMap = {
  kind: { id: 'd-kind', label: 'Slag av beslut', missing: 'Välj slag av beslut.' },
  content: { id: 'd-own', label: 'Beslutet', missing: 'Skriv beslutet.' },
  motivation: { id: 'd-motivation', label: 'Motivering', missing: 'Skriv motiveringen.' },
  basis: { id: 'd-kind', label: 'Beslutet grundas på', missing: 'Registrera propositionen först.' },
};

/** Who acts (memberId, memberIds or group) is shown at the picker's first control. */
export const actorFields = (prefix: string, who: string): FieldMap => ({
  memberId: { id: `${prefix}-member`, label: 'Ledamot', missing: `Välj ledamot som ${who}.` },
  memberIds: { id: `${prefix}-member`, label: 'Ledamöter', missing: 'Välj minst två ledamöter.' },
  group: { id: `${prefix}-member`, label: 'Partigrupp', missing: 'Välj parti.' },
});

export const RESERVATION_FIELDS: FieldMap = {
  ...actorFields('r', 'reserverar sig'),
  decisionId: { id: 'r-decision', label: 'Mot beslutet', missing: 'Registrera beslutet först.' },
  reasons: { id: 'r-reasons', label: 'Skäl', missing: 'Skriv skälen.' },
  attachment: { id: 'r-reasons', label: 'Skriftlig motivering', missing: 'Välj bilagan.' },
};

export const NOTE_FIELDS: FieldMap = {
  ...actorFields('n', 'lämnar anteckningen'),
  text: { id: 'n-text', label: 'Anteckningens text', missing: 'Skriv anteckningens text.' },
};

export const RECUSAL_FIELDS: FieldMap = {
  memberId: { id: 'j-member', label: 'Jävig ledamot', missing: 'Välj den ledamot som är jävig.' },
  reason: { id: 'j-reason', label: 'Skäl', missing: 'Skriv skälet.' },
};

export const RECIPIENTS_FIELDS: FieldMap = {
  recipients: { id: 's-recipients', label: 'Mottagare', missing: 'Skriv minst en mottagare.' },
};

export const JUSTIFY_FIELDS: FieldMap = {
  byMemberIds: { id: 'just-by', label: 'Justeras av', missing: 'Välj ordföranden och justerarna.' },
  immediate: {
    id: 'just-immediate',
    label: 'Omedelbar justering',
    missing: 'Ange om justeringen är omedelbar.',
  },
  at: { id: 'just-by', label: 'Tidpunkt', missing: 'Ange tidpunkten för justeringen.' },
};

export const SPEAKER_FIELDS: FieldMap = {
  memberId: { id: 't-member', label: 'Ledamot som talar', missing: 'Välj vem som talar.' },
  person: { id: 't-person-name', label: 'Namn', missing: 'Skriv namnet på den som talar.' },
  at: { id: 't-member', label: 'Tidpunkt', missing: 'Ange när talaren yttrade sig.' },
};

export const NON_PARTICIPATION_FIELDS: FieldMap = {
  ...actorFields('np', 'inte deltar'),
  reason: { id: 'np-reason', label: 'Skäl', missing: 'Skriv skälet.' },
};

export const STRIKE_FIELDS = (entryId: string): FieldMap => ({
  entryId: { id: `strike-${entryId}`, label: 'Posten', missing: 'Välj posten som ska strykas.' },
  reason: { id: `strike-${entryId}`, label: 'Varför struket', missing: 'Skriv varför posten stryks.' },
});

export const ATTENDANCE_FIELDS: FieldMap = {
  present: { id: 'att-present', label: 'Närvarande', missing: 'Markera vilka som är närvarande.' },
  absent: { id: 'att-present', label: 'Frånvarande', missing: 'Markera vilka som är frånvarande.' },
  servingSubstitutes: {
    id: 'att-present',
    label: 'Tjänstgör för',
    missing: 'Välj vem ersättaren tjänstgör för.',
  },
  others: { id: 'att-others', label: 'Övriga närvarande', missing: 'Skriv namnen, en per rad.' },
};
