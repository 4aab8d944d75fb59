/**
 * Passkeys the QA kit's `simulator` fixture (testkit/) makes in the lab under the default policy
 * (attestation `none`: nothing attests the device) are labelled simulated all the same. The kit's
 * simulator marks the window with the device's preset (`Symbol.for('passkey-lab.simulated-device')`,
 * testkit/browser/simulated-device-marker.ts) and the SPA sends its claim `device: { simulated:
 * true, preset }` with the verify request (docs/api.md, "Simulated devices"), as in practice mode.
 */
import { mergeTests } from '@playwright/test';
import { presets, test as kit } from '../testkit';
import { expect, test as lab } from './fixtures';

const test = mergeTests(lab, kit);

const CLAIM_LABEL = 'Simulated device: not attested';

test('a passkey the QA kit’s simulator makes under attestation none is labelled simulated: result, report and account page', async ({
  page,
  simulator,
  registerPage,
  accountPage,
  rp,
  username,
}) => {
  simulator.use('windows-hello-hardware');
  await registerPage.open();
  const verify = page.waitForRequest((request) => request.url().endsWith('/api/registration/verify'));
  await registerPage.createPasskey(username);
  await expect(registerPage.passkeyReady).toBeVisible();
  expect((await verify).postDataJSON()).toMatchObject({ device: { simulated: true, preset: 'windows-hello-hardware' } });
  expect(simulator.credentials()).toEqual([expect.objectContaining({ userName: username, aaguid: presets['windows-hello-hardware'].aaguid })]);

  // The result and its ceremony report ("Show what happened" → "What came back": the attestation).
  await expect(registerPage.result).toContainText(`is kept by ${presets['windows-hello-hardware'].providerName} (simulated)`);
  await expect(registerPage.result).toContainText(CLAIM_LABEL);
  await registerPage.ceremonyPanel.open();
  await registerPage.ceremonyPanel.showWhatCameBack();
  await expect(registerPage.ceremonyPanel.cameBack).toContainText(CLAIM_LABEL);

  await accountPage.open();
  const windowsHello = accountPage.passkeys.first();
  await expect(windowsHello).toContainText(`${presets['windows-hello-hardware'].providerName} (simulated)`);
  await expect(windowsHello).toContainText(CLAIM_LABEL);
  await expect(windowsHello).not.toContainText('Not proven');

  // The device simulator.use() switches to is the one the next claim names.
  simulator.use('yubikey-5');
  const secondVerify = page.waitForRequest((request) => request.url().endsWith('/api/registration/verify'));
  await accountPage.addPasskey('A security key');
  expect((await secondVerify).postDataJSON()).toMatchObject({ device: { simulated: true, preset: 'yubikey-5' } });
  await expect(accountPage.passkeys).toHaveCount(2);
  await expect(accountPage.passkeys.filter({ hasText: `${presets['yubikey-5'].providerName} (simulated)` })).toContainText(CLAIM_LABEL);

  const stored = await rp.credentials();
  expect(stored).toHaveLength(2);
  for (const credential of stored) expect(credential).toMatchObject({ simulated: true, simulatedBy: 'claim', attested: false });
});
