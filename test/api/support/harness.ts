import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { SqliteEventStore, type EventStore } from '@app/event-store';
import { createApp } from '../../../apps/api/src/app.factory.js';
import { hashToken, newToken, UserDirectory, type Role } from '../../../apps/api/src/auth/users.js';
import { loadApiConfig, type ApiConfig } from '../../../apps/api/src/config.js';
import { upcasters } from '@app/domain';
import { TEST_READ_WAIT_MS } from '../../support/busy-machine.js';

/** The test users: one per role, plus a clerk of another body (for the body-scope boundary). */
export const TEST_USERS = {
  clerk: { role: 'clerk', bodies: ['ks-au', 'un'] },
  otherClerk: { role: 'clerk', bodies: ['bygg'] },
  /** Linked to the §65 meeting's chair and justerare, who sign the justering for themselves. */
  chair: { role: 'chair', memberId: 'ksau-ordf' },
  adjuster: { role: 'adjuster', memberId: 'ksau-akesson' },
  /** A chair-role user who is a member but not one of the meeting's signers. */
  otherMember: { role: 'adjuster', memberId: 'ksau-beronius' },
  auditor: { role: 'auditor' },
  /** An auditor scoped to another body (raw history of `bygg` only). */
  otherAuditor: { role: 'auditor', bodies: ['bygg'] },
  admin: { role: 'admin' },
} as const satisfies Record<string, { role: Role; bodies?: readonly string[]; memberId?: string }>;

export type TestUser = keyof typeof TEST_USERS;

export interface TestApi {
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  readonly http: ReturnType<typeof request>;
  readonly dir: string;
  /** `Authorization` header value for a test user. */
  auth(user: TestUser): string;
  /** How many events the store holds ($all). */
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Reuse another instance's folder (same event file), e.g. to restart on the same data. */
  readonly dir?: string;
  readonly idempotencyFile?: string;
  readonly config?: Partial<ApiConfig>;
  /** Wrap the store, e.g. to simulate a concurrent writer. */
  readonly wrapStore?: (store: EventStore) => EventStore;
  /** Collect the JSON log lines (set `config.logLevel` too: tests default to silent). */
  readonly logStream?: { write(line: string): void };
}

/** The real app on a real SQLite file in a temp folder, users with known tokens. */
export async function startApi(options: StartOptions = {}): Promise<TestApi> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'paragraf-api-'));
  const tokens = tokensFor(dir);
  const usersFile = join(dir, 'users.json');
  const users = Object.entries(TEST_USERS).map(([id, u]) => ({
    id,
    name: id,
    ...u,
    // With no identity provider configured, each may also sign in on the page (a session).
    development: true,
    tokenSha256: hashToken(tokens[id as TestUser]),
  }));
  writeFileSync(usersFile, JSON.stringify({ users }));
  const config = {
    ...loadApiConfig({ NODE_ENV: 'test', PARAGRAF_READ_WAIT_MS: TEST_READ_WAIT_MS }),
    usersFile,
    idempotencyPath: join(dir, options.idempotencyFile ?? 'idempotency.db'),
    attachmentsPath: join(dir, 'attachments'),
    // No seals on a timer: tests that count events must not meet one (seals at justering stay).
    sealIntervalSeconds: 0,
    verifyIntervalSeconds: 0,
    ...options.config,
  };
  // NORMAL: a test does not need power-loss durability, and it keeps the suite fast.
  const sqlite = new SqliteEventStore({
    path: join(dir, 'events.db'),
    synchronous: 'NORMAL',
    upcaster: upcasters,
  });
  const store = options.wrapStore ? options.wrapStore(sqlite) : sqlite;
  const app = await createApp({
    config,
    store,
    users: UserDirectory.load(usersFile),
    logStream: options.logStream,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    store,
    dir,
    http: request(app.getHttpServer()),
    auth: (user) => `Bearer ${tokens[user]}`,
    eventCount: async () => (await sqlite.readAll()).length,
    close: async () => {
      await app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const tokenCache = new Map<string, Record<TestUser, string>>();

/** Tokens are per folder, so a restarted instance on the same folder accepts the same ones. */
function tokensFor(dir: string): Record<TestUser, string> {
  let tokens = tokenCache.get(dir);
  if (!tokens) {
    tokens = Object.fromEntries(Object.keys(TEST_USERS).map((k) => [k, newToken()])) as Record<
      TestUser,
      string
    >;
    tokenCache.set(dir, tokens);
  }
  return tokens;
}
