import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigError, loadApiConfig } from '../config.js';
import { hashToken, UserDirectory } from './users.js';

describe('users file', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paragraf-users-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on first start creates one development user per role and prints each token once', () => {
    const path = join(dir, 'sub', 'users.json');
    const lines: string[] = [];
    const users = UserDirectory.load(path, (l) => lines.push(l));
    expect(users.size).toBe(5);
    const tokens = lines.slice(1).map((l) => l.trim().split(/\s+/).at(-1)!);
    expect(tokens).toHaveLength(5);
    const roles = tokens.map((t) => users.authenticate(t)?.role);
    expect(roles).toEqual(['clerk', 'chair', 'adjuster', 'auditor', 'admin']);
    // Only hashes are stored.
    const file = readFileSync(path, 'utf8');
    for (const t of tokens) {
      expect(file).not.toContain(t);
      expect(file).toContain(hashToken(t));
    }
    // A second start reads the file and prints nothing.
    const again: string[] = [];
    expect(UserDirectory.load(path, (l) => again.push(l)).authenticate(tokens[0])?.id).toBe('dev-clerk');
    expect(again).toEqual([]);
  });

  it('an unusable file is a ConfigError naming PARAGRAF_USERS_FILE', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(
      path,
      JSON.stringify({ users: [{ id: 'x', name: 'x', role: 'king', tokenSha256: 'a'.repeat(64) }] }),
    );
    expect(() => UserDirectory.load(path)).toThrow(ConfigError);
    expect(() => UserDirectory.load(path)).toThrow(/PARAGRAF_USERS_FILE.*roles/);
    writeFileSync(path, '{not json');
    expect(() => UserDirectory.load(path)).toThrow(/PARAGRAF_USERS_FILE/);
  });
});

describe('API settings', () => {
  it('defaults: port 3000, users in ./data, silent logs under Jest', () => {
    const config = loadApiConfig({ JEST_WORKER_ID: '1' });
    expect(config).toMatchObject({ port: 3000, usersFile: './data/users.json', logLevel: 'silent' });
    expect(loadApiConfig({}).logLevel).toBe('info');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['PARAGRAF_BODY_LIMIT', '-1'],
  ])('%s=%s is refused naming the variable', (name, value) => {
    expect(() => loadApiConfig({ [name]: value })).toThrow(new RegExp(`^${name}:`));
  });
});

describe('users file: people', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paragraf-users-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads one role or several, links a provider subject to a member, and needs no token', () => {
    const path = join(dir, 'users.json');
    writeFileSync(
      path,
      JSON.stringify({
        users: [
          { id: 'old', name: 'Old', role: 'clerk', tokenSha256: 'a'.repeat(64) },
          { id: 'both', name: 'Both', roles: ['clerk', 'adjuster'], bodies: ['ks'] },
          { id: 'marie', name: 'Marie', subject: 'abc-123', memberId: 'ksau-akesson' },
        ],
      }),
    );
    const users = UserDirectory.load(path);
    expect(users.get('old')).toMatchObject({ role: 'clerk', roles: ['clerk'] });
    expect(users.get('both')).toMatchObject({ role: 'clerk', roles: ['clerk', 'adjuster'], bodies: ['ks'] });
    // A linked person takes every role from the provider: not a user by themselves.
    expect(users.get('marie')).toBeUndefined();
    expect(users.linkedTo('abc-123')).toMatchObject({ id: 'marie', memberId: 'ksau-akesson' });
    expect(users.developmentUsers()).toEqual([]);
  });

  it('an entry with neither a role nor a subject, or a repeated id, is refused', () => {
    const path = join(dir, 'users.json');
    writeFileSync(path, JSON.stringify({ users: [{ id: 'x', name: 'x' }] }));
    expect(() => UserDirectory.load(path)).toThrow(/needs a role/);
    writeFileSync(
      path,
      JSON.stringify({
        users: [
          { id: 'x', name: 'x', role: 'clerk' },
          { id: 'x', name: 'y', role: 'chair' },
        ],
      }),
    );
    expect(() => UserDirectory.load(path)).toThrow(/used twice/);
  });

  it('the first start’s users are development users, offered on the page', () => {
    const users = UserDirectory.load(join(dir, 'users.json'), () => undefined);
    expect(users.developmentUsers().map((u) => u.id)).toEqual([
      'dev-clerk',
      'dev-chair',
      'dev-adjuster',
      'dev-auditor',
      'dev-admin',
    ]);
  });
});
