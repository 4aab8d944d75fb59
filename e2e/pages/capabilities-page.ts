import type { Locator, Page } from '@playwright/test';

/** /capabilities: "What this browser can do", one table row per capability or feature check. */
export class CapabilitiesPage {
  readonly heading: Locator;
  readonly table: Locator;
  /** The body rows (the header row excluded). */
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'What this browser can do', exact: true, level: 1 });
    this.table = page.getByRole('table', { name: 'Passkey features of this browser', exact: true });
    this.rows = this.table.locator('tbody > tr');
  }

  async open(): Promise<void> {
    await this.page.goto('/capabilities');
  }

  /** The row of a capability key or feature check, e.g. `row('signalUnknownCredential')`, `row('extension:prf')`. */
  row(key: string): Locator {
    return this.rows.filter({ has: this.page.locator('code').filter({ hasText: new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  /** The "Supported" cell of that row: "Yes", "No" or "Unknown". */
  answer(key: string): Locator {
    return this.row(key).getByRole('cell').last();
  }
}
