/**
 * Tampering made directly in the SQLite file, as an attacker with the file would: drop the
 * append-only triggers, then edit, delete, insert, reorder, backdate, rewrite a stream with a
 * fresh chain, remove a whole stream. Each is reported with its stream, revision and kind by
 * `npm run verify`, by GET /audit/verify, and shows in /health; the untouched store is clean.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { v7 } from 'uuid';
import { streamIds } from '@app/domain';
import { contentHash, SEAL_STREAM, type SealData, type VerifyReport } from '@app/event-store';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { toHttp } from '../api/support/driver.js';
import { startApi, type TestApi } from '../api/support/harness.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const PARAGRAPH = streamIds.paragraph(s65Ids.paragraphId);
const MEETING = streamIds.meeting(s65Ids.meetingId);

interface Row {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created: number;
}

type Expected = { streamId: string; revision: number | null; kind: string };
type Attack = (db: Database.Database, rows: (stream: string) => Row[]) => Expected;

/** Opens the file as an attacker: no triggers in the way. */
function tamper(path: string, attack: Attack): Expected {
  const db = new Database(path);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;');
    const rows = (stream: string) =>
      db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision').all(stream) as Row[];
    return attack(db, rows);
  } finally {
    db.close();
  }
}

function revisionOf(rows: Row[], type: string): number {
  const row = rows.find((r) => r.type === type);
  if (!row) throw new Error(`no ${type} in ${rows[0]?.stream_id}`);
  return row.revision;
}

const hashOf = (r: Row, prev: string | null) =>
  contentHash(
    {
      id: r.event_id,
      streamId: r.stream_id,
      type: r.type,
      data: JSON.parse(r.data),
      metadata: JSON.parse(r.metadata),
    },
    prev,
  );

const ATTACKS: Record<string, Attack> = {
  'edit a justified decision': (db, rows) => {
    const r = rows(PARAGRAPH).find((x) => x.type === 'DecisionAdopted')!;
    const data = JSON.parse(r.data);
    data.forgery = 'Kommunstyrelsen beslutar något annat.';
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify(data), r.position);
    return { streamId: PARAGRAPH, revision: r.revision, kind: 'changed' };
  },
  'delete a yrkande': (db, rows) => {
    const rev = revisionOf(rows(PARAGRAPH), 'MotionProposed');
    db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = ?').run(PARAGRAPH, rev);
    return { streamId: PARAGRAPH, revision: rev, kind: 'missing' };
  },
  'insert an event with a well-formed hash': (db, rows) => {
    const all = rows(PARAGRAPH);
    const at = revisionOf(all, 'DecisionAdopted');
    const before = all[at - 1];
    const prev = JSON.parse(before.metadata).sha256 as string;
    db.prepare('UPDATE events SET revision = revision + 1000 WHERE stream_id = ? AND revision >= ?').run(
      PARAGRAPH,
      at,
    );
    db.prepare('UPDATE events SET revision = revision - 999 WHERE stream_id = ? AND revision >= 1000').run(
      PARAGRAPH,
    );
    const forged = {
      event_id: v7(),
      stream_id: PARAGRAPH,
      type: 'ProtocolNoteEntered',
      data: JSON.stringify({
        paragraphId: s65Ids.paragraphId,
        memberId: 'ksau-akesson',
        text: 'Inlagd i efterhand.',
      }),
      metadata: { ...JSON.parse(before.metadata), prev },
    };
    const metadata = { ...forged.metadata, sha256: '' };
    metadata.sha256 = hashOf(
      { ...forged, metadata: JSON.stringify(forged.metadata) } as unknown as Row,
      prev,
    );
    db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(PARAGRAPH, at, forged.event_id, forged.type, forged.data, JSON.stringify(metadata), before.created);
    return { streamId: PARAGRAPH, revision: at, kind: 'inserted' };
  },
  'swap two events': (db, rows) => {
    const at = revisionOf(rows(PARAGRAPH), 'DecisionAdopted') - 1;
    const swap = db.prepare('UPDATE events SET revision = ? WHERE stream_id = ? AND revision = ?');
    swap.run(1_000_000, PARAGRAPH, at);
    swap.run(at, PARAGRAPH, at + 1);
    swap.run(at + 1, PARAGRAPH, 1_000_000);
    return { streamId: PARAGRAPH, revision: at, kind: 'reordered' };
  },
  'backdate the justering by 30 days': (db, rows) => {
    const r = rows(PARAGRAPH).find((x) => x.type === 'ParagraphJustified')!;
    const metadata = JSON.parse(r.metadata);
    const month = 30 * 86_400_000;
    metadata.recordedAt = new Date(Date.parse(metadata.recordedAt) - month).toISOString();
    db.prepare('UPDATE events SET metadata = ?, created = ? WHERE position = ?').run(
      JSON.stringify(metadata),
      r.created - month,
      r.position,
    );
    return { streamId: PARAGRAPH, revision: r.revision, kind: 'timestamp' };
  },
  'rewrite a stream with a fresh chain': (db, rows) => {
    const all = rows(PARAGRAPH);
    const from = revisionOf(all, 'DecisionAdopted');
    let prev = JSON.parse(all[from - 1].metadata).sha256 as string;
    const update = db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?');
    for (const r of all.slice(from)) {
      const data = JSON.parse(r.data);
      if (r.revision === from) data.forgery = 'Omskrivet beslut.';
      const metadata = { ...JSON.parse(r.metadata), prev };
      const row = { ...r, data: JSON.stringify(data), metadata: JSON.stringify(metadata) };
      metadata.sha256 = hashOf(row, prev);
      prev = metadata.sha256;
      update.run(row.data, JSON.stringify(metadata), r.position);
    }
    // The first seal that recorded this stream at or after the rewritten revision names it.
    const seals = rows(SEAL_STREAM).map((s) => JSON.parse(s.data) as SealData);
    const sealed = seals.map((s) => s.heads[PARAGRAPH]?.[0]).find((rev) => rev !== undefined && rev >= from);
    return { streamId: PARAGRAPH, revision: sealed!, kind: 'changed' };
  },
  'remove a whole stream': (db, rows) => {
    const seals = rows(SEAL_STREAM).map((s) => JSON.parse(s.data) as SealData);
    db.prepare('DELETE FROM events WHERE stream_id = ?').run(MEETING);
    const sealed = seals.map((s) => s.heads[MEETING]?.[0]).find((rev) => rev !== undefined);
    return { streamId: MEETING, revision: sealed!, kind: 'missing' };
  },
};

