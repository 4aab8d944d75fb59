/**
 * The demo "sensitive app" behind conditional access (docs/api.md, "Conditional access"): a
 * session that started with a Temporary Access Pass, or with the lab's hand-off, is asked to
 * step up with a passkey, in words chosen by the relying party's `error.reason`; a
 * rule that pins providers (AAGUIDs) refuses a passkey from any other one, and says so.
 */
import { MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../src/shared/policy';
import { SensitiveAppPage } from '../pages/sensitive-app-page';
import { expect, test } from './fixtures';

test('a Temporary Access Pass is not enough, and without a passkey the app leads to creating one', async ({
  page,
  admin,
  signInPage,
  accountPage,
  authenticator,
  authenticators,
  username,
}) => {
  const app = new SensitiveAppPage(page);
  const { temporaryAccessPass } = await admin.api.issueTap(username);
  await page.goto('/sign-in?with=temporary-access-pass');
  await signInPage.signInWithTemporaryAccessPass(username, temporaryAccessPass);
  await expect(page).toHaveURL(/\/account$/);

  await app.open();
  await expect(app.stepUp).toContainText('You signed in with a Temporary Access Pass');
  await expect(app.stepUp).toContainText('not phishing-resistant');
  expect(await (await page.request.get('/api/apps/sensitive')).json()).toMatchObject({ error: { code: 'step_up_required', reason: 'temporaryAccessPass' } });
  // No passkey yet: nothing to verify with, so the page sends the person to create one.
  await expect(app.verifyButton).toBeHidden();
  await app.createPasskeyLink.click();

  await expect(page).toHaveURL(/\/account$/);
  const added = authenticators.nextCredentialAdded(authenticator);
  await accountPage.createFirstPasskey();
  await added;
  await page.getByRole('link', { name: 'Continue to the page you were going to' }).click();
  // Back in the app, still with the pass's session: now it offers to verify with the new passkey.
  await expect(page).toHaveURL(/\/apps\/sensitive$/);
  await expect(app.verifyButton).toBeVisible();
});

test('"Verify with a passkey" steps a pass session up, and the app lets the person in', async ({ page, admin, passkeyUser, authenticator, authenticators, rp }) => {
  const app = new SensitiveAppPage(page);
  // The person has a passkey but signed in with a pass this time (through the API: the UI path is tested above).
  const { temporaryAccessPass } = await admin.api.issueTap(passkeyUser.username);
  await rp.signOut();
  const signedIn = await page.request.post('/api/authentication/temporary-access-pass', { data: { username: passkeyUser.username, code: temporaryAccessPass } });
  expect(signedIn.status()).toBe(200);

  await app.open();
  await expect(app.stepUp).toContainText('You signed in with a Temporary Access Pass');
  const asserted = authenticators.nextCredentialAsserted(authenticator);
  await app.verifyWithPasskey();
  expect((await asserted).id).toBe(passkeyUser.passkey.id);

  await expect(app.letIn).toHaveText('Verified with your passkey. You are in.');
  await expect(app.stepUp).toBeHidden();
  await expect(app.fact('Signed in as')).toHaveText(`${passkeyUser.username} (${passkeyUser.displayName})`);
  await expect(app.fact('Signed in with')).toHaveText('a passkey, unlocked with your PIN, fingerprint or face');
  await expect(app.fact('Passkey provider')).toHaveText('Chromium virtual authenticator');
  await expect(app.whyLetIn).toContainText('you signed in with a passkey that verified you');
  expect(await rp.session()).toMatchObject({ method: 'passkey', userVerified: true, user: { username: passkeyUser.username } });
});

test('a hand-off sign-in is asked to step up because it was a hand-off, not because of its provider', async ({ page, passkeyUser, otherBrowser: computer }) => {
  // The passkey and its session are in `page` (the phone here); `computer` signs in through the
  // lab's hand-off, driven through the API (the pages of the hand-off are tested in handoff.spec.ts).
  const created = await computer.page.request.post('/api/handoffs', { data: { purpose: 'sign-in' } });
  expect(created.status()).toBe(201);
  const { id } = ((await created.json()) as { handoff: { id: string } }).handoff;
  expect((await page.request.post(`/api/handoffs/${id}/approve`, { headers: { 'content-length': '0' } })).status()).toBe(200);
  expect(await computer.rp.claimHandoff(id)).toBeNull();
  expect(await computer.rp.session()).toMatchObject({ method: 'handoff', userVerified: true, user: { username: passkeyUser.username } });

  const app = new SensitiveAppPage(computer.page);
  await app.open();
  await expect(app.stepUp).toContainText('You signed in from your phone through the lab’s hand-off');
  await expect(app.stepUp).toContainText('does not count as phishing-resistant');
  await expect(app.stepUp).not.toContainText('providers your admin chose');
});

test('a rule that accepts only Microsoft Authenticator refuses a passkey from another provider', async ({
  page,
  admin,
  passkeyUser,
  authenticator,
  authenticators,
}) => {
  const app = new SensitiveAppPage(page);
  await admin.api.setConditionalAccess({ allowedAaguids: Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS) });

  // Signed in with a passkey (registering signs in), but from the wrong provider.
  await app.open();
  await expect(app.stepUp).toContainText('this app accepts only passkeys from the providers your admin chose');

  const asserted = authenticators.nextCredentialAsserted(authenticator);
  await app.verifyWithPasskey();
  expect((await asserted).id).toBe(passkeyUser.passkey.id);
  // The passkey verified, and the page names it as the reason it is still not enough.
  await expect(app.stepUp).toContainText(
    'You verified with a passkey from Chromium virtual authenticator, but this app accepts only passkeys from the providers your admin chose',
  );
  await expect(app.error).toHaveText(/Your passkey from Chromium virtual authenticator verified you, but this app does not accept passkeys from that provider\./);
  await expect(app.letIn).toBeHidden();
  expect((await page.request.get('/api/apps/sensitive')).status()).toBe(403);

  // Without the pin, the same session is let in.
  await admin.api.setConditionalAccess({ allowedAaguids: [] });
  await app.open();
  await expect(app.letIn).toHaveText('You are in.');
});

test('signed out, the app asks to sign in and come back', async ({ page }) => {
  const app = new SensitiveAppPage(page);
  await app.open();
  await expect(app.signInLink).toHaveAttribute('href', '/sign-in?redirect=%2Fapps%2Fsensitive');
});

test('the nav shows "Sensitive app" to everyone and "Admin" to the tenant admin only', async ({ page, admin, passkeyUser, accountPage }) => {
  const nav = (p: typeof page) => p.getByRole('navigation', { name: 'Main' });
  await accountPage.open();
  await expect(accountPage.signedInAs(passkeyUser.username)).toBeVisible(); // the session is known
  await expect(nav(page).getByRole('link', { name: 'Sensitive app', exact: true })).toHaveAttribute('href', '/apps/sensitive');
  await expect(nav(page).getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);

  await admin.page.goto('/account');
  await expect(nav(admin.page).getByRole('link', { name: 'Admin', exact: true })).toHaveAttribute('href', '/admin');
});
