import type { Locator, Page } from '@playwright/test';
import { AdminFrame } from './admin-frame';

/** /admin/conditional-access: the rule "Sensitive app requires Phishing-resistant MFA". */
export class AdminConditionalAccessPage extends AdminFrame {
  readonly rule: Locator;
  readonly enableRule: Locator;
  readonly requirePhishingResistant: Locator;
  readonly addAaguidsBox: Locator;
  readonly addToListButton: Locator;
  /** The allowed AAGUIDs (empty: any passkey). */
  readonly allowedAaguids: Locator;
  readonly saveRuleButton: Locator;
  /** role="status" "Rule saved. …" */
  readonly saved: Locator;

  constructor(page: Page) {
    super(page, page.getByRole('heading', { name: 'Conditional access', level: 1 }));
    this.rule = page.getByRole('heading', { name: 'Sensitive app requires Phishing-resistant MFA' });
    this.enableRule = page.getByRole('checkbox', { name: 'Enable rule', exact: true });
    this.requirePhishingResistant = page.getByRole('checkbox', { name: 'Require phishing-resistant MFA', exact: true });
    this.addAaguidsBox = page.getByRole('textbox', { name: 'Add AAGUIDs', exact: true });
    this.addToListButton = page.getByRole('button', { name: 'Add to list', exact: true });
    this.allowedAaguids = page.getByRole('list', { name: 'Allowed AAGUIDs' }).getByRole('listitem');
    this.saveRuleButton = page.getByRole('button', { name: 'Save rule', exact: true });
    this.saved = page.getByRole('status').filter({ hasText: 'Rule saved.' });
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/conditional-access');
  }

  async addAaguids(text: string): Promise<void> {
    await this.addAaguidsBox.fill(text);
    await this.addToListButton.click();
  }

  async saveRule(): Promise<void> {
    await this.saveRuleButton.click();
  }
}
