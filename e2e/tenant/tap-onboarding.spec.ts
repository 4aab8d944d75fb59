/**
 * A Temporary Access Pass onboards someone who has no passkey yet (docs/api.md, "Temporary
 * Access Pass"): the admin issues it, the person signs in with it at /sign-in, lands on /account
 * and creates a passkey there. One-time passes cannot be used twice; wrong codes and guessing
 * are refused with their own messages.
 */
import { expect, test } from './fixtures';

test('a new person signs in with a pass from the admin and creates their first passkey', async ({
  page,
  admin,
  signInPage,
  accountPage,
  authenticator,
  authenticators,
  username,
  rp,
}) => {
  const issued = await admin.api.issueTap(username, { isUsableOnce: true });
  expect(issued.userCreated).toBe(true);

  await signInPage.open();
  await signInPage.useTemporaryAccessPassButton.click();
  // The pass form replaces the passkey forms: one "Username" on the page, the pass form's.
  await expect(signInPage.username).toHaveCount(1);
  await expect(signInPage.temporaryAccessPassUsername).toBeFocused();
  await expect(signInPage.signInWithPasskeyButton).toBeHidden();
  await signInPage.signInWithTemporaryAccessPass(username, issued.temporaryAccessPass);

  await expect(page).toHaveURL(/\/account$/);
  expect(await rp.session()).toMatchObject({ method: 'temporaryAccessPass', userVerified: false, user: { username } });
  await expect(accountPage.passkeySetup).toHaveAccessibleName('Create your passkey');
  await expect(accountPage.passkeySetup).toContainText('You signed in with a Temporary Access Pass');
  // Conditional create is rejected under the virtual authenticator: the card falls back to the prompt and says so.
  await expect(accountPage.passkeySetup.getByRole('status')).toHaveText('Your browser did not create one automatically; you can create one now.');

  const added = authenticators.nextCredentialAdded(authenticator);
  await accountPage.createFirstPasskey();
  const passkey = await added;
  await expect(accountPage.statusMessage('you no longer need the Temporary Access Pass')).toBeVisible();
  await expect(accountPage.passkeySetup).toBeHidden();
  await expect(accountPage.passkeys).toHaveCount(1);
  const [stored, ...others] = await rp.credentials();
  expect(others).toEqual([]);
  expect(stored?.id).toBe(passkey.id);
  expect(stored?.attested).toBe(false);
  // Its provider name is only the authenticator's claim, and the page says so.
  await expect(accountPage.unprovenNote(stored?.nickname ?? '')).toContainText('“Chromium virtual authenticator”');
});

test('a spent one-time pass and a wrong pass are refused, each with its message', async ({ page, admin, signInPage, username, rp }) => {
  const issued = await admin.api.issueTap(username, { isUsableOnce: true });
  // Used once already (through the API), then signed out.
  const used = await page.request.post('/api/authentication/temporary-access-pass', { data: { username, code: issued.temporaryAccessPass } });
  expect(used.status()).toBe(200);
  await rp.signOut();

  await page.goto('/sign-in?with=temporary-access-pass');
  await signInPage.signInWithTemporaryAccessPass(username, issued.temporaryAccessPass);
  await expect(signInPage.error).toContainText('This Temporary Access Pass was already used');
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await rp.session()).toBeNull();

  await signInPage.temporaryAccessPass.fill('NotThePass42');
  await signInPage.signInWithPassButton.click();
  await expect(signInPage.error).toContainText('That username and Temporary Access Pass do not go together');
  expect(await rp.session()).toBeNull();

  const log = await admin.api.signInLog({ username, ceremony: 'temporaryAccessPass' });
  expect(log.map((entry) => entry.result)).toEqual(['tap_invalid', 'tap_used', 'success']);
});

test('the pass form checks its fields and gives the passkey forms back', async ({ page, signInPage, rp }) => {
  await page.goto('/sign-in?with=temporary-access-pass');
  await signInPage.signInWithPassButton.click();
  await expect(signInPage.temporaryAccessPassUsername).toHaveAccessibleDescription('Enter a username.');
  await signInPage.temporaryAccessPassUsername.fill('someone');
  await signInPage.signInWithPassButton.click();
  await expect(signInPage.temporaryAccessPass).toBeFocused();
  await expect(signInPage.temporaryAccessPass).toHaveAccessibleDescription(/Enter the Temporary Access Pass your admin gave you\./);
  expect(await rp.session()).toBeNull();

  await signInPage.backToPasskeySignInButton.click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(signInPage.temporaryAccessPassForm).toBeHidden();
  await expect(signInPage.username).toHaveAttribute('autocomplete', 'username webauthn');
  await expect(signInPage.useTemporaryAccessPassButton).toBeFocused();
});

test('after 5 wrong passes the username is locked for a while, even with the right one', async ({ page, admin, signInPage, username, rp }) => {
  const issued = await admin.api.issueTap(username);
  await page.goto('/sign-in?with=temporary-access-pass');
  await signInPage.temporaryAccessPassUsername.fill(username);
  const answer = () => page.waitForResponse((response) => response.url().endsWith('/api/authentication/temporary-access-pass'));
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signInPage.temporaryAccessPass.fill(`wrong-${attempt}`);
    const answered = answer();
    await signInPage.signInWithPassButton.click();
    expect((await answered).status()).toBe(401);
    await expect(signInPage.error).toContainText('do not go together');
  }
  await signInPage.temporaryAccessPass.fill(issued.temporaryAccessPass);
  const answered = answer();
  await signInPage.signInWithPassButton.click();
  expect((await answered).status()).toBe(429);
  await expect(signInPage.error).toContainText('Wait 15 minutes and try again, or ask your admin for a new pass.');
  expect(await rp.session()).toBeNull();
});
