import { v4 as uuidv4 } from 'uuid';
import { s65Body, s65Members } from '../../scenarios/s65.js';
import type { TestApi } from './harness.js';

export interface OpenParagraph {
  readonly meetingId: string;
  readonly paragraphId: string;
}

export const PARAGRAPH_BODY = {
  caseNumber: 'KS 2024-15',
  title: 'Delårsrapport',
  summary: ['Sammanfattning.'],
  basisDocuments: ['Tjänsteutlåtande'],
  proposal: {
    proposer: 'kommunstyrelsekontoret',
    document: 'tjänsteutlåtande',
    decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna rapporten.'] } },
  },
};

/** A scheduled, opened meeting of ks-au with attendance and justerare; `paragraphs` open on it. */
export async function openMeeting(
  api: TestApi,
  paragraphs = 1,
): Promise<{ meetingId: string; paragraphIds: string[] }> {
  const clerk = api.auth('clerk');
  const post = async (path: string, body: object, status: number) => {
    const res = await api.http.post(path).set('authorization', clerk).send(body);
    if (res.status !== status) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const { meetingId } = (await post(
    '/meetings',
    {
      body: s65Body,
      date: '2024-05-27',
      startTime: '13:00',
      place: 'Stadshuset',
      chair: 'ksau-ordf',
      secretary: { name: 'Karin Sjödin' },
      members: s65Members,
    },
    201,
  )) as { meetingId: string };
  await post(
    `/meetings/${meetingId}/attendance`,
    {
      present: ['ksau-ordf', 'ksau-beronius', 'ksau-lindberg', 'ksau-akesson', 'ksau-ers-nord'],
      absent: ['ksau-farah', 'ksau-ers-berg'],
      servingSubstitutes: [{ substituteId: 'ksau-ers-nord', forMemberId: 'ksau-farah' }],
    },
    200,
  );
  await post(
    `/meetings/${meetingId}/adjusters`,
    { adjusters: ['ksau-akesson'], justeringAt: '2024-05-29T10:00:00+02:00', justeringPlace: 'KSK' },
    200,
  );
  await post(`/meetings/${meetingId}/open`, { at: '2024-05-27T13:00:00+02:00' }, 200);
  const paragraphIds: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const { paragraphId } = (await post(`/meetings/${meetingId}/paragraphs`, PARAGRAPH_BODY, 201)) as {
      paragraphId: string;
    };
    paragraphIds.push(paragraphId);
  }
  return { meetingId, paragraphIds };
}

export const MOTION = { proposerId: 'ksau-beronius', kind: 'fritt', text: 'Jag yrkar bifall med tillägg.' };

export const unknownId = () => uuidv4();
