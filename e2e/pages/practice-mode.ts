import type { Locator, Page } from '@playwright/test';
import { SiteHeader } from './site-header';

/**
 * Practice mode (src/features/practice-mode): a simulated device answers every passkey request
 * in the tab. "Practise with a simulated device" (on /, /register, /sign-in and in the header
 * menu) opens "Choose a simulated device"; while it is on, the "Simulated device" region sits
 * under the header, and the device's own prompt is a dialog named "<device> (simulated)".
 * Autofill requests wait: the passkeys that fit are offered under the username field.
 */
export class PracticeMode {
  readonly header: SiteHeader;
  /** The page's own button (absent while practice mode is on). */
  readonly pageButton: Locator;
  /** The header menu's item (in the menu: open it first on narrow screens). */
  readonly menuItem: Locator;
  readonly chooser: Locator;
  readonly useThisDeviceButton: Locator;
  readonly banner: Locator;
  readonly stopButton: Locator;
  readonly approveAutomatically: Locator;
  readonly chooseAnotherDeviceButton: Locator;
  /** The autofill suggestions under the username field. */
  readonly suggestions: Locator;

  constructor(readonly page: Page) {
    this.header = new SiteHeader(page);
    this.pageButton = page.getByRole('main').getByRole('button', { name: 'Practise with a simulated device', exact: true });
    this.menuItem = this.header.banner.getByRole('button', { name: 'Practise with a simulated device', exact: true });
    this.chooser = page.getByRole('dialog', { name: 'Choose a simulated device' });
    this.useThisDeviceButton = this.chooser.getByRole('button', { name: 'Use this device', exact: true });
    this.banner = page.getByRole('region', { name: 'Simulated device' });
    this.stopButton = this.banner.getByRole('button', { name: 'Stop simulating', exact: true });
    this.approveAutomatically = this.banner.getByRole('checkbox', { name: 'Approve automatically', exact: true });
    this.chooseAnotherDeviceButton = this.banner.getByRole('button', { name: 'Choose another device', exact: true });
    this.suggestions = page.getByRole('group', { name: 'Simulated passkey suggestions' });
  }

  /** The device's prompt, named after the device ("Microsoft Authenticator on iPhone (simulated)"). */
  prompt(deviceName: string): Locator {
    return this.page.getByRole('dialog', { name: `${deviceName} (simulated)`, exact: true });
  }

  approveButton(deviceName: string): Locator {
    return this.prompt(deviceName).getByRole('button', { name: 'Approve', exact: true });
  }

  cancelButton(deviceName: string): Locator {
    return this.prompt(deviceName).getByRole('button', { name: 'Cancel', exact: true });
  }

  /** The option for `deviceName` in the chooser ("iCloud Keychain"). */
  deviceOption(deviceName: string): Locator {
    return this.chooser.getByRole('radio', { name: deviceName, exact: true });
  }

  /** One passkey under the username field ("Sign in as alice"). */
  suggestion(userName: string): Locator {
    return this.suggestions.getByRole('button', { name: `Sign in as ${userName}`, exact: true });
  }

  /** Opens the chooser from the page's button. */
  async openChooser(): Promise<void> {
    await this.pageButton.click();
    await this.chooser.waitFor();
  }

  /** Opens the chooser from the header menu (any page). */
  async openChooserFromMenu(): Promise<void> {
    await this.header.openMenu();
    await this.menuItem.click();
    await this.chooser.waitFor();
  }

  /** Chooses a device in the open chooser and waits for the banner. */
  async choose(deviceName: string): Promise<void> {
    await this.deviceOption(deviceName).check();
    await this.useThisDeviceButton.click();
    await this.banner.waitFor();
  }

  /** Page button (or the menu on a page without one), then the device. */
  async use(deviceName: string): Promise<void> {
    if (await this.pageButton.isVisible()) await this.openChooser();
    else await this.openChooserFromMenu();
    await this.choose(deviceName);
  }

  async approve(deviceName: string): Promise<void> {
    await this.approveButton(deviceName).click();
  }

  /** Picks one of several passkeys in the prompt, then approves. */
  async pickAndApprove(deviceName: string, userName: string): Promise<void> {
    await this.prompt(deviceName).getByRole('radio', { name: new RegExp(`^${userName}\\b`) }).check();
    await this.approve(deviceName);
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
    await this.banner.waitFor({ state: 'detached' });
  }
}
