import { type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { Field } from '../../../components/field';
import { formatDateTime } from '../../../lib/format-date';
import { simulatedDeviceTag } from '../../../shared/simulator-labels';
import type { SignInLogEntry } from '../../../shared/tenant';
import { type SignInLogFilters, useSignInLog } from '../api/get-sign-in-log';
import { ceremonyWords, resultWords } from '../sign-in-log-words';
import { AdminQuery } from './admin-page';

/** Refusals an admin is likely to look for (the result filter also takes any other code in the URL). */
const refusalCodes = [
  'aaguid_blocked',
  'not_in_policy_scope',
  'policy_disabled',
  'passkey_type_not_allowed',
  'attestation_required',
  'self_service_not_allowed',
  'user_verification_required',
  'signature_invalid',
  'credential_not_found',
  'tap_invalid',
  'tap_expired',
  'tap_used',
  'rate_limited',
];

function filtersFrom(params: URLSearchParams): SignInLogFilters {
  return {
    username: params.get('username') ?? '',
    ceremony: params.get('ceremony') ?? '',
    result: params.get('result') ?? '',
  };
}

/** /admin/sign-in-log: every registration and sign-in attempt, filterable; filters live in the URL. */
export function SignInLogScreen() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const log = useSignInLog(filters);
  const active = Boolean(filters.username || filters.ceremony || filters.result);

  function apply(next: SignInLogFilters) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value && value.trim()) search.set(key, value.trim());
    setParams(search, { replace: true });
  }

  return (
    <>
      <FilterForm
        key={params.toString()}
        filters={filters}
        onApply={apply}
        onClear={() => apply({})}
        onRefresh={() => void log.refetch()}
        refreshing={log.isFetching}
        active={active}
      />
      <AdminQuery query={log} what="the sign-in log">
        {(data) => (
          <>
            <p role="status" className="muted">
              {data.entries.length === 0
                ? active
                  ? 'No entry matches these filters.'
                  : 'No sign-in or registration yet.'
                : `${data.entries.length === 1 ? '1 entry' : `${data.entries.length} entries`}${active ? ' match' : ''}, newest first.`}
              {log.isFetching && ' Updating…'}
            </p>
            {data.entries.length > 0 && <LogTable entries={data.entries} />}
          </>
        )}
      </AdminQuery>
    </>
  );
}

function FilterForm({
  filters,
  onApply,
  onClear,
  onRefresh,
  refreshing,
  active,
}: {
  filters: SignInLogFilters;
  onApply: (filters: SignInLogFilters) => void;
  onClear: () => void;
  onRefresh: () => void;
  refreshing: boolean;
  active: boolean;
}) {
  const ids = useId();
  const [form, setForm] = useState<SignInLogFilters>(filters);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onApply(form);
  }
  return (
    <form className="card log-filters" onSubmit={onSubmit} noValidate aria-label="Filter the sign-in log">
      <Field
        label="Username"
        value={form.username ?? ''}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        onChange={(event) => setForm((f) => ({ ...f, username: event.target.value }))}
      />
      <div className="field">
        <label htmlFor={`${ids}-ceremony`} className="field__label">
          Ceremony
        </label>
        <select
          id={`${ids}-ceremony`}
          className="field__input"
          value={form.ceremony ?? ''}
          onChange={(event) => setForm((f) => ({ ...f, ceremony: event.target.value }))}
        >
          <option value="">Any</option>
          {Object.entries(ceremonyWords).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-result`} className="field__label">
          Result
        </label>
        <select id={`${ids}-result`} className="field__input" value={form.result ?? ''} onChange={(event) => setForm((f) => ({ ...f, result: event.target.value }))}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure (any refusal)</option>
          <optgroup label="One refusal">
            {refusalCodes.map((code) => (
              <option key={code} value={code}>
                Refused: {code}
              </option>
            ))}
            {form.result && !['success', 'failure', ...refusalCodes].includes(form.result) && <option value={form.result}>Refused: {form.result}</option>}
          </optgroup>
        </select>
      </div>
      <div className="actions log-filters__actions">
        <Button type="submit">Filter</Button>
        <Button variant="secondary" busy={refreshing} onClick={onRefresh}>
          Refresh
        </Button>
        {active && (
          <Button variant="secondary" onClick={onClear}>
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}

function LogTable({ entries }: { entries: SignInLogEntry[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table admin-table log-table">
        <caption className="visually-hidden">Sign-in log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">User</th>
            <th scope="col">Ceremony</th>
            <th scope="col">Result</th>
            <th scope="col">Authenticator</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const result = resultWords(entry.result);
            return (
              <tr key={entry.id}>
                <td data-label="When">
                  {formatDateTime(entry.at)}
                  <span className="log-meaning">
                    {entry.browser}
                    {entry.os && ` on ${entry.os}`}
                  </span>
                </td>
                <td data-label="User">{entry.username ?? <span className="muted">unknown</span>}</td>
                <td data-label="Ceremony">{ceremonyWords[entry.ceremony] ?? entry.ceremony}</td>
                <td data-label="Result">
                  <span className={result.success ? 'outcome--accepted' : 'outcome--refused'}>{result.text}</span>
                  {result.meaning && <span className="log-meaning">{result.meaning}</span>}
                </td>
                <td data-label="Authenticator">
                  {entry.method === 'temporaryAccessPass' ? (
                    'Temporary Access Pass'
                  ) : entry.aaguid ? (
                    <>
                      {entry.providerName ?? 'Unknown provider'}
                      <code className="aaguid aaguid--small">{entry.aaguid}</code>
                      {entry.simulated && <span className="simulated-note">{simulatedDeviceTag(entry.aaguid, entry.simulatedBy)}</span>}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
