import type { Locator, Page } from '@playwright/test';

/**
 * /prf: "Encrypt a note with your passkey". "Unlock with passkey" asks for a passkey with the
 * PRF extension and derives an AES key in the page; then "Note", "Encrypt" and "Decrypt". The
 * ciphertext is kept in this browser (localStorage) and shown; the note never leaves the page.
 */
export class PrfPage {
  readonly heading: Locator;
  readonly unlockButton: Locator;
  /** Shown once unlocked. */
  readonly note: Locator;
  readonly encryptButton: Locator;
  readonly decryptButton: Locator;
  /** "Encrypted note (base64: 12-byte IV, then AES-GCM ciphertext)": the stored ciphertext. */
  readonly ciphertext: Locator;
  /** role="status": "Unlocked. …", "Encrypted. …", "Decrypted the note encrypted on …". */
  readonly status: Locator;
  /** role="alert": e.g. the passkey or browser does not support PRF. */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Encrypt a note with your passkey', exact: true, level: 1 });
    this.unlockButton = page.getByRole('button', { name: 'Unlock with passkey', exact: true });
    this.note = page.getByRole('textbox', { name: 'Note', exact: true });
    this.encryptButton = page.getByRole('button', { name: 'Encrypt', exact: true });
    this.decryptButton = page.getByRole('button', { name: 'Decrypt', exact: true });
    this.ciphertext = page.getByLabel(/^Encrypted note\b/);
    this.status = page.getByRole('status');
    this.error = page.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.goto('/prf');
  }

  /** "Unlock with passkey": the authenticator answers by itself (automatic presence, UV succeeds). */
  async unlock(): Promise<void> {
    await this.unlockButton.click();
  }

  async encrypt(note: string): Promise<void> {
    await this.note.fill(note);
    await this.encryptButton.click();
  }

  async decrypt(): Promise<void> {
    await this.decryptButton.click();
  }
}
