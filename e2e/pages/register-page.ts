import type { Locator, Page } from '@playwright/test';
import { CeremonyPanel } from './ceremony-panel';
import { type PasskeyPlace, PasskeyPlaceChoices } from './passkey-place-choices';

/** /register: create an account with a passkey. */
export class RegisterPage {
  readonly username: Locator;
  readonly displayName: Locator;
  readonly createPasskeyButton: Locator;
  /** "Where should the passkey live?" */
  readonly place: PasskeyPlaceChoices;
  /** Starts the two-device hand-off: the account is created on the phone (goes to /handoff/<id>/wait). */
  readonly useMyPhoneButton: Locator;
  /** The heading of the result, once the relying party verified the new passkey. */
  readonly passkeyReady: Locator;
  /** The result panel: provider, "Synced passkey" / "Device-bound passkey", transports. */
  readonly result: Locator;
  readonly error: Locator;
  /** "Show what happened" of the registration, accepted (in the result) or refused (beside the error). */
  readonly ceremonyPanel: CeremonyPanel;
  /** The explanation "What will happen", after the button. */
  readonly whatWillHappen: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByRole('textbox', { name: 'Username', exact: true });
    this.displayName = page.getByRole('textbox', { name: 'Display name', exact: true });
    this.createPasskeyButton = page.getByRole('button', { name: 'Create a passkey', exact: true });
    this.place = new PasskeyPlaceChoices(page, 'Where should the passkey live?');
    this.useMyPhoneButton = page.getByRole('button', { name: 'Use my phone', exact: true });
    this.passkeyReady = page.getByRole('heading', { name: 'Your passkey is ready' });
    this.result = page.getByRole('region', { name: 'Your passkey is ready' });
    this.error = page.getByRole('alert');
    this.ceremonyPanel = new CeremonyPanel(page);
    this.whatWillHappen = page.getByRole('region', { name: 'What will happen', exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto('/register');
  }

  /** Fills the form and starts the ceremony (the authenticator answers by itself). */
  async createPasskey(username: string, displayName?: string, place?: PasskeyPlace): Promise<void> {
    await this.username.fill(username);
    if (displayName !== undefined) await this.displayName.fill(displayName);
    if (place !== undefined) await this.place.choose(place);
    await this.createPasskeyButton.click();
  }

  /** Fills the username and hands the registration over to a phone (see handoff-page.ts). */
  async useMyPhone(username: string): Promise<void> {
    await this.username.fill(username);
    await this.useMyPhoneButton.click();
  }
}
