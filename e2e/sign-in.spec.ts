import { expect, test } from './fixtures';

test.describe('with a registered passkey', () => {
  // Each test registers its own user, signs out through the API, then signs in one way.
  test.beforeEach(async ({ passkeyUser, rp }) => {
    expect(passkeyUser.passkey.isResidentCredential).toBe(true);
    await rp.signOut();
  });

  test('sign in without a username ("Sign in with a passkey")', async ({ page, passkeyUser, authenticators, authenticator, autofill, signInPage, accountPage, rp }) => {
    const before = (await authenticator.credential(passkeyUser.passkey.id))!.signCount;
    // Autofill would sign in by itself on load: open the page with it out of the way.
    await autofill.withoutAutofill(() => signInPage.open());
    await expect(page).toHaveURL(/\/sign-in$/);

    const asserted = authenticators.nextCredentialAsserted(authenticator);
    await signInPage.signInWithPasskey();
    expect((await asserted).id).toBe(passkeyUser.passkey.id);

    await expect(page).toHaveURL(/\/account$/);
    await expect(accountPage.signedInAs(passkeyUser.username)).toBeVisible();
    const after = await authenticator.credential(passkeyUser.passkey.id);
    expect(after!.signCount).toBeGreaterThan(before);
    expect((await rp.session())?.user.username).toBe(passkeyUser.username);
    // The relying party recorded the use and the authenticator's new counter.
    expect(await rp.credential(passkeyUser.passkey.id)).toMatchObject({ signCount: after!.signCount, lastUsedAt: expect.any(String) });
  });

  test('sign in with the username first ("Continue")', async ({ page, passkeyUser, authenticators, authenticator, autofill, signInPage, accountPage, rp }) => {
    const before = (await authenticator.credential(passkeyUser.passkey.id))!.signCount;
    await autofill.withoutAutofill(() => signInPage.open());

    const asserted = authenticators.nextCredentialAsserted(authenticator);
    await signInPage.signInAs(passkeyUser.username);
    expect((await asserted).id).toBe(passkeyUser.passkey.id);

    await expect(page).toHaveURL(/\/account$/);
    await expect(accountPage.signedInAs(passkeyUser.username)).toBeVisible();
    expect((await authenticator.credential(passkeyUser.passkey.id))!.signCount).toBeGreaterThan(before);
    expect((await rp.session())?.user.username).toBe(passkeyUser.username);
  });

  test('sign in through passkey autofill on /sign-in', async ({ page, passkeyUser, authenticators, authenticator, signInPage, accountPage, rp }) => {
    const before = (await authenticator.credential(passkeyUser.passkey.id))!.signCount;
    const asserted = authenticators.nextCredentialAsserted(authenticator);
    // Headless conditional mediation picks the only passkey at once, without a dropdown.
    await signInPage.open();
    expect((await asserted).id).toBe(passkeyUser.passkey.id);

    await expect(page).toHaveURL(/\/account$/);
    await expect(accountPage.signedInAs(passkeyUser.username)).toBeVisible();
    expect((await authenticator.credential(passkeyUser.passkey.id))!.signCount).toBeGreaterThan(before);
    expect((await rp.session())?.user.username).toBe(passkeyUser.username);
  });
});

test('without a passkey, /sign-in waits quietly: no error, no autofill retry loop', async ({ page, signInPage }) => {
  // Chromium's virtual authenticator rejects an autofill request at once when it holds no
  // passkey (a real browser keeps it pending). Nobody did anything yet: nothing to report, and
  // no new request after request. One second is plenty: a retry loop makes dozens.
  let optionsRequests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/authentication/options')) optionsRequests += 1;
  });
  await signInPage.open();
  await expect(signInPage.signInWithPasskeyButton).toBeVisible();
  await page.waitForTimeout(1_000);

  await expect(signInPage.error).toHaveCount(0);
  expect(optionsRequests).toBeLessThanOrEqual(2);
});
