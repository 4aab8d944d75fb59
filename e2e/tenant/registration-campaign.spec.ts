/**
 * The registration campaign (docs/api.md, "Registration campaign"): people in a target with
 * isRegistrationRequired and no passkey are asked to set one up after signing in; "Not now"
 * works 3 times, then registration is required.
 */
import type { Page } from '@playwright/test';
import { ALLOWED_SNOOZES as MAX_CAMPAIGN_SNOOZES } from '../../src/shared/registration-campaign';
import type { Campaign } from '../../src/shared/tenant';
import { expect, type TenantAdminApi, test } from './fixtures';

/** A group that must register, with `username` (created by a Temporary Access Pass) in it; returns the pass. */
async function campaignFor(api: TenantAdminApi, username: string): Promise<string> {
  const group = await api.createGroup(`Passkey rollout ${username}`);
  const { temporaryAccessPass } = await api.issueTap(username);
  await api.addMember(group.id, username);
  await api.patchPolicy({
    includeTargets: [
      { id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] },
      { id: group.id, targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [] },
    ],
  });
  return temporaryAccessPass;
}

/** The relying party's answers as this page's browser: a pass sign-in (a new session), the campaign, a snooze. */
const rpAs = (page: Page) => ({
  signInWithPass: async (username: string, code: string) =>
    (await page.request.post('/api/authentication/temporary-access-pass', { data: { username, code } })).status(),
  campaign: async () => (await (await page.request.get('/api/registration-campaign')).json()) as Campaign,
  snooze: async () => (await page.request.post('/api/registration-campaign/snooze', { data: {} })).status(),
});

test('nudged after sign-in; "Not now" hides the card and says how many are left', async ({ page, admin, signInPage, accountPage, username, rp }) => {
  const code = await campaignFor(admin.api, username);
  const api = rpAs(page);

  await page.goto('/sign-in?with=temporary-access-pass');
  await signInPage.signInWithTemporaryAccessPass(username, code);
  await expect(accountPage.campaignCard).toContainText('Your organisation asks you to set up a passkey');
  await expect(accountPage.campaignCard).toContainText('You can put this off 3 more times with “Not now”');
  await accountPage.notNow();
  await expect(accountPage.campaignCard).toBeHidden();
  await expect(accountPage.status.filter({ hasText: 'Not now, then.' })).toContainText('you can put it off 2 more times');
  expect(await api.campaign()).toMatchObject({ nudge: false, snoozesUsed: 1, snoozesLeft: 2 });

  // The second time through the API (a new session, then the snooze), to keep the test short.
  await rp.signOut();
  expect(await api.signInWithPass(username, code)).toBe(200);
  expect(await api.campaign()).toMatchObject({ nudge: true, snoozesUsed: 1 });
  expect(await api.snooze()).toBe(200);
  expect(await api.campaign()).toMatchObject({ nudge: false, snoozesUsed: 2 });

  // The third time on the page again: the last "Not now".
  expect(await api.signInWithPass(username, code)).toBe(200);
  await accountPage.open();
  await expect(accountPage.campaignCard).toContainText('You can put this off one more time');
  await accountPage.notNow();
  await expect(accountPage.status.filter({ hasText: 'That was the last time you can put it off' })).toBeVisible();
  expect(await api.campaign()).toMatchObject({ nudge: false, snoozesUsed: 3, snoozesLeft: 0 });
});

test('after 3 snoozes a passkey is required: no "Not now", and creating one ends the campaign', async ({
  page,
  admin,
  accountPage,
  authenticator,
  authenticators,
  username,
  rp,
}) => {
  const code = await campaignFor(admin.api, username);
  const api = rpAs(page);
  for (let snooze = 1; snooze <= MAX_CAMPAIGN_SNOOZES; snooze += 1) {
    expect(await api.signInWithPass(username, code)).toBe(200);
    expect(await api.snooze()).toBe(200);
  }

  // The next sign-in (through the API, then the account page).
  expect(await api.signInWithPass(username, code)).toBe(200);
  expect(await api.campaign()).toMatchObject({ nudge: true, mustRegister: true, snoozesLeft: 0 });
  await accountPage.open();
  await expect(accountPage.campaignCard).toContainText('Setting up a passkey is now required');
  await expect(accountPage.notNowButton).toBeHidden();
  expect(await api.snooze()).toBe(409);

  const added = authenticators.nextCredentialAdded(authenticator);
  await accountPage.createFirstPasskey();
  const passkey = await added;
  await expect(accountPage.campaignCard).toBeHidden();
  await expect(accountPage.passkey((await rp.credential(passkey.id))?.nickname ?? '')).toBeVisible();
  expect(await api.campaign()).toMatchObject({ nudge: false, mustRegister: false });
});
