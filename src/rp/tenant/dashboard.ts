/**
 * The rollout dashboard, computed from the tables the sign-in log and the inventory read
 * (users, credentials, sign_in_log) plus the campaign's own log, so its numbers match theirs.
 */
import type { Dashboard, DashboardCampaignDay, DashboardDay } from '../../shared/dashboard.js';
import type { Deps } from '../http/env.js';
import { providerIcon } from '../metadata/directory.js';
import { listAllCredentials } from '../store/credentials.js';
import type { Db } from '../store/database.js';
import { statement } from '../store/statements.js';
import { listUsers } from '../store/users.js';

/** The campaign's log: a person shown the nudge (once a day) or answering "Not now". */
export function logCampaignEvent(db: Db, event: 'nudged' | 'snoozed', userId: string, at: string): void {
  statement(db, 'INSERT OR IGNORE INTO campaign_log (at, day, user_id, event) VALUES (?, ?, ?, ?)').run(at, at.slice(0, 10), userId, event);
}

/** How many days of sign-ins the dashboard shows (the newest ones). */
export const DASHBOARD_DAYS = 30;

export function rolloutDashboard({ db, directory }: Deps): Dashboard {
  const credentials = listAllCredentials(db);
  const withPasskey = new Set(credentials.map((row) => row.user_id));
  const users = listUsers(db);
  const smsOnly = users.filter((user) => user.sms_method === 1 && !withPasskey.has(user.id));

  const providers = new Map<string, Dashboard['providers'][number]>();
  for (const row of credentials) {
    const info = directory.lookup(row.aaguid);
    const entry = providers.get(row.aaguid) ?? {
      aaguid: row.aaguid,
      providerName: info.name,
      providerIcon: providerIcon(info),
      passkeys: 0,
      deviceBound: 0,
      synced: 0,
      attested: 0,
      notAttested: 0,
      simulated: 0,
    };
    entry.passkeys += 1;
    // Synced = backup eligible (the BE flag), as the policy's passkeyTypes reads it.
    if (row.device_type === 'multiDevice') entry.synced += 1;
    else entry.deviceBound += 1;
    if (row.attested === 1) entry.attested += 1;
    else entry.notAttested += 1;
    entry.simulated += row.simulated;
    providers.set(row.aaguid, entry);
  }
  const providerRows = [...providers.values()].sort((a, b) => b.passkeys - a.passkeys || a.aaguid.localeCompare(b.aaguid));
  const sum = (key: 'deviceBound' | 'synced' | 'attested' | 'notAttested' | 'simulated') => providerRows.reduce((total, row) => total + row[key], 0);

  // Sign-ins: the log's successful passkey and Temporary Access Pass sign-ins, by the day of `at`.
  const signIns = statement<[number], { day: string; method: string; n: number }>(
    db,
    `SELECT day, method, n FROM (
       SELECT substr(at, 1, 10) AS day, method, COUNT(*) AS n FROM sign_in_log
       WHERE result = 'success' AND ceremony IN ('authentication', 'temporaryAccessPass')
       GROUP BY day, method
     ) WHERE day IN (SELECT DISTINCT substr(at, 1, 10) AS d FROM sign_in_log ORDER BY d DESC LIMIT ?)
     ORDER BY day`,
  ).all(DASHBOARD_DAYS);
  const days = new Map<string, DashboardDay>();
  for (const row of signIns) {
    const day = days.get(row.day) ?? { day: row.day, passkey: 0, temporaryAccessPass: 0 };
    if (row.method === 'temporaryAccessPass') day.temporaryAccessPass += row.n;
    else day.passkey += row.n;
    days.set(row.day, day);
  }

  const campaign = new Map<string, DashboardCampaignDay>();
  const campaignDay = (day: string) => campaign.get(day) ?? { day, nudged: 0, snoozed: 0, registrations: 0 };
  for (const row of statement<[], { day: string; event: string; n: number }>(db, 'SELECT day, event, COUNT(*) AS n FROM campaign_log GROUP BY day, event').all()) {
    const entry = campaignDay(row.day);
    if (row.event === 'nudged') entry.nudged += row.n;
    else entry.snoozed += row.n;
    campaign.set(row.day, entry);
  }
  for (const row of statement<[], { day: string; n: number }>(
    db,
    "SELECT substr(at, 1, 10) AS day, COUNT(*) AS n FROM sign_in_log WHERE ceremony = 'registration' AND result = 'success' GROUP BY day",
  ).all()) {
    const entry = campaignDay(row.day);
    entry.registrations += row.n;
    campaign.set(row.day, entry);
  }

  return {
    users: {
      total: users.length,
      withPasskey: users.filter((user) => withPasskey.has(user.id)).length,
      withoutPasskey: users.filter((user) => !withPasskey.has(user.id)).length,
      withSms: users.filter((user) => user.sms_method === 1).length,
      smsOnly: smsOnly.length,
      dependingOnSms: smsOnly.map((user) => user.username),
    },
    passkeys: { total: credentials.length, deviceBound: sum('deviceBound'), synced: sum('synced'), attested: sum('attested'), notAttested: sum('notAttested'), simulated: sum('simulated') },
    providers: providerRows,
    signInsPerDay: [...days.values()],
    campaignPerDay: [...campaign.values()].sort((a, b) => a.day.localeCompare(b.day)).slice(-DASHBOARD_DAYS),
  };
}
