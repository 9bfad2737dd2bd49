/**
 * Every refusal the API can give the live screen's commands, as the clerk reads it (issue 16):
 * each command gets an empty body, each of its fields with a wrong value, and a field it does
 * not know; every answer goes through the page's own translation (apps/web/src/messages.ts)
 * with the screen's field maps (apps/web/src/live/fields.ts). No API identifier (a camelCase
 * field, a rule code, class-validator's English) may reach the page, and every field the API
 * names must be one the screen shows, by its label.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ruleCodes, ruleMessages, warningCodes, warningMessages } from '@app/domain';
import * as fields from '../../apps/web/src/live/fields.js';
import {
  clerkErrors,
  containsIdentifier,
  type FieldMap,
  type ProblemLike,
} from '../../apps/web/src/messages.js';
import { startApi, type TestApi } from './support/harness.js';
import { openMeeting } from './support/setup.js';

type Command = { name: string; path: (p: string) => string; body: Record<string, unknown>; fields: FieldMap };

const VOTE = '0193a0b1-0000-7000-8000-0000000000aa';
const MOTION = '0193a0b1-0000-7000-8000-0000000000bb';
/** The screen's commands with a valid body of each (as the page sends it) and its field map. */
const COMMANDS: Command[] = [
  {
    name: 'yrkande',
    path: (p) => `/paragraphs/${p}/motions`,
    body: {
      motionId: MOTION,
      proposerId: 'ksau-beronius',
      kind: 'fritt',
      text: 'Text.',
      coProposerIds: ['ksau-lindberg'],
    },
    fields: fields.MOTION_FIELDS,
  },
  {
    name: 'instämmer',
    path: (p) => `/paragraphs/${p}/motions/${MOTION}/support`,
    body: { memberId: 'ksau-lindberg' },
    fields: fields.SUPPORT_FIELDS,
  },
  {
    name: 'instämmer i förslaget',
    path: (p) => `/paragraphs/${p}/proposal/support`,
    body: { memberId: 'ksau-lindberg' },
    fields: fields.SUPPORT_FIELDS,
  },
  {
    name: 'proposition',
    path: (p) => `/paragraphs/${p}/questions`,
    body: { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } },
    fields: fields.QUESTION_FIELDS,
  },
  {
    name: 'votering',
    path: (p) => `/paragraphs/${p}/votes`,
    body: { voteId: VOTE, requestedById: 'ksau-lindberg', questionId: 'q-1' },
    fields: fields.VOTE_FIELDS,
  },
  {
    name: 'voteringsproposition',
    path: (p) => `/paragraphs/${p}/votes/${VOTE}/proposition`,
    body: { kind: 'huvudvotering', ja: { kind: 'proposal' }, nej: { kind: 'motion', motionId: MOTION } },
    fields: fields.VOTE_FIELDS,
  },
  {
    name: 'upprop',
    path: (p) => `/paragraphs/${p}/votes/${VOTE}/roll-call`,
    body: { votes: [{ memberId: 'ksau-beronius', vote: 'ja' }], castingVote: 'ja', namesInAppendix: true },
    fields: fields.VOTE_FIELDS,
  },
  {
    name: 'beslut',
    path: (p) => `/paragraphs/${p}/decision`,
    body: { kind: 'sakbeslut', content: { ownDecisions: ['att anta planen.'] }, motivation: 'Skäl.' },
    fields: fields.DECISION_FIELDS,
  },
  {
    name: 'reservation',
    path: (p) => `/paragraphs/${p}/reservations`,
    body: {
      memberId: 'ksau-lindberg',
      memberIds: ['ksau-lindberg', 'ksau-akesson'],
      group: { party: 'C' },
      decisionId: 'd-1',
      reasons: 'Skäl.',
    },
    fields: fields.RESERVATION_FIELDS,
  },
  {
    name: 'protokollsanteckning',
    path: (p) => `/paragraphs/${p}/notes`,
    body: {
      memberId: 'ksau-lindberg',
      memberIds: ['ksau-lindberg', 'ksau-akesson'],
      group: { party: 'C' },
      text: 'Text.',
    },
    fields: fields.NOTE_FIELDS,
  },
  {
    name: 'jäv',
    path: (p) => `/paragraphs/${p}/recusals`,
    body: { memberId: 'ksau-lindberg', reason: 'Skäl.' },
    fields: fields.RECUSAL_FIELDS,
  },
  {
    name: 'sändlista',
    path: (p) => `/paragraphs/${p}/recipients`,
    body: { recipients: ['Kontoret'] },
    fields: fields.RECIPIENTS_FIELDS,
  },
  {
    name: 'justering',
    path: (p) => `/paragraphs/${p}/justify`,
    body: { byMemberIds: ['ksau-ordf'], immediate: false },
    fields: fields.JUSTIFY_FIELDS,
  },
  {
    name: 'talarlista',
    path: (p) => `/paragraphs/${p}/speakers`,
    body: { memberId: 'ksau-lindberg', person: { name: 'Per' } },
    fields: fields.SPEAKER_FIELDS,
  },
  {
    name: 'deltar inte',
    path: (p) => `/paragraphs/${p}/non-participation`,
    body: { memberIds: ['ksau-lindberg'], group: { party: 'C' }, reason: 'Skäl.' },
    fields: fields.NON_PARTICIPATION_FIELDS,
  },
  {
    name: 'stryk',
    path: (p) => `/paragraphs/${p}/strike`,
    body: { entryId: 'y-1', reason: 'Fel.' },
    fields: fields.STRIKE_FIELDS('y-1'),
  },
  {
    name: 'närvaro',
    path: () => '',
    body: {
      present: ['ksau-ordf'],
      absent: ['ksau-farah'],
      servingSubstitutes: [],
      others: [{ name: 'Per' }],
    },
    fields: fields.ATTENDANCE_FIELDS,
  },
];

