/**
 * What a document shows of the record's proof (docs/adr/0031): the justified protocol and
 * extract print the seal that covers their justering ("Kontrollsumma …"); the certified
 * extract's PDF carries its verification code as text and as a QR code of the /verify address
 * (the matrix drawn is qrcode's); and after a break found in the SQLite file, the auditor's
 * views of the documents it touches carry a mark — an untouched store shows none.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import QRCode from 'qrcode';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { toHttp } from '../api/support/driver.js';
import { startApi, type TestApi } from '../api/support/harness.js';
import { ReadModels } from '../../apps/api/src/read-models/read-models.service.js';
import { hasTool, pdfInfo, pdfText, qpdfCheck, withPdfFile } from '../golden/pdf-tools.js';

const PUBLIC_URL = 'https://paragraf.example.se';
const PARAGRAPH = `paragraph-${s65Ids.paragraphId}`;
const SEAL_LINE =
  /^Kontrollsumma \(försegling (\d{4}-\d{2}-\d{2}), till och med position (\d+)\): ((?:[0-9a-f]{8} ){7}[0-9a-f]{8})$/m;

/** The read models (public /protocols routes) have every event the store holds. */
async function caughtUp(api: TestApi): Promise<void> {
  await api.app.get(ReadModels).runner.waitFor(BigInt(await api.eventCount()), 60_000);
}

interface Seal {
  upTo: string;
  root: string;
}

