import { usernameKey } from '../shared/usernames.js';

/**
 * The relying party's configuration, read once from the environment. Handlers never
 * hard-code an origin or an RP ID; they get them from here.
 */
export interface RpConfig {
  /** WebAuthn relying-party ID: a registrable domain, never an IP address. Default `localhost`. */
  rpId: string;
  /** Name shown by authenticators. Default `Passkey Lab`. */
  rpName: string;
  /** Origins allowed in clientDataJSON and in the `Origin` header. Default `http://localhost:<port>`. */
  origins: string[];
  /** Port of the production server. Default 3000. */
  port: number;
  /** SQLite file, or `:memory:`. Default `data/passkey-lab.db`. */
  databasePath: string;
  /** Mark the session cookie Secure: true when every allowed origin is https. */
  secureCookies: boolean;
  /** Other https origins allowed to use this RP ID, served at /.well-known/webauthn (`RELATED_ORIGINS`). */
  relatedOrigins: string[];
  /** A community passkey-provider list file (`aaguid.json` format) for provider names and icons (`AAGUID_METADATA_PATH`). */
  aaguidMetadataPath?: string;
  /** FIDO MDS3 metadata statements (attestation trust anchors) (`MDS_METADATA_PATH`). */
  mdsMetadataPath?: string;
  /** Usernames that are tenant admins besides the first account (`ADMIN_USERNAMES`, as username keys: NFKC, case-folded). */
  adminUsernames: string[];
  /** Sign-in log entries older than this many days are deleted by the sweep (`SIGN_IN_LOG_RETENTION_DAYS`, default 30). */
  signInLogRetentionDays?: number;
  /** The sign-in log keeps at most this many newest entries (`SIGN_IN_LOG_MAX_ENTRIES`, default 100,000). */
  signInLogMaxEntries?: number;
  /**
   * Temporary Access Pass guessing limits within 15 minutes, besides 5 per username: failed
   * attempts per client address (default 20) and in all (default 200). Tests lower them.
   */
  tapFailureLimits?: { perClient: number; overall: number };
  /**
   * Simulated devices (`SIMULATED_DEVICES`, default on; `0`, `false`, `off` or `no` turns them off):
   * /api/simulator answers, and attestations chaining to the lab's simulator root count as
   * attested (trust `simulated`). Off: /api/simulator answers 404 and those attestations are untrusted.
   */
  simulatedDevices?: boolean;
  /**
   * How long after a strong sign-in the account may add a passkey without verifying again
   * (`RECENT_SIGN_IN_SECONDS`, default 300: Entra's five minutes; src/shared/recent-sign-in.ts).
   * Only tests and demos shorten it; it is never longer than Entra's.
   */
  recentSignInSeconds?: number;
}

export const DEFAULT_SIGN_IN_LOG_RETENTION_DAYS = 30;
export const DEFAULT_SIGN_IN_LOG_MAX_ENTRIES = 100_000;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RpConfig {
  const port = parsePort(env.PORT) ?? 3000;
  const origins = originList(env.RP_ORIGINS ?? `http://localhost:${port}`);
  const relatedOrigins = originList(env.RELATED_ORIGINS ?? '');
  const insecure = relatedOrigins.find((origin) => !origin.startsWith('https://'));
  if (insecure) throw new Error(`RELATED_ORIGINS must be https origins, got "${insecure}"`);
  return {
    rpId: env.RP_ID?.trim() || 'localhost',
    rpName: env.RP_NAME?.trim() || 'Passkey Lab',
    origins,
    port,
    databasePath: env.DATABASE_PATH?.trim() || 'data/passkey-lab.db',
    secureCookies: origins.every((origin) => origin.startsWith('https://')),
    relatedOrigins,
    adminUsernames: (env.ADMIN_USERNAMES ?? '')
      .split(',')
      .map((name) => usernameKey(name))
      .filter(Boolean),
    signInLogRetentionDays: positiveInteger('SIGN_IN_LOG_RETENTION_DAYS', env.SIGN_IN_LOG_RETENTION_DAYS) ?? DEFAULT_SIGN_IN_LOG_RETENTION_DAYS,
    signInLogMaxEntries: positiveInteger('SIGN_IN_LOG_MAX_ENTRIES', env.SIGN_IN_LOG_MAX_ENTRIES) ?? DEFAULT_SIGN_IN_LOG_MAX_ENTRIES,
    simulatedDevices: onOff('SIMULATED_DEVICES', env.SIMULATED_DEVICES, true),
    ...recentSignIn(env.RECENT_SIGN_IN_SECONDS),
    ...(env.AAGUID_METADATA_PATH?.trim() ? { aaguidMetadataPath: env.AAGUID_METADATA_PATH.trim() } : {}),
    ...(env.MDS_METADATA_PATH?.trim() ? { mdsMetadataPath: env.MDS_METADATA_PATH.trim() } : {}),
  };
}

/** "https://a.example/, https://b.example" → ["https://a.example", "https://b.example"]. */
function originList(value: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

function parsePort(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  const word = value?.trim().toLowerCase();
  if (!word) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(word)) return true;
  if (['0', 'false', 'off', 'no'].includes(word)) return false;
  throw new Error(`${name} must be on or off (1/0, true/false, on/off, yes/no), got "${value}"`);
}

/** RECENT_SIGN_IN_SECONDS: 1–300 whole seconds (Entra's five minutes at most). */
function recentSignIn(value: string | undefined): { recentSignInSeconds?: number } {
  const seconds = positiveInteger('RECENT_SIGN_IN_SECONDS', value);
  if (seconds === undefined) return {};
  if (seconds > 300) throw new Error(`RECENT_SIGN_IN_SECONDS must be at most 300 (Entra's five minutes), got "${value}"`);
  return { recentSignInSeconds: seconds };
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (!value?.trim()) return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`${name} must be a whole number of at least 1, got "${value}"`);
  return number;
}
