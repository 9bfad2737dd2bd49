import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config.js';

import { ROLES, type Role } from './roles.js';

export { ROLES, type Role };

/** A person (or an API client) as the API sees them on every request (docs/adr/0040). */
export interface User {
  readonly id: string;
  readonly name: string;
  /** The first of `roles`: what event metadata records as the role that acted. */
  readonly role: Role;
  /** Every role the person holds; a permission needs any one of them. */
  readonly roles: readonly Role[];
  /** Bodies the user may write for. Absent: all (as the users file has always meant it). */
  readonly bodies?: readonly string[];
  /** The member this person is (chair, justerare): who they sign for at justering (docs/adr/0026). */
  readonly memberId?: string;
}

/** One entry of the users file. */
export interface UserRecord extends User {
  /** SHA-256 of a bearer token written into the file (development, older installations). */
  readonly tokenSha256?: string;
  /** The identity provider's subject (`sub`, or the mapping's subjectClaim) this entry links to. */
  readonly subject?: string;
  /** A development user: offered on the sign-in page when no identity provider is configured. */
  readonly development?: boolean;
}

/** Tokens are 32 random bytes, so a single SHA-256 is enough (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The public part of a record (what a request carries as `request.user`). */
export function personOf(r: UserRecord): User {
  return {
    id: r.id,
    name: r.name,
    role: r.roles[0],
    roles: r.roles,
    ...(r.bodies !== undefined ? { bodies: r.bodies } : {}),
    ...(r.memberId !== undefined ? { memberId: r.memberId } : {}),
  };
}

export class UserDirectory {
  private readonly byHash: Map<string, User>;
  private readonly byId: Map<string, UserRecord>;
  private readonly bySubject: Map<string, UserRecord>;

  constructor(records: readonly UserRecord[]) {
    this.byHash = new Map(
      records.filter((r) => r.tokenSha256).map((r) => [r.tokenSha256!, personOf(r)] as const),
    );
    this.byId = new Map(records.map((r) => [r.id, r]));
    this.bySubject = new Map(records.filter((r) => r.subject).map((r) => [r.subject!, r]));
  }

  /** Tokens recently seen to be valid: hashing each request's token was ~1 % of a command. */
  private readonly recent = new Map<string, User>();

  /** The user of a token written into the users file (admin-issued tokens: AccessStore). */
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

  get(id: string): User | undefined {
    const r = this.byId.get(id);
    return r && r.roles.length ? personOf(r) : undefined;
  }

  /** The entry that links a provider's subject to a local id and a member. */
  linkedTo(subject: string): UserRecord | undefined {
    return this.bySubject.get(subject);
  }

  /** Everyone in the file with a role (admin's list; tokens are issued to these). */
  list(): User[] {
    return [...this.byId.values()].filter((r) => r.roles.length).map(personOf);
  }

  /**
   * Users offered on the development sign-in page: marked `development`, or named `dev-…` as
   * the first start has always named them (files written before the mark existed).
   */
  developmentUsers(): User[] {
    return [...this.byId.values()]
      .filter((r) => r.roles.length && (r.development || r.id.startsWith('dev-')))
      .map(personOf);
  }

  get size(): number {
    return this.byId.size;
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
    const people: Array<{ id: string; name: string; role: Role; bodies?: string[] }> = [
      { id: 'dev-clerk', name: 'Nämndsekreterare (utveckling)', role: 'clerk', bodies: ['ks-au'] },
      { id: 'dev-chair', name: 'Ordförande (utveckling)', role: 'chair' },
      { id: 'dev-adjuster', name: 'Justerare (utveckling)', role: 'adjuster' },
      { id: 'dev-auditor', name: 'Revisor (utveckling)', role: 'auditor' },
      { id: 'dev-admin', name: 'Administratör (utveckling)', role: 'admin' },
    ];
    const tokens = people.map(() => newToken());
    const file = people.map(({ role, ...p }, i) => ({
      ...p,
      roles: [role],
      development: true,
      tokenSha256: hashToken(tokens[i]),
    }));
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${JSON.stringify({ users: file }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    print(`Created development users file ${path}. Bearer tokens for API clients (shown only now):`);
    people.forEach((p, i) => print(`  ${p.role.padEnd(9)} ${p.id.padEnd(13)} ${tokens[i]}`));
    return new UserDirectory(parseUsers({ users: file }, path));
  }
}

function parseUsers(parsed: unknown, path: string): UserRecord[] {
  const fail = (why: string): never => {
    throw new ConfigError('PARAGRAF_USERS_FILE', `${path}: ${why}`);
  };
  const list = (parsed as { users?: unknown })?.users;
  if (!Array.isArray(list)) fail('expected {"users": [...]}');
  const seen = new Set<string>();
  const ids = new Set<string>();
  const strings = (v: unknown) => Array.isArray(v) && v.every((b) => typeof b === 'string');
  return (list as unknown[]).map((u, i) => {
    const r = u as Partial<UserRecord> & { role?: unknown; roles?: unknown };
    if (typeof r.id !== 'string' || !r.id) fail(`users[${i}].id must be a non-empty string`);
    if (ids.has(r.id!)) fail(`users[${i}].id "${r.id}" is used twice`);
    ids.add(r.id!);
    if (typeof r.name !== 'string') fail(`users[${i}].name must be a string`);
    // `role` (one) as files have always had it, or `roles` (several).
    const roles = r.roles !== undefined ? r.roles : r.role !== undefined ? [r.role] : [];
    if (!Array.isArray(roles) || roles.some((x) => !ROLES.includes(x as Role))) {
      fail(`users[${i}].roles must be a list of ${ROLES.join(', ')}`);
    }
    if (r.subject !== undefined && (typeof r.subject !== 'string' || !r.subject)) {
      fail(`users[${i}].subject must be a non-empty string`);
    }
    // A linked person may take every role from the provider's groups; anyone else needs one here.
    if ((roles as Role[]).length === 0 && r.subject === undefined) {
      fail(`users[${i}] needs a role (role or roles) or a subject linking it to the identity provider`);
    }
    if (r.tokenSha256 !== undefined) {
      if (typeof r.tokenSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(r.tokenSha256)) {
        fail(`users[${i}].tokenSha256 must be a hex SHA-256`);
      }
      if (seen.has(r.tokenSha256)) fail(`users[${i}] shares a token with another user`);
      seen.add(r.tokenSha256);
    }
    if (r.bodies !== undefined && !strings(r.bodies)) fail(`users[${i}].bodies must be a list of body ids`);
    if (r.memberId !== undefined && (typeof r.memberId !== 'string' || !r.memberId)) {
      fail(`users[${i}].memberId must be a non-empty string`);
    }
    return {
      id: r.id!,
      name: r.name!,
      role: (roles as Role[])[0],
      roles: [...new Set(roles as Role[])],
      ...(r.bodies !== undefined ? { bodies: r.bodies } : {}),
      ...(r.memberId !== undefined ? { memberId: r.memberId } : {}),
      ...(r.subject !== undefined ? { subject: r.subject } : {}),
      ...(r.tokenSha256 !== undefined ? { tokenSha256: r.tokenSha256 } : {}),
      ...(r.development ? { development: true } : {}),
    } as UserRecord;
  });
}
