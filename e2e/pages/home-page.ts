import type { Locator, Page } from '@playwright/test';
import { SiteHeader } from './site-header';

/** The landing page (/). */
export class HomePage {
  readonly header: SiteHeader;
  /** The header's "Main" navigation (in the menu on narrow screens). */
  readonly mainNavigation: Locator;
  /** The two choices under the heading: "Create a passkey" and "Sign in with a passkey". */
  readonly createPasskeyChoice: Locator;
  readonly signInChoice: Locator;

  constructor(readonly page: Page) {
    this.header = new SiteHeader(page);
    this.mainNavigation = this.header.mainNavigation;
    this.createPasskeyChoice = page.getByRole('main').getByRole('link', { name: /^Create a passkey/ });
    this.signInChoice = page.getByRole('main').getByRole('link', { name: /^Sign in with a passkey/ });
  }

  private async goTo(name: string): Promise<void> {
    const link = this.mainNavigation.getByRole('link', { name, exact: true });
    await this.header.reveal(link);
    await link.click();
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async goToRegister(): Promise<void> {
    await this.goTo('Register');
  }

  async goToSignIn(): Promise<void> {
    await this.goTo('Sign in');
  }

  async goToAccount(): Promise<void> {
    await this.goTo('Your account');
  }
}
