/**
 * axe-core on every admin screen, as the tenant admin: WCAG 2.2 A/AA, zero violations, at 360×740
 * and 1280×800, light and dark (e2e/fixtures/axe.ts). One test per screen, one load each.
 */
import { expectNoAxeViolations } from '../fixtures/axe';
import { AdminAaguidsPage } from '../pages/admin-aaguids-page';
import { AdminConditionalAccessPage } from '../pages/admin-conditional-access-page';
import { AdminPolicyPage } from '../pages/admin-policy-page';
import { AdminSignInLogPage } from '../pages/admin-sign-in-log-page';
import { AdminTapPage } from '../pages/admin-tap-page';
import { AdminUsersPage } from '../pages/admin-users-page';
import { expect, test } from './fixtures';

// Four scans of a long admin screen need more than the default 20 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

test('axe: /admin, users and a group with a member', { tag: '@axe' }, async ({ admin, username }) => {
  await admin.api.issueTap(username); // creates the user
  const group = await admin.api.createGroup(`Axe ${username}`);
  await admin.api.addMember(group.id, username);
  const screen = new AdminUsersPage(admin.page);
  await screen.open();
  await expect(screen.group(group.displayName)).toBeVisible();
  await expectNoAxeViolations(admin.page, '/admin');
});

test('axe: /admin/policy, with its review of a change', { tag: '@axe' }, async ({ admin }) => {
  const screen = new AdminPolicyPage(admin.page);
  await screen.open();
  await expect(screen.heading).toBeVisible();
  await screen.allowSelfServiceSetUp.click();
  await screen.reviewChanges();
  await expect(screen.review).toBeVisible();
  // The review says what changed, in words, not which part of the document does.
  await expect(screen.review.getByRole('listitem').filter({ hasText: 'Self-service set up: on → off' })).toBeVisible();
  await expectNoAxeViolations(admin.page, '/admin/policy');
});

test('axe: /admin/aaguids', { tag: '@axe' }, async ({ admin }) => {
  const screen = new AdminAaguidsPage(admin.page);
  await screen.open();
  await expect(screen.heading).toBeVisible();
  await expectNoAxeViolations(admin.page, '/admin/aaguids');
});

test('axe: /admin/temporary-access-pass, with a pass issued', { tag: '@axe' }, async ({ admin, username }) => {
  await admin.api.issueTap(username);
  const screen = new AdminTapPage(admin.page);
  await screen.open();
  await expect(screen.passesOf(username).first()).toBeVisible();
  await expectNoAxeViolations(admin.page, '/admin/temporary-access-pass');
});

test('axe: /admin/conditional-access', { tag: '@axe' }, async ({ admin }) => {
  const screen = new AdminConditionalAccessPage(admin.page);
  await screen.open();
  await expect(screen.heading).toBeVisible();
  await expectNoAxeViolations(admin.page, '/admin/conditional-access');
});

test('axe: /admin/sign-in-log', { tag: '@axe' }, async ({ admin }) => {
  const screen = new AdminSignInLogPage(admin.page);
  await screen.open();
  await expect(screen.entries.first()).toBeVisible();
  await expectNoAxeViolations(admin.page, '/admin/sign-in-log');
});
