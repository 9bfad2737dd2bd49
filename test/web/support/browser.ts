import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from '@jest/globals';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PARAGRAF_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Browser suites run when Debian's chromium is there. Without it they are skipped, loudly,
 * on a developer machine; in CI (`CI` set) they run anyway and fail at launch, so a missing
 * browser never passes unnoticed.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  if (!existsSync(CHROMIUM) && !process.env.CI) {
    process.stdout.write(
      `\nSKIPPED browser tests "${name}": ${CHROMIUM} is missing (apt-get install chromium). ` +
        'They did not run and did not pass.\n',
    );
    describe.skip(name, fn);
    return;
  }
  describe(name, fn);
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Debian's chromium, headless, with a fresh profile and no calls home (this network is closed). */
export async function openBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'paragraf-chromium-'));
  // A persistent context is how Playwright takes our own --user-data-dir: a fresh, empty one.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1500, height: 1000 },
    locale: 'sv-SE',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Generous: CI runs the browser beside two CPU-bound processes, and a step that waits for the
  // API, the read models and a re-render can take well over 10 s there. A wait ends at its condition.
  page.setDefaultTimeout(60_000);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
