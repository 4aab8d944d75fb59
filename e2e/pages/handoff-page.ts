import type { Locator, Page } from '@playwright/test';

/**
 * The lab's two-device hand-off (docs/api.md, "Cross-device hand-off"): the computer shows a
 * link as a QR code and waits; the phone opens the link, confirms, runs its own passkey
 * ceremony; the computer is then signed in. Two page objects: `HandoffWaitPage` for the
 * computer (/handoff/<id>/wait) and `HandoffPhonePage` for the phone (/handoff/<id>, /handoff).
 */

/** Headings both sides show when a hand-off can no longer be used. */
class HandoffEndings {
  readonly expired: Locator;
  readonly alreadyUsed: Locator;
  readonly notFound: Locator;

  constructor(page: Page) {
    this.expired = page.getByRole('heading', { name: 'This hand-off has expired', exact: true });
    this.alreadyUsed = page.getByRole('heading', { name: 'This hand-off was already used', exact: true });
    this.notFound = page.getByRole('heading', { name: 'We could not find this hand-off', exact: true });
  }
}

const WAIT_PATH = /\/handoff\/([A-Za-z0-9_-]+)\/wait$/;

/** The computer: /handoff/<id>/wait, after "Use my phone" on /register or /sign-in. */
export class HandoffWaitPage extends HandoffEndings {
  readonly heading: Locator;
  readonly qrCode: Locator;
  /** The link the QR code holds, as text (for people who type it): `<origin>/handoff/<id>`. */
  readonly link: Locator;
  /** The short code ("ABCD-EFGH") to type on the phone at /handoff. */
  readonly code: Locator;
  /** "Expires in m:ss". */
  readonly countdown: Locator;
  /** e.g. "This hand-off was started in another browser". */
  readonly error: Locator;
  readonly startAgainButton: Locator;

  constructor(readonly page: Page) {
    super(page);
    this.heading = page.getByRole('heading', { name: 'Continue on your phone', exact: true });
    this.qrCode = page.getByRole('img', { name: 'QR code for the hand-off link', exact: true });
    this.link = page.getByText(/^https?:\/\/[^\s/]+\/handoff\/[A-Za-z0-9_-]+$/);
    // A <dd> cannot be named (aria-labelledby may be ignored there): the description after "Code".
    this.code = page.locator('dt', { hasText: /^Code$/ }).locator('xpath=following-sibling::dd[1]');
    this.countdown = page.getByRole('timer');
    this.error = page.getByRole('alert');
    this.startAgainButton = page.getByRole('button', { name: 'Start again', exact: true });
  }

  static url(id: string): string {
    return `/handoff/${encodeURIComponent(id)}/wait`;
  }

  /** The hand-off id in the page's URL (throws when the page is not a wait page). */
  id(): string {
    const id = WAIT_PATH.exec(new URL(this.page.url()).pathname)?.[1];
    if (!id) throw new Error(`not a hand-off wait page: ${this.page.url()}`);
    return id;
  }

  /** The URL shown on the page, as a person would copy it to the phone. */
  async linkText(): Promise<string> {
    return ((await this.link.textContent()) ?? '').trim();
  }

  async codeText(): Promise<string> {
    return ((await this.code.textContent()) ?? '').trim();
  }

  async open(id: string): Promise<void> {
    await this.page.goto(HandoffWaitPage.url(id));
  }

  async startAgain(): Promise<void> {
    await this.startAgainButton.click();
  }

  /**
   * Marks the current document, so `isSameDocument()` can tell later whether the page was
   * reloaded (a full navigation loses the mark; the SPA's client-side navigation keeps it).
   */
  async markDocument(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as Record<string, unknown>).__handoffWaitDocument = true;
    });
  }

  async isSameDocument(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as Record<string, unknown>).__handoffWaitDocument === true);
  }
}

/** The phone: /handoff/<id> (what the QR code opens) and /handoff (type the code). */
export class HandoffPhonePage extends HandoffEndings {
  /** Names the asking browser and system ("Chrome on Windows") and what it asks for. */
  readonly main: Locator;
  readonly itWasMeButton: Locator;
  /** Registration hand-off: creates the account typed on the computer, on this phone. */
  readonly createPasskeyButton: Locator;
  /** Sign-in hand-off. */
  readonly signInWithPasskeyButton: Locator;
  readonly done: Locator;
  /** /handoff */
  readonly codeInput: Locator;
  readonly openButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    super(page);
    this.main = page.getByRole('main');
    this.itWasMeButton = page.getByRole('button', { name: 'Yes, it was me', exact: true });
    this.createPasskeyButton = page.getByRole('button', { name: 'Create a passkey', exact: true });
    this.signInWithPasskeyButton = page.getByRole('button', { name: 'Sign in with a passkey', exact: true });
    this.done = page.getByRole('heading', { name: 'Done — go back to your computer', exact: true });
    this.codeInput = page.getByRole('textbox', { name: 'Hand-off code', exact: true });
    this.openButton = page.getByRole('button', { name: 'Open', exact: true });
    this.error = page.getByRole('alert');
  }

  /** Opens a link as shown on the computer (absolute) or a path. */
  async open(link: string): Promise<void> {
    await this.page.goto(link);
  }

  /** /handoff, then types the short code shown on the computer. */
  async openWithCode(code: string): Promise<void> {
    await this.page.goto('/handoff');
    await this.codeInput.fill(code);
    await this.openButton.click();
  }

  async confirmItWasMe(): Promise<void> {
    await this.itWasMeButton.click();
  }

  async createPasskey(): Promise<void> {
    await this.createPasskeyButton.click();
  }

  async signInWithPasskey(): Promise<void> {
    await this.signInWithPasskeyButton.click();
  }
}
