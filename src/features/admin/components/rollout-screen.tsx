import { type FormEvent, useId, useState } from 'react';
import { StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { type CampaignState, MAX_SNOOZE_DURATION_IN_DAYS, type RegistrationCampaign } from '../../../shared/registration-campaign';
import type { RolloutTimeline } from '../../../shared/rollout';
import { useAdminCampaign, useRollout, useSetSmsMethod, useUpdateCampaign, useUpdateRollout } from '../api/rollout';
import { campaignSentence, daysAwayWords, milestoneWords, phaseWords, rulesSentences } from '../rollout-words';
import { AdminErrorAlert } from './admin-error-alert';
import { CheckboxField } from './checkbox-field';

/** /admin/rollout: the tenant date, Microsoft's dates, who depends on SMS, and the campaign. */
export function RolloutScreen() {
  const rollout = useRollout();
  const campaign = useAdminCampaign();
  if (rollout.isError) return <AdminErrorAlert error={rollout.error} />;
  if (campaign.isError) return <AdminErrorAlert error={campaign.error} />;
  if (!rollout.data || !campaign.data) return <p role="status">Loading the rollout timeline…</p>;
  return (
    <div className="stack">
      {/* Keyed by what is saved: after a save the forms start again from the stored values. */}
      <TenantDateForm key={JSON.stringify(rollout.data.settings)} timeline={rollout.data} />
      <Milestones timeline={rollout.data} />
      <SmsUsers timeline={rollout.data} />
      <CampaignForm key={JSON.stringify(campaign.data)} campaign={campaign.data} timeline={rollout.data} />
    </div>
  );
}

function TenantDateForm({ timeline }: { timeline: RolloutTimeline }) {
  const ids = useId();
  const update = useUpdateRollout();
  const [date, setDate] = useState(timeline.settings.tenantDate ?? '');
  const [optOut, setOptOut] = useState(timeline.settings.optOutSettings.passkeyDynamicMigration);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ tenantDate: date === '' ? null : date, optOutSettings: { passkeyDynamicMigration: optOut } });
  }

  return (
    <section className="card stack-sm" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>The day the tenant lives on</h2>
      <p>
        The tenant lives on <strong data-testid="tenant-today">{timeline.today}</strong>
        {timeline.settings.tenantDate === null ? ' (today).' : ` (set for a demo; the real date is ${timeline.realToday}).`} Set another date to show the
        tenant before and after Microsoft’s dates: sign-in, registration and the campaign follow it.
      </p>
      <form className="stack-sm" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-date`}>Tenant date</label>
          <input id={`${ids}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} aria-describedby={`${ids}-date-hint`} />
          <p id={`${ids}-date-hint`} className="field__hint">
            Empty: today.
          </p>
        </div>
        <CheckboxField
          label="Opt out of passkeys by default (optOutSettings.passkeyDynamicMigration)"
          hint="Temporary: delays the 1 September 2026 changes until 1 February 2027. There is no opt-out from the February change."
          checked={optOut}
          onChange={setOptOut}
        />
        <div className="actions">
          <Button type="submit" busy={update.isPending}>
            Save tenant date
          </Button>
          <Button variant="secondary" onClick={() => update.mutate({ tenantDate: null })}>
            Back to today
          </Button>
        </div>
      </form>
      {update.isError && <AdminErrorAlert error={update.error} takeFocus />}
      {update.isSuccess && (
        <StatusMessage takeFocus>
          <p>Saved: the tenant now lives on {update.data.today}.</p>
        </StatusMessage>
      )}
    </section>
  );
}

