import { SESSION_COOKIE } from '../src/rp/http/session-cookie';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID } from '../src/shared/policy';
import { allPassed, authenticationChecks, type CheckId, checkLine, expect, registrationChecks, test } from './fixtures';

/** The relying party's error body for a refused verify call (docs/api.md, "Ceremony report"). */
interface RefusedVerify {
  error: { code: string };
  report: { ceremony: string; checks: { id: CheckId; passed: boolean; code?: string }[] };
}

test.describe('after registering through /register', () => {
  // Both look at the registration's own result on /register: passkeyUser goes through the UI.
  test.use({ passkeyUserVia: 'ui' });

  test('the inspector lists every check, in order, after a registration and a sign-in', async ({ page, passkeyUser, registerPage, authenticators, authenticator, autofill, signInPage, accountPage, inspectorPage, rp }) => {
    // The registration (passkeyUser registered through /register): the panel is in its result.
    const registration = registerPage.ceremonyPanel;
    await expect(registration.summary).toBeVisible();
    await registration.open();
    await expect(registration.outcome).toHaveText(`Registration accepted: all ${registrationChecks.length} checks passed.`);
    await expect(registration.checks).toHaveText(allPassed(registrationChecks));
    await registration.showServerAsked();
    await expect(registration.serverAsked).toContainText('"userVerification": "required"');
    await registration.showWhatCameBack();
    await expect(registration.cameBack).toContainText(CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID);

    // A sign-in with the button; /account shows its panel.
    await rp.signOut();
    await autofill.withoutAutofill(() => signInPage.open());
    const asserted = authenticators.nextCredentialAsserted(authenticator);
    await signInPage.signInWithPasskey();
    expect((await asserted).id).toBe(passkeyUser.passkey.id);
    await expect(page).toHaveURL(/\/account$/);
    await accountPage.ceremonyPanel.open();
    await expect(accountPage.ceremonyPanel.outcome).toHaveText(`Sign-in accepted: all ${authenticationChecks.length} checks passed.`);
    await expect(accountPage.ceremonyPanel.checks).toHaveText(allPassed(authenticationChecks));

    // /inspector: both ceremonies of this tab, newest first, each with the same panel.
    await inspectorPage.open();
    await expect(inspectorPage.heading).toBeVisible();
    await expect(inspectorPage.ceremonies).toHaveCount(2);
    const [signIn, registered] = [inspectorPage.ceremony(0), inspectorPage.ceremony(1)];
    await expect(signIn.title).toContainText('Sign-in · accepted');
    await expect(registered.title).toContainText('Registration · accepted');
    await signIn.panel.open();
    await expect(signIn.panel.checks).toHaveText(allPassed(authenticationChecks));
    await registered.panel.open();
    await expect(registered.panel.checks).toHaveText(allPassed(registrationChecks));

    await inspectorPage.clear();
    await expect(inspectorPage.ceremonies).toHaveCount(0);
    await expect(inspectorPage.empty).toBeVisible();
  });

  test('a downloaded transcript holds the report and nothing secret', async ({ page, passkeyUser, registerPage, inspectorPage }) => {
    const cookie = (await page.context().cookies()).find((candidate) => candidate.name === SESSION_COOKIE);
    expect(cookie?.value, 'the session cookie after registering').toBeTruthy();

    await registerPage.ceremonyPanel.open();
    const transcript = await registerPage.ceremonyPanel.downloadTranscript();
    expect(transcript.fileName).toMatch(/\.json$/);
    expect(transcript.json).toMatchObject({ lab: 'Passkey Lab', exportedAt: expect.any(String), ceremony: 'registration', outcome: 'accepted' });
    expect(transcript.json.report.checks.map((check) => check.id)).toEqual(registrationChecks);
    expect(transcript.text).not.toContain(cookie!.value);
    expect(transcript.text).not.toContain('privateKey');
    expect(transcript.text).not.toContain(passkeyUser.passkey.privateKey);

    // "Download all" on /inspector: the same ceremony, equally clean.
    await inspectorPage.open();
    const bundle = await inspectorPage.downloadAll();
    expect(bundle.json.ceremonies).toHaveLength(1);
    expect(bundle.json.ceremonies[0]).toMatchObject({ ceremony: 'registration', outcome: 'accepted' });
    expect(bundle.json.ceremonies[0]!.report.checks.map((check) => check.id)).toEqual(registrationChecks);
    expect(bundle.text).not.toContain(cookie!.value);
    expect(bundle.text).not.toContain('privateKey');
  });
});

test('the inspector names the failing check when the authenticator broke the signature', async ({ page, passkeyUser, authenticators, authenticator, autofill, signInPage, inspectorPage, rp }) => {
  await rp.signOut();
  await autofill.withoutAutofill(() => signInPage.open());

  await authenticator.breakNextSignature();
  const asserted = authenticators.nextCredentialAsserted(authenticator);
  const verify = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/authentication/verify');
  await signInPage.signInWithPasskey();

  // The browser's ceremony succeeded; the relying party refused the signature.
  expect((await asserted).id).toBe(passkeyUser.passkey.id);
  const refused = await verify;
  expect(refused.status()).toBe(400);
  const body = (await refused.json()) as RefusedVerify;
  expect(body.error.code).toBe('signature_invalid');
  expect(body.report.checks.at(-1)).toMatchObject({ id: 'signature', passed: false, code: 'signature_invalid' });

  await expect(signInPage.error).toContainText('signature did not verify');
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await rp.session()).toBeNull();

  // "Show what happened" beside the error: every check up to the signature passed, that one failed.
  const panel = signInPage.ceremonyPanel;
  await panel.open();
  await expect(panel.outcome).toHaveText(/^Sign-in refused at the check “Signature”/);
  await expect(panel.checks).toHaveText([...allPassed(authenticationChecks.slice(0, authenticationChecks.indexOf('signature'))), checkLine('signature', false)]);
  await expect(panel.failedChecks).toHaveCount(1);
  await expect(panel.check('signature')).toContainText('signature_invalid');

  // Only that signature was broken: the next sign-in is honest and accepted.
  await signInPage.signInWithPasskey();
  await expect(page).toHaveURL(/\/account$/);

  await inspectorPage.open();
  await expect(inspectorPage.ceremony(0).title).toContainText('Sign-in · accepted');
  const refusedEntry = inspectorPage.ceremony(1);
  await expect(refusedEntry.title).toContainText('Sign-in · refused (signature_invalid)');
  await refusedEntry.panel.open();
  await expect(refusedEntry.panel.failedChecks).toHaveText([checkLine('signature', false)]);
});
