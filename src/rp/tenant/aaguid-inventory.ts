/**
 * The AAGUID inventory (the admin screen, and Entra's Get-PasskeyDeviceBoundAAGUID report): every
 * AAGUID the tenant's passkeys carry, how many passkeys and people use it, how many were attested
 * (or came from a simulated device), when it was last used, and whether the policy allows it.
 */
import type { Fido2Policy } from '../../shared/policy.js';
import type { AaguidUsage } from '../../shared/tenant.js';
import type { Deps } from '../http/env.js';
import { type AuthenticatorInfo, providerIcon } from '../metadata/directory.js';
import { aaguidAllowedByPolicy } from '../policy/evaluate.js';
import { type CredentialRow, listAllCredentials } from '../store/credentials.js';
import { readPolicy } from '../store/tenant-settings.js';

type InventoryRow = Pick<CredentialRow, 'aaguid' | 'attested' | 'simulated' | 'last_used_at'> & { username: string };

/** Groups passkeys by AAGUID; most passkeys first, a tie in AAGUID order. Pure. */
export function aaguidUsages(rows: readonly InventoryRow[], lookup: (aaguid: string) => AuthenticatorInfo, policy: Fido2Policy): AaguidUsage[] {
  const byAaguid = new Map<string, AaguidUsage>();
  for (const row of rows) {
    const provider = lookup(row.aaguid);
    const usage = byAaguid.get(row.aaguid) ?? {
      aaguid: row.aaguid,
      providerName: provider.name,
      providerIcon: providerIcon(provider),
      passkeys: 0,
      users: 0,
      usernames: [],
      attestedPasskeys: 0,
      simulatedPasskeys: 0,
      lastUsedAt: null,
      allowedByPolicy: aaguidAllowedByPolicy(policy, row.aaguid),
    };
    usage.passkeys += 1;
    usage.attestedPasskeys += row.attested;
    usage.simulatedPasskeys += row.simulated;
    if (!usage.usernames.includes(row.username)) usage.usernames.push(row.username);
    usage.users = usage.usernames.length;
    if (row.last_used_at && (!usage.lastUsedAt || row.last_used_at > usage.lastUsedAt)) usage.lastUsedAt = row.last_used_at;
    byAaguid.set(row.aaguid, usage);
  }
  return [...byAaguid.values()].sort((a, b) => b.passkeys - a.passkeys || a.aaguid.localeCompare(b.aaguid));
}

/** The tenant's inventory now. */
export function aaguidInventory({ db, directory }: Deps): AaguidUsage[] {
  return aaguidUsages(listAllCredentials(db), (aaguid) => directory.lookup(aaguid), readPolicy(db));
}

/** The AAGUIDs in use (for "Prepare allow list"). */
export function aaguidsInUse({ db }: Deps): string[] {
  return [...new Set(listAllCredentials(db).map((row) => row.aaguid))];
}
