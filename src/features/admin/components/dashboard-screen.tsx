import './dashboard.css';
import type { ReactNode } from 'react';
import { ProviderIcon } from '../../../components/provider-icon';
import type { DashboardTable } from '../../../shared/dashboard';
import { dashboardCsvHref, useDashboard } from '../api/dashboard';
import { AdminErrorAlert } from './admin-error-alert';
import { BarChart } from './bar-chart';

function Panel({ title, table, chart, children }: { title: string; table: DashboardTable; chart: ReactNode; children: ReactNode }) {
  const id = `dashboard-${table}`;
  return (
    <section className="card stack-sm" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="dashboard-panel">
        {chart}
        {/* Focusable so a keyboard can scroll a wide table on a phone (WCAG 2.1.1). */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title}: table`}>
          {children}
        </div>
      </div>
      <p>
        <a href={dashboardCsvHref(table)} download={`passkey-rollout-${table}.csv`}>
          Download “{title}” as CSV
        </a>
      </p>
    </section>
  );
}

/**
 * /admin/dashboard: the rollout at a glance, like Entra's "Authentication methods activity".
 * Every chart has its numbers in a table beside it; each table exports as CSV. The sign-in
 * numbers come from the sign-in log itself.
 */
export function DashboardScreen() {
  const dashboard = useDashboard();
  if (dashboard.isError) return <AdminErrorAlert error={dashboard.error} />;
  if (!dashboard.data) return <p role="status">Loading the dashboard…</p>;
  const { users, passkeys, providers, signInsPerDay, campaignPerDay } = dashboard.data;
  return (
    <div className="stack">
      <Panel
        title="Users and methods"
        table="users"
        chart={
          <BarChart
            title="Users and methods"
            series={['Users']}
            rows={[
              { label: 'Passkey', values: [users.withPasskey] },
              { label: 'No passkey', values: [users.withoutPasskey] },
              { label: 'SMS', values: [users.withSms] },
              { label: 'SMS only', values: [users.smsOnly] },
            ]}
          />
        }
      >
        <table className="data-table" data-testid="dashboard-users">
          <caption>Users and methods</caption>
          <tbody>
            <tr>
              <th scope="row">Users</th>
              <td>{users.total}</td>
            </tr>
            <tr>
              <th scope="row">With a passkey</th>
              <td>{users.withPasskey}</td>
            </tr>
            <tr>
              <th scope="row">Without a passkey</th>
              <td>{users.withoutPasskey}</td>
            </tr>
            <tr>
              <th scope="row">With SMS (simulated)</th>
              <td>{users.withSms}</td>
            </tr>
            <tr>
              <th scope="row">Depending on SMS only</th>
              <td>{users.smsOnly}</td>
            </tr>
          </tbody>
        </table>
        {users.dependingOnSms.length > 0 && <p>Still depending on SMS: {users.dependingOnSms.join(', ')}.</p>}
      </Panel>

      <Panel
        title="Passkeys by provider"
        table="providers"
        chart={
          <BarChart
            title="Passkeys by provider"
            series={['Device-bound', 'Synced']}
            rows={providers.map((row) => ({ label: row.providerName ?? row.aaguid.slice(0, 8), values: [row.deviceBound, row.synced] }))}
          />
        }
      >
        <table className="data-table" data-testid="dashboard-providers">
          <caption>
            Passkeys by provider: {passkeys.total} in all, {passkeys.deviceBound} device-bound, {passkeys.synced} synced, {passkeys.attested} attested
            {passkeys.simulated > 0 ? ` (${passkeys.simulated} from simulated devices, attested by the lab’s simulator only)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Passkeys</th>
              <th scope="col">Device-bound</th>
              <th scope="col">Synced</th>
              <th scope="col">Attested</th>
              <th scope="col">Not attested</th>
              <th scope="col">Simulated</th>
            </tr>
          </thead>
          <tbody>
            {providers.map((row) => (
              <tr key={row.aaguid}>
                <th scope="row">
                  {row.providerIcon && <ProviderIcon icon={row.providerIcon} />} {row.providerName ?? 'Unknown provider'}{' '}
                  <code className="aaguid aaguid--small">{row.aaguid}</code>
                </th>
                <td>{row.passkeys}</td>
                <td>{row.deviceBound}</td>
                <td>{row.synced}</td>
                <td>{row.attested}</td>
                <td>{row.notAttested}</td>
                <td>{row.simulated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>

      <Panel
        title="Sign-ins per day"
        table="sign-ins"
        chart={
          <BarChart
            title="Successful sign-ins per day by method"
            series={['Passkey', 'Temporary Access Pass']}
            rows={signInsPerDay.map((row) => ({ label: row.day.slice(5), values: [row.passkey, row.temporaryAccessPass] }))}
          />
        }
      >
        <table className="data-table" data-testid="dashboard-sign-ins">
          <caption>Successful sign-ins per day by method (from the sign-in log)</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Passkey</th>
              <th scope="col">Temporary Access Pass</th>
            </tr>
          </thead>
          <tbody>
            {signInsPerDay.map((row) => (
              <tr key={row.day}>
                <th scope="row">{row.day}</th>
                <td>{row.passkey}</td>
                <td>{row.temporaryAccessPass}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>

      <Panel
        title="Campaign nudges and registrations"
        table="campaign"
        chart={
          <BarChart
            title="Campaign nudges, snoozes and registrations per day"
            series={['Nudged', 'Not now', 'Registrations']}
            rows={campaignPerDay.map((row) => ({ label: row.day.slice(5), values: [row.nudged, row.snoozed, row.registrations] }))}
          />
        }
      >
        <table className="data-table" data-testid="dashboard-campaign">
          <caption>Campaign nudges (people a day), “Not now” answers and passkey registrations per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Nudged</th>
              <th scope="col">Not now</th>
              <th scope="col">Registrations</th>
            </tr>
          </thead>
          <tbody>
            {campaignPerDay.map((row) => (
              <tr key={row.day}>
                <th scope="row">{row.day}</th>
                <td>{row.nudged}</td>
                <td>{row.snoozed}</td>
                <td>{row.registrations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </div>
  );
}
