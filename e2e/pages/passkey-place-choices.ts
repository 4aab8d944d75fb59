import type { Locator, Page } from '@playwright/test';

/** The four choices of "where the passkey lives / is"; each becomes a WebAuthn hint. */
export type PasskeyPlace = 'Let my browser decide' | 'This device' | 'A phone or tablet' | 'A security key';

/**
 * The radio group on /register and /account ("Where should the passkey live?") and on
 * /sign-in ("Where is your passkey?"). "Let my browser decide" is the default (no hint);
 * "This device" → client-device, "A phone or tablet" → hybrid, "A security key" → security-key.
 *
 * On /sign-in and /register the group is inside a disclosure (a <details> whose summary starts
 * with the legend), closed by default: `radio()` finds a radio even while it is closed (for
 * `toBeChecked`), and `choose()` opens it first.
 */
export class PasskeyPlaceChoices {
  /** The group itself (a <fieldset> is role "group"; a custom one may be "radiogroup"). */
  readonly group: Locator;
  /**
   * Shown once "A phone or tablet" is chosen, before the ceremony: what the browser will show
   * (a QR code) and what to turn on (Bluetooth). The innermost element that mentions both,
   * outside the choices themselves (their descriptions mention a QR code and Bluetooth keys).
   */
  readonly phoneExplanation: Locator;

  /** The disclosure's summary, where there is one and it is closed. */
  readonly closedDisclosure: Locator;

  constructor(
    readonly page: Page,
    legend: string,
  ) {
    this.group = page
      .getByRole('group', { name: legend, exact: true, includeHidden: true })
      .or(page.getByRole('radiogroup', { name: legend, exact: true, includeHidden: true }));
    this.closedDisclosure = page.locator('details:not([open]) > summary').filter({ hasText: legend });
    this.phoneExplanation = page
      .locator('section, aside, div, ul, ol, p')
      .filter({ hasText: /QR code/i })
      .filter({ hasText: /Bluetooth/i })
      .filter({ hasNot: page.getByRole('radio', { includeHidden: true }) })
      .last();
  }

  radio(place: PasskeyPlace): Locator {
    return this.group.getByRole('radio', { name: place, exact: true, includeHidden: true });
  }

  /** Opens the disclosure the choices are in, if they are in a closed one. */
  async open(): Promise<void> {
    await this.group.first().waitFor({ state: 'attached' });
    if ((await this.closedDisclosure.count()) > 0) await this.closedDisclosure.click();
  }

  async choose(place: PasskeyPlace): Promise<void> {
    await this.open();
    await this.radio(place).check();
  }
}
