import { expect, test } from './fixtures';

test('/capabilities lists what this browser can do, in a table', async ({ capabilitiesPage }) => {
  await capabilitiesPage.open();
  await expect(capabilitiesPage.heading).toBeVisible();
  await expect(capabilitiesPage.table).toBeVisible();
  expect(await capabilitiesPage.rows.count()).toBeGreaterThan(5);
  // This Chromium has the Signal API (signals.spec.ts relies on it) and WebAuthn itself.
  await expect(capabilitiesPage.answer('webAuthn')).toHaveText('Yes');
  await expect(capabilitiesPage.answer('signalUnknownCredential')).toHaveText('Yes');
});
