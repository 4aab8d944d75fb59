import type { Request } from '@playwright/test';
import { type AuthenticatorOptions, expect, test } from './fixtures';
import type { PasskeyPlace } from './pages/passkey-place-choices';

/**
 * "Where should the passkey live?" / "Where is your passkey?": the choice becomes a WebAuthn
 * hint, and after signing in the account page says which kind of authenticator answered.
 * Each case registers with one virtual authenticator of that kind, then signs in with it.
 */
const cases: {
  place: PasskeyPlace;
  authenticator: AuthenticatorOptions;
  hint: string;
  transport: string;
  signedIn: string;
}[] = [
  // `hybrid` (like `cable`) reports transports ["ble","hybrid"] to the relying party.
  { place: 'A phone or tablet', authenticator: { transport: 'hybrid' }, hint: 'hybrid', transport: 'hybrid', signedIn: 'You signed in with a passkey on a phone or tablet (hybrid).' },
  { place: 'This device', authenticator: { transport: 'internal' }, hint: 'client-device', transport: 'internal', signedIn: 'You signed in with a passkey on this device.' },
  { place: 'A security key', authenticator: { transport: 'usb' }, hint: 'security-key', transport: 'usb', signedIn: 'You signed in with a passkey on a security key.' },
];

/** The `hint` the SPA sent with the next options request to this endpoint. */
function nextOptionsHint(request: Promise<Request>): Promise<unknown> {
  return request.then((r) => (r.postDataJSON() as { hint?: unknown }).hint);
}

for (const { place, authenticator: options, hint, transport, signedIn } of cases) {
  test.describe(`${place} (${options.transport} authenticator)`, () => {
    test.use({ authenticatorOptions: options });

    test(`register and sign in choosing "${place}"`, async ({ page, authenticators, authenticator, registerPage, signInPage, accountPage, autofill, rp, username }) => {
      await registerPage.open();
      await expect(registerPage.place.radio('Let my browser decide')).toBeChecked();
      await expect(registerPage.place.phoneExplanation).toHaveCount(0);
      await registerPage.place.choose(place);
      if (place === 'A phone or tablet') {
        // Said before the ceremony: the browser will show a QR code; Bluetooth must be on.
        await expect(registerPage.place.phoneExplanation).toBeVisible();
      }

      const registrationHint = nextOptionsHint(page.waitForRequest((r) => r.url().endsWith('/api/registration/options')));
      const added = authenticators.nextCredentialAdded(authenticator);
      await registerPage.createPasskey(username);
      expect(await registrationHint).toBe(hint);
      const passkey = await added;
      await expect(registerPage.passkeyReady).toBeVisible();

      const stored = await rp.credential(passkey.id);
      expect(stored?.transports).toContain(transport);

      await accountPage.open();
      await expect(accountPage.newPasskeyPlace.radio('Let my browser decide')).toBeChecked();
      if (place === 'A phone or tablet') {
        await expect(accountPage.passkey(stored!.nickname)).toContainText('a phone or tablet');
      }

      await rp.signOut();
      await autofill.withoutAutofill(() => signInPage.open());
      await expect(signInPage.place.radio('Let my browser decide')).toBeChecked();
      await signInPage.place.choose(place);
      if (place === 'A phone or tablet') await expect(signInPage.place.phoneExplanation).toBeVisible();

      const signInHint = nextOptionsHint(page.waitForRequest((r) => r.url().endsWith('/api/authentication/options')));
      const asserted = authenticators.nextCredentialAsserted(authenticator);
      await signInPage.signInWithPasskey();
      expect(await signInHint).toBe(hint);
      expect((await asserted).id).toBe(passkey.id);

      await expect(page).toHaveURL(/\/account$/);
      await expect(accountPage.signedInAs(username)).toBeVisible();
      await expect(accountPage.statusMessage(signedIn)).toBeVisible();
    });
  });
}
