/**
 * The lab's core flow (register → sign out → sign in) with Playwright's own virtual
 * authenticator, `browserContext.credentials` (Playwright 1.61+), instead of the CDP one the other
 * specs use: QA teams reach for it first, so the lab keeps working with it. It reports an all-zero
 * AAGUID, no backup flags and attestation `none`, and answers an autofill request at once; for
 * devices with real AAGUIDs, attestation and autofill picking, see the QA kit (testkit/README.md).
 */
import { expect, test } from '@playwright/test';
import { PasskeyAutofill } from './fixtures/passkey-autofill';
import { AccountPage } from './pages/account-page';
import { RegisterPage } from './pages/register-page';
import { SignInPage } from './pages/sign-in-page';

test('register, sign out and sign in with Playwright’s built-in context.credentials', async ({ browser, baseURL }, testInfo) => {
  const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}) });
  // Before the first page: from here on every page of the context meets Playwright's authenticator.
  await context.credentials.install();
  const page = await context.newPage();
  // Its autofill answer comes at once (mediation is ignored), so /sign-in would sign the person in
  // by itself right after signing out; here the browser reports no autofill, to test the buttons.
  await new PasskeyAutofill(page).disable();
  const username = `builtin-${testInfo.workerIndex}-${Date.now().toString(36)}`;
  const registerPage = new RegisterPage(page);
  const accountPage = new AccountPage(page);
  const signInPage = new SignInPage(page);

  await registerPage.open();
  await registerPage.createPasskey(username);
  await expect(registerPage.passkeyReady).toBeVisible();
  const [credential] = await context.credentials.get({ rpId: 'localhost' });
  expect(credential).toMatchObject({ rpId: 'localhost', signCount: 0 });

  await accountPage.open();
  await expect(accountPage.passkeys).toHaveCount(1);
  await accountPage.signOut();
  await expect.poll(async () => (await page.request.get('/api/session')).status()).toBe(401);

  await signInPage.open();
  await signInPage.signInAs(username);
  await expect(page).toHaveURL(/\/account$/);
  await expect(accountPage.signedInAs(username)).toBeVisible();
  expect((await context.credentials.get({ id: credential!.id }))[0]?.signCount).toBe(1);
  await context.close();
});
