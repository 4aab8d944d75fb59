import type { Locator, Page } from '@playwright/test';

/** The four choices of "where the passkey lives / is"; each becomes a WebAuthn hint. */
export type PasskeyPlace = 'Let my browser decide' | 'This device' | 'A phone or tablet' | 'A security key';

/**
 * The radio group on /register and /account ("Where should the passkey live?") and on
 * /sign-in ("Where is your passkey?"). "Let my browser decide" is the default (no hint);
 * "This device" → client-device, "A phone or tablet" → hybrid, "A security key" → security-key.
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

  constructor(
    readonly page: Page,
    legend: string,
  ) {
    this.group = page.getByRole('group', { name: legend, exact: true }).or(page.getByRole('radiogroup', { name: legend, exact: true }));
    this.phoneExplanation = page
      .locator('section, aside, div, ul, ol, p')
      .filter({ hasText: /QR code/i })
      .filter({ hasText: /Bluetooth/i })
      .filter({ hasNot: page.getByRole('radio') })
      .last();
  }

  radio(place: PasskeyPlace): Locator {
    return this.group.getByRole('radio', { name: place, exact: true });
  }

  async choose(place: PasskeyPlace): Promise<void> {
    await this.radio(place).check();
  }
}
