import type { Page } from 'playwright-core';

/** The live screen's composer button for each step (apps/web/src/live/Composer.tsx). */
const TITLES: Record<string, string> = {
  'step-speakers': 'Talarlista',
  'step-motion': 'Yrkande',
  'step-support': 'Instämmer',
  'step-question': 'Proposition',
  'step-vote': 'Votering',
  'step-decision': 'Beslut',
  'step-reservation': 'Reservation',
  'step-note': 'Protokollsanteckning',
  'step-recusal': 'Jäv',
  'step-non-participation': 'Deltar inte i beslutet',
  'step-recipients': 'Beslutet skickas till',
  'step-attachments': 'Bilagor',
  'step-justify': 'Justering',
};

/** The live screen shows one step at a time: choose it in the composer, as a clerk taps it. */
export async function openStep(page: Page, testId: string): Promise<void> {
  await page.getByTestId('step-chooser').getByRole('button', { name: TITLES[testId], exact: true }).click();
  await page.getByTestId(testId).waitFor();
}

/** Act (click a step's button) and wait for the API to accept its POST (path matches `path`). */
export async function record(
  page: Page,
  act: () => Promise<void>,
  path: RegExp,
  options: { timeout?: number } = {},
): Promise<void> {
  const accepted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname),
    options,
  );
  await act();
  const res = await accepted;
  if (res.status() >= 300) throw new Error(`${res.url()}: ${res.status()} ${await res.text()}`);
}

/** Submit the form of the step `step` (its data-testid). */
export const submitStep = (page: Page, step: string) => () =>
  page.locator(`[data-testid=${step}] button[type=submit]`).click();

/** Wait until the extract beside the form shows `text` (it follows the record live). */
export const extractShows = (page: Page, text: string) =>
  page.getByTestId('extract').filter({ hasText: text }).waitFor();
