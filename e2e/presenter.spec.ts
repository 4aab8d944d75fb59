import { expect, test } from './fixtures';
import { PresenterMode } from './pages/presenter-mode';

test('presenter mode: notes beside each registration step, arrow keys, large type, kept after a reload', async ({ page, registerPage, authenticators, authenticator, username }) => {
  const presenter = new PresenterMode(page);
  await registerPage.open();
  await expect(presenter.notes).toBeHidden();
  await expect(presenter.presenterModeSwitch).toHaveAttribute('aria-pressed', 'false');

  await presenter.turnOn();
  await expect(presenter.presenterModeSwitch).toHaveAttribute('aria-pressed', 'true');
  await expect(presenter.notes).toBeVisible();
  await expect(presenter.currentStep).toHaveText('1. Choose a username');
  await expect(presenter.note('What the server checks')).toContainText('challenge');

  // → and ← move between steps; typing in a field does not.
  await page.keyboard.press('ArrowRight');
  await expect(presenter.currentStep).toHaveText('2. Create the passkey');
  await expect(presenter.note('What can go wrong')).toContainText('does not allow this authenticator');
  await page.keyboard.press('ArrowLeft');
  await expect(presenter.currentStep).toHaveText('1. Choose a username');
  await registerPage.username.fill(username);
  await registerPage.username.press('ArrowLeft');
  // The flow itself moved on (a username is typed), and the notes followed it.
  await expect(presenter.currentStep).toHaveText('2. Create the passkey');

  // Large type for projectors: the root font grows, and the setting outlives a reload.
  const rootFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await rootFontSize();
  await presenter.largeTypeSwitch.click();
  expect(await rootFontSize()).toBeGreaterThan(before);
  await page.reload();
  await expect(presenter.notes).toBeVisible();
  await expect(presenter.largeTypeSwitch).toHaveAttribute('aria-pressed', 'true');
  expect(await rootFontSize()).toBeGreaterThan(before);

  // The ceremony still works with the notes open, and they follow it to the last step.
  const added = authenticators.nextCredentialAdded(authenticator);
  await registerPage.createPasskey(username);
  await added;
  await expect(registerPage.passkeyReady).toBeVisible();
  await expect(presenter.currentStep).toHaveText('3. Done');

  await presenter.turnOff(); // the switch is in the header's menu, closed since the reload
  await expect(presenter.notes).toBeHidden();
  await expect(presenter.largeTypeSwitch).toBeHidden();
  expect(await rootFontSize()).toBe(before);
});
