/**
 * Practice mode with the default policy (no attestation asked): the simulated device answers
 * attestation "none" as browsers do, so only practice mode's claim (`device.simulated` on the
 * verify request) tells the lab. The registration result and the account page still say the
 * passkey is simulated, and that nothing attested it.
 */
import { expect, test } from './fixtures';
import { AccountPage } from './pages/account-page';
import { PracticeMode } from './pages/practice-mode';
import { RegisterPage } from './pages/register-page';

const AUTHENTICATOR_IPHONE = 'Microsoft Authenticator on iPhone';
const CLAIM_LABEL = 'Simulated device: not attested';

test('a passkey made in practice mode under the default policy is labelled simulated, not attested', async ({ page, username }) => {
  const practice = new PracticeMode(page);
  const register = new RegisterPage(page);
  await register.open();
  await practice.use(AUTHENTICATOR_IPHONE);
  const verify = page.waitForRequest((request) => request.url().endsWith('/api/registration/verify'));
  await register.createPasskey(username);
  await practice.approve(AUTHENTICATOR_IPHONE);
  await expect(register.passkeyReady).toBeVisible();
  expect((await verify).postDataJSON()).toMatchObject({ device: { simulated: true, preset: 'microsoft-authenticator-ios' } });

  await expect(register.result).toContainText('is kept by Microsoft Authenticator (iOS) (simulated)');
  await expect(register.result).toContainText(CLAIM_LABEL);

  const account = new AccountPage(page);
  await account.open();
  await expect(account.passkeys.first()).toContainText('Microsoft Authenticator (iOS) (simulated)');
  await expect(account.passkeys.first()).toContainText(CLAIM_LABEL);
  await expect(account.passkeys.first()).not.toContainText('Not proven');
});
