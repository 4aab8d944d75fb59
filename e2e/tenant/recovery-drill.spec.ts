/**
 * The recovery drill, "I lost my phone" (docs/entra-2026.md; docs/api.md, "Recovery: a person's
 * passkeys"): the admin finds the person on /admin/recovery, removes the lost passkey (it stops
 * at once, and the session it signed in ends), issues a one-time Temporary Access Pass; the
 * person signs in with it and enrols a new passkey; the account page then tells the passkey
 * provider (Signal API) which passkeys still count, so a provider still holding the old one can
 * hide it.
 */
import { expect, test } from './fixtures';

test('I lost my phone: remove the passkey, issue a pass, enrol a new passkey, signal the others', async ({
  page,
  admin,
  passkeyUser,
  signInPage,
  accountPage,
  authenticators,
  authenticator,
  signals,
  rp,
}) => {
  const { username, nickname, passkey: lost } = passkeyUser;
  expect(await rp.session()).toMatchObject({ user: { username } });

  // The admin finds the person on the users page and follows "Lost a device?".
  const drill = admin.page;
  await drill.goto('/admin');
  await drill.getByRole('link', { name: `Lost a device: recovery drill for ${username}` }).click();
  await expect(drill).toHaveURL(/\/admin\/recovery\?username=/);
  await expect(drill.getByRole('heading', { level: 1 })).toContainText('I lost my phone');
  await expect(drill.getByRole('heading', { name: 'The steps, for helpdesk staff' })).toBeVisible();
  await expect(drill.getByRole('textbox', { name: 'Username' })).toHaveValue(username);
  await drill.getByRole('button', { name: `Remove the passkey ${nickname}` }).click();
  await expect(drill.getByRole('status').filter({ hasText: `Removed the passkey “${nickname}”` })).toBeVisible();
  await expect(drill.getByText(`${username} has no passkey left.`)).toBeVisible();

  // It stopped at once: the session it signed in is over, and the log says who removed what.
  expect(await rp.session()).toBeNull();
  expect(await admin.api.signInLog({ username, result: 'removed_by_admin' })).toEqual([
    expect.objectContaining({ ceremony: 'registration', credentialId: lost.id }),
  ]);

  await drill.getByRole('button', { name: `Issue a one-time pass for ${username}` }).click();
  const code = (await drill.locator('.tap-code').textContent())?.trim() ?? '';
  expect(code).not.toBe('');

  // The person, on a new phone (here: the same browser, whose provider still holds the old passkey).
  await signals.record();
  await page.goto('/sign-in?with=temporary-access-pass');
  await signInPage.signInWithTemporaryAccessPass(username, code);
  await expect(page).toHaveURL(/\/account$/);
  const added = authenticators.nextCredentialAdded(authenticator);
  await accountPage.createFirstPasskey();
  const fresh = await added;
  await expect(accountPage.passkeys).toHaveCount(1);

  // The Signal API: only the new passkey is accepted for this account.
  await expect
    .poll(async () => (await signals.calls('signalAllAcceptedCredentials')).at(-1))
    .toMatchObject({ rpId: 'localhost', allAcceptedCredentialIds: [fresh.id] });
  expect((await rp.credentials()).map((credential) => credential.id)).toEqual([fresh.id]);
});
