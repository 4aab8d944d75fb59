import type { Locator, Page } from '@playwright/test';
import { AdminFrame } from './admin-frame';

/**
 * /admin/policy: "Passkey policy", the Entra admin centre's Authentication methods › Passkey
 * (FIDO2). "Enable and target", "Configure" (the default profile), "Review changes" → the impact
 * → "Save policy"; the saved profiles; the export for a real tenant (Graph JSON, PowerShell).
 */
export class AdminPolicyPage extends AdminFrame {
  readonly enable: Locator;
  /** Include: radios "All users" / "Select groups". */
  readonly includeAllUsers: Locator;
  readonly includeSelectedGroups: Locator;
  readonly allowSelfServiceSetUp: Locator;
  readonly enforceAttestation: Locator;
  readonly enforceKeyRestrictions: Locator;
  /** "Passkey types": the radio "Device-bound only". */
  readonly deviceBoundOnly: Locator;
  /** The radio group "Restrict specific keys" and its radios "Allow" / "Block". */
  readonly restrictSpecificKeys: Locator;
  readonly allow: Locator;
  readonly block: Locator;
  /** Adds or removes both of Microsoft Authenticator's AAGUIDs. */
  readonly microsoftAuthenticator: Locator;
  readonly addAaguidsBox: Locator;
  readonly addToListButton: Locator;
  /** The key restriction list: one item per AAGUID (provider name, AAGUID, "Remove"). */
  readonly aaguids: Locator;
  /** Under "Add AAGUIDs": which entries are not AAGUIDs. */
  readonly aaguidError: Locator;
  readonly reviewChangesButton: Locator;
  readonly savePolicyButton: Locator;
  readonly keepEditingButton: Locator;
  /** The review region that "Review changes" opens: changes, impact, "Save policy". */
  readonly review: Locator;
  /** In the review: the highlighted list of people who would be locked out. */
  readonly usersLockedOut: Locator;
  /** In the review: "Nobody would be locked out." */
  readonly nobodyLockedOut: Locator;
  /** In the review: the table of passkeys that would stop working (owner, passkey, provider, reason). */
  readonly passkeysStopping: Locator;
  /** role="status" "Policy saved." */
  readonly saved: Locator;
  readonly profiles: Locator;
  /** The export's code blocks (regions named by their headings) and their Copy buttons. */
  readonly graphJson: Locator;
  readonly powerShell: Locator;
  readonly copyJsonButton: Locator;
  readonly copyPowerShellButton: Locator;

  constructor(page: Page) {
    super(page, page.getByRole('heading', { name: 'Passkey policy', level: 1 }));
    this.enable = page.getByRole('checkbox', { name: 'Enable', exact: true });
    this.includeAllUsers = page.getByRole('radio', { name: 'All users', exact: true });
    this.includeSelectedGroups = page.getByRole('radio', { name: 'Select groups', exact: true });
    this.allowSelfServiceSetUp = page.getByRole('checkbox', { name: 'Allow self-service set up', exact: true });
    this.enforceAttestation = page.getByRole('checkbox', { name: 'Enforce attestation', exact: true });
    this.enforceKeyRestrictions = page.getByRole('checkbox', { name: 'Enforce key restrictions', exact: true });
    this.deviceBoundOnly = page.getByRole('group', { name: 'Passkey types', exact: true }).getByRole('radio', { name: 'Device-bound only', exact: true });
    this.restrictSpecificKeys = page.getByRole('group', { name: 'Restrict specific keys', exact: true });
    this.allow = this.restrictSpecificKeys.getByRole('radio', { name: 'Allow', exact: true });
    this.block = this.restrictSpecificKeys.getByRole('radio', { name: 'Block', exact: true });
    this.microsoftAuthenticator = page.getByRole('checkbox', { name: 'Microsoft Authenticator', exact: true });
    this.addAaguidsBox = page.getByRole('textbox', { name: 'Add AAGUIDs', exact: true });
    this.addToListButton = page.getByRole('button', { name: 'Add to list', exact: true });
    this.aaguids = page.getByRole('list', { name: 'AAGUIDs in the key restriction list' }).getByRole('listitem');
    this.aaguidError = page.getByText(/ is not an AAGUID\.|These are not AAGUIDs:/);
    this.reviewChangesButton = page.getByRole('button', { name: 'Review changes', exact: true });
    this.savePolicyButton = page.getByRole('button', { name: 'Save policy', exact: true });
    this.keepEditingButton = page.getByRole('button', { name: 'Keep editing', exact: true });
    this.review = page.getByRole('region', { name: 'Review the impact before saving' });
    this.usersLockedOut = this.review.getByRole('group', { name: 'Users who would be locked out' });
    this.nobodyLockedOut = this.review.getByText('Nobody would be locked out.', { exact: true });
    this.passkeysStopping = this.review.getByRole('table');
    this.saved = page.getByRole('status').filter({ hasText: 'Policy saved.' });
    this.profiles = page.getByRole('list', { name: 'Passkey profiles' }).getByRole('listitem').filter({ has: page.getByRole('heading') });
    this.graphJson = page.getByRole('region', { name: 'Microsoft Graph PATCH body' });
    this.powerShell = page.getByRole('region', { name: 'Microsoft Graph PowerShell' });
    this.copyJsonButton = page.getByRole('button', { name: 'Copy JSON', exact: true });
    this.copyPowerShellButton = page.getByRole('button', { name: 'Copy PowerShell', exact: true });
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/policy');
  }

  /** The item of one AAGUID in the key restriction list. */
  aaguid(aaguid: string): Locator {
    return this.aaguids.filter({ hasText: aaguid });
  }

  /** A row of the review's "would stop working" table, by owner. */
  passkeyStopping(username: string): Locator {
    return this.passkeysStopping.getByRole('row').filter({ hasText: username });
  }

  /** "Enforce key restrictions" on, "Restrict specific keys: Allow". */
  async restrictToAllowList(): Promise<void> {
    await this.enforceKeyRestrictions.check();
    await this.allow.check();
  }

  /** Types or pastes into "Add AAGUIDs" and presses "Add to list". */
  async addAaguids(text: string): Promise<void> {
    await this.addAaguidsBox.fill(text);
    await this.addToListButton.click();
  }

  async removeAaguid(aaguid: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${aaguid}`, exact: true }).click();
  }

  async excludeGroup(displayName: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Group to exclude', exact: true }).selectOption({ label: displayName });
    await this.page.getByRole('button', { name: 'Exclude group', exact: true }).click();
  }

  async reviewChanges(): Promise<void> {
    await this.reviewChangesButton.click();
  }

  async savePolicy(): Promise<void> {
    await this.savePolicyButton.click();
  }
}
