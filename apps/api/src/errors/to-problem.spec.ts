import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { MemoryEventStore } from '@app/event-store';
import { AccessDenied } from '../auth/policy.js';
import { newCommandContext } from '../commands/command-context.js';
import { RevisionMismatch, StreamMissing } from '../commands/command-errors.js';
import { CommandRunner, type RunnableDecider } from '../commands/command-runner.js';
import { loadApiConfig } from '../config.js';
import { ProblemException } from './problem.js';
import { toProblem } from './to-problem.js';

// A decider of counts: every command adds one event; the body is always "ks".
const counter: RunnableDecider<{ type: 'Count' }, number, undefined> = {
  initialState: 0,
  decide: () => [{ type: 'Counted', data: {} }],
  evolve: (n: number) => n + 1,
};
const user = { id: 'u', name: 'U', role: 'clerk' as const, roles: ['clerk' as const], bodies: ['ks'] };

/** What the runner threw when running `stream` with these options. */
async function thrown(stream: string, options: { ifMatch?: bigint; bodyId?: string } = {}): Promise<unknown> {
  const store = new MemoryEventStore();
  await store.appendToStream('counter-1', [{ id: randomUUID(), type: 'Counted', data: {} }]);
  const runner = new CommandRunner(store, loadApiConfig({ NODE_ENV: 'test' }));
  const ctx = newCommandContext({ user, requestId: 'r', ifMatch: options.ifMatch });
  return runner
    .run({
      stream,
      decider: counter,
      ctx,
      notFound: `${stream} finns inte.`,
      bodyOf: () => options.bodyId ?? 'ks',
      prepare: () => ({ command: { type: 'Count' as const }, context: undefined }),
    })
    .then(
      () => undefined,
      (err: unknown) => err,
    );
}

describe('the command path throws its own errors; to-problem maps them (docs/adr/0051)', () => {
  it('a missing stream is StreamMissing, answered 404 with its Swedish detail', async () => {
    const err = await thrown('counter-2');
    expect(err).toBeInstanceOf(StreamMissing);
    expect(err).not.toBeInstanceOf(ProblemException);
    expect(toProblem(err, 1024).body()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      detail: 'counter-2 finns inte.',
    });
  });

  it('If-Match at another revision is RevisionMismatch, answered 412 with the current revision', async () => {
    const err = await thrown('counter-1', { ifMatch: 7n });
    expect(err).toBeInstanceOf(RevisionMismatch);
    expect(toProblem(err, 1024).body()).toMatchObject({
      status: 412,
      code: 'PRECONDITION_FAILED',
      currentRevision: 0,
    });
  });

  it('a body outside the user’s is AccessDenied, answered 403 naming the bodies allowed', async () => {
    const err = await thrown('counter-1', { bodyId: 'kf' });
    expect(err).toBeInstanceOf(AccessDenied);
    const problem = toProblem(err, 1024).body();
    expect(problem).toMatchObject({ status: 403, code: 'FORBIDDEN', bodies: ['ks'] });
    expect(problem.detail).toContain('Du får registrera för: ks.');
  });
});