/** Ids the page makes itself (newId()); a refusal of one says "ladda om sidan", no field. */
const PAGE_MADE = new Set([
  'motionId',
  'voteId',
  'questionId',
  'decisionId',
  'reservationId',
  'noteId',
  'speakerId',
  'declarationId',
]);

/** Wrong values for a field: each breaks a different constraint. */
const WRONG: unknown[] = [12345, '', 'x'.repeat(30_000), [], {}, [12345], null, true];

/** What the clerk reads: the summary and every message beside a field. */
const shown = (p: ProblemLike, map: FieldMap) => {
  const e = clerkErrors(p, map);
  return [e.summary, ...Object.values(e.fields)];
};

describe('what a clerk reads when the live screen’s commands are refused', () => {
  let api: TestApi;
  let meetingId: string;
  let paragraphId: string;

  beforeAll(async () => {
    api = await startApi();
    ({
      meetingId,
      paragraphIds: [paragraphId],
    } = await openMeeting(api));
  });
  afterAll(() => api.close());

  const post = async (path: string, body: unknown): Promise<ProblemLike> => {
    const res = await api.http
      .post(path)
      .set('authorization', api.auth('clerk'))
      .send(body as object);
    return { ...(res.body as ProblemLike), status: res.status };
  };

  it('names every refused field by its label, with no API identifier, for every validation failure', async () => {
    const refusals: { command: string; raw: string; read: string[] }[] = [];
    for (const c of COMMANDS) {
      const path = c.name === 'närvaro' ? `/meetings/${meetingId}/attendance` : c.path(paragraphId);
      const bodies: Record<string, unknown>[] = [{}, { ...c.body, notAField: 1 }];
      for (const key of Object.keys(c.body))
        for (const wrong of WRONG) bodies.push({ ...c.body, [key]: wrong });
      for (const body of bodies) {
        const problem = await post(path, body);
        if (problem.status < 400) continue; // a wrong value that happens to be valid
        expect(problem.status).toBeLessThan(500);
        const read = shown(problem, c.fields);
        refusals.push({
          command: c.name,
          raw: `${problem.detail ?? ''} ${JSON.stringify(problem.errors ?? [])}`,
          read,
        });
        for (const text of read) {
          expect([c.name, text, containsIdentifier(text)]).toEqual([c.name, text, false]);
          expect(text.trim()).not.toBe('');
        }
        // Every field the API names is a field on the screen (except one the page never sends).
        if (problem.code === 'VALIDATION_FAILED' && !('notAField' in body))
          for (const e of problem.errors ?? []) {
            const top = e.field.split(/[.[]/)[0]!;
            if (!PAGE_MADE.has(top)) expect([c.name, top, top in c.fields]).toEqual([c.name, top, true]);
          }
      }
    }
    // The test saw the API's identifiers and English, and kept them off the page.
    expect(refusals.length).toBeGreaterThan(200);
    expect(refusals.filter((r) => containsIdentifier(r.raw)).length).toBeGreaterThan(100);
    const motion = await post(`/paragraphs/${paragraphId}/motions`, { proposerId: '', kind: 'fritt' });
    expect(motion.detail).toContain('proposerId');
    expect(clerkErrors(motion, fields.MOTION_FIELDS)).toEqual({
      summary: 'Välj ledamot som yrkar.',
      fields: { 'y-member': 'Välj ledamot som yrkar.' },
    });
  });

  it('shows every rule’s and every warning’s Swedish message, never its code', () => {
    for (const code of ruleCodes) {
      const read = clerkErrors({
        status: 422,
        code,
        title: 'Regeln tillåter inte åtgärden',
        detail: ruleMessages[code],
      });
      expect([code, containsIdentifier(read.summary)]).toEqual([code, false]);
      expect(read.summary).toBe(ruleMessages[code]);
    }
    for (const code of warningCodes)
      expect([code, containsIdentifier(warningMessages[code])]).toEqual([code, false]);
    // A problem whose text is not for a clerk falls back to a plain sentence.
    expect(
      clerkErrors({ status: 500, code: 'INTERNAL', detail: 'TypeError: x.proposerId is undefined' }).summary,
    ).toMatch(/^Uppgiften kunde inte registreras/);
  });
});
