/**
 * Bodies as data, rosters per mandatperiod and forwarding (issue 15; docs/adr/0036, 0037), end
 * to end over HTTP on a real SQLite store.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Bodies } from '../../apps/api/src/bodies/bodies.service.js';
import { seedExampleBodies } from '../../apps/api/src/bodies/examples.js';
import { startApi, type TestApi, type TestUser } from './support/harness.js';

let api: TestApi;

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

async function call(method: 'get' | 'post' | 'put', path: string, user: TestUser, body?: object) {
  const req = api.http[method](path).set('authorization', api.auth(user));
  return body === undefined ? req : req.send(body);
}

async function ok(method: 'get' | 'post' | 'put', path: string, user: TestUser, body?: object) {
  const res = await call(method, path, user, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

const seat = (memberId: string, name: string, party: string, extra: object = {}) => ({
  memberId,
  name,
  party,
  role: 'ledamot',
  mandatePeriod: '2023-2026',
  from: '2023-01-01',
  until: '2026-12-31',
  reason: 'val',
  ...extra,
});

async function registerBody(
  bodyId: string,
  name: string,
  shortName: string,
  kind: string,
  preparesFor?: string,
) {
  await ok('post', '/bodies', 'admin', {
    bodyId,
    name,
    shortName,
    kind,
    ...(preparesFor ? { preparesFor } : {}),
  });
}

async function addSeats(bodyId: string, seats: object[]) {
  for (const s of seats) await ok('post', `/bodies/${bodyId}/memberships`, 'admin', s);
}

const schedule = (bodyId: string, date: string, extra: object = {}) => ({
  bodyId,
  date,
  startTime: '13:00',
  place: 'Stadshuset',
  secretary: { name: 'Karin Sjödin' },
  ...extra,
});

interface MeetingJson {
  meeting: { members: { memberId: string; name: string; role: string }[]; chair: { memberId: string } };
}

describe('a body with a mandatperiod roster', () => {
  const bodyId = 'bygg';
  // Registered once for the tests below: a nämnd with three ledamöter and two ersättare.
  beforeAll(async () => {
    await registerBody(bodyId, 'Bygg- och miljönämnden', 'BMN', 'namnd');
    await addSeats(bodyId, [
      seat('bmn-ek', 'Anna Ek', 'S', { office: 'ordforande', membershipId: 'bmn-ek-2023' }),
      seat('bmn-holm', 'Per Holm', 'M', { membershipId: 'bmn-holm-2023' }),
      seat('bmn-sten', 'Lisa Sten', 'C', { membershipId: 'bmn-sten-2023', office: 'vice_ordforande' }),
      seat('bmn-ers-ali', 'Ali Demir', 'S', { role: 'ersattare', substituteOrder: 2 }),
      seat('bmn-ers-ny', 'Nils Ny', 'M', { role: 'ersattare', substituteOrder: 1 }),
    ]);
  });

  it('is created with its roster, and gives the roster on a date', async () => {
    const body = await ok('get', `/bodies/${bodyId}`, 'clerk');
    expect(body).toMatchObject({
      bodyId,
      name: 'Bygg- och miljönämnden',
      shortName: 'BMN',
      kind: 'namnd',
      preparesFor: null,
      numberingFormat: '§ {number}',
      defaultHouseStyle: 'default-sv',
    });
    expect((body.memberships as unknown[]).length).toBe(5);
    const roster = await ok('get', `/bodies/${bodyId}/roster?date=2024-05-27`, 'clerk');
    expect(roster.chair).toBe('bmn-ek');
    expect((roster.members as { memberId: string }[]).map((m) => m.memberId)).toEqual([
      'bmn-ek',
      'bmn-sten',
      'bmn-holm',
      'bmn-ers-ny',
      'bmn-ers-ali',
    ]);
    const list = await ok('get', '/bodies', 'clerk');
    expect((list.bodies as { bodyId: string }[]).map((b) => b.bodyId)).toContain(bodyId);
  });

  it('schedules a meeting from the roster: no member typed, the chair is the ordförande', async () => {
    const { meetingId } = await ok('post', '/meetings', 'admin', schedule(bodyId, '2024-05-27'));
    const { meeting } = (await ok(
      'get',
      `/meetings/${String(meetingId)}`,
      'clerk',
    )) as unknown as MeetingJson;
    expect(meeting.chair.memberId).toBe('bmn-ek');
    expect(meeting.members).toEqual([
      { memberId: 'bmn-ek', name: 'Anna Ek', party: 'S', role: 'ledamot' },
      { memberId: 'bmn-sten', name: 'Lisa Sten', party: 'C', role: 'ledamot' },
      { memberId: 'bmn-holm', name: 'Per Holm', party: 'M', role: 'ledamot' },
      { memberId: 'bmn-ers-ny', name: 'Nils Ny', party: 'M', role: 'ersattare' },
      { memberId: 'bmn-ers-ali', name: 'Ali Demir', party: 'S', role: 'ersattare' },
    ]);
    // The event itself carries the copy and where it came from (ADR 0036).
    const events = await api.store.readStream(`meeting-${String(meetingId)}`);
    expect(events[0].data).toMatchObject({
      body: { id: bodyId, name: 'Bygg- och miljönämnden', shortName: 'BMN' },
      membersFrom: { roster: `roster-${bodyId}`, date: '2024-05-27' },
    });
  });

  it('a fyllnadsval changes the roster from its date without touching earlier meetings', async () => {
    const { meetingId: before } = await ok('post', '/meetings', 'admin', schedule(bodyId, '2024-05-28'));
    const eventsBefore = await api.store.readStream(`meeting-${String(before)}`);

    await ok('post', `/bodies/${bodyId}/memberships/bmn-holm-2023/end`, 'admin', {
      lastDay: '2024-05-31',
      reason: 'entledigad på egen begäran',
    });
    await ok(
      'post',
      `/bodies/${bodyId}/memberships`,
      'admin',
      seat('bmn-berg', 'Olof Berg', 'M', { from: '2024-06-01', reason: 'fyllnadsval' }),
    );

    const onEnd = await ok('get', `/bodies/${bodyId}/roster?date=2024-05-31`, 'clerk');
    expect((onEnd.members as { memberId: string }[]).map((m) => m.memberId)).toContain('bmn-holm');
    const { meetingId: after } = await ok('post', '/meetings', 'admin', schedule(bodyId, '2024-06-10'));
    const later = (await ok('get', `/meetings/${String(after)}`, 'clerk')) as unknown as MeetingJson;
    const laterIds = later.meeting.members.map((m) => m.memberId);
    expect(laterIds).toContain('bmn-berg');
    expect(laterIds).not.toContain('bmn-holm');

    // The earlier meeting keeps the members it was scheduled with, and its stream is untouched.
    const earlier = (await ok('get', `/meetings/${String(before)}`, 'clerk')) as unknown as MeetingJson;
    expect(earlier.meeting.members.map((m) => m.memberId)).toContain('bmn-holm');
    expect(earlier.meeting.members.map((m) => m.memberId)).not.toContain('bmn-berg');
    expect(await api.store.readStream(`meeting-${String(before)}`)).toEqual(eventsBefore);
  });

  it("auditors read a roster's raw history, within their body scope", async () => {
    const raw = await ok('get', `/audit/streams/roster-${bodyId}/events`, 'otherAuditor');
    expect((raw.events as { type: string }[]).map((e) => e.type)).toContain('MembershipStarted');
    expect((await call('get', '/audit/streams/bodies/events', 'auditor')).status).toBe(200);
    // Scoped to bygg: not the register of all bodies, not another body's roster.
    expect((await call('get', '/audit/streams/bodies/events', 'otherAuditor')).status).toBe(403);
    expect((await call('get', '/audit/streams/roster-kf/events', 'otherAuditor')).status).toBe(403);
  });

  it('the clerk adjusts: members given are used as given', async () => {
    const members = [
      { memberId: 'bmn-ek', name: 'Anna Ek', party: 'S', role: 'ledamot' },
      { memberId: 'bmn-sten', name: 'Lisa Sten', party: 'C', role: 'ledamot' },
    ];
    const { meetingId } = await ok('post', '/meetings', 'admin', schedule(bodyId, '2024-06-11', { members }));
    const { meeting } = (await ok(
      'get',
      `/meetings/${String(meetingId)}`,
      'clerk',
    )) as unknown as MeetingJson;
    expect(meeting.members).toEqual(members);
    expect(meeting.chair.memberId).toBe('bmn-ek');
  });
});

describe("changing a body's details", () => {
  it('a new name is used by meetings scheduled afterwards; earlier ones keep the name they were scheduled with', async () => {
    await registerBody('kn', 'Kulturnämnden', 'KN', 'namnd');
    await addSeats('kn', [
      seat('kn-a', 'Eva Ros', 'S', { office: 'ordforande' }),
      seat('kn-b', 'Bo Ek', 'M'),
    ]);
    const { meetingId: before } = await ok('post', '/meetings', 'admin', schedule('kn', '2024-03-01'));
    await ok('put', '/bodies/kn', 'admin', {
      name: 'Kultur- och fritidsnämnden',
      shortName: 'KFN',
      kind: 'namnd',
      numberingFormat: '§ {number}/{year}',
    });
    const changed = await ok('get', '/bodies/kn', 'clerk');
    expect(changed).toMatchObject({
      name: 'Kultur- och fritidsnämnden',
      numberingFormat: '§ {number}/{year}',
    });
    const { meetingId: after } = await ok('post', '/meetings', 'admin', schedule('kn', '2024-04-01'));
    const name = async (id: unknown) =>
      ((await ok('get', `/meetings/${String(id)}`, 'clerk')) as { meeting: { body: { name: string } } })
        .meeting.body.name;
    expect(await name(before)).toBe('Kulturnämnden');
    expect(await name(after)).toBe('Kultur- och fritidsnämnden');
    // A change that changes nothing records nothing.
    const count = await api.eventCount();
    await ok('put', '/bodies/kn', 'admin', {
      name: 'Kultur- och fritidsnämnden',
      shortName: 'KFN',
      kind: 'namnd',
      numberingFormat: '§ {number}/{year}',
    });
    expect(await api.eventCount()).toBe(count);
  });
  it('keeps whether the live screen offers omedelbar justering ticked, false unless set', async () => {
    await registerBody('kfu', 'Kultur- och fritidsutskottet', 'KFU', 'utskott');
    expect(await ok('get', '/bodies/kfu', 'clerk')).toMatchObject({ immediateJusteringByDefault: false });
    const change = { name: 'Kultur- och fritidsutskottet', shortName: 'KFU', kind: 'utskott' };
    await ok('put', '/bodies/kfu', 'admin', { ...change, immediateJusteringByDefault: true });
    const listed = (await ok('get', '/bodies', 'clerk')) as { bodies: { bodyId: string }[] };
    expect(listed.bodies.find((b) => b.bodyId === 'kfu')).toMatchObject({
      immediateJusteringByDefault: true,
    });
    // A change that leaves the setting out keeps it.
    const count = await api.eventCount();
    await ok('put', '/bodies/kfu', 'admin', change);
    expect(await api.eventCount()).toBe(count);
    expect(await ok('get', '/bodies/kfu', 'clerk')).toMatchObject({ immediateJusteringByDefault: true });
  });
});

describe('bad input names the field (4xx, nothing written)', () => {
  beforeAll(async () => {
    await registerBody('vn', 'Valnämnden', 'VN', 'namnd');
  });

  it.each([
    [
      'a membership ending before it starts',
      'until',
      seat('vn-a', 'A', 'S', { until: '2022-12-31' }),
      422,
      'MEMBERSHIP_ENDS_BEFORE_START',
    ],
    ['a malformed date', 'from', seat('vn-a', 'A', 'S', { from: '2024-02-30' }), 400, undefined],
    ['an unknown role', 'role', seat('vn-a', 'A', 'S', { role: 'suppleant' }), 400, undefined],
    [
      'an ersättare as ordförande',
      'office',
      seat('vn-a', 'A', 'S', { role: 'ersattare', office: 'ordforande' }),
      422,
      'OFFICE_NOT_LEDAMOT',
    ],
    [
      'a mandatperiod backwards',
      'mandatePeriod',
      seat('vn-a', 'A', 'S', { mandatePeriod: '2026-2023' }),
      422,
      'MANDATE_PERIOD_INVALID',
    ],
  ])('%s → the field %s', async (_name, field, body, status, code) => {
    const count = await api.eventCount();
    const res = await call('post', '/bodies/vn/memberships', 'admin', body);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (code) {
      expect(res.body.code).toBe(code);
      expect(res.body.details.field).toBe(field);
    } else {
      expect(JSON.stringify(res.body.errors)).toContain(field);
    }
    expect(await api.eventCount()).toBe(count);
  });

  it('two ordförande at once are refused (one ordförande, KL)', async () => {
    await ok(
      'post',
      '/bodies/vn/memberships',
      'admin',
      seat('vn-ordf', 'Ordf', 'S', { office: 'ordforande' }),
    );
    const res = await call(
      'post',
      '/bodies/vn/memberships',
      'admin',
      seat('vn-ordf2', 'Ordf2', 'M', { office: 'ordforande', from: '2024-01-01' }),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('TWO_CHAIRS');
    expect(res.body.detail).toContain('kommunallagen');
  });

  it('a body preparing for an unknown body, a bad id, an unknown style', async () => {
    const unknown = await call('post', '/bodies', 'admin', {
      bodyId: 'x1',
      name: 'X',
      shortName: 'X',
      kind: 'namnd',
      preparesFor: 'nope',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details.field).toBe('preparesFor');
    const badId = await call('post', '/bodies', 'admin', {
      bodyId: 'KS AU',
      name: 'X',
      shortName: 'X',
      kind: 'namnd',
    });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body.errors)).toContain('bodyId');
    const style = await call('post', '/bodies', 'admin', {
      bodyId: 'x2',
      name: 'X',
      shortName: 'X',
      kind: 'namnd',
      defaultHouseStyle: 'nope',
    });
    expect(style.status).toBe(400);
    expect(JSON.stringify(style.body.errors)).toContain('defaultHouseStyle');
  });

  it('only an admin keeps bodies and rosters', async () => {
    const res = await call('post', '/bodies', 'clerk', {
      bodyId: 'x3',
      name: 'X',
      shortName: 'X',
      kind: 'namnd',
    });
    expect(res.status).toBe(403);
  });

  it('scheduling an unregistered body without members names bodyId; an empty roster names members', async () => {
    const unknown = await call('post', '/meetings', 'admin', schedule('okand', '2024-05-27'));
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('bodyId');
    await registerBody('tom', 'Tomma nämnden', 'TN', 'namnd');
    const empty = await call('post', '/meetings', 'admin', schedule('tom', '2024-05-27'));
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.errors)).toContain('members');
  });
});

describe('forwarding AU → KS → KF, with the lineage in the protocols and the register', () => {
  let au: { meetingId: string; paragraphId: string };
  let ks: { meetingId: string; paragraphId: string };
  let kf: { meetingId: string; paragraphId: string };

  /** Schedules from the roster, records everyone present, opens; returns the meeting id. */
  async function meetingOf(bodyId: string, date: string, adjuster: string, user: TestUser) {
    const { meetingId } = await ok('post', '/meetings', user, schedule(bodyId, date));
    const roster = await ok('get', `/bodies/${bodyId}/roster?date=${date}`, user);
    const ids = (roster.members as { memberId: string; role: string }[]).map((m) => m.memberId);
    const m = `/meetings/${String(meetingId)}`;
    await ok('post', `${m}/attendance`, user, { present: ids, absent: [], servingSubstitutes: [] });
    await ok('post', `${m}/adjusters`, user, {
      adjusters: [adjuster],
      justeringAt: `${date}T16:00:00+02:00`,
      justeringPlace: 'Stadshuset',
    });
    await ok('post', `${m}/open`, user, { at: `${date}T13:00:00+02:00` });
    return String(meetingId);
  }

  async function decide(paragraphId: string, proposesTo: string, items: string[], user: TestUser) {
    const p = `/paragraphs/${paragraphId}`;
    await ok('post', `${p}/questions`, user, { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } });
    await ok('post', `${p}/decision`, user, {
      kind: 'sakbeslut',
      content: { proposesTo: { body: proposesTo, items } },
    });
  }

  beforeAll(async () => {
    await registerBody('kf', 'Kommunfullmäktige', 'KF', 'fullmaktige');
    await registerBody('ks', 'Kommunstyrelsen', 'KS', 'styrelse', 'kf');
    await registerBody('ks-au', 'Kommunstyrelsens arbetsutskott', 'KSAU', 'utskott', 'ks');
    await addSeats('ks-au', [
      seat('au-a', 'Helena Strand', 'M', { office: 'ordforande' }),
      seat('au-b', 'Robert Beronius', 'L'),
      seat('au-c', 'Marie Åkesson', 'S'),
    ]);
    await addSeats('ks', [
      seat('ks-a', 'Helena Strand', 'M', { office: 'ordforande' }),
      seat('ks-b', 'Jonas Lindberg', 'C'),
      seat('ks-c', 'Amina Farah', 'S'),
    ]);
    await addSeats('kf', [
      seat('kf-a', 'Birgitta Lund', 'S', { office: 'ordforande' }),
      seat('kf-b', 'Anders Holm', 'M'),
      seat('kf-c', 'Sara Ek', 'V'),
    ]);

    // AU, recorded by the clerk of ks-au: a förslag to KS, sent on.
    const auMeeting = await meetingOf('ks-au', '2024-05-27', 'au-b', 'clerk');
    const auParagraph = await ok('post', `/meetings/${auMeeting}/paragraphs`, 'clerk', {
      caseNumber: 'KS 2024-15',
      title: 'Delårsrapport per april 2024',
      summary: ['Kommunstyrelsen har upprättat en delårsrapport.'],
      basisDocuments: ['Tjänsteutlåtande'],
      proposal: {
        proposer: 'kommunstyrelsekontoret',
        document: 'tjänsteutlåtande',
        decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna delårsrapporten.'] } },
      },
    });
    au = { meetingId: auMeeting, paragraphId: String(auParagraph.paragraphId) };
    await decide(au.paragraphId, 'Kommunstyrelsen', ['Godkänna delårsrapporten.'], 'clerk');
  });

  it('the AU clerk sends the förslag on to KS (the body AU prepares for); KS sees it incoming', async () => {
    const sent = await call('post', `/paragraphs/${au.paragraphId}/forward`, 'clerk', {});
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ toBodyId: 'ks' });
    expect(sent.body.warnings).toBeUndefined();
    const again = await call('post', `/paragraphs/${au.paragraphId}/forward`, 'clerk', {});
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('FORWARD_ALREADY_SENT');
    // A clerk of another body cannot send AU's paragraph.
    expect((await call('post', `/paragraphs/${au.paragraphId}/forward`, 'otherClerk', {})).status).toBe(403);

    const incoming = await ok('get', '/bodies/ks/incoming', 'clerk');
    const matters = incoming.matters as {
      forwardId: string;
      title: string;
      lineage: { bodyId: string; label: string }[];
    }[];
    expect(matters).toHaveLength(1);
    expect(matters[0].title).toBe('Delårsrapport per april 2024');
    expect(matters[0].lineage.map((s) => `${s.bodyId} ${s.label}`)).toEqual(['ks-au § 1']);
  });

  it('KS opens a paragraph from it, decides a förslag to KF and sends it on; KF decides', async () => {
    const [matter] = (await ok('get', '/bodies/ks/incoming', 'admin')).matters as { forwardId: string }[];
    const ksMeeting = await meetingOf('ks', '2024-06-10', 'ks-b', 'admin');
    const wrongMeeting = await call('post', `/bodies/ks/incoming/${matter.forwardId}/paragraph`, 'admin', {
      meetingId: au.meetingId,
    });
    expect(wrongMeeting.status).toBe(422);
    expect(wrongMeeting.body.code).toBe('FORWARD_WRONG_BODY');
    const opened = await ok('post', `/bodies/ks/incoming/${matter.forwardId}/paragraph`, 'admin', {
      meetingId: ksMeeting,
    });
    ks = { meetingId: ksMeeting, paragraphId: String(opened.paragraphId) };
    expect((await ok('get', '/bodies/ks/incoming', 'admin')).matters).toEqual([]);
    const twice = await call('post', `/bodies/ks/incoming/${matter.forwardId}/paragraph`, 'admin', {
      meetingId: ksMeeting,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('FORWARD_ALREADY_TAKEN_UP');
    await decide(ks.paragraphId, 'Kommunfullmäktige', ['Godkänna delårsrapporten för kommunen.'], 'admin');
    await ok('post', `/paragraphs/${ks.paragraphId}/forward`, 'admin', {});

    const [toKf] = (await ok('get', '/bodies/kf/incoming', 'admin')).matters as { forwardId: string }[];
    const kfMeeting = await meetingOf('kf', '2024-06-17', 'kf-b', 'admin');
    const kfOpened = await ok('post', `/bodies/kf/incoming/${toKf.forwardId}/paragraph`, 'admin', {
      meetingId: kfMeeting,
    });
    kf = { meetingId: kfMeeting, paragraphId: String(kfOpened.paragraphId) };
    const p = `/paragraphs/${kf.paragraphId}`;
    await ok('post', `${p}/questions`, 'admin', {
      puts: [{ kind: 'proposal' }],
      finding: { kind: 'proposal' },
    });
    await ok('post', `${p}/decision`, 'admin', {
      kind: 'sakbeslut',
      content: { ownDecisions: ['att godkänna delårsrapporten för kommunen'] },
    });
  });

  it('shows the lineage in all three protocols', async () => {
    const text = async (meetingId: string) =>
      (
        await api.http
          .get(`/meetings/${meetingId}/protocol?format=text`)
          .set('authorization', api.auth('admin'))
      ).text;
    const auText = await text(au.meetingId);
    // AU's protocol: its own § with the förslag to KS.
    expect(auText).toContain('§1 Delårsrapport per april 2024');
    expect(auText).toContain('Kommunstyrelsens arbetsutskott föreslår:');
    expect(auText).toContain('Kommunstyrelsen beslutar:');
    expect(auText).toContain('Godkänna delårsrapporten.');

    const ksText = await text(ks.meetingId);
    expect(ksText).toContain(
      'Kommunstyrelsens arbetsutskott föreslog 2024-05-27, § 1, att kommunstyrelsen beslutar: Godkänna delårsrapporten.',
    );
    expect(ksText).toContain('Kommunfullmäktige beslutar');

    const kfText = await text(kf.meetingId);
    const auLine = kfText.indexOf('Kommunstyrelsens arbetsutskott föreslog 2024-05-27, § 1,');
    const ksLine = kfText.indexOf(
      'Kommunstyrelsen föreslog 2024-06-10, § 1, att kommunfullmäktige beslutar: Godkänna delårsrapporten för kommunen.',
    );
    expect(auLine).toBeGreaterThan(-1);
    expect(ksLine).toBeGreaterThan(auLine);
  });

  it('shows the lineage in the register, both ways', async () => {
    type Entry = {
      paragraphId: string;
      bodyId: string;
      lineage: { bodyId: string; number: number }[];
      forwardedTo: { bodyId: string; takenUp: { paragraphId: string } | null }[];
      preparedBy: string;
      sentOnTo: string;
    };
    const deadline = Date.now() + 240_000;
    let entries: Entry[] = [];
    while (Date.now() < deadline) {
      entries = ((await ok('get', '/register', 'admin')).entries as Entry[]) ?? [];
      const kfEntry = entries.find((e) => e.paragraphId === kf.paragraphId);
      const ksEntry = entries.find((e) => e.paragraphId === ks.paragraphId);
      if (kfEntry && ksEntry?.forwardedTo[0]?.takenUp) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const byId = (id: string) => entries.find((e) => e.paragraphId === id)!;
    expect(byId(au.paragraphId)).toMatchObject({
      lineage: [],
      forwardedTo: [{ bodyId: 'ks', takenUp: { paragraphId: ks.paragraphId } }],
      sentOnTo: 'Kommunstyrelsen (§ 1/2024)',
    });
    expect(byId(ks.paragraphId)).toMatchObject({
      lineage: [{ bodyId: 'ks-au', number: 1 }],
      forwardedTo: [{ bodyId: 'kf', takenUp: { paragraphId: kf.paragraphId } }],
      preparedBy: 'Kommunstyrelsens arbetsutskott 2024-05-27 § 1',
    });
    expect(byId(kf.paragraphId)).toMatchObject({
      lineage: [
        { bodyId: 'ks-au', number: 1 },
        { bodyId: 'ks', number: 1 },
      ],
      forwardedTo: [],
      preparedBy: 'Kommunstyrelsens arbetsutskott 2024-05-27 § 1; Kommunstyrelsen 2024-06-10 § 1',
    });
  });
});

describe('the development first start', () => {
  it('creates KF, KS and KS-AU with rosters, and a clerk can schedule for ks-au at once', async () => {
    const fresh = await startApi();
    try {
      const lines: string[] = [];
      expect(await seedExampleBodies(fresh.app.get(Bodies), (l) => lines.push(l))).toBe(true);
      expect(lines.join('\n')).toContain('kf, ks, ks-au');
      // A second start finds the register filled and adds nothing.
      expect(await seedExampleBodies(fresh.app.get(Bodies), () => undefined)).toBe(false);
      const list = await fresh.http.get('/bodies').set('authorization', fresh.auth('clerk'));
      expect(
        list.body.bodies.map((b: { bodyId: string; preparesFor: string | null }) => [
          b.bodyId,
          b.preparesFor,
        ]),
      ).toEqual([
        ['kf', null],
        ['ks', 'kf'],
        ['ks-au', 'ks'],
      ]);
      const res = await fresh.http
        .post('/meetings')
        .set('authorization', fresh.auth('clerk'))
        .send(schedule('ks-au', '2025-03-10'));
      expect(res.status).toBe(201);
    } finally {
      await fresh.close();
    }
  });
});