describe('tampering in the SQLite file is detected', () => {
  let base: string;
  let pristine: string;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'paragraf-tamper-'));
    const api = await startApi();
    try {
      for (const [i, command] of s65Commands.entries()) {
        const step = toHttp(command);
        if (!step) continue;
        const res = await api.http.post(step.path).set('authorization', api.auth(step.user)).send(step.body);
        if (res.status !== step.status)
          throw new Error(`step ${i + 1}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      pristine = join(base, 'pristine.db');
      // SQLite's own backup: one consistent file, whatever the WAL holds.
      await new Database(join(api.dir, 'events.db'), { readonly: true }).backup(pristine);
    } finally {
      await api.close();
    }
  }, 180_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  function copy(name: string): { dir: string; path: string } {
    const dir = join(base, name.replace(/\W+/g, '-'));
    mkdirSync(dir);
    const path = join(dir, 'events.db');
    copyFileSync(pristine, path);
    return { dir, path };
  }

  const cli = async (path: string): Promise<{ code: number; report: VerifyReport }> => {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/verify.ts', '--json'], {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '', PARAGRAF_EVENT_STORE: 'sqlite', PARAGRAF_SQLITE_PATH: path },
      });
      return { code: 0, report: JSON.parse(stdout) };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      if (e.code !== 1) throw new Error(`verify exited ${e.code}: ${e.stderr}`);
      return { code: 1, report: JSON.parse(e.stdout) };
    }
  };

  async function viaApi(
    dir: string,
  ): Promise<{ report: VerifyReport; health: Record<string, unknown>; errors: string[] }> {
    const lines: string[] = [];
    const api: TestApi = await startApi({
      dir,
      config: { logLevel: 'error' },
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      const res = await api.http.get('/audit/verify').set('authorization', api.auth('auditor'));
      expect(res.status).toBe(200);
      const health = await api.http.get('/health');
      expect(health.status).toBe(200);
      return { report: res.body, health: health.body.info.integrity, errors: lines };
    } finally {
      await api.close();
    }
  }

  it('--help prints the usage and touches nothing; a missing store is exit 2, not created', async () => {
    const missing = join(base, 'nothing-here', 'events.db');
    const env = {
      ...process.env,
      NODE_OPTIONS: '',
      PARAGRAF_EVENT_STORE: 'sqlite',
      PARAGRAF_SQLITE_PATH: missing,
    };
    const help = await run(process.execPath, ['--import', 'tsx', 'scripts/verify.ts', '--help'], {
      cwd: ROOT,
      env,
    });
    expect(help.stdout).toMatch(/^Usage: npm run verify/);
    expect(existsSync(join(base, 'nothing-here'))).toBe(false);
    const refused = await run(process.execPath, ['--import', 'tsx', 'scripts/verify.ts'], {
      cwd: ROOT,
      env,
    }).catch((err: { code: number; stderr: string }) => err);
    expect(refused).toMatchObject({ code: 2 });
    expect((refused as { stderr: string }).stderr).toContain('finns inte');
    expect(existsSync(missing)).toBe(false);
  }, 180_000);

  it('an untouched store verifies clean: CLI, endpoint and /health', async () => {
    const { dir, path } = copy('untouched');
    const { code, report } = await cli(path);
    expect(report.breaks).toEqual([]);
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.seals).toBeGreaterThan(0);
    expect(report.checkedEvents).toBeGreaterThan(10);
    const api = await viaApi(dir);
    expect(api.report.ok).toBe(true);
    expect(api.health).toMatchObject({ status: 'up', state: 'clean', breaks: 0 });
    expect(api.errors).toEqual([]);
  }, 180_000);

  it.each(Object.keys(ATTACKS))(
    '%s: reported with stream, revision and kind',
    async (name) => {
      const { dir, path } = copy(name);
      const expected = tamper(path, ATTACKS[name]);
      const { code, report } = await cli(path);
      expect(code).toBe(1);
      expect(report.ok).toBe(false);
      expect(report.breaks).toContainEqual(expect.objectContaining(expected));
      const api = await viaApi(dir);
      expect(api.report.breaks).toContainEqual(expect.objectContaining(expected));
      expect(api.health).toMatchObject({ status: 'up', state: 'degraded' });
      expect(api.health.breaks).toBeGreaterThan(0);
      expect((api.health.kinds as Record<string, number>)[expected.kind]).toBeGreaterThan(0);
      expect(api.errors.some((l) => l.includes('Integrity check found'))).toBe(true);
      expect(existsSync(path)).toBe(true);
    },
    180_000,
  );
});
