/** /admin "Users and groups": groups and members through the UI; a non-admin is refused. */
import type { Group } from '../../src/shared/tenant';
import { AdminUsersPage } from '../pages/admin-users-page';
import { expect, test } from './fixtures';
import { TENANT_ADMIN } from './tenant-admin';

test('the admin creates a group, adds a member by username and removes them', async ({ admin, username }) => {
  await admin.api.issueTap(username); // creates the user
  const groupName = `Pilot ${username}`;
  const usersPage = new AdminUsersPage(admin.page);
  await usersPage.open();
  await expect(usersPage.heading).toBeVisible();
  await expect(usersPage.userRow(TENANT_ADMIN)).toContainText('Admin');
  await expect(usersPage.userRow(username)).toBeVisible();

  await usersPage.createGroup(groupName);
  await expect(usersPage.group(groupName)).toBeVisible();
  await expect(usersPage.groupName).toHaveValue('');

  await usersPage.addMember(groupName, username);
  await expect(usersPage.members(groupName)).toHaveCount(1);
  await expect(usersPage.members(groupName)).toContainText([username]);
  await expect(usersPage.userRow(username)).toContainText(groupName);
  const groups = ((await (await admin.page.request.get('/api/admin/groups')).json()) as { groups: Group[] }).groups;
  expect(groups.find((group) => group.displayName === groupName)?.members.map((member) => member.username)).toEqual([username]);

  // A username that does not exist: said, nothing added.
  await usersPage.addMember(groupName, `${username}-nobody`);
  await expect(usersPage.group(groupName).getByRole('alert')).toContainText('There is no user or group with that name here.');

  await usersPage.removeMember(groupName, username);
  await expect(usersPage.members(groupName)).toHaveCount(0);
  await expect(usersPage.userRow(username)).not.toContainText(groupName);

  // The same name again: refused.
  await usersPage.createGroup(groupName);
  await expect(admin.page.getByRole('form', { name: 'Create a group' }).getByRole('alert')).toContainText('A group with that name already exists.');
});

test('a signed-in person who is not an admin sees the refusal, and the API answers 403 forbidden', async ({ page, passkeyUser }) => {
  const usersPage = new AdminUsersPage(page);
  await usersPage.open();
  await expect(usersPage.heading).toBeVisible();
  await expect(usersPage.notAdmin).toBeVisible();
  await expect(usersPage.notAdmin).toContainText(`You are signed in as ${passkeyUser.username}`);
  await expect(usersPage.adminNav).toBeHidden();
  await expect(usersPage.createGroupButton).toBeHidden();

  const response = await page.request.get('/api/admin/policy');
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
});

test('signed out, an admin page sends the person to sign-in and back', async ({ page }) => {
  await page.goto('/admin/policy');
  await expect(page).toHaveURL(/\/sign-in\?redirect=%2Fadmin%2Fpolicy$/);
});
