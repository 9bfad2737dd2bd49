/**
 * The auditors' command line (`npm run replay`) against a real SQLite event store holding the
 * §65 flow: the protocol now, the protocol as of an earlier position, and the raw changes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { v7 } from 'uuid';
import { SqliteEventStore } from '@app/event-store';
import { recordScenario } from '../golden/record.js';
import { s65Commands, s65Ids } from '../scenarios/s65.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run replay (CLI)', () => {
  let dir: string;
  let path: string;
  let meetingOnly: bigint; // the position of the meeting stream's last event, before any §

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paragraf-replay-cli-'));
    path = join(dir, 'events.db');
    const store = new SqliteEventStore({ path });
    const { streams } = recordScenario(s65Commands);
    // Meeting first, then numbering and paragraph: as-of the meeting's end shows no § yet.
    const order = [...streams.keys()].sort((a, b) => rank(a) - rank(b));
    for (const stream of order) {
      const events = streams.get(stream)!.map((e) => ({ id: v7(), type: e.type, data: { ...e.data } }));
      const result = await store.appendToStream(stream, events);
      if (stream.startsWith('meeting-')) meetingOnly = result.position.commit;
    }
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const rank = (s: string) => (s.startsWith('meeting-') ? 0 : s.startsWith('numbering-') ? 1 : 2);
  const replay = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/replay.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', PARAGRAF_EVENT_STORE: 'sqlite', PARAGRAF_SQLITE_PATH: path },
    });

  it('prints the protocol as it stands, and as it stood at an earlier position', async () => {
    const now = await replay('--meeting', s65Ids.meetingId);
    expect(now.stdout).toContain('§65');
    expect(now.stdout).toContain('Robert Beronius (L)');
    const before = await replay('--meeting', s65Ids.meetingId, '--as-of', String(meetingOnly));
    expect(before.stdout).toContain('Kommunstyrelsens arbetsutskott');
    expect(before.stdout).not.toContain('§65');
    expect(before.stderr).toContain(`position ${meetingOnly}`);
  });

  it('prints the raw changes between two positions as JSON lines, and refuses a bad point', async () => {
    const { stdout } = await replay('--changes', '--from', '2', '--to', '4');
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { position: string; metadata: unknown });
    expect(lines.map((l) => l.position)).toEqual(['2', '3', '4']);
    await expect(replay('--changes', '--from', 'igår')).rejects.toMatchObject({ code: 2 });
  });
});
