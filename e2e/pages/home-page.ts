import type { Locator, Page } from '@playwright/test';

/** The landing page (/). */
export class HomePage {
  readonly mainNavigation: Locator;

  constructor(readonly page: Page) {
    this.mainNavigation = page.getByRole('navigation', { name: 'Main' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async goToRegister(): Promise<void> {
    await this.mainNavigation.getByRole('link', { name: 'Register' }).click();
  }

  async goToSignIn(): Promise<void> {
    await this.mainNavigation.getByRole('link', { name: 'Sign in' }).click();
  }

  async goToAccount(): Promise<void> {
    await this.mainNavigation.getByRole('link', { name: 'Your account' }).click();
  }
}
