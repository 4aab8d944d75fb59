import type { Locator, Page } from '@playwright/test';

/** /register: create an account with a passkey. */
export class RegisterPage {
  readonly username: Locator;
  readonly displayName: Locator;
  readonly createPasskeyButton: Locator;
  /** The heading of the result, once the relying party verified the new passkey. */
  readonly passkeyReady: Locator;
  /** The result panel: provider, "Synced passkey" / "Device-bound passkey", transports. */
  readonly result: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByRole('textbox', { name: 'Username', exact: true });
    this.displayName = page.getByRole('textbox', { name: 'Display name', exact: true });
    this.createPasskeyButton = page.getByRole('button', { name: 'Create a passkey', exact: true });
    this.passkeyReady = page.getByRole('heading', { name: 'Your passkey is ready' });
    this.result = page.getByRole('region', { name: 'Your passkey is ready' });
    this.error = page.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.goto('/register');
  }

  /** Fills the form and starts the ceremony (the authenticator answers by itself). */
  async createPasskey(username: string, displayName?: string): Promise<void> {
    await this.username.fill(username);
    if (displayName !== undefined) await this.displayName.fill(displayName);
    await this.createPasskeyButton.click();
  }
}
