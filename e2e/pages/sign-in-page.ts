import type { Locator, Page } from '@playwright/test';
import { CeremonyPanel } from './ceremony-panel';
import { PasskeyPlaceChoices } from './passkey-place-choices';

/**
 * /sign-in. Passkey autofill starts on page load: with a passkey on the authenticator the page
 * signs in by itself (see e2e/fixtures/passkey-autofill.ts to test the buttons instead).
 *
 * "Use a Temporary Access Pass" shows the pass form INSTEAD of the passkey forms (and stops their
 * autofill request); its fields are "Username" and "Temporary Access Pass", so `username` then
 * finds the pass form's field. `/sign-in?with=temporary-access-pass` opens it directly.
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
  /** Shows the Temporary Access Pass form in place of the passkey forms. */
  readonly useTemporaryAccessPassButton: Locator;
  /** The form "With a Temporary Access Pass". */
  readonly temporaryAccessPassForm: Locator;
  /** The pass form's "Username" (the passkey form is gone while it is open). */
  readonly temporaryAccessPassUsername: Locator;
  readonly temporaryAccessPass: Locator;
  readonly signInWithPassButton: Locator;
  /** Closes the pass form: the passkey forms (and autofill) come back. */
  readonly backToPasskeySignInButton: Locator;

  constructor(readonly page: Page) {
    this.signInWithPasskeyButton = page.getByRole('button', { name: 'Sign in with a passkey', exact: true });
    this.username = page.getByRole('textbox', { name: 'Username', exact: true });
    this.continueButton = page.getByRole('button', { name: 'Continue', exact: true });
    this.place = new PasskeyPlaceChoices(page, 'Where is your passkey?');
    this.useMyPhoneButton = page.getByRole('button', { name: 'Use my phone', exact: true });
    this.error = page.getByRole('alert');
    this.status = page.getByRole('status');
    this.ceremonyPanel = new CeremonyPanel(page);
    this.useTemporaryAccessPassButton = page.getByRole('button', { name: 'Use a Temporary Access Pass', exact: true });
    this.temporaryAccessPassForm = page.getByRole('form', { name: 'With a Temporary Access Pass' });
    this.temporaryAccessPassUsername = this.temporaryAccessPassForm.getByRole('textbox', { name: 'Username', exact: true });
    this.temporaryAccessPass = this.temporaryAccessPassForm.getByRole('textbox', { name: 'Temporary Access Pass', exact: true });
    this.signInWithPassButton = page.getByRole('button', { name: 'Sign in with the pass', exact: true });
    this.backToPasskeySignInButton = page.getByRole('button', { name: 'Back to passkey sign-in', exact: true });
  }

  /**
   * A part of the page by its heading: the form "With your username" or the section "Without
   * typing anything" (an error is shown in the part whose control caused it).
   */
  section(heading: 'With your username' | 'Without typing anything'): Locator {
    return this.page.getByRole(heading === 'With your username' ? 'form' : 'region', { name: heading, exact: true });
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

  /**
   * Signs in with a Temporary Access Pass (POST /api/authentication/temporary-access-pass): opens
   * the pass form if it is not open yet, fills both fields and submits. A success goes to /account.
   */
  async signInWithTemporaryAccessPass(username: string, code: string): Promise<void> {
    // Either the form (already open, or /sign-in?with=temporary-access-pass) or the button that opens it.
    await this.temporaryAccessPassForm.or(this.useTemporaryAccessPassButton).first().waitFor();
    if (!(await this.temporaryAccessPassForm.isVisible())) await this.useTemporaryAccessPassButton.click();
    await this.temporaryAccessPassUsername.fill(username);
    await this.temporaryAccessPass.fill(code);
    await this.signInWithPassButton.click();
  }

  /** Username first: the relying party asks for that account's passkeys only. */
  async signInAs(username: string): Promise<void> {
    await this.username.fill(username);
    await this.continueButton.click();
  }
}
