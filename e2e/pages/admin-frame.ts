import type { Locator, Page } from '@playwright/test';

/**
 * What every admin screen has: its h1, the "Tenant administration" links, the refusal a
 * signed-in non-admin sees, and the page's alerts.
 */
export class AdminFrame {
  /** nav "Tenant administration": one link per admin screen (shown to admins only). */
  readonly adminNav: Locator;
  /** role="alert" "This page is for tenant admins." (a signed-in non-admin). */
  readonly notAdmin: Locator;
  /** Every role="alert" on the page (errors, with the field a refused document names). */
  readonly error: Locator;

  constructor(
    readonly page: Page,
    /** The page's h1, by its exact name. */
    readonly heading: Locator,
  ) {
    this.adminNav = page.getByRole('navigation', { name: 'Tenant administration' });
    this.notAdmin = page.getByRole('alert').filter({ hasText: 'This page is for tenant admins.' });
    this.error = page.getByRole('alert');
  }

  /** A link of the admin navigation, by the screen's name ("Passkey policy", "Sign-in log", …). */
  adminLink(name: string): Locator {
    return this.adminNav.getByRole('link', { name, exact: true });
  }
}
