/**
 * The real API (with the web app) on a real port and a SQLite file in a temp folder, so a
 * browser can reach it and a test can stop it and start it again on the same file and port.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Page } from 'playwright-core';
import { SqliteEventStore } from '@app/event-store';
import { createApp } from '../../../apps/api/src/app.factory.js';
import { hashToken, newToken, UserDirectory } from '../../../apps/api/src/auth/users.js';
import { loadApiConfig } from '../../../apps/api/src/config.js';
import { webDistPath } from '../../../apps/api/src/web/web.module.js';
import { TEST_READ_WAIT_MS } from '../../support/busy-machine.js';

const USERS = { clerk: 'clerk', chair: 'chair', auditor: 'auditor', admin: 'admin' } as const;
export type WebTestUser = keyof typeof USERS;

/** The web app is built once per run by test/jest-global-setup.js, before any worker starts. */
export function ensureWebBuilt(): void {
  if (!existsSync(join(webDistPath(), 'index.html'))) {
    throw new Error(`No web build at ${webDistPath()}: test/jest-global-setup.js builds it`);
  }
}

/** Whether nothing listens on `port` now (binds it, and lets it go). */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * A port for a server a test starts later (a child process, or a restart on the same port).
 * Between this answer and that server's bind the port is free for anyone: so each Jest worker
 * takes its ports from a range of its own, below the kernel's ephemeral range (where servers
 * bound to port 0 and outgoing connections get theirs), and two workers never pick the same.
 */
export async function freePort(): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  const base = 20_000 + ((worker - 1) % 6) * 2_000;
  for (let i = 0; i < 200; i++) {
    const port = base + Math.floor(Math.random() * 2_000);
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port in ${base}–${base + 1_999}`);
}

export class WebTestServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'paragraf-web-'));
  readonly tokens = Object.fromEntries(Object.keys(USERS).map((u) => [u, newToken()])) as Record<
    WebTestUser,
    string
  >;
  private app: NestFastifyApplication | null = null;
  private store: SqliteEventStore | null = null;

  constructor(readonly port: number) {
    const users = Object.entries(USERS).map(([id, role]) => ({
      id,
      name: id,
      role,
      // Signed in on the page by picking them (no identity provider configured here).
      development: true,
      tokenSha256: hashToken(this.tokens[id as WebTestUser]),
    }));
    writeFileSync(join(this.dir, 'users.json'), JSON.stringify({ users }));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const usersFile = join(this.dir, 'users.json');
    const config = {
      ...loadApiConfig({ NODE_ENV: 'test', PARAGRAF_READ_WAIT_MS: TEST_READ_WAIT_MS }),
      usersFile,
      idempotencyPath: join(this.dir, 'idempotency.db'),
      // No seals on a timer: tests that count events must not meet one (seals at justering stay).
      sealIntervalSeconds: 0,
      verifyIntervalSeconds: 0,
    };
    this.store = new SqliteEventStore({ path: join(this.dir, 'events.db'), synchronous: 'NORMAL' });
    this.app = await createApp({ config, store: this.store, users: UserDirectory.load(usersFile) });
    await this.app.listen({ port: this.port, host: '127.0.0.1' });
  }

  /** Stops answering at once: open keep-alive connections are cut, as a lost network would. */
  async stop(): Promise<void> {
    const app = this.app;
    this.app = null;
    if (!app) return;
    const closing = app.close();
    (app.getHttpServer() as { closeAllConnections?: () => void }).closeAllConnections?.();
    await closing;
  }

  /** Every event in the store ($all), read from the file by a fresh reader. */
  async events(): Promise<{ type: string; streamId: string; data: Record<string, unknown> }[]> {
    const reader = new SqliteEventStore({ path: join(this.dir, 'events.db') });
    try {
      return (await reader.readAll()).map((e) => ({
        type: e.type,
        streamId: e.streamId,
        data: e.data as Record<string, unknown>,
      }));
    } finally {
      await reader.close();
    }
  }

  async api(path: string, opts: { user?: WebTestUser; body?: unknown; accept?: string } = {}) {
    const res = await fetch(`${this.url}${path}`, {
      method: opts.body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${this.tokens[opts.user ?? 'clerk']}`,
        accept: opts.accept ?? 'application/json',
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Sign in on the page as a development user (the server has no identity provider configured). */
export async function signInAs(page: Page, url: string, user: WebTestUser): Promise<void> {
  await page.goto(`${url}/#/`);
  await page.getByRole('button', { name: `Logga in som ${user}`, exact: true }).click();
  await page.getByTestId('person').waitFor();
}
