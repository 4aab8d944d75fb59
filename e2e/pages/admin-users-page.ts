import type { Locator, Page } from '@playwright/test';
import { AdminFrame } from './admin-frame';

/** /admin: "Users and groups" — the users table, "Create group", one region per group. */
export class AdminUsersPage extends AdminFrame {
  /** The users table: one row per user (the row header is the username, with an "Admin" badge). */
  readonly usersTable: Locator;
  readonly groupName: Locator;
  readonly createGroupButton: Locator;

  constructor(page: Page) {
    super(page, page.getByRole('heading', { name: 'Users and groups', level: 1 }));
    this.usersTable = page.getByRole('region', { name: 'Users', exact: true }).getByRole('table');
    this.groupName = page.getByRole('textbox', { name: 'Group name', exact: true });
    this.createGroupButton = page.getByRole('button', { name: 'Create group', exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto('/admin');
  }

  /** The users table's row of this username. */
  userRow(username: string): Locator {
    return this.usersTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: username }) });
  }

  /** The region of one group (its heading is the group's name). */
  group(displayName: string): Locator {
    return this.page.getByRole('region', { name: displayName, exact: true });
  }

  /** The member list of a group: one item per member. */
  members(displayName: string): Locator {
    return this.group(displayName).getByRole('list', { name: `Members of ${displayName}` }).getByRole('listitem');
  }

  async createGroup(displayName: string): Promise<void> {
    await this.groupName.fill(displayName);
    await this.createGroupButton.click();
  }

  async addMember(group: string, username: string): Promise<void> {
    const region = this.group(group);
    await region.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
    await region.getByRole('button', { name: 'Add member', exact: true }).click();
  }

  async removeMember(group: string, username: string): Promise<void> {
    await this.group(group).getByRole('button', { name: `Remove ${username} from ${group}`, exact: true }).click();
  }

  async deleteGroup(group: string): Promise<void> {
    await this.group(group).getByRole('button', { name: `Delete group ${group}`, exact: true }).click();
  }
}
