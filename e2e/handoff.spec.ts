import { expect, test } from './fixtures';

/**
 * The two-device hand-off with two browser contexts: the test's `page` is the computer, `phone`
 * a second context (360×740, own cookies, own authenticator). The passkey is made and used on
 * the phone; the computer, which never runs a ceremony, ends up signed in.
 */

test('register on the phone: the computer is signed in to the new account, and the link is then used up', async ({ page, authenticator, registerPage, handoffWaitPage: wait, accountPage, rp, username, phone }) => {
  await registerPage.open();
  await registerPage.useMyPhone(username);

  await expect(page).toHaveURL(/\/handoff\/[\w-]+\/wait$/);
  await expect(wait.heading).toBeVisible();
  await expect(wait.qrCode).toBeVisible();
  await expect(wait.countdown).toContainText(/Expires in [0-5]:[0-5]\d/);
  const id = wait.id();
  const link = await wait.linkText();
  expect(link).toBe(`${new URL(page.url()).origin}/handoff/${id}`);
  const handoff = await rp.handoff(id);
  expect(handoff).toMatchObject({ purpose: 'registration', username, status: 'pending', startedHere: true, url: link });
  await expect(wait.code).toHaveText(handoff.code);
  await wait.markDocument();

  // The phone opens the link shown on the computer and says who is asking.
  await phone.handoffPage.open(link);
  await expect(phone.handoffPage.main).toContainText(handoff.requestedBy.browser);
  await expect(phone.handoffPage.main).toContainText(handoff.requestedBy.os);
  await phone.handoffPage.confirmItWasMe();
  const added = phone.authenticators.nextCredentialAdded(phone.authenticator);
  await phone.handoffPage.createPasskey();
  const passkey = await added;
  // The account is the one typed on the computer.
  expect(passkey).toMatchObject({ rpId: 'localhost', isResidentCredential: true, userName: username });
  await expect(phone.handoffPage.done).toBeVisible();

  // The computer noticed by polling, claimed the hand-off and moved on without a reload.
  await expect(page).toHaveURL(/\/account$/);
  expect(await wait.isSameDocument()).toBe(true);
  await expect(accountPage.signedInAs(username)).toBeVisible();
  expect(await rp.session()).toMatchObject({ user: { username }, method: 'handoff' });
  expect((await rp.handoff(id)).status).toBe('claimed');
  // The passkey lives on the phone: the account lists the phone's credential, the computer holds none.
  expect((await rp.credentials()).map((credential) => credential.id)).toEqual([passkey.id]);
  expect(await phone.authenticator.credential(passkey.id)).toBeDefined();
  expect(await authenticator.credentials()).toHaveLength(0);

  // Used up: the phone opens the same link again, then the computer its wait page.
  await phone.handoffPage.open(link);
  await expect(phone.handoffPage.alreadyUsed).toBeVisible();
  await expect(phone.handoffPage.itWasMeButton).toBeHidden();
  await wait.open(id);
  await expect(wait.alreadyUsed).toBeVisible();
  await expect(wait.qrCode).toBeHidden();
});

test('sign in on the phone: the computer is signed in "from your phone"', async ({ page, authenticator, signInPage, handoffWaitPage: wait, accountPage, rp, username, phone }) => {
  // Beforehand: an account whose only passkey is on the phone; the phone then signs out.
  const registered = phone.authenticators.nextCredentialAdded(phone.authenticator);
  await phone.registerPage.open();
  await phone.registerPage.createPasskey(username);
  const passkey = await registered;
  await expect(phone.registerPage.passkeyReady).toBeVisible();
  await phone.rp.signOut();

  // The computer's authenticator is empty, so /sign-in's autofill cannot sign in by itself.
  await signInPage.open();
  await signInPage.useMyPhone();
  await expect(wait.heading).toBeVisible();
  const id = wait.id();
  expect(await rp.handoff(id)).toMatchObject({ purpose: 'sign-in', status: 'pending', startedHere: true });
  const code = await wait.codeText();
  await wait.markDocument();

  // This time the phone types the short code instead of scanning.
  await phone.handoffPage.openWithCode(code);
  await expect(phone.page).toHaveURL(new RegExp(`/handoff/${id}$`));
  await phone.handoffPage.confirmItWasMe();
  const asserted = phone.authenticators.nextCredentialAsserted(phone.authenticator);
  await phone.handoffPage.signInWithPasskey();
  expect((await asserted).id).toBe(passkey.id);
  await expect(phone.handoffPage.done).toBeVisible();

  await expect(page).toHaveURL(/\/account$/);
  expect(await wait.isSameDocument()).toBe(true);
  await expect(accountPage.signedInAs(username)).toBeVisible();
  await expect(accountPage.statusMessage('You signed in from your phone.')).toBeVisible();
  expect(await rp.session()).toMatchObject({ user: { username }, method: 'handoff' });
  expect(await authenticator.credentials()).toHaveLength(0);
});
