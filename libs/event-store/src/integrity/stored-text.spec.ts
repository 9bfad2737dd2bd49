import { afterEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalizeModule from 'canonicalize';
import type { RawStoredEvent } from '../port.js';
import { SqliteEventStore } from '../sqlite/index.js';
import { ChainTracker } from './hash.js';
import { sealStore, verifyStore } from './sealer.js';
import { Verifier } from './verifier.js';

const canonicalize = canonicalizeModule as unknown as (input: unknown) => string;

// docs/adr/0050: the store keeps each event's data as its RFC 8785 text, and verification hashes
// that text as read; anything stored otherwise is parsed and canonicalised before it counts as changed.
describe('verification over the stored text', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  async function storeWithHistory() {
    const dir = mkdtempSync(join(tmpdir(), 'paragraf-stored-text-'));
    dirs.push(dir);
    const path = join(dir, 'events.db');
    const store = new SqliteEventStore({ path });
    const chain = new ChainTracker();
    for (let i = 0; i < 5; i++) {
      const data = { z: i, a: 'Kommunstyrelsen beslutar att …', nested: { y: [1, 2], b: null } };
      const events = chain.chain('paragraph-p1', [
        { id: randomUUID(), type: 'MotionProposed', data, metadata: { userId: 'u', role: 'clerk' } },
      ]);
      await store.appendToStream('paragraph-p1', events);
    }
    return { store, path };
  }

  it('writes the canonical text and reads the same events raw as parsed', async () => {
    const { store, path } = await storeWithHistory();
    const raw: RawStoredEvent[] = [];
    for await (const page of store.readAllRawPages({ pageSize: 2 })) raw.push(...page);
    const parsed = (await store.readAll()).map((e) => e);
    expect(raw.map((e) => e.id)).toEqual(parsed.map((e) => e.id));
    for (let i = 0; i < raw.length; i++) {
      expect(raw[i].dataText).toBe(canonicalize(parsed[i].data));
      expect(JSON.parse(raw[i].dataText)).toEqual(parsed[i].data);
      expect(raw[i].metadata).toEqual(parsed[i].metadata);
    }
    await store.close();
    const db = new Database(path, { readonly: true });
    const first = db.prepare('SELECT data FROM events ORDER BY position LIMIT 1').pluck().get() as string;
    db.close();
    expect(first.startsWith('{"a":')).toBe(true); // keys in RFC 8785 order, not insertion order
  });

  it('verifies clean; a reformatted text of the same content is no change; other content is', async () => {
    const { store, path } = await storeWithHistory();
    await sealStore(store, new Verifier(), 'test');
    expect((await verifyStore(store)).report.ok).toBe(true);
    await store.close();

    const db = new Database(path);
    for (const t of db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all() as string[])
      db.exec(`DROP TRIGGER "${t}"`);
    // Revision 1: the same content written with spaces and another key order.
    const r1 = db.prepare('SELECT data FROM events WHERE revision = 1').pluck().get() as string;
    const content = JSON.parse(r1) as Record<string, unknown>;
    const reordered = Object.fromEntries(
      Object.keys(content)
        .reverse()
        .map((k) => [k, content[k]]),
    );
    const reformatted = JSON.stringify(reordered, null, 2);
    expect(reformatted).not.toBe(r1);
    db.prepare('UPDATE events SET data = ? WHERE revision = 1').run(reformatted);
    // Revision 3: one character of the text changed.
    db.prepare("UPDATE events SET data = replace(data, 'beslutar', 'besluter') WHERE revision = 3").run();
    db.close();

    const reopened = new SqliteEventStore({ path });
    const { report } = await verifyStore(reopened);
    await reopened.close();
    expect(report.breaks.map((b) => [b.streamId, b.revision, b.kind])).toEqual([
      ['paragraph-p1', 3, 'changed'],
    ]);
  });
});
