import { HANDOFF_TTL_MS } from '../src/rp/store/handoffs';
import { expect, test } from './fixtures';

/**
 * Hand-offs that can no longer (or may not) be used, and what each side says. A used hand-off
 * (the same link opened again) is the end of the registration test in handoff.spec.ts.
 */

test('an expired hand-off: the countdown runs out and the computer offers to start again', async ({ page, signInPage, handoffWaitPage: wait, rp }) => {
  // Deterministic without waiting 5 minutes: the computer page runs on Playwright's clock and
  // the SPA derives the countdown and the expiry from `expiresAt`; fast-forwarding the page's
  // clock past it shows the expired state. The e2e server keeps real time (it still says
  // "pending"), so the server's own refusal of expired hand-offs (410 handoff_expired, also on
  // the phone's side) is covered with an injected clock in test/rp/handoff.test.ts, not here.
  await page.clock.install();
  await signInPage.open();
  await signInPage.useMyPhone();
  await expect(wait.heading).toBeVisible();
  const id = wait.id();
  const handoff = await rp.handoff(id);
  expect(Date.parse(handoff.expiresAt) - Date.parse(handoff.createdAt)).toBe(HANDOFF_TTL_MS);
  await expect(wait.countdown).toContainText(/Expires in [45]:[0-5]\d/);

  await page.clock.fastForward('04:50');
  await expect(wait.countdown).toContainText(/Expires in 0:(0\d|10)/);
  await page.clock.fastForward('00:15');

  await expect(wait.expired).toBeVisible();
  await expect(wait.qrCode).toBeHidden();
  await expect(wait.countdown).toBeHidden();
  expect((await rp.handoff(id)).status).toBe('pending'); // the server's real clock: not yet

  // Back in step with the server's clock (as a real computer's would be), then a new hand-off.
  await page.clock.setSystemTime(Date.now());
  await wait.startAgain();
  await expect(page).not.toHaveURL(new RegExp(id));
  await expect(page).toHaveURL(/\/handoff\/[\w-]+\/wait$/);
  await expect(wait.heading).toBeVisible();
  await expect(wait.expired).toBeHidden();
  await expect(wait.countdown).toContainText(/Expires in [45]:[0-5]\d/);
  expect(await rp.handoff(wait.id())).toMatchObject({ purpose: 'sign-in', status: 'pending', startedHere: true });
});

test('another browser cannot take over the computer\'s hand-off', async ({ signInPage, handoffWaitPage: wait, rp, otherBrowser }) => {
  await signInPage.open();
  await signInPage.useMyPhone();
  await expect(wait.heading).toBeVisible();
  const id = wait.id();

  // A third browser opens the computer's own wait page (e.g. the URL was shared).
  await otherBrowser.handoffWaitPage.open(id);
  await expect(otherBrowser.handoffWaitPage.error).toContainText('started in another browser');
  await expect(otherBrowser.handoffWaitPage.qrCode).toBeHidden();
  // The relying party refuses its claim; it stays signed out and the computer keeps waiting.
  expect(await otherBrowser.rp.claimHandoff(id)).toEqual({ status: 403, code: 'handoff_wrong_browser' });
  expect(await otherBrowser.rp.session()).toBeNull();
  expect((await rp.handoff(id)).status).toBe('pending');
  await expect(wait.heading).toBeVisible();
});

test('an unknown hand-off, on the phone\'s page and on the computer\'s', async ({ handoffPage, handoffWaitPage: wait }) => {
  // No ceremony runs here: the test's own page plays both sides.
  const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
  await handoffPage.open(`/handoff/${unknown}`);
  await expect(handoffPage.notFound).toBeVisible();
  await wait.open(unknown);
  await expect(wait.notFound).toBeVisible();
});
