import type { Locator, Page } from '@playwright/test';
import { CeremonyPanel } from './ceremony-panel';
import { type PasskeyPlace, PasskeyPlaceChoices } from './passkey-place-choices';
import { SiteHeader } from './site-header';

/** /account: the signed-in user and their passkeys. */
export class AccountPage {
  readonly passkeysHeading: Locator;
  /** The "Your passkeys" section: the list, and "Add a passkey". */
  readonly passkeysSection: Locator;
  /** One list item per passkey. */
  readonly passkeys: Locator;
  readonly addPasskeyButton: Locator;
  /** "Where should the passkey live?", next to "Add a passkey". */
  readonly newPasskeyPlace: PasskeyPlaceChoices;
  /** The header's "Sign out" (on every page; in the menu on narrow screens). */
  readonly signOutButton: Locator;
  readonly header: SiteHeader;
  /** The confirmation "Delete “<nickname>”?" with "Delete passkey" and "Keep it". */
  readonly deleteDialog: Locator;
  /** The dialog's safe choice, which has the focus when it opens. */
  readonly keepItButton: Locator;
  /** The rename form's "Passkey name" (one rename form is open at a time). */
  readonly passkeyName: Locator;
  /** role="status": e.g. "You signed in with a passkey on this device." after a sign-in. */
  readonly status: Locator;
  readonly error: Locator;
  /** "Change display name": opens the "Display name" field with "Save display name". */
  readonly changeDisplayNameButton: Locator;
  readonly displayName: Locator;
  readonly saveDisplayNameButton: Locator;
  /**
   * "Show what happened" of the ceremony that just ran here: the sign-in that led to this page
   * (right after it), or "Add a passkey".
   */
  readonly ceremonyPanel: CeremonyPanel;
  /**
   * The card that asks for a passkey now: "Create your passkey" (after a Temporary Access Pass
   * sign-in), "Set up a passkey" (the registration campaign) or "A passkey for this computer"
   * (after the phone hand-off). It tries to create one automatically first; under a virtual
   * authenticator that fails, and it offers `createPasskeyButton`.
   */
  readonly passkeySetup: Locator;
  /** The registration campaign's card, "Set up a passkey". */
  readonly campaignCard: Locator;
  /** The card's "Create a passkey" (the hand-off's card says "Create a passkey on this device"). */
  readonly createPasskeyButton: Locator;
  /** The campaign's snooze, shown while snoozes are left. */
  readonly notNowButton: Locator;

  constructor(readonly page: Page) {
    this.passkeysHeading = page.getByRole('heading', { name: 'Your passkeys', exact: true });
    this.passkeysSection = page.getByRole('region', { name: 'Your passkeys' });
    this.passkeys = this.passkeysSection.getByRole('listitem');
    this.addPasskeyButton = page.getByRole('button', { name: 'Add a passkey', exact: true });
    this.newPasskeyPlace = new PasskeyPlaceChoices(page, 'Where should the passkey live?');
    this.header = new SiteHeader(page);
    this.signOutButton = this.header.signOutButton;
    // A native <dialog> with role="alertdialog" (a destructive confirmation).
    this.deleteDialog = page.getByRole('alertdialog');
    this.keepItButton = this.deleteDialog.getByRole('button', { name: 'Keep it', exact: true });
    this.passkeyName = page.getByRole('textbox', { name: 'Passkey name', exact: true });
    this.status = page.getByRole('status');
    this.error = page.getByRole('alert');
    this.changeDisplayNameButton = page.getByRole('button', { name: 'Change display name', exact: true });
    this.displayName = page.getByRole('textbox', { name: 'Display name', exact: true });
    this.saveDisplayNameButton = page.getByRole('button', { name: 'Save display name', exact: true });
    this.ceremonyPanel = new CeremonyPanel(page);
    this.passkeySetup = page.getByRole('region', { name: /^(Create your passkey|Set up a passkey|A passkey for this computer)$/ });
    this.campaignCard = page.getByRole('region', { name: 'Set up a passkey', exact: true });
    this.createPasskeyButton = this.passkeySetup.getByRole('button', { name: /^Create a passkey( on this device)?$/ });
    this.notNowButton = page.getByRole('button', { name: 'Not now', exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto('/account');
  }

  /** The status message with this text, e.g. "You signed in from your phone.". */
  statusMessage(text: string): Locator {
    return this.status.filter({ hasText: text });
  }

  /** The account summary's "Signed in as <username>" (the header says it too: `header.signedInAs`). */
  signedInAs(username: string): Locator {
    return this.page.getByRole('main').getByText(`Signed in as ${username}`);
  }

  /** The note under a passkey whose provider name no attestation proved ("Not proven: …"). */
  unprovenNote(nickname: string): Locator {
    return this.passkey(nickname).getByText(/^Not proven:/);
  }

  /** The list item of the passkey with this nickname (its heading). */
  passkey(nickname: string): Locator {
    return this.passkeys.filter({ has: this.page.getByRole('heading', { name: nickname, exact: true }) });
  }

  async rename(nickname: string, newNickname: string): Promise<void> {
    const item = this.passkey(nickname);
    await item.getByRole('button', { name: 'Rename', exact: true }).click();
    await item.getByRole('textbox', { name: 'Passkey name', exact: true }).fill(newNickname);
    await item.getByRole('button', { name: 'Save name', exact: true }).click();
  }

  /** Opens the delete confirmation for this passkey. */
  async startDeleting(nickname: string): Promise<void> {
    await this.passkey(nickname).getByRole('button', { name: 'Delete', exact: true }).click();
  }

  async confirmDelete(): Promise<void> {
    await this.deleteDialog.getByRole('button', { name: 'Delete passkey', exact: true }).click();
  }

  async keepPasskey(): Promise<void> {
    await this.keepItButton.click();
  }

  async delete(nickname: string): Promise<void> {
    await this.startDeleting(nickname);
    await this.confirmDelete();
  }

  /** "Change display name", type the new one, "Save display name" (PATCH /api/account). */
  async changeDisplayName(displayName: string): Promise<void> {
    await this.changeDisplayNameButton.click();
    await this.displayName.fill(displayName);
    await this.saveDisplayNameButton.click();
  }

  async addPasskey(place?: PasskeyPlace): Promise<void> {
    if (place !== undefined) await this.newPasskeyPlace.choose(place);
    await this.addPasskeyButton.click();
  }

  /** The setup card's "Create a passkey", once its automatic attempt has given up. */
  async createFirstPasskey(): Promise<void> {
    await this.createPasskeyButton.click();
  }

  /** The campaign's "Not now". */
  async notNow(): Promise<void> {
    await this.notNowButton.click();
  }

  async signOut(): Promise<void> {
    await this.header.signOut();
  }
}
