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
