/**
 * Phone first and keyboard true (issue 13): at 360×740 (and 1280×800) the header is one row with a
 * Menu disclosure and the signed-in state, the flows put their action on the first screen, and an
 * outcome takes focus beside the control that caused it, in view. Page objects as everywhere.
 */
import { expect, test } from '../fixtures';
import { DESKTOP_VIEWPORT, expectInView, expectOnFirstScreen, PHONE_VIEWPORT } from '../fixtures/viewport';

test.use({ viewport: PHONE_VIEWPORT });

test('header: one row on a phone, a Menu disclosure that Escape closes, the signed-in state on /, /sign-in and /register', async ({
  page,
  passkeyUser,
  homePage,
  autofill,
}) => {
  const { header } = homePage;
  // /sign-in's autofill would sign in again by itself with the passkey on the authenticator.
  await autofill.withoutAutofill(() => homePage.open());
  for (const path of ['/', '/sign-in', '/register']) {
    await page.setViewportSize(PHONE_VIEWPORT);
    if (path !== '/') await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const bar = await header.banner.boundingBox();
    expect(bar!.height, `the header of ${path} at 360 px`).toBeLessThanOrEqual(64);

    // Everything but the app's name is in the menu: closed, then open, then closed by Escape.
    await expect(header.menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(header.mainNavigation).toBeHidden();
    await expect(header.signedInAs(passkeyUser.username)).toBeHidden();
    await header.menuButton.click();
    await expect(header.menuButton).toHaveAttribute('aria-expanded', 'true');
    await expect(header.mainNavigation).toBeVisible();
    await expect(header.signedInAs(passkeyUser.username)).toBeVisible();
    await expect(header.signOutButton).toBeVisible();
    await expect(header.presenterSwitches).toBeVisible();
    await header.signOutButton.focus();
    await page.keyboard.press('Escape');
    await expect(header.menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(header.menuButton).toBeFocused();
    await expect(header.mainNavigation).toBeHidden();

    // A desktop: the navigation and who is signed in are in the row; presenter mode stays in the menu.
    await page.setViewportSize(DESKTOP_VIEWPORT);
    await expect(header.mainNavigation).toBeVisible();
    await expect(header.signedInAs(passkeyUser.username)).toBeVisible();
    await expect(header.signOutButton).toBeVisible();
    await expect(header.presenterSwitches).toBeHidden();
    await expect(header.mainNavigation.getByRole('link', { name: 'Sign in', exact: true })).toHaveCount(0);
  }
});

test('/sign-in: the actions on the first screen; errors take focus beside their control, in view', async ({
  page,
  passkeyUser,
  authenticator,
  autofill,
  signInPage,
  rp,
}) => {
  await rp.signOut();
  await autofill.withoutAutofill(() => signInPage.open());
  for (const viewport of [PHONE_VIEWPORT, DESKTOP_VIEWPORT]) {
    await page.setViewportSize(viewport);
    for (const action of [signInPage.username, signInPage.continueButton, signInPage.signInWithPasskeyButton]) {
      await expectOnFirstScreen(action, viewport.height);
    }
  }
  // "Where is your passkey?" is a disclosure, closed by default.
  await expect(signInPage.place.radio('Let my browser decide')).toBeChecked();
  await expect(signInPage.place.radio('Let my browser decide')).toBeHidden();

  await page.setViewportSize(PHONE_VIEWPORT);
  // No username: the field takes focus, its message tied to it.
  await signInPage.continueButton.click();
  await expect(signInPage.username).toBeFocused();
  await expect(signInPage.username).toHaveAccessibleDescription(/Enter your username/);

  // A refused sign-in, started from the keyboard: the alert beside the button takes focus, in view.
  await authenticator.setUserVerified(false);
  await signInPage.signInWithPasskeyButton.focus();
  await page.keyboard.press('Enter');
  await expect(signInPage.error).toBeFocused();
  await expectInView(signInPage.error);
  await expect(signInPage.section('Without typing anything').getByRole('alert')).toBeVisible();

  // A new attempt clears it first; its own failure (UV still refused) is said beside the username
  // form. Not an unknown username: its stand-in allowCredentials may be USB/NFC only, and Chrome
  // then waits for a security key until the 300 s timeout (e2e/README.md, "Unknown usernames").
  await signInPage.signInAs(passkeyUser.username);
  await expect(signInPage.error).toHaveCount(1);
  await expect(signInPage.section('With your username').getByRole('alert')).toContainText('Check the username');
  await expect(signInPage.error).toBeFocused();
  await expectInView(signInPage.error);
});

test('/register: "Create a passkey" on the first screen once a username is typed; a refusal takes focus, in view', async ({
  page,
  authenticator,
  registerPage,
  username,
}) => {
  await registerPage.open();
  await registerPage.username.fill(username);
  for (const viewport of [PHONE_VIEWPORT, DESKTOP_VIEWPORT]) {
    await page.setViewportSize(viewport);
    await expectOnFirstScreen(registerPage.createPasskeyButton, viewport.height);
  }
  // "What will happen" comes after the button.
  const button = await registerPage.createPasskeyButton.boundingBox();
  const explanation = await registerPage.whatWillHappen.boundingBox();
  expect(explanation!.y).toBeGreaterThan(button!.y);

  await page.setViewportSize(PHONE_VIEWPORT);
  await registerPage.username.fill('');
  await registerPage.createPasskeyButton.click();
  await expect(registerPage.username).toBeFocused();
  await expect(registerPage.username).toHaveAccessibleDescription(/Enter a username\./);

  await authenticator.setUserVerified(false);
  await registerPage.createPasskey(username);
  await expect(registerPage.error).toBeFocused();
  await expectInView(registerPage.error);
});

test('/account: the delete dialog starts on "Keep it"; validation and refusals take focus, in view', async ({ page, passkeyUser, accountPage }) => {
  await accountPage.open();
  for (const viewport of [PHONE_VIEWPORT, DESKTOP_VIEWPORT]) {
    await page.setViewportSize(viewport);
    await accountPage.startDeleting(passkeyUser.nickname);
    await expect(accountPage.keepItButton).toBeFocused();
    await page.keyboard.press('Enter'); // the safe choice
    await expect(accountPage.deleteDialog).toBeHidden();
    await expect(accountPage.passkey(passkeyUser.nickname)).toBeVisible();
  }

  await page.setViewportSize(PHONE_VIEWPORT);
  // Rename to nothing: the field takes focus with "Enter a name." tied to it.
  await accountPage.rename(passkeyUser.nickname, '   ');
  await expect(accountPage.passkeyName).toBeFocused();
  await expect(accountPage.passkeyName).toHaveAccessibleDescription(/Enter a name\./);
  await page.keyboard.press('Escape');

  // An empty display name: the same.
  await accountPage.changeDisplayName('  ');
  await expect(accountPage.displayName).toBeFocused();
  await expect(accountPage.displayName).toHaveAccessibleDescription(/Enter a display name\./);
  await page.keyboard.press('Escape');

  // "Add a passkey" on the authenticator that already holds one: refused, said beside the button.
  await accountPage.addPasskey();
  await expect(accountPage.error).toBeFocused();
  await expectInView(accountPage.error);
  await expect(page.locator('body')).not.toBeFocused();
});
