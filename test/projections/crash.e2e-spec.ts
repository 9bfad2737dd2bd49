import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDb } from '@app/projections';
import {
  dumpReadModels,
  generateHistory,
  rebuildInMemory,
  rng,
} from '../../libs/projections/src/testing/index.js';

const script = fileURLToPath(new URL('./support/runner-process.ts', import.meta.url));

/** Runs the runner process; `killAfterBatches` SIGKILLs it after that many committed batches. */
function runRunner(events: string, readModels: string, killAfterBatches?: number) {
  return new Promise<{ lines: string[]; signal: NodeJS.Signals | null }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, events, readModels], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const lines: string[] = [];
    let buffer = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
      if (
        killAfterBatches !== undefined &&
        lines.filter((l) => l.startsWith('batch')).length >= killAfterBatches
      ) {
        child.kill('SIGKILL');
      }
    });
    child.on('close', (_code, signal) => resolve({ lines, signal }));
  });
}

describe('crash during catch-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paragraf-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a runner killed mid-batch resumes from its checkpoint and ends equal to a clean rebuild', async () => {
    const eventsPath = join(dir, 'events.db');
    const store = new SqliteEventStore({ path: eventsPath, synchronous: 'NORMAL' });
    let head = 0n;
    for (const a of generateHistory(rng(42), { bodies: 6, meetingsPerBody: 10, maxParagraphs: 10 })) {
      head = (await store.appendToStream(a.stream, a.events)).position.commit;
    }
    expect(head).toBeGreaterThan(3000n);

    const readModels = join(dir, 'read-models.db');
    const killed = await runRunner(eventsPath, readModels, 3);
    expect(killed.signal).toBe('SIGKILL');
    const probe = openReadModelDb(readModels);
    const reached = probe.prepare('SELECT MIN(commit_position) AS p FROM projection_checkpoints').get() as {
      p: number;
    };
    probe.close();
    expect(reached.p).toBeGreaterThan(0); // it had committed batches …
    expect(BigInt(reached.p)).toBeLessThan(head); // … and was killed before catching up

    const resumed = await runRunner(eventsPath, readModels);
    expect(resumed.lines[resumed.lines.length - 1]).toBe(`done ${head}`);
    // Resumed after the checkpoint: the first batch it commits lies beyond what was reached.
    const firstBatch = resumed.lines.find((l) => l.startsWith('batch'))!;
    expect(BigInt(firstBatch.split(' ')[1])).toBeGreaterThan(BigInt(reached.p));

    const clean = await rebuildInMemory(store);
    const after = openReadModelDb(readModels);
    expect(dumpReadModels(after)).toEqual(dumpReadModels(clean));
    after.close();
    clean.close();
    await store.close();
  });
});
