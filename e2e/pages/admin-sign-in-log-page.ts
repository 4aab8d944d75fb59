import type { Locator, Page } from '@playwright/test';
import { AdminFrame } from './admin-frame';

/** /admin/sign-in-log: filters (username, ceremony, result) and the entries, newest first. */
export class AdminSignInLogPage extends AdminFrame {
  readonly username: Locator;
  readonly ceremony: Locator;
  readonly result: Locator;
  readonly filterButton: Locator;
  readonly clearFiltersButton: Locator;
  readonly refreshButton: Locator;
  /** One row per entry (the header row excluded). */
  readonly entries: Locator;
  /** role="status": "3 entries match, newest first." / "No entry matches these filters." */
  readonly count: Locator;

  constructor(page: Page) {
    super(page, page.getByRole('heading', { name: 'Sign-in log', level: 1 }));
    const filters = page.getByRole('form', { name: 'Filter the sign-in log' });
    this.username = filters.getByRole('textbox', { name: 'Username', exact: true });
    this.ceremony = filters.getByRole('combobox', { name: 'Ceremony', exact: true });
    this.result = filters.getByRole('combobox', { name: 'Result', exact: true });
    this.filterButton = filters.getByRole('button', { name: 'Filter', exact: true });
    this.clearFiltersButton = filters.getByRole('button', { name: 'Clear filters', exact: true });
    this.refreshButton = filters.getByRole('button', { name: 'Refresh', exact: true });
    this.entries = page.getByRole('table', { name: 'Sign-in log, newest first' }).getByRole('row').filter({ has: page.getByRole('cell') });
    this.count = page.getByRole('status').filter({ hasText: /entr(y|ies)|No entry|No sign-in/ });
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/admin/sign-in-log${query}`);
  }

  /** Sets the filters given (others left as they are) and presses "Filter". */
  async filter(filters: { username?: string; ceremony?: string; result?: string }): Promise<void> {
    if (filters.username !== undefined) await this.username.fill(filters.username);
    if (filters.ceremony !== undefined) await this.ceremony.selectOption({ label: filters.ceremony });
    if (filters.result !== undefined) await this.result.selectOption({ label: filters.result });
    await this.filterButton.click();
  }

  /** A cell of an entry by column: "When", "User", "Ceremony", "Result", "Authenticator". */
  cell(entry: Locator, column: 'When' | 'User' | 'Ceremony' | 'Result' | 'Authenticator'): Locator {
    return entry.getByRole('cell').nth(['When', 'User', 'Ceremony', 'Result', 'Authenticator'].indexOf(column));
  }
}
