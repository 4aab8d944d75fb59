/** /admin/conditional-access: the sensitive app's rule, saved through the UI. */
import { MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../src/shared/policy';
import { AdminConditionalAccessPage } from '../pages/admin-conditional-access-page';
import { expect, test } from './fixtures';

test('the admin pins the rule to Microsoft Authenticator on iOS, then turns the rule off', async ({ admin }) => {
  const caPage = new AdminConditionalAccessPage(admin.page);
  await caPage.open();
  await expect(caPage.heading).toBeVisible();
  await expect(caPage.rule).toBeVisible();
  await expect(caPage.enableRule).toBeChecked();
  await expect(caPage.requirePhishingResistant).toBeChecked();

  await caPage.addAaguids(MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS);
  await expect(caPage.allowedAaguids).toHaveCount(1);
  await expect(caPage.allowedAaguids).toContainText('Microsoft Authenticator (iOS)');
  await caPage.saveRule();
  await expect(caPage.saved).toBeVisible();
  expect(await admin.api.conditionalAccess()).toEqual({
    state: 'enabled',
    requirePhishingResistant: true,
    allowedAaguids: [MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS],
  });

  await caPage.enableRule.uncheck();
  await expect(caPage.saved).toBeHidden();
  await caPage.saveRule();
  await expect(caPage.saved).toBeVisible();
  expect((await admin.api.conditionalAccess()).state).toBe('disabled');
  await caPage.open();
  await expect(caPage.enableRule).not.toBeChecked();
  await expect(caPage.allowedAaguids).toHaveCount(1);
});
