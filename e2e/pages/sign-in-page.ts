import type { Locator, Page } from '@playwright/test';
import { CeremonyPanel } from './ceremony-panel';
import { PasskeyPlaceChoices } from './passkey-place-choices';

/**
 * /sign-in. Passkey autofill starts on page load: with a passkey on the authenticator the page
 * signs in by itself (see e2e/fixtures/passkey-autofill.ts to test the buttons instead).
 */
export class SignInPage {
  readonly signInWithPasskeyButton: Locator;
  /** autocomplete="username webauthn": the field passkey autofill attaches to. */
  readonly username: Locator;
  readonly continueButton: Locator;
  /** "Where is your passkey?" */
  readonly place: PasskeyPlaceChoices;
  /** Starts the two-device hand-off: the phone signs in for this browser (goes to /handoff/<id>/wait). */
  readonly useMyPhoneButton: Locator;
  readonly error: Locator;
  /** e.g. "You are signed out." */
  readonly status: Locator;
  /** "Show what happened" beside the error of a sign-in the relying party refused (a success goes to /account). */
  readonly ceremonyPanel: CeremonyPanel;

  constructor(readonly page: Page) {
    this.signInWithPasskeyButton = page.getByRole('button', { name: 'Sign in with a passkey', exact: true });
    this.username = page.getByRole('textbox', { name: 'Username', exact: true });
    this.continueButton = page.getByRole('button', { name: 'Continue', exact: true });
    this.place = new PasskeyPlaceChoices(page, 'Where is your passkey?');
    this.useMyPhoneButton = page.getByRole('button', { name: 'Use my phone', exact: true });
    this.error = page.getByRole('alert');
    this.status = page.getByRole('status');
    this.ceremonyPanel = new CeremonyPanel(page);
  }

  /** Opens /sign-in, optionally with the page to return to after signing in. */
  async open(redirectTo?: string): Promise<void> {
    await this.page.goto(redirectTo ? `/sign-in?redirect=${encodeURIComponent(redirectTo)}` : '/sign-in');
  }

  /** Usernameless: the authenticator offers the passkeys it holds for this site. */
  async signInWithPasskey(): Promise<void> {
    await this.signInWithPasskeyButton.click();
  }

  async useMyPhone(): Promise<void> {
    await this.useMyPhoneButton.click();
  }

  /** Username first: the relying party asks for that account's passkeys only. */
  async signInAs(username: string): Promise<void> {
    await this.username.fill(username);
    await this.continueButton.click();
  }
}
