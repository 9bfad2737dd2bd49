import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MemoryEventStore, type StoredEvent } from '@app/event-store';
import { openReadModelDb } from './db.js';
import { ProjectionRunner } from './runner.js';
import { ALL_PROJECTIONS } from './index.js';
import {
  dumpReadModels,
  generateHistory,
  historyFromIntents,
  intentsArb,
  rebuildInMemory,
  rng,
  seededIds,
  type Append,
} from './testing/index.js';
import { protocolOf, registerQuery, statisticsQuery } from './read-models/queries.js';
import type { Projection } from './projection.js';

function history(seed: number, bodies: number, meetings: number, maxParagraphs: number): Append[] {
  const random = rng(seed);
  return [
    ...generateHistory(random, {
      bodies,
      meetingsPerBody: meetings,
      maxParagraphs,
      newId: seededIds(random),
    }),
  ];
}

async function appendAll(store: MemoryEventStore, appends: readonly Append[]): Promise<bigint> {
  let last = 0n;
  for (const a of appends) last = (await store.appendToStream(a.stream, a.events)).position.commit;
  return last;
}

describe('ProjectionRunner', () => {
  it('rebuilt read models equal the live ones over generated histories', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer(),
          bodies: fc.integer({ min: 1, max: 3 }),
          meetings: fc.integer({ min: 1, max: 3 }),
          maxParagraphs: fc.integer({ min: 1, max: 5 }),
          batchSize: fc.integer({ min: 1, max: 40 }),
          // Appends after which the live runner is replaced by a fresh one (a restart: empty caches).
          restarts: fc.array(fc.nat(60), { maxLength: 3 }),
          waitEvery: fc.integer({ min: 1, max: 10 }),
        }),
        async (p) => {
          const appends = history(p.seed, p.bodies, p.meetings, p.maxParagraphs);
          const store = new MemoryEventStore();
          const live = openReadModelDb(':memory:');
          let runner = new ProjectionRunner(store, live, ALL_PROJECTIONS, { batchSize: p.batchSize });
          runner.start();
          let last = 0n;
          for (const [i, a] of appends.entries()) {
            last = (await store.appendToStream(a.stream, a.events)).position.commit;
            if (i % p.waitEvery === 0) await runner.waitFor(last, 60_000);
            if (p.restarts.includes(i)) {
              runner.stop();
              runner = new ProjectionRunner(store, live, ALL_PROJECTIONS, { batchSize: p.batchSize });
              runner.start();
            }
          }
          await runner.waitFor(last, 60_000);
          runner.stop();
          const clean = await rebuildInMemory(store);
          expect(dumpReadModels(live)).toEqual(dumpReadModels(clean));
          expect(Object.keys(dumpReadModels(live))).toHaveLength(6);
          live.close();
          clean.close();
          await store.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('redelivered events change nothing', async () => {
    const store = new MemoryEventStore();
    await appendAll(store, history(7, 2, 2, 4));
    const db = await rebuildInMemory(store);
    const before = dumpReadModels(db);
    const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS);
    const all: StoredEvent[] = await store.readAll();
    runner.applyBatch(all);
    runner.applyBatch(all.slice(10, 30));
    expect(dumpReadModels(db)).toEqual(before);
    expect(runner.position).toBe(all[all.length - 1].position.commit);
  });

  it('rebuilds a projection from position 0 when its version changes', async () => {
    const store = new MemoryEventStore();
    await appendAll(store, history(11, 1, 2, 3));
    const db = await rebuildInMemory(store);
    // Sabotage the register, then open with a bumped version: the runner must rebuild it.
    db.exec('DELETE FROM rm_register');
    const bumped = ALL_PROJECTIONS.map((p) => (p.name === 'register' ? { ...p, version: p.version + 1 } : p));
    const runner = new ProjectionRunner(store, db, bumped);
    expect(runner.checkpoints().register.position).toBeNull();
    expect(runner.checkpoints().protocol.position).not.toBeNull();
    runner.start();
    await runner.catchUp();
    runner.stop();
    const clean = await rebuildInMemory(store, bumped);
    expect(dumpReadModels(db)).toEqual(dumpReadModels(clean));
    expect(db.prepare('SELECT count(*) AS n FROM rm_register').get()).toEqual({ n: expect.any(Number) });
    expect((db.prepare('SELECT count(*) AS n FROM rm_register').get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('rolls back a failing batch: neither the read model nor the checkpoint moves', async () => {
    const store = new MemoryEventStore();
    const appends = history(3, 1, 1, 3);
    await appendAll(store, appends);
    const all = await store.readAll();
    const db = openReadModelDb(':memory:');
    const failing: Projection = {
      name: 'failing',
      version: 1,
      handles: ['DecisionAdopted'],
      migrate: (d) => d.exec('CREATE TABLE IF NOT EXISTS rm_failing (id TEXT)'),
      reset: (d) => d.exec('DROP TABLE IF EXISTS rm_failing'),
      open: (d) => {
        const ins = d.prepare('INSERT INTO rm_failing (id) VALUES (?)');
        return {
          apply: (e) => {
            ins.run(e.id);
            throw new Error('boom');
          },
          flush: () => {},
          discard: () => {},
        };
      },
    };
    const runner = new ProjectionRunner(store, db, [...ALL_PROJECTIONS, failing]);
    expect(() => runner.applyBatch(all)).toThrow('boom');
    expect(runner.position).toBe(-1n);
    const dump = dumpReadModels(db);
    for (const rows of Object.values(dump)) expect(rows).toEqual([]);
  });

  it('serves the protocol, register and statistics of a history', async () => {
    const store = new MemoryEventStore();
    const appends = history(5, 2, 3, 6);
    await appendAll(store, appends);
    const db = await rebuildInMemory(store);
    const meetingId = (appends[0].events[0].data as { meetingId: string }).meetingId;
    const protocol = protocolOf(db, meetingId)!;
    expect(protocol.meeting.meetingId).toBe(meetingId);
    const numbers = protocol.paragraphs.map((p) => p.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(protocol.paragraphs.every((p) => p.status === 'justified')).toBe(true);
    const all = registerQuery(db, { today: '2030-01-01' });
    const paragraphsOpened = appends
      .flatMap((a) => a.events)
      .filter((e) => e.type === 'ParagraphOpened').length;
    expect(all).toHaveLength(paragraphsOpened);
    const stats = statisticsQuery(db, {});
    const motions = appends.flatMap((a) => a.events).filter((e) => e.type === 'MotionProposed').length;
    const struck = appends.flatMap((a) => a.events).filter((e) => e.type === 'EntryStruck').length;
    expect(stats.members.reduce((s, m) => s + m.motions, 0)).toBe(motions - struck);
    expect(stats.parties.reduce((s, m) => s + m.motions, 0)).toBe(motions - struck);
  });
});

describe('ProjectionRunner over decider-made histories', () => {
  it('rebuilt equals live for command sequences run through the domain deciders', async () => {
    let totalEvents = 0;
    const types = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        intentsArb,
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.nat(80), { maxLength: 2 }),
        async (intents, batchSize, restarts) => {
          const appends = historyFromIntents(intents);
          const store = new MemoryEventStore();
          const live = openReadModelDb(':memory:');
          let runner = new ProjectionRunner(store, live, ALL_PROJECTIONS, { batchSize });
          runner.start();
          let last = 0n;
          for (const [i, a] of appends.entries()) {
            last = (await store.appendToStream(a.stream, a.events)).position.commit;
            totalEvents += a.events.length;
            for (const e of a.events) types.add(e.type);
            if (i % 3 === 0) await runner.waitFor(last, 60_000);
            if (restarts.includes(i)) {
              runner.stop();
              runner = new ProjectionRunner(store, live, ALL_PROJECTIONS, { batchSize });
              runner.start();
            }
          }
          await runner.waitFor(last, 60_000);
          runner.stop();
          const clean = await rebuildInMemory(store);
          expect(dumpReadModels(live)).toEqual(dumpReadModels(clean));
          live.close();
          clean.close();
        },
      ),
      // A fixed seed: the same 80 histories every run, so the coverage check below cannot flake
      // (a random seed sometimes generated no EntryStruck at all).
      { numRuns: 80, seed: 20241127 },
    );
    // The generator must reach deep into the flow, or the property proves little.
    for (const t of [
      'MotionProposed',
      'ChairAskedQuestion',
      'VoteHeld',
      'DecisionAdopted',
      'ReservationEntered',
      'EntryStruck',
      'ParagraphJustified',
      'DecisionDispatched',
    ]) {
      expect(types).toContain(t);
    }
    expect(totalEvents).toBeGreaterThan(1000);
  });
});