function Milestones({ timeline }: { timeline: RolloutTimeline }) {
  return (
    <section className="card stack-sm" aria-labelledby="rollout-milestones">
      <h2 id="rollout-milestones">Microsoft’s dates</h2>
      <p>
        Where the tenant stands: <strong data-testid="rollout-phase">{phaseWords[timeline.rules.phase]}</strong>.
      </p>
      <ol className="stack-sm" aria-label="Milestones">
        {timeline.milestones.map((milestone) => (
          <li key={milestone.id} data-testid={`milestone-${milestone.id}`}>
            <strong>
              {milestone.date}: {milestoneWords[milestone.id].title}
            </strong>{' '}
            <span className={milestone.reached ? 'badge badge--yes' : 'badge'}>{milestone.reached ? 'Reached' : 'Not yet'}</span> ({daysAwayWords(milestone.daysAway)})
            <p>{milestoneWords[milestone.id].summary}</p>
          </li>
        ))}
      </ol>
      <h3>What applies on {timeline.today}</h3>
      <ul aria-label="What applies now" data-testid="rules-now">
        {rulesSentences(timeline.rules).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <p className="field__hint">Source: Microsoft Learn, “Passkeys by default and retirement of Microsoft-provided SMS and voice authentication”.</p>
    </section>
  );
}

function SmsUsers({ timeline }: { timeline: RolloutTimeline }) {
  const setSms = useSetSmsMethod();
  return (
    <section className="card stack-sm" aria-labelledby="rollout-sms">
      <h2 id="rollout-sms">Who depends on SMS (simulated)</h2>
      <p>
        The lab has no real text messages: “SMS” is a stand-in you tick for a person, so the timeline, the campaign and the dashboard can show who still
        depends on it. {timeline.users.withSms} of {timeline.users.total} users have SMS; <strong data-testid="sms-only-count">{timeline.users.smsOnly}</strong>{' '}
        depend on it only (no passkey).
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Users and their methods: table">
        <table className="data-table">
          <caption>Users and their methods</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Passkey</th>
              <th scope="col">SMS (simulated)</th>
            </tr>
          </thead>
          <tbody>
            {timeline.people.map((person) => (
              <tr key={person.userId}>
                <th scope="row">{person.username}</th>
                <td>{person.hasPasskey ? 'Yes' : 'No'}</td>
                <td>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={person.hasSms}
                      disabled={setSms.isPending}
                      onChange={(event) => setSms.mutate({ userId: person.userId, hasSms: event.target.checked })}
                    />
                    <span>SMS for {person.username}</span>
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {setSms.isError && <AdminErrorAlert error={setSms.error} takeFocus />}
    </section>
  );
}

const stateLabels: Record<CampaignState, string> = { default: 'Microsoft managed (default)', enabled: 'Enabled', disabled: 'Disabled' };

function CampaignForm({ campaign, timeline }: { campaign: RegistrationCampaign; timeline: RolloutTimeline }) {
  const ids = useId();
  const update = useUpdateCampaign();
  const [form, setForm] = useState(campaign);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ state: form.state, snoozeDurationInDays: form.snoozeDurationInDays, enforceRegistrationAfterAllowedSnoozes: form.enforceRegistrationAfterAllowedSnoozes });
  }

  return (
    <section className="card stack-sm" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Registration campaign</h2>
      <p data-testid="campaign-now">{campaignSentence(campaign, timeline.rules)}</p>
      <form className="stack-sm" onSubmit={onSubmit} noValidate>
        <fieldset className="choice-group admin-fieldset">
          <legend>State</legend>
          {(Object.keys(stateLabels) as CampaignState[]).map((state) => (
            <label key={state} className="radio">
              <input type="radio" name={`${ids}-state`} checked={form.state === state} onChange={() => setForm((f) => ({ ...f, state }))} />
              {stateLabels[state]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${ids}-snooze`}>Days before asking again (snoozeDurationInDays)</label>
          <input
            id={`${ids}-snooze`}
            type="number"
            min={0}
            max={MAX_SNOOZE_DURATION_IN_DAYS}
            value={form.snoozeDurationInDays}
            onChange={(event) => setForm((f) => ({ ...f, snoozeDurationInDays: event.target.valueAsNumber }))}
            aria-describedby={`${ids}-snooze-hint`}
          />
          <p id={`${ids}-snooze-hint`} className="field__hint">
            0 to 14; 0 asks again at every sign-in.
          </p>
        </div>
        <CheckboxField
          label="Require registration after 3 snoozes (enforceRegistrationAfterAllowedSnoozes)"
          hint="For your own targets. The Microsoft-managed campaign always allows unlimited snoozes; after 1 February 2027 SMS-only users cannot snooze at all."
          checked={form.enforceRegistrationAfterAllowedSnoozes}
          onChange={(enforceRegistrationAfterAllowedSnoozes) => setForm((f) => ({ ...f, enforceRegistrationAfterAllowedSnoozes }))}
        />
        <p>
          Targets: {form.includeTargets.map((target) => `${target.id} (${target.targetedAuthenticationMethod})`).join(', ') || 'none'}; excluded:{' '}
          {form.excludeTargets.map((target) => target.id).join(', ') || 'none'}. Change them with PATCH /api/admin/registration-campaign.
        </p>
        <div className="actions">
          <Button type="submit" busy={update.isPending}>
            Save campaign
          </Button>
        </div>
      </form>
      {update.isError && <AdminErrorAlert error={update.error} takeFocus />}
      {update.isSuccess && (
        <StatusMessage takeFocus>
          <p>Campaign saved.</p>
        </StatusMessage>
      )}
    </section>
  );
}
