import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The newest modification time under `dir` (files only). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The browser tests serve the built web app. Build it here, once per run, before any worker
 * starts: two workers building it at once would write over each other, and a build older than
 * its sources tests yesterday's page.
 */
function buildWebIfStale() {
  const dist = resolve(process.env.PARAGRAF_WEB_DIST || join(process.cwd(), 'apps', 'web', 'dist'));
  const index = join(dist, 'index.html');
  const web = join(process.cwd(), 'apps', 'web');
  const sources = Math.max(newest(join(web, 'src')), statSync(join(web, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

export default function globalSetup() {
  // Printed once per run, before the results: Jest hides console output of skipped test files,
  // and a skipped run must never pass for a passed one.
  if (!process.env.EVENTSTORE_CONNECTION_STRING) {
    process.stdout.write(
      '\nEventStoreDB contract suite SKIPPED: EVENTSTORE_CONNECTION_STRING is not set ' +
        '(see README, "EventStoreDB").\n\n',
    );
  }
  buildWebIfStale();
}
