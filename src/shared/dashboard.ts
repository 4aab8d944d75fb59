/**
 * The rollout dashboard (docs/api.md, "Rollout dashboard"), like Entra's "Authentication methods
 * activity": who has a passkey, who still depends on SMS, passkeys by provider and kind,
 * sign-ins per day by method, and campaign nudges against registrations. Also its CSV export.
 *
 * Runs in the browser and in Node: no DOM or Node APIs here.
 */
import type { ProviderIcon } from './schemas.js';

export interface DashboardProviderRow {
  aaguid: string;
  providerName: string | null;
  providerIcon: ProviderIcon | null;
  passkeys: number;
  deviceBound: number;
  synced: number;
  attested: number;
  notAttested: number;
  /** From the lab's simulated devices (their attestation is the simulator's, not the vendor's). */
  simulated: number;
}

export interface DashboardDay {
  /** `YYYY-MM-DD` (UTC), as the sign-in log's `at` begins. */
  day: string;
  passkey: number;
  temporaryAccessPass: number;
}

export interface DashboardCampaignDay {
  day: string;
  /** People shown the nudge that day (each person counted once a day). */
  nudged: number;
  /** "Not now" answers. */
  snoozed: number;
  /** Successful passkey registrations. */
  registrations: number;
}

export interface Dashboard {
  users: {
    total: number;
    withPasskey: number;
    withoutPasskey: number;
    /** Have the lab's simulated SMS method. */
    withSms: number;
    /** SMS is their only method (no passkey): they depend on it. */
    smsOnly: number;
    /** Usernames of the people who depend on SMS. */
    dependingOnSms: string[];
  };
  passkeys: { total: number; deviceBound: number; synced: number; attested: number; notAttested: number; simulated: number };
  providers: DashboardProviderRow[];
  /** Successful sign-ins per day, from the sign-in log (oldest first). */
  signInsPerDay: DashboardDay[];
  campaignPerDay: DashboardCampaignDay[];
}

export const dashboardTables = ['users', 'providers', 'sign-ins', 'campaign'] as const;
export type DashboardTable = (typeof dashboardTables)[number];

/** One CSV cell (RFC 4180 quoting); a text starting like a formula is prefixed with ' so spreadsheets do not run it. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The rows of one table of the dashboard, header first (the same numbers the page's tables show). */
export function dashboardRows(dashboard: Dashboard, table: DashboardTable): (string | number | null)[][] {
  switch (table) {
    case 'users':
      return [
        ['measure', 'users'],
        ['Users', dashboard.users.total],
        ['With a passkey', dashboard.users.withPasskey],
        ['Without a passkey', dashboard.users.withoutPasskey],
        ['With SMS (simulated)', dashboard.users.withSms],
        ['Depending on SMS only', dashboard.users.smsOnly],
      ];
    case 'providers':
      return [
        ['aaguid', 'provider', 'passkeys', 'device-bound', 'synced', 'attested', 'not attested', 'simulated'],
        ...dashboard.providers.map((row) => [row.aaguid, row.providerName, row.passkeys, row.deviceBound, row.synced, row.attested, row.notAttested, row.simulated]),
      ];
    case 'sign-ins':
      return [['day', 'passkey', 'temporary access pass'], ...dashboard.signInsPerDay.map((row) => [row.day, row.passkey, row.temporaryAccessPass])];
    case 'campaign':
      return [['day', 'nudged', 'not now', 'registrations'], ...dashboard.campaignPerDay.map((row) => [row.day, row.nudged, row.snoozed, row.registrations])];
  }
}
