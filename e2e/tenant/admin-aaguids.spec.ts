/** /admin/aaguids: the inventory, and "Prepare allow list" (what-if first, then apply). */
import type { APIRequestContext } from '@playwright/test';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../src/shared/policy';
import type { AaguidUsage } from '../../src/shared/tenant';
import { AdminAaguidsPage } from '../pages/admin-aaguids-page';
import { expect, test } from './fixtures';

const VIRTUAL = CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID;

async function inventory(request: APIRequestContext): Promise<AaguidUsage[]> {
  return ((await (await request.get('/api/admin/aaguids')).json()) as { aaguids: AaguidUsage[] }).aaguids;
}

test('the inventory lists the virtual authenticator’s AAGUID with its counts, and says it is only a claim', async ({ admin, passkeyUser }) => {
  const usage = (await inventory(admin.page.request)).find((row) => row.aaguid === VIRTUAL);
  expect(usage?.usernames).toContain(passkeyUser.username);
  const aaguidsPage = new AdminAaguidsPage(admin.page);
  await aaguidsPage.open();
  await expect(aaguidsPage.heading).toBeVisible();

  const row = aaguidsPage.row(VIRTUAL);
  await expect(row.getByRole('rowheader')).toContainText('Chromium virtual authenticator');
  await expect(aaguidsPage.cell(VIRTUAL, 'Passkeys')).toHaveText(String(usage?.passkeys));
  await expect(aaguidsPage.cell(VIRTUAL, 'Users')).toContainText(String(usage?.users));
  await expect(aaguidsPage.cell(VIRTUAL, 'Users')).toContainText(passkeyUser.username);
  await expect(aaguidsPage.cell(VIRTUAL, 'Allowed by policy')).toHaveText('Yes');
  // Chromium's virtual authenticator sends no attestation: the AAGUID is only its claim.
  await aaguidsPage.showClaimNote(VIRTUAL);
  await expect(row).toContainText(`The AAGUID ${VIRTUAL} (Chromium virtual authenticator) was not attested, so it is only a claim`);
});

test('prepare allow list shows what it would do without saving, then applies it', async ({ admin, passkeyUser }) => {
  const aaguidsPage = new AdminAaguidsPage(admin.page);
  await aaguidsPage.open();
  await aaguidsPage.prepareAllowList({ microsoft: 'iOS' });

  await expect(aaguidsPage.wouldAllow.filter({ hasText: VIRTUAL })).toContainText('Chromium virtual authenticator');
  await expect(aaguidsPage.wouldAllow.filter({ hasText: MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS })).toContainText('Microsoft Authenticator (iOS)');
  await expect(aaguidsPage.wouldAllow.filter({ hasText: MICROSOFT_AUTHENTICATOR_AAGUIDS.Android })).toHaveCount(0);
  // Every AAGUID in use is on the list: nobody is locked out.
  await expect(admin.page.getByText('Nobody would be locked out.')).toBeVisible();
  // A what-if: nothing saved yet.
  expect((await admin.api.policy()).passkeyProfiles[0]?.keyRestrictions.isEnforced).toBe(false);

  await aaguidsPage.applyAllowList();
  await expect(aaguidsPage.applied).toBeVisible();
  const policy = await admin.api.policy();
  const restrictions = policy.passkeyProfiles.find((profile) => profile.id === policy.defaultPasskeyProfile)?.keyRestrictions;
  expect(restrictions).toMatchObject({ isEnforced: true, enforcementType: 'allow' });
  expect(restrictions?.aaGuids).toEqual(expect.arrayContaining([VIRTUAL, MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS]));
  expect(restrictions?.aaGuids).not.toContain(MICROSOFT_AUTHENTICATOR_AAGUIDS.Android);
  // The user's passkey is still allowed.
  await expect(aaguidsPage.cell(VIRTUAL, 'Allowed by policy')).toHaveText('Yes');
  expect((await inventory(admin.page.request)).find((row) => row.aaguid === VIRTUAL)?.usernames).toContain(passkeyUser.username);
});
