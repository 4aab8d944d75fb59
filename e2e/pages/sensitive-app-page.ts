import type { Locator, Page } from '@playwright/test';
import { CeremonyPanel } from './ceremony-panel';

/**
 * /apps/sensitive: the demo app behind a conditional-access rule. Let in: "Who you are" and "Why
 * you were let in". Not enough: the "This app needs a passkey" card with "Verify with a passkey"
 * (a username-first passkey sign-in for the signed-in account), or, without a passkey, a link to
 * create one. Signed out: "Sign in and come back here".
 */
export class SensitiveAppPage {
  readonly heading: Locator;
  /** role="status" "You are in." (or "Verified with your passkey. You are in."). */
  readonly letIn: Locator;
  readonly whoYouAre: Locator;
  readonly whyLetIn: Locator;
  /** The step-up card, "This app needs a passkey". */
  readonly stepUp: Locator;
  readonly verifyButton: Locator;
  /** "Create a passkey on your account page", shown instead of the button when the account has none. */
  readonly createPasskeyLink: Locator;
  readonly signInLink: Locator;
  readonly error: Locator;
  /** "Show what happened" beside a refused step-up. */
  readonly ceremonyPanel: CeremonyPanel;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sensitive app', level: 1 });
    this.letIn = page.getByRole('status').filter({ hasText: 'You are in.' });
    this.whoYouAre = page.getByRole('region', { name: 'Who you are' });
    this.whyLetIn = page.getByRole('region', { name: 'Why you were let in' });
    this.stepUp = page.getByRole('region', { name: 'This app needs a passkey' });
    this.verifyButton = page.getByRole('button', { name: 'Verify with a passkey', exact: true });
    this.createPasskeyLink = page.getByRole('link', { name: 'Create a passkey on your account page' });
    this.signInLink = page.getByRole('link', { name: 'Sign in and come back here' });
    this.error = page.getByRole('alert');
    this.ceremonyPanel = new CeremonyPanel(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/apps/sensitive');
  }

  /** "Verify with a passkey": the authenticator answers by itself (automatic presence, UV succeeds). */
  async verifyWithPasskey(): Promise<void> {
    await this.verifyButton.click();
  }

  /** A fact of "Who you are" by its term ("Signed in as", "Signed in with", "Passkey provider"). */
  fact(term: string): Locator {
    return this.whoYouAre.locator('dl > div').filter({ has: this.page.getByText(term, { exact: true }) }).locator('dd');
  }
}
