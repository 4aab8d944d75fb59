import type { Locator, Page } from '@playwright/test';
import { AdminFrame } from './admin-frame';

/** /admin/aaguids: "AAGUID inventory" and "Prepare allow list" (what-if, then "Apply allow list"). */
export class AdminAaguidsPage extends AdminFrame {
  /** The inventory table: one row per AAGUID (row header: provider and AAGUID). */
  readonly inventory: Locator;
  /** "Prepare allow list": radio group "Microsoft Authenticator" (All / iOS / Android). */
  readonly microsoftAuthenticator: Locator;
  readonly enforceAttestation: Locator;
  readonly overwriteExistingAaguids: Locator;
  readonly prepareAllowListButton: Locator;
  /** The what-if's list of AAGUIDs that would be allowed. */
  readonly wouldAllow: Locator;
  readonly applyAllowListButton: Locator;
  /** role="status" "Allow list applied." */
  readonly applied: Locator;

  constructor(page: Page) {
    super(page, page.getByRole('heading', { name: 'AAGUID inventory', level: 1 }));
    this.inventory = page.getByRole('table', { name: 'AAGUIDs registered in the tenant, most passkeys first' });
    const prepare = page.getByRole('region', { name: 'Prepare allow list' });
    this.microsoftAuthenticator = prepare.getByRole('group', { name: 'Microsoft Authenticator', exact: true });
    this.enforceAttestation = prepare.getByRole('checkbox', { name: 'Enforce attestation', exact: true });
    this.overwriteExistingAaguids = prepare.getByRole('checkbox', { name: 'Overwrite existing AAGUIDs', exact: true });
    this.prepareAllowListButton = page.getByRole('button', { name: 'Prepare allow list', exact: true });
    this.wouldAllow = page.getByRole('list', { name: 'AAGUIDs that would be allowed' }).getByRole('listitem');
    this.applyAllowListButton = page.getByRole('button', { name: 'Apply allow list', exact: true });
    this.applied = page.getByRole('status').filter({ hasText: 'Allow list applied.' });
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/aaguids');
  }

  /** The inventory row of one AAGUID. */
  row(aaguid: string): Locator {
    return this.inventory.getByRole('row').filter({ hasText: aaguid });
  }

  /** A cell of that row by its column ("Passkeys", "Users", "Last used", "Allowed by policy"). */
  cell(aaguid: string, column: 'Passkeys' | 'Users' | 'Last used' | 'Allowed by policy'): Locator {
    const index = { Passkeys: 0, Users: 1, 'Last used': 2, 'Allowed by policy': 3 }[column];
    return this.row(aaguid).getByRole('cell').nth(index);
  }

  /** Opens the "Only a claim" note of an AAGUID whose passkeys were not all attested. */
  async showClaimNote(aaguid: string): Promise<void> {
    await this.row(aaguid).getByText(/^Only a claim:/).click();
  }

  /** Chooses the options and presses "Prepare allow list" (nothing is saved). */
  async prepareAllowList(options: { microsoft?: 'All' | 'iOS' | 'Android'; enforceAttestation?: boolean; overwrite?: boolean } = {}): Promise<void> {
    if (options.microsoft) await this.microsoftAuthenticator.getByRole('radio', { name: options.microsoft, exact: true }).check();
    if (options.enforceAttestation !== undefined) await this.enforceAttestation.setChecked(options.enforceAttestation);
    if (options.overwrite !== undefined) await this.overwriteExistingAaguids.setChecked(options.overwrite);
    await this.prepareAllowListButton.click();
  }

  async applyAllowList(): Promise<void> {
    await this.applyAllowListButton.click();
  }
}
