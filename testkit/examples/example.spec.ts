/**
 * The QA kit against a relying party that is not the Passkey Lab (relying-party.ts: node:http,
 * @simplewebauthn/server, one page). Uses only the kit's public exports, as a QA team would: the
 * `simulator` fixture (any browser), and at the end the CDP `virtualAuthenticator` (Chromium only).
 */
import type { Locator, Page } from '@playwright/test';
import { createSimulatorCa, expect, installSimulatorInContext, presets, test as kit, testProcessRootCertificate, toBase64url } from '../index';
import { type ExampleRelyingParty, startExampleRelyingParty } from './relying-party';

const test = kit.extend<object, { site: ExampleRelyingParty }>({
  // One site per worker; it trusts this test process's simulator root, as you would configure yours.
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const site = await startExampleRelyingParty();
      site.trust(await testProcessRootCertificate());
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ site }, use) => use(site.origin),
});

class ExamplePage {
  readonly username: Locator;
  readonly askForAttestation: Locator;
  readonly registerButton: Locator;
  readonly signInButton: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByRole('textbox', { name: 'Username' });
    this.askForAttestation = page.getByRole('checkbox', { name: 'Ask for attestation' });
    this.registerButton = page.getByRole('button', { name: 'Register a passkey' });
    this.signInButton = page.getByRole('button', { name: 'Sign in with a passkey' });
    this.status = page.getByRole('status');
  }

  async open() {
    await this.page.goto('/');
  }

  async register(username: string, { attestation = false } = {}) {
    await this.username.fill(username);
    await this.askForAttestation.setChecked(attestation);
    await this.registerButton.click();
  }
}

test('a YubiKey registers with attestation the site verifies against the kit’s root, then signs in', async ({ page, simulator }) => {
  await simulator.use('yubikey-5');
  const site = new ExamplePage(page);
  await site.open();
  await site.register('ana', { attestation: true });
  await expect(site.status).toHaveText('Registered ana: attestation packed, singleDevice.');
  expect(simulator.credentials()).toEqual([
    expect.objectContaining({ rpId: 'localhost', aaguid: presets['yubikey-5'].aaguid, signCount: 0, backupEligible: false, backupState: false }),
  ]);

  await site.signInButton.click();
  await expect(site.status).toHaveText('Signed in as ana.');
  expect(simulator.credentials()[0]?.signCount).toBe(1);
});

test('a site that does not trust the root refuses the attestation', async ({ browser, site }) => {
  // Another CA than the one the site trusts: its chain ends nowhere the site knows.
  const context = await browser.newContext({ baseURL: site.origin });
  await installSimulatorInContext(context, { device: 'yubikey-5', issuer: await createSimulatorCa() });
  const other = new ExamplePage(await context.newPage());
  await other.open();
  await other.register('stranger', { attestation: true });
  await expect(other.status).toContainText('Registration failed');
  await expect(other.status).toContainText('trust anchor');
  await context.close();
});

test('autofill: nothing happens until the person picks the passkey from the list', async ({ page, simulator }) => {
  await simulator.use('icloud-keychain');
  const site = new ExamplePage(page);
  await site.open();
  // A synced provider never attests, whatever the site asks for.
  await site.register('bea', { attestation: true });
  await expect(site.status).toHaveText('Registered bea: attestation none, multiDevice.');
  const [passkey] = simulator.credentials();
  expect(passkey).toMatchObject({ aaguid: presets['icloud-keychain'].aaguid, backupEligible: true, backupState: true });

  await page.reload();
  const request = await simulator.nextPrompt({ kind: 'autofill' });
  expect(request).toMatchObject({ ceremony: 'get', mediation: 'conditional', rpId: 'localhost', candidates: [{ id: passkey!.id, userName: 'bea' }] });
  await expect(site.status).toBeEmpty();

  await simulator.pick(passkey!.id);
  await expect(site.status).toHaveText('Signed in as bea.');
  // Synced passkeys keep their counter at 0.
  expect(simulator.credentials()[0]?.signCount).toBe(0);
});

test('the person cancels, or the device fails: the site hears NotAllowedError', async ({ page, simulator }) => {
  const site = new ExamplePage(page);
  await site.open();
  simulator.failNext('NotAllowedError');
  await site.register('cai');
  await expect(site.status).toContainText('Registration failed: NotAllowedError');

  simulator.approveAutomatically(false);
  await site.register('cai');
  expect(await simulator.nextPrompt()).toMatchObject({ ceremony: 'create', mediation: 'optional', rpId: 'localhost' });
  await simulator.cancel();
  await expect(site.status).toContainText('Registration failed: NotAllowedError');

  await site.register('cai');
  await simulator.approve();
  await expect(site.status).toHaveText('Registered cai: attestation none, singleDevice.');
  expect(simulator.credentials()).toHaveLength(1);
});

test('passkeys carry to the context’s other pages, and to another context by export and seed', async ({ page, context, browser, site, simulator }) => {
  await simulator.use('windows-hello-hardware');
  const first = new ExamplePage(page);
  await first.open();
  await first.register('dan');
  await expect(first.status).toContainText('Registered dan');

  const second = new ExamplePage(await context.newPage());
  await second.open();
  await second.signInButton.click();
  await expect(second.status).toHaveText('Signed in as dan.');

  const elsewhere = await browser.newContext({ baseURL: site.origin });
  const device = await installSimulatorInContext(elsewhere, { device: 'windows-hello-hardware', passkeys: simulator.export() });
  const third = new ExamplePage(await elsewhere.newPage());
  await third.open();
  await third.signInButton.click();
  await expect(third.status).toHaveText('Signed in as dan.');
  expect(device.credentials()[0]?.signCount).toBe(2);
  await elsewhere.close();
});

// Chromium only: the CDP virtual authenticator, for what only Chromium's own WebAuthn stack shows
// (its events, the resident keys it stores, a UV toggle). Skipped in other browsers.
test('Chromium’s own virtual authenticator: the credentialAdded event, its stored resident key, UV off and on', async ({
  page,
  virtualAuthenticator,
  virtualAuthenticators,
}) => {
  const site = new ExamplePage(page);
  await site.open();
  const added = virtualAuthenticators.nextCredentialAdded(virtualAuthenticator);
  await site.register('eve');
  await expect(site.status).toHaveText('Registered eve: attestation none, singleDevice.');
  const passkey = await added;
  expect(passkey).toMatchObject({ isResidentCredential: true, rpId: 'localhost', userName: 'eve' });
  expect(passkey.id).toBe(toBase64url(passkey.credentialId));
  expect((await virtualAuthenticator.credentials()).map(({ id }) => id)).toEqual([passkey.id]);

  // The site requires user verification: with the PIN or biometric failing, Chromium refuses.
  await virtualAuthenticator.setUserVerified(false);
  await site.signInButton.click();
  await expect(site.status).toContainText('Sign-in failed: NotAllowedError');

  await virtualAuthenticator.setUserVerified(true);
  const asserted = virtualAuthenticators.nextCredentialAsserted(virtualAuthenticator);
  await site.signInButton.click();
  await expect(site.status).toHaveText('Signed in as eve.');
  expect((await asserted).id).toBe(passkey.id);
  expect((await virtualAuthenticator.credential(passkey.id))?.signCount).toBe(passkey.signCount + 1);
});

