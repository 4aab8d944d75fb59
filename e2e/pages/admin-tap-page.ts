import type { Locator, Page } from '@playwright/test';
import { AdminFrame } from './admin-frame';

/** /admin/temporary-access-pass: "Issue pass" (the code shown once), and the passes issued. */
export class AdminTapPage extends AdminFrame {
  readonly username: Locator;
  readonly displayName: Locator;
  readonly lifetime: Locator;
  readonly oneTimeUse: Locator;
  readonly length: Locator;
  readonly issuePassButton: Locator;
  /** The region shown after issuing: "Temporary Access Pass for <username>". */
  readonly issued: Locator;
  /** The code in it (shown once). */
  readonly code: Locator;
  readonly copyCodeButton: Locator;
  readonly issueAnotherButton: Locator;
  /** The table of passes (no codes): one row per pass, row header the username. */
  readonly passes: Locator;

  constructor(page: Page) {
    super(page, page.getByRole('heading', { name: 'Temporary Access Pass', level: 1 }));
    this.username = page.getByRole('textbox', { name: 'Username', exact: true });
    this.displayName = page.getByRole('textbox', { name: 'Display name (optional)', exact: true });
    this.lifetime = page.getByRole('spinbutton', { name: 'Lifetime in minutes', exact: true });
    this.oneTimeUse = page.getByRole('checkbox', { name: 'One-time use', exact: true });
    this.length = page.getByRole('spinbutton', { name: 'Length in characters', exact: true });
    this.issuePassButton = page.getByRole('button', { name: 'Issue pass', exact: true });
    this.issued = page.getByRole('region', { name: /^Temporary Access Pass for / });
    this.code = this.issued.getByRole('code');
    this.copyCodeButton = page.getByRole('button', { name: 'Copy code', exact: true });
    this.issueAnotherButton = page.getByRole('button', { name: 'Done: issue another', exact: true });
    this.passes = page.getByRole('region', { name: 'Passes issued' }).getByRole('table');
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/temporary-access-pass');
  }

  /** The rows of one user's passes, newest first. */
  passesOf(username: string): Locator {
    return this.passes.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: username, exact: true }) });
  }

  async issuePass(username: string, settings: { lifetimeInMinutes?: number; oneTimeUse?: boolean; length?: number; displayName?: string } = {}): Promise<void> {
    await this.username.fill(username);
    if (settings.displayName !== undefined) await this.displayName.fill(settings.displayName);
    if (settings.lifetimeInMinutes !== undefined) await this.lifetime.fill(String(settings.lifetimeInMinutes));
    if (settings.oneTimeUse !== undefined) await this.oneTimeUse.setChecked(settings.oneTimeUse);
    if (settings.length !== undefined) await this.length.fill(String(settings.length));
    await this.issuePassButton.click();
  }
}
