import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SqliteEventStore } from '@app/event-store';
import { createApp } from '../../../apps/api/src/app.factory.js';
import { hashToken, newToken, UserDirectory } from '../../../apps/api/src/auth/users.js';
import { loadApiConfig, type ApiConfig } from '../../../apps/api/src/config.js';
import { ReadModels } from '../../../apps/api/src/read-models/read-models.service.js';
import { TEST_USERS, type TestApi, type TestUser } from '../../api/support/harness.js';
import { TEST_READ_WAIT_MS } from '../../support/busy-machine.js';

export interface ReadApi extends TestApi {
  readonly models: ReadModels;
  readonly baseUrl: string;
}

/** The real app on a real SQLite file, listening on a free port (SSE needs a real socket). */
export async function startReadApi(overrides: Partial<ApiConfig> = {}): Promise<ReadApi> {
  const dir = mkdtempSync(join(tmpdir(), 'paragraf-read-'));
  const tokens = Object.fromEntries(Object.keys(TEST_USERS).map((k) => [k, newToken()])) as Record<
    TestUser,
    string
  >;
  const usersFile = join(dir, 'users.json');
  writeFileSync(
    usersFile,
    JSON.stringify({
      users: Object.entries(TEST_USERS).map(([id, u]) => ({
        id,
        name: id,
        ...u,
        tokenSha256: hashToken(tokens[id as TestUser]),
      })),
    }),
  );
  const config = {
    ...loadApiConfig({ NODE_ENV: 'test', PARAGRAF_READ_WAIT_MS: TEST_READ_WAIT_MS }),
    usersFile,
    idempotencyPath: join(dir, 'idempotency.db'),
    sealIntervalSeconds: 0,
    verifyIntervalSeconds: 0,
    ...overrides,
  };
  const store = new SqliteEventStore({
    path: join(dir, 'events.db'),
    synchronous: 'NORMAL',
    writer: 'thread',
  });
  // The real app (AppModule imports ReadModelsModule), listening: SSE needs a real socket.
  const app = await createApp({ config, store, users: UserDirectory.load(usersFile) });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    store,
    dir,
    models: app.get(ReadModels),
    baseUrl: `http://127.0.0.1:${address.port}`,
    http: request(app.getHttpServer()),
    auth: (user) => `Bearer ${tokens[user]}`,
    eventCount: async () => (await store.readAll()).length,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