describe('documents and the proof of the record', () => {
  let base: string;
  let pristine: string;
  let api: TestApi;

  const get = (path: string, user?: 'clerk' | 'auditor', accept = 'text/plain') => {
    const req = api.http.get(path).set('accept', accept);
    return user ? req.set('authorization', api.auth(user)) : req;
  };
  const auditStream = async (stream: string) => {
    const res = await get(`/audit/streams/${stream}/events`, 'auditor', 'application/json');
    expect(res.status).toBe(200);
    return res.body as {
      integrity: { state: string; breaks: { revision: number; kind: string }[] };
      events: { type: string; position: string; data: Seal }[];
    };
  };
  /** The first seal whose upTo reaches the last event of `type` on `stream`. */
  const sealCovering = async (stream: string, type: string): Promise<Seal> => {
    const at = BigInt((await auditStream(stream)).events.findLast((e) => e.type === type)!.position);
    const seals = (await auditStream('integrity-seals')).events.map((e) => e.data);
    return seals.find((s) => BigInt(s.upTo) >= at)!;
  };

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'paragraf-docs-'));
    api = await startApi({ config: { publicUrl: PUBLIC_URL } });
    const steps = [
      ...s65Commands,
      {
        type: 'JustifyProtocol',
        data: {
          meetingId: s65Ids.meetingId,
          byMemberIds: ['ksau-ordf', 'ksau-akesson'],
          at: '2024-05-29T10:00:00+02:00',
        },
      },
    ] as typeof s65Commands;
    for (const [i, command] of steps.entries()) {
      const step = toHttp(command);
      if (!step) continue;
      const res = await api.http.post(step.path).set('authorization', api.auth(step.user)).send(step.body);
      if (res.status !== step.status)
        throw new Error(`step ${i + 1}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const certified = await api.http
      .post(`/paragraphs/${s65Ids.paragraphId}/certify`)
      .set('authorization', api.auth('clerk'))
      .send({ by: { name: 'Karin Sjödin', title: 'nämndsekreterare' } });
    expect(certified.status).toBe(200);
    await caughtUp(api);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    rmSync(base, { recursive: true, force: true });
  }, 180_000);

  describe('Kontrollsumma', () => {
    it('the justified protocol prints the root of the first seal covering its justering, as the store holds it', async () => {
      const seal = await sealCovering(`meeting-${s65Ids.meetingId}`, 'ProtocolJustified');
      const grouped = seal.root.match(/.{8}/g)!.join(' ');
      for (const res of [
        await get(`/meetings/${s65Ids.meetingId}/protocol`, 'clerk'),
        await get(`/protocols/${s65Ids.meetingId}`),
      ]) {
        expect(res.status).toBe(200);
        const m = SEAL_LINE.exec(res.text);
        expect(m).not.toBeNull();
        expect(m![3]).toBe(grouped);
        expect(m![2]).toBe(seal.upTo);
        // Under the justering line, as the house style places it.
        expect(res.text.slice(0, m!.index)).toMatch(/Protokollet justerades 2024-05-29 av [^\n]+\n\n$/);
      }
    });

    it("the extract prints the seal covering the paragraph's own justering", async () => {
      const seal = await sealCovering(PARAGRAPH, 'ParagraphJustified');
      const res = await get(`/paragraphs/${s65Ids.paragraphId}/extract`, 'clerk');
      expect(SEAL_LINE.exec(res.text)![3]).toBe(seal.root.match(/.{8}/g)!.join(' '));
    });
  });

  describe('the certified extract as PDF', () => {
    const tools = ['pdftotext', 'pdfinfo', 'qpdf'].filter((t) => !hasTool(t));
    if (tools.length > 0)
      throw new Error(`Missing ${tools.join(', ')}: apt-get install -y poppler-utils qpdf`);

    it('prints the code, links /verify with it as a QR code (qrcode’s matrix), and stays PDF/A-2b', async () => {
      const text = await get(`/paragraphs/${s65Ids.paragraphId}/certified-extract`, 'auditor');
      const code = text.headers['paragraf-verification-code'] as string;
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const res = await api.http
        .get(`/paragraphs/${s65Ids.paragraphId}/certified-extract?format=pdf`)
        .set('authorization', api.auth('auditor'))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['paragraf-verification-code']).toBe(code);
      const url = `${PUBLIC_URL}/verify?code=${code}`;
      const bytes = res.body as Buffer;
      const { words, meta, operators } = withPdfFile(bytes, (path) => {
        qpdfCheck(path);
        const qdf = `${path}.qdf`;
        execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, qdf]);
        return {
          words: pdfText(path),
          meta: pdfInfo(path),
          operators: execFileSync('cat', [qdf]).toString('latin1'),
        };
      });
      expect(words).toContain(`Kontrollkod: ${code}`);
      // pdftotext may break the long address at its "?": compare without white space.
      const line = `Kontrollera utdraget mot protokollet på ${url}`;
      expect(words.replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''));
      expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);

      // The rectangles drawn, painted back onto a grid, are qrcode's matrix for the URL.
      const rects = [...operators.matchAll(/^([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re$/gm)].map((m) =>
        m.slice(1, 5).map(Number),
      );
      const expected = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
      const module = Math.min(...rects.map((r) => r[3]!));
      const x0 = Math.min(...rects.map((r) => r[0]!));
      const y0 = Math.min(...rects.map((r) => r[1]!));
      const grid = Array.from({ length: expected.size }, () => new Array<number>(expected.size).fill(0));
      for (const [x, y, w] of rects) {
        const row = Math.round((y! - y0) / module);
        const first = Math.round((x! - x0) / module);
        for (let c = first; c < first + Math.round(w! / module); c++) grid[row]![c]! += 1;
      }
      const want = Array.from({ length: expected.size }, (_, r) =>
        Array.from({ length: expected.size }, (_, c) => expected.get(r, c)),
      );
      expect(grid).toEqual(want);
    });
  });

  describe('integrity marks in the auditor’s views', () => {
    beforeAll(async () => {
      pristine = join(base, 'pristine.db');
      await new Database(join(api.dir, 'events.db'), { readonly: true }).backup(pristine);
    });

    async function on(name: string, attack?: (db: Database.Database) => number) {
      const dir = join(base, name);
      mkdirSync(dir);
      copyFileSync(pristine, join(dir, 'events.db'));
      let revision = -1;
      if (attack) {
        const db = new Database(join(dir, 'events.db'));
        db.exec('DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;');
        revision = attack(db);
        db.close();
      }
      const other = await startApi({ dir });
      await caughtUp(other);
      // Background verification at start: wait for its verdict.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const health = await other.http.get('/health');
        if (health.body.info?.integrity?.state !== 'starting') break;
        if (Date.now() > deadline) throw new Error('verification did not finish');
        await new Promise((r) => setTimeout(r, 50));
      }
      return { other, revision };
    }

    it('an untouched store: the auditor sees paragraf-integrity: clean and no notice', async () => {
      const { other } = await on('untouched');
      try {
        const res = await other.http
          .get(`/meetings/${s65Ids.meetingId}/protocol`)
          .set('authorization', other.auth('auditor'))
          .set('accept', 'text/plain');
        expect(res.status).toBe(200);
        expect(res.headers['paragraf-integrity']).toBe('clean');
        expect(res.text).not.toContain('Varning');
      } finally {
        await other.close();
      }
    }, 120_000);

    it('an edited decision: every auditor view of the protocol and the § is marked; others are not', async () => {
      const { other, revision } = await on('edited', (db) => {
        const row = db
          .prepare(
            "SELECT position, revision, data FROM events WHERE stream_id = ? AND type = 'DecisionAdopted'",
          )
          .get(PARAGRAPH) as { position: number; revision: number; data: string };
        const data = JSON.parse(row.data);
        data.content.ownDecisions = ['att göra något helt annat.'];
        db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), row.position);
        return row.revision;
      });
      try {
        const notice = `Varning: historiken för paragrafen har ändrats efter att den skrevs (ström ${PARAGRAPH}, revision ${revision}`;
        const as = (user: 'auditor' | 'clerk' | null, path: string) => {
          const req = other.http.get(path).set('accept', 'text/plain');
          return user ? req.set('authorization', other.auth(user)) : req;
        };
        for (const path of [
          `/meetings/${s65Ids.meetingId}/protocol`,
          `/protocols/${s65Ids.meetingId}`,
          `/meetings/${s65Ids.meetingId}/paragraphs/${s65Ids.paragraphId}/extract`,
          `/paragraphs/${s65Ids.paragraphId}/extract`,
          `/audit/meetings/${s65Ids.meetingId}/protocol?asOf=2099-01-01T00:00:00Z`,
        ]) {
          const res = await as('auditor', path);
          expect([path, res.status]).toEqual([path, 200]);
          expect([path, res.headers['paragraf-integrity']]).toEqual([path, 'broken']);
          expect(res.text).toContain(notice);
        }
        const stream = await other.http
          .get(`/audit/streams/${PARAGRAPH}/events`)
          .set('authorization', other.auth('auditor'));
        expect(stream.headers['paragraf-integrity']).toBe('broken');
        expect(stream.body.integrity.breaks).toContainEqual(
          expect.objectContaining({ revision, kind: 'changed' }),
        );
        // A stream without a break is not marked.
        const meeting = await other.http
          .get(`/audit/streams/meeting-${s65Ids.meetingId}/events`)
          .set('authorization', other.auth('auditor'));
        expect(meeting.body.integrity).toEqual({ state: 'clean', breaks: [] });
        // The clerk and the public get the document without the auditor's mark.
        for (const [user, path] of [
          ['clerk', `/meetings/${s65Ids.meetingId}/protocol`],
          [null, `/protocols/${s65Ids.meetingId}`],
        ] as const) {
          const res = await as(user, path);
          expect(res.status).toBe(200);
          expect(res.headers['paragraf-integrity']).toBeUndefined();
          expect(res.text).not.toContain('Varning');
        }
      } finally {
        await other.close();
      }
    }, 120_000);
  });
});
