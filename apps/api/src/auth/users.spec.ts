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
    expect(() => UserDirectory.load(path)).toThrow(/PARAGRAF_USERS_FILE.*role/);
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
