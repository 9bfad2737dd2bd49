import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_LIVE, type LiveOptions } from './read-models/live-hub.js';
import { parseRoleMapping, type RoleMapping } from './auth/role-mapping.js';

/**
 * The API's own settings, read once from the environment. The event store's settings are
 * read by `createEventStore(env)` in libs/event-store.
 */
export const API_CONFIG = Symbol('API_CONFIG');

export interface ApiConfig {
  readonly port: number;
  readonly host: string;
  /** Largest request body accepted, in bytes; larger bodies get 413. */
  readonly bodyLimit: number;
  readonly usersFile: string;
  /** SQLite file of idempotency records (docs/adr/0007); ':memory:' with the memory store. */
  readonly idempotencyPath: string;
  /** Folder of the bilagor's bytes, named by SHA-256 (docs/adr/0021). */
  readonly attachmentsPath: string;
  /** Largest bilaga accepted, in bytes; larger uploads get 413. */
  readonly attachmentLimit: number;
  readonly logLevel: string;
  /** How many times a command is re-decided after a concurrency conflict before 409. */
  readonly commandRetries: number;
  /** Events folded into the command runner's cached streams at most (least recently used go first). */
  readonly commandCacheEvents: number;
  /**
   * A § reservation whose paragraph stream still does not exist this long after it was made is
   * taken as abandoned (its writer died between the two appends) and released (docs/adr/0027).
   */
  readonly numberReleaseAfterMs: number;
  /**
   * How long a protocol read waits for the read models to hold the events stored before it
   * (docs/adr/0049) before it answers 503 READ_MODELS_BEHIND.
   */
  readonly readWaitMs: number;
  /** /health/ready fails while the read models are further behind the store than this. */
  readonly readyMaxLag: number;
  /** Failed sign-ins allowed per client address per window before 429 (docs/adr/0029). */
  readonly authFailureLimit: number;
  readonly authFailureWindowMs: number;
  /** The live stream's bounds (docs/adr/0028). */
  readonly live: LiveOptions;
  /** Seconds between seals over $all while events are written (docs/adr/0025); 0: only at justering. */
  readonly sealIntervalSeconds: number;
  /** Seconds between full background re-verifications of every chain and seal; 0: only at start. */
  readonly verifyIntervalSeconds: number;
  /**
   * The address the public reaches Paragraf at, without a trailing slash: the QR code on a
   * certified extract's PDF links to `<publicUrl>/verify?code=…` (docs/adr/0031).
   */
  readonly publicUrl: string;
  /** SQLite file of sessions and admin-issued tokens; undefined: beside the users file (docs/adr/0039). */
  readonly accessPath?: string;
  /** The municipality's OpenID Connect provider; undefined: development sign-in (docs/adr/0039). */
  readonly oidc?: OidcConfig;
  /** A session ends this long after sign-in, whatever happens. */
  readonly sessionMaxAgeSeconds: number;
  /** The longest expiry an admin may give a bearer token. */
  readonly tokenMaxDays: number;
}

export interface OidcConfig {
  readonly issuer: URL;
  readonly clientId: string;
  /** Empty: a public client (PKCE alone); otherwise client_secret_basic. */
  readonly clientSecret: string;
  /** This server's /auth/callback as the provider knows it; its origin is the web app's. */
  readonly redirectUrl: URL;
  readonly scopes: string;
  readonly mapping: RoleMapping;
}

