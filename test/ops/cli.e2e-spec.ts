/**
 * Command-line tools a person can trust: every script behind an npm script prints its usage
 * for --help and touches nothing; a rebuild refuses while another process holds the read models.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { FileLock } from '../../apps/api/src/infra/store-lock.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;
/** npm scripts that run a TypeScript file of scripts/ (the command-line tools and benchmarks). */
const tools = Object.entries(scripts)
  .map(([name, cmd]) => [name, /tsx (scripts\/[\w-]+\.ts)/.exec(cmd)?.[1]] as const)
  .filter((t): t is readonly [string, string] => t[1] !== undefined);

function run(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('command-line tools', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paragraf-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers every tool', () => {
    expect(tools.map(([name]) => name)).toEqual(
      expect.arrayContaining(['replay', 'projections:rebuild', 'bench:store', 'bench:http', 'bench:replay']),
    );
  });

  it.each(tools)('%s --help prints its usage and touches nothing', (_name, script) => {
    const data = join(dir, `help-${script.replace(/\W/g, '_')}`);
    const res = run(script, ['--help'], {
      PARAGRAF_SQLITE_PATH: join(data, 'events.db'),
      PARAGRAF_READ_MODEL_PATH: join(data, 'rm.db'),
    });
    expect({ status: res.status, stderr: res.stderr }).toEqual({ status: 0, stderr: '' });
    expect(res.stdout).toMatch(/^Usage:/m);
    expect(existsSync(data)).toBe(false);
  });

  it('projections:rebuild refuses while another process holds the read models, naming it', () => {
    const events = join(dir, 'events.db');
    const readModels = join(dir, 'rm.db');
    const env = { PARAGRAF_SQLITE_PATH: events, PARAGRAF_READ_MODEL_PATH: readModels };
    const lock = FileLock.acquire(readModels, 'Paragraf API, port 3000');
    try {
      const refused = run('scripts/projections-rebuild.ts', [], env);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`in use by process ${process.pid}`);
      expect(refused.stderr).toContain('Paragraf API, port 3000');
      expect(existsSync(readModels)).toBe(false);
    } finally {
      lock.release();
    }
    const done = run('scripts/projections-rebuild.ts', [], env);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('rebuilt to position');
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]); // released at the end
  });

  it('a lock left by a process that is gone is taken over', () => {
    const path = join(dir, 'stale.db');
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./apps/api/src/infra/store-lock.ts').then(({ FileLock }) => { FileLock.acquire(${JSON.stringify(path)}, 'killed'); process.kill(process.pid, 'SIGKILL'); })`,
      ],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(existsSync(`${path}.lock`)).toBe(true);
    FileLock.acquire(path, 'test').release();
  });
});
