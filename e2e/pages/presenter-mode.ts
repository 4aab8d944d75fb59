import type { Locator, Page } from '@playwright/test';
import { SiteHeader } from './site-header';

/**
 * Presenter mode: the switches in the header's menu and the notes beside a flow. The switches are
 * found even while the menu is closed (for their aria-pressed); `turnOn()` / `turnOff()` open the
 * menu first.
 */
export class PresenterMode {
  readonly header: SiteHeader;
  readonly presenterModeSwitch: Locator;
  readonly largeTypeSwitch: Locator;
  /** The notes beside the flow ("Presenter notes: …"). */
  readonly notes: Locator;
  /** The step the notes are on (aria-current="step"). */
  readonly currentStep: Locator;
  readonly nextStepButton: Locator;
  readonly previousStepButton: Locator;

  constructor(readonly page: Page) {
    this.header = new SiteHeader(page);
    this.presenterModeSwitch = page.getByRole('button', { name: 'Presenter mode', exact: true, includeHidden: true });
    this.largeTypeSwitch = page.getByRole('button', { name: 'Large type', exact: true, includeHidden: true });
    this.notes = page.getByRole('complementary', { name: /^Presenter notes/ });
    this.currentStep = this.notes.locator('li[aria-current="step"]');
    this.nextStepButton = this.notes.getByRole('button', { name: 'Next step', exact: true });
    this.previousStepButton = this.notes.getByRole('button', { name: 'Previous step', exact: true });
  }

  /** One of the three notes of the current step: "What the device does", "What the server checks", "What can go wrong". */
  note(term: 'What the device does' | 'What the server checks' | 'What can go wrong'): Locator {
    return this.notes.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  }

  async turnOn(): Promise<void> {
    await this.header.reveal(this.presenterModeSwitch);
    if ((await this.presenterModeSwitch.getAttribute('aria-pressed')) !== 'true') await this.presenterModeSwitch.click();
  }

  async turnOff(): Promise<void> {
    await this.header.reveal(this.presenterModeSwitch);
    if ((await this.presenterModeSwitch.getAttribute('aria-pressed')) === 'true') await this.presenterModeSwitch.click();
  }
}
