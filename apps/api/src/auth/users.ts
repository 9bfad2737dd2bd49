import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config.js';

export const ROLES = ['clerk', 'chair', 'adjuster', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** Bodies the user may write for (clerks; optional for chair and adjusters). Absent: all. */
  readonly bodies?: readonly string[];
  /** The member this person is (chair, justerare): who they sign for at justering (docs/adr/0026). */
  readonly memberId?: string;
}

interface UserRecord extends User {
  /** SHA-256 of the bearer token, hex (docs/adr/0008). */
  readonly tokenSha256: string;
}

/** Tokens are 32 random bytes, so a single SHA-256 is enough (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export class UserDirectory {
  private readonly byHash: Map<string, User>;

  constructor(records: readonly UserRecord[]) {
    this.byHash = new Map(records.map(({ tokenSha256, ...user }) => [tokenSha256, user]));
  }

  /** Tokens recently seen to be valid: hashing each request's token was ~1 % of a command. */
  private readonly recent = new Map<string, User>();

  authenticate(token: string): User | undefined {
    const known = this.recent.get(token);
    if (known) return known;
    const user = this.byHash.get(hashToken(token));
    if (user) {
      if (this.recent.size >= 1000) this.recent.clear(); // only valid tokens, and bounded
      this.recent.set(token, user);
    }
    return user;
  }

  get size(): number {
    return this.byHash.size;
  }

  /**
   * Read the users file; on first start, when it does not exist, create a development file with
   * one user per role and print their tokens once (they are stored only as hashes).
   */
  static load(
    path: string,
    print: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  ): UserDirectory {
    if (!existsSync(path)) return UserDirectory.createDevelopmentFile(path, print);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new ConfigError(
        'PARAGRAF_USERS_FILE',
        `${path} is not readable JSON (${(err as Error).message})`,
      );
    }
    return new UserDirectory(parseUsers(parsed, path));
  }

  static createDevelopmentFile(path: string, print: (line: string) => void): UserDirectory {
    const people: Array<Omit<User, 'role'> & { role: Role }> = [
      { id: 'dev-clerk', name: 'Nämndsekreterare (utveckling)', role: 'clerk', bodies: ['ks-au'] },
      { id: 'dev-chair', name: 'Ordförande (utveckling)', role: 'chair' },
      { id: 'dev-adjuster', name: 'Justerare (utveckling)', role: 'adjuster' },
      { id: 'dev-auditor', name: 'Revisor (utveckling)', role: 'auditor' },
      { id: 'dev-admin', name: 'Administratör (utveckling)', role: 'admin' },
    ];
    const tokens = people.map(() => newToken());
    const users: UserRecord[] = people.map((p, i) => ({ ...p, tokenSha256: hashToken(tokens[i]) }));
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    print(`Created development users file ${path}. Bearer tokens (shown only now):`);
    people.forEach((p, i) => print(`  ${p.role.padEnd(9)} ${p.id.padEnd(13)} ${tokens[i]}`));
    return new UserDirectory(users);
  }
}

function parseUsers(parsed: unknown, path: string): UserRecord[] {
  const fail = (why: string): never => {
    throw new ConfigError('PARAGRAF_USERS_FILE', `${path}: ${why}`);
  };
  const list = (parsed as { users?: unknown })?.users;
  if (!Array.isArray(list)) fail('expected {"users": [...]}');
  const seen = new Set<string>();
  return (list as unknown[]).map((u, i) => {
    const r = u as Partial<UserRecord>;
    if (typeof r.id !== 'string' || !r.id) fail(`users[${i}].id must be a non-empty string`);
    if (typeof r.name !== 'string') fail(`users[${i}].name must be a string`);
    if (!ROLES.includes(r.role as Role)) fail(`users[${i}].role must be one of ${ROLES.join(', ')}`);
    if (typeof r.tokenSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(r.tokenSha256)) {
      fail(`users[${i}].tokenSha256 must be a hex SHA-256`);
    }
    if (r.bodies !== undefined && (!Array.isArray(r.bodies) || r.bodies.some((b) => typeof b !== 'string'))) {
      fail(`users[${i}].bodies must be a list of body ids`);
    }
    if (r.memberId !== undefined && (typeof r.memberId !== 'string' || !r.memberId)) {
      fail(`users[${i}].memberId must be a non-empty string`);
    }
    if (seen.has(r.tokenSha256!)) fail(`users[${i}] shares a token with another user`);
    seen.add(r.tokenSha256!);
    return r as UserRecord;
  });
}
