import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { MemoryEventStore } from '@app/event-store';
import { loadApiConfig } from '../config.js';
import { CommandRunner } from './command-runner.js';

const counter = { initialState: 0, evolve: (n: number) => n + 1 };

describe('CommandRunner cache', () => {
  it('keeps folded streams up to PARAGRAF_COMMAND_CACHE_EVENTS events, dropping the least recently used', async () => {
    const store = new MemoryEventStore();
    const config = loadApiConfig({ NODE_ENV: 'test', PARAGRAF_COMMAND_CACHE_EVENTS: '100' });
    const runner = new CommandRunner(store, config);
    // Ten streams of 30 events: 300 events, three times the bound.
    for (let s = 0; s < 10; s++) {
      const events = Array.from({ length: 30 }, () => ({ id: randomUUID(), type: 'Counted', data: {} }));
      await store.appendToStream(`counter-${s}`, events);
      expect((await runner.load(`counter-${s}`, counter)).state).toBe(30);
    }
    expect(runner.cached).toEqual({ streams: 3, events: 90 });
    // A dropped stream is read again and folded right; the most recent one is kept.
    expect((await runner.load('counter-0', counter)).state).toBe(30);
    expect(runner.cached).toEqual({ streams: 3, events: 90 });
    // One stream above the bound alone is still kept (the one in use).
    await store.appendToStream(
      'counter-big',
      Array.from({ length: 150 }, () => ({ id: randomUUID(), type: 'Counted', data: {} })),
    );
    expect((await runner.load('counter-big', counter)).state).toBe(150);
    expect(runner.cached).toEqual({ streams: 1, events: 150 });
  });
});