/** A setting that cannot be used; the message names the variable so an operator can fix it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function url(env: NodeJS.ProcessEnv, name: string): URL {
  const raw = env[name];
  if (!raw) throw new ConfigError(name, 'is required when PARAGRAF_OIDC_ISSUER is set');
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute URL, got "${raw}"`);
  }
  // Plain http only on this machine (a provider or a browser in a test); anywhere else TLS.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
    throw new ConfigError(name, `must be https (http only for localhost), got "${raw}"`);
  }
  return u;
}

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const named = [
    'PARAGRAF_OIDC_CLIENT_ID',
    'PARAGRAF_OIDC_CLIENT_SECRET',
    'PARAGRAF_OIDC_REDIRECT_URL',
    'PARAGRAF_OIDC_GROUPS',
  ].filter((n) => env[n]);
  if (!env.PARAGRAF_OIDC_ISSUER) {
    if (named.length) throw new ConfigError(named[0], 'is set but PARAGRAF_OIDC_ISSUER is not');
    return undefined;
  }
  const issuer = url(env, 'PARAGRAF_OIDC_ISSUER');
  const clientId = env.PARAGRAF_OIDC_CLIENT_ID;
  if (!clientId)
    throw new ConfigError('PARAGRAF_OIDC_CLIENT_ID', 'is required when PARAGRAF_OIDC_ISSUER is set');
  const redirectUrl = url(env, 'PARAGRAF_OIDC_REDIRECT_URL');
  if (redirectUrl.pathname !== '/auth/callback') {
    throw new ConfigError(
      'PARAGRAF_OIDC_REDIRECT_URL',
      `must end in /auth/callback, got "${redirectUrl.href}"`,
    );
  }
  if (!env.PARAGRAF_OIDC_GROUPS) {
    throw new ConfigError('PARAGRAF_OIDC_GROUPS', 'is required when PARAGRAF_OIDC_ISSUER is set');
  }
  let mapping: RoleMapping;
  try {
    mapping = parseRoleMapping(env.PARAGRAF_OIDC_GROUPS);
  } catch (err) {
    throw new ConfigError('PARAGRAF_OIDC_GROUPS', (err as Error).message);
  }
  return {
    issuer,
    clientId,
    clientSecret: env.PARAGRAF_OIDC_CLIENT_SECRET ?? '',
    redirectUrl,
    scopes: env.PARAGRAF_OIDC_SCOPES || 'openid profile email',
    mapping,
  };
}

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const testing = env.NODE_ENV === 'test' || env.JEST_WORKER_ID !== undefined;
  const logLevel = env.LOG_LEVEL || (testing ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const memoryStore = env.PARAGRAF_EVENT_STORE === 'memory';
  const port = int(env, 'PORT', 3000, 1, 65535);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    bodyLimit: int(env, 'PARAGRAF_BODY_LIMIT', 256 * 1024, 1024, 16 * 1024 * 1024),
    usersFile: env.PARAGRAF_USERS_FILE || './data/users.json',
    // Beside the embedded store's file by default, so one folder holds the server's state.
    idempotencyPath:
      env.PARAGRAF_IDEMPOTENCY_PATH ||
      (memoryStore
        ? ':memory:'
        : join(dirname(env.PARAGRAF_SQLITE_PATH || './data/paragraf.db'), 'idempotency.db')),
    attachmentsPath:
      env.PARAGRAF_ATTACHMENTS_PATH ||
      (memoryStore
        ? join(tmpdir(), `paragraf-attachments-${process.pid}`)
        : join(dirname(env.PARAGRAF_SQLITE_PATH || './data/paragraf.db'), 'attachments')),
    attachmentLimit: int(env, 'PARAGRAF_ATTACHMENT_LIMIT', 20 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    logLevel,
    commandRetries: int(env, 'PARAGRAF_COMMAND_RETRIES', 5, 0, 50),
    commandCacheEvents: int(env, 'PARAGRAF_COMMAND_CACHE_EVENTS', 25_000, 0, 100_000_000),
    numberReleaseAfterMs: int(env, 'PARAGRAF_NUMBER_RELEASE_AFTER_MS', 10_000, 0, 86_400_000),
    readWaitMs: int(env, 'PARAGRAF_READ_WAIT_MS', 10_000, 0, 600_000),
    readyMaxLag: int(env, 'PARAGRAF_READY_MAX_LAG', 10_000, 0, Number.MAX_SAFE_INTEGER),
    authFailureLimit: int(env, 'PARAGRAF_AUTH_FAILURES', 20, 1, 1_000_000),
    authFailureWindowMs: int(env, 'PARAGRAF_AUTH_FAILURE_WINDOW_MS', 60_000, 1000, 86_400_000),
    live: {
      maxClients: int(env, 'PARAGRAF_LIVE_MAX_CLIENTS', DEFAULT_LIVE.maxClients, 1, 1_000_000),
      maxPerAddress: int(env, 'PARAGRAF_LIVE_MAX_PER_ADDRESS', DEFAULT_LIVE.maxPerAddress, 1, 1_000_000),
      maxBufferedBytes: int(
        env,
        'PARAGRAF_LIVE_BUFFER_BYTES',
        DEFAULT_LIVE.maxBufferedBytes,
        1024,
        64 * 1024 * 1024,
      ),
      heartbeatMs: int(env, 'PARAGRAF_LIVE_HEARTBEAT_MS', DEFAULT_LIVE.heartbeatMs, 100, 3_600_000),
      fanOut: fanOutMode(env.PARAGRAF_LIVE_FANOUT),
      fanOutProcesses: int(env, 'PARAGRAF_LIVE_FANOUT_PROCESSES', DEFAULT_LIVE.fanOutProcesses, 1, 64),
      historyIdleMs: int(env, 'PARAGRAF_LIVE_HISTORY_IDLE_MS', DEFAULT_LIVE.historyIdleMs, 0, 86_400_000),
    },
    sealIntervalSeconds: int(env, 'PARAGRAF_SEAL_INTERVAL_SECONDS', 60, 0, 86_400),
    verifyIntervalSeconds: int(env, 'PARAGRAF_VERIFY_INTERVAL_SECONDS', 3600, 0, 7 * 86_400),
    publicUrl: publicUrl(env.PARAGRAF_PUBLIC_URL, port),
    ...(env.PARAGRAF_ACCESS_PATH ? { accessPath: env.PARAGRAF_ACCESS_PATH } : {}),
    oidc: oidcConfig(env),
    sessionMaxAgeSeconds: int(env, 'PARAGRAF_SESSION_HOURS', 10, 1, 24 * 30) * 3600,
    tokenMaxDays: int(env, 'PARAGRAF_TOKEN_MAX_DAYS', 365, 1, 3650),
  };
}

/** Where the live stream's writes run (docs/adr/0033). */
function fanOutMode(raw: string | undefined): 'process' | 'inline' {
  if (raw === undefined || raw === '') return DEFAULT_LIVE.fanOut;
  if (raw === 'process' || raw === 'inline') return raw;
  throw new ConfigError('PARAGRAF_LIVE_FANOUT', `must be process or inline, got "${raw}"`);
}

function publicUrl(raw: string | undefined, port: number): string {
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PARAGRAF_PUBLIC_URL', `must be an http or https address, got "${raw}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new ConfigError(
      'PARAGRAF_PUBLIC_URL',
      `must be an http or https address without query, got "${raw}"`,
    );
  }
  return url.href.replace(/\/+$/, '');
}
