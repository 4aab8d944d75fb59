/**
 * The Content-Security-Policy does not break the SPA: end-user pages, both ceremonies,
 * presenter mode and the hand-off's QR code run without a single CSP violation, and no page
 * of the lab can be framed by another site. (Admin pages: e2e/tenant/content-security-policy.spec.ts.)
 */
import { listenForCspViolations } from './csp-listener';
import { expect, test } from './fixtures';
import { PresenterMode } from './pages/presenter-mode';

test('end-user pages and both ceremonies run without CSP violations', async ({ page, registerPage, username }) => {
  const violations = await listenForCspViolations(page.context());
  for (const path of ['/', '/sign-in', '/capabilities', '/inspector', '/prf', '/handoff']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  const response = await page.goto('/register');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  const presenter = new PresenterMode(page);
  await presenter.turnOn();
  await expect(presenter.notes).toBeVisible();
  await registerPage.createPasskey(username);
  await expect(registerPage.passkeyReady).toBeVisible();
  await presenter.turnOff();

  await page.goto('/account');
  await page.waitForLoadState('networkidle');
  await page.request.delete('/api/session');
  await page.goto('/sign-in');
  // The passkey autofill may sign in by itself (the virtual authenticator answers it); else the button.
  await page.waitForURL(/\/account$/, { timeout: 3_000 }).catch(() => page.getByRole('button', { name: 'Sign in with a passkey', exact: true }).click());
  await expect(page).toHaveURL(/\/account$/);
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('the hand-off page draws its QR code without CSP violations', async ({ page, registerPage, username }) => {
  const violations = await listenForCspViolations(page.context());
  await registerPage.open();
  await registerPage.useMyPhone(username);
  await expect(page).toHaveURL(/\/handoff\/[^/]+\/wait$/);
  await expect(page.getByRole('img', { name: 'QR code for the hand-off link' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('another site cannot frame the lab (frame-ancestors)', async ({ page, baseURL }) => {
  const framing = await page.context().newPage();
  const messages: string[] = [];
  framing.on('console', (message) => messages.push(message.text()));
  await framing.setContent(`<iframe src="${baseURL}/account"></iframe>`);
  await expect.poll(() => messages.join('\n')).toMatch(/frame-ancestors 'none'/);
  await framing.close();
});
