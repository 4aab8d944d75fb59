import type { Locator, Page } from '@playwright/test';

/**
 * The header on every page: the app's name, "Menu" (a disclosure button: aria-expanded), the
 * "Main" navigation, "Signed in as <username>" with "Sign out", and the tools (presenter mode).
 * On narrow screens (below 60rem) everything but the name is in the menu; on wide screens the
 * navigation and the signed-in state are in the header row and the menu holds only the tools.
 * There is one "Menu" button per layout, and only the one for the current width is visible.
 */
export class SiteHeader {
  readonly banner: Locator;
  readonly appName: Locator;
  readonly menuButton: Locator;
  readonly mainNavigation: Locator;
  readonly signOutButton: Locator;
  /** The group "Presenter": "Presenter mode" (and "Large type" while it is on). */
  readonly presenterSwitches: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('banner');
    this.appName = this.banner.getByRole('link').first();
    this.menuButton = this.banner.getByRole('button', { name: 'Menu', exact: true });
    this.mainNavigation = page.getByRole('navigation', { name: 'Main' });
    this.signOutButton = this.banner.getByRole('button', { name: 'Sign out', exact: true });
    this.presenterSwitches = this.banner.getByRole('group', { name: 'Presenter' });
  }

  /** "Signed in as <username>" in the header (in the menu on narrow screens: see `openMenuIfNeeded`). */
  signedInAs(username: string): Locator {
    return this.banner.getByText(`Signed in as ${username}`, { exact: true });
  }

  async openMenu(): Promise<void> {
    if ((await this.menuButton.getAttribute('aria-expanded')) !== 'true') await this.menuButton.click();
  }

  /** Opens the menu when `target` is in it and hidden (narrow screens); does nothing when it is already visible. */
  async reveal(target: Locator): Promise<void> {
    if (!(await target.isVisible())) await this.openMenu();
  }

  async signOut(): Promise<void> {
    await this.reveal(this.signOutButton);
    await this.signOutButton.click();
  }
}
