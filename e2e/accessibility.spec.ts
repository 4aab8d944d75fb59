import { expect, nextRequestBody, test } from './fixtures';
import { expectNoAxeViolations, headingLevels, skippedHeadingLevels } from './fixtures/axe';

// axe-core, WCAG 2.2 A/AA, zero violations: each page at 360×740 and 1280×800, light and dark
// (one load, four scans: e2e/fixtures/axe.ts). The admin screens are in e2e/tenant/accessibility.spec.ts.
// A scan takes 0.5-2 s of CPU: four of them need more than the suite's default 20 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

test('axe: home, signed out', { tag: '@axe' }, async ({ page, homePage }) => {
  await homePage.open();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, '/');
});

test('axe: /register, with a username typed', { tag: '@axe' }, async ({ page, registerPage, username }) => {
  await registerPage.open();
  await registerPage.username.fill(username);
  await registerPage.place.open();
  await expectNoAxeViolations(page, '/register');
});

test('axe: /sign-in, with "Where is your passkey?" open', { tag: '@axe' }, async ({ page, signInPage, autofill }) => {
  await autofill.withoutAutofill(() => signInPage.open());
  await signInPage.place.open();
  await expect(signInPage.place.radio('This device')).toBeVisible();
  await expectNoAxeViolations(page, '/sign-in');
});

test('axe: /account with passkeys, the header menu open', { tag: '@axe' }, async ({ page, passkeyUser, accountPage }) => {
  await accountPage.open();
  await expect(accountPage.passkey(passkeyUser.nickname)).toBeVisible();
  await expectNoAxeViolations(page, '/account');
  // The menu (narrow: navigation, who is signed in, tools; wide: the tools).
  await accountPage.header.openMenu();
  await expectNoAxeViolations(page, '/account with the menu open');
});

test('axe: the result of /register, then /inspector with its panel open and a decoded response', { tag: '@axe' }, async ({ page, registerPage, inspectorPage, username }) => {
  test.setTimeout(120_000); // two pages, eight scans
  const sent = nextRequestBody<{ response: Record<string, unknown> }>(page, '/api/registration/verify');
  await registerPage.open();
  await registerPage.createPasskey(username);
  const { response } = await sent;
  await expect(registerPage.passkeyReady).toBeVisible();
  await registerPage.ceremonyPanel.open();
  await expectNoAxeViolations(page, '/register, the result');

  await inspectorPage.open();
  const panel = inspectorPage.ceremony(0).panel;
  await panel.open();
  await panel.cameBack.locator(':scope > summary').click();
  await inspectorPage.decode(JSON.stringify(response));
  await expect(inspectorPage.recognisedAs).toBeVisible();
  // The decoded parts of a listed ceremony are h3 under the list's h2 (they were h4).
  expect(skippedHeadingLevels(await headingLevels(page))).toEqual([]);
  await expectNoAxeViolations(page, '/inspector');
});

test('axe: /capabilities', { tag: '@axe' }, async ({ page, capabilitiesPage }) => {
  await capabilitiesPage.open();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, '/capabilities');
});

test('axe: the hand-off pages (computer, phone, code)', { tag: '@axe' }, async ({ page, registerPage, handoffWaitPage: wait, username, phone }) => {
  await registerPage.open();
  await registerPage.useMyPhone(username);
  await expect(wait.qrCode).toBeVisible();
  await expectNoAxeViolations(page, '/handoff/<id>/wait');

  await phone.handoffPage.open(await wait.linkText());
  await expect(phone.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(phone.page, '/handoff/<id>');

  await phone.page.goto('/handoff');
  await expect(phone.page.getByRole('heading', { level: 1, name: 'Open a hand-off' })).toBeVisible();
  await expectNoAxeViolations(phone.page, '/handoff');
});
