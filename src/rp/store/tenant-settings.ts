import { defaultFido2Policy, type Fido2Policy, fido2PolicySchema } from '../../shared/policy.js';
import { campaignFromLegacyPolicy, type RegistrationCampaign, registrationCampaignSchema } from '../../shared/registration-campaign.js';
import { defaultRolloutSettings, type RolloutSettings, rolloutSettingsSchema } from '../../shared/rollout.js';
import { type ConditionalAccessRule, conditionalAccessSchema } from '../../shared/tenant.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

/** The sensitive app's rule in a fresh lab: phishing-resistant MFA, any passkey. */
export const defaultConditionalAccess = (): ConditionalAccessRule => ({ state: 'enabled', requirePhishingResistant: true, allowedAaguids: [] });

/**
 * Each setting as last parsed, by database and key, with the text it was parsed from. Every
 * ceremony reads the policy, and parsing and validating it again (JSON.parse, zod) cost more
 * than reading the row; reusing it when the stored text is the same needs no invalidation.
 * Frozen, so no caller can change the copy others share.
 */
const parsedSettings = new WeakMap<Db, Map<string, { text: string; value: unknown }>>();

function read<T>(db: Db, key: string, parse: (value: unknown) => T, fallback: () => T): T {
  const row = statement<[string], { value: string }>(db, 'SELECT value FROM tenant_settings WHERE key = ?').get(key);
  if (!row) return fallback();
  let cache = parsedSettings.get(db);
  if (!cache) parsedSettings.set(db, (cache = new Map()));
  const cached = cache.get(key);
  if (cached?.text === row.value) return cached.value as T;
  const value = deepFreeze(parse(JSON.parse(row.value)));
  cache.set(key, { text: row.value, value });
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

function write(db: Db, key: string, value: unknown): void {
  statement(db, 'INSERT INTO tenant_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

/** The stored passkey policy (validated when saved), or the lab's default. */
export function readPolicy(db: Db): Fido2Policy {
  return read(db, 'fido2Policy', (value) => fido2PolicySchema.parse(value), defaultFido2Policy);
}

export function savePolicy(db: Db, policy: Fido2Policy): void {
  write(db, 'fido2Policy', policy);
}

export function readConditionalAccess(db: Db): ConditionalAccessRule {
  return read(db, 'conditionalAccess', (value) => conditionalAccessSchema.parse(value), defaultConditionalAccess);
}

export function saveConditionalAccess(db: Db, rule: ConditionalAccessRule): void {
  write(db, 'conditionalAccess', rule);
}

/**
 * The registration campaign (Graph's shape). A lab that never saved one keeps its earlier
 * behaviour: the policy's include targets with isRegistrationRequired, in the Graph shape.
 */
export function readRegistrationCampaign(db: Db): RegistrationCampaign {
  return read(db, 'registrationCampaign', (value) => registrationCampaignSchema.parse(value), () =>
    campaignFromLegacyPolicy(readPolicy(db).includeTargets.filter((target) => target.isRegistrationRequired).map((target) => target.id)),
  );
}

export function saveRegistrationCampaign(db: Db, campaign: RegistrationCampaign): void {
  write(db, 'registrationCampaign', campaign);
}

/** The tenant date and the passkeys-by-default opt-out. */
export function readRolloutSettings(db: Db): RolloutSettings {
  return read(db, 'rollout', (value) => rolloutSettingsSchema.parse(value), defaultRolloutSettings);
}

export function saveRolloutSettings(db: Db, settings: RolloutSettings): void {
  write(db, 'rollout', settings);
}
