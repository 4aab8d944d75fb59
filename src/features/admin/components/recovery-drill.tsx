import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Field } from '../../../components/field';
import { formatDateTime } from '../../../lib/format-date';
import { paths } from '../../../lib/paths';
import type { Credential } from '../../../shared/schemas';
import { simulatedProviderName } from '../../../shared/simulator-labels';
import type { IssuedTap, TenantUser } from '../../../shared/tenant';
import { useUsers } from '../api/get-users';
import { useIssueTap } from '../api/issue-tap';
import { usePersonPasskeys, useRemovePersonPasskey } from '../api/person-passkeys';
import { AdminErrorAlert } from './admin-error-alert';
import { AdminQuery } from './admin-page';
import { CopyButton } from './copy-button';

/**
 * "I lost my phone", for helpdesk staff: find the person, remove the lost passkey (it stops
 * working at once), issue a Temporary Access Pass, and tell the person how to enrol a new
 * passkey. Microsoft Entra ID's account recovery runs the same steps after verifying the
 * person's identity (Microsoft Learn, concept-account-recovery-overview).
 */
export function RecoveryDrill() {
  const users = useUsers();
  // From the users table's "Lost a device?": the person is found already.
  const [searchParams] = useSearchParams();
  const [query, setQuery] = useState(() => searchParams.get('username') ?? '');
  const [picked, setPicked] = useState<TenantUser | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [searched, setSearched] = useState(false);
  const fromLink = searched ? null : findUser(users.data?.users, searchParams.get('username') ?? '');
  const chosen = picked ?? fromLink;

  function onFind(event: FormEvent) {
    event.preventDefault();
    const match = findUser(users.data?.users, query);
    setSearched(true);
    setPicked(match);
    setNotFound(match === null);
  }

  return (
    <div className="stack">
      <section className="card stack-sm" aria-labelledby="helpdesk-steps">
        <h2 id="helpdesk-steps">The steps, for helpdesk staff</h2>
        <ol>
          <li>
            <strong>Verify who is calling</strong> the way your organisation does (a video call, a manager’s confirmation, an identity check).
            Never issue a pass on a caller’s word alone.
          </li>
          <li>
            <strong>Find the person</strong> below and <strong>remove the lost passkey</strong>. It stops working at once: whoever has the
            phone can no longer sign in with it, and sessions it signed in end.
          </li>
          <li>
            <strong>Issue a Temporary Access Pass</strong> (one-time, one hour) and give it to the person over the verified channel.
          </li>
          <li>
            The person <strong>signs in with the pass</strong> at <code>{paths.signIn.getHref()}</code> (“Use a Temporary Access Pass”) and
            <strong> creates a new passkey</strong> straight away, within 5 minutes of that sign-in.
          </li>
          <li>
            Nothing else to do for their other devices: on the next visit, the site tells their password manager (Signal API) which passkeys
            still work, so the removed one stops being offered.
          </li>
        </ol>
      </section>

      <section className="card stack-sm" aria-labelledby="find-person">
        <h2 id="find-person">1. Find the person</h2>
        <form className="stack-sm" onSubmit={onFind} noValidate aria-labelledby="find-person">
          <Field label="Username" name="recovery-username" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
          <div className="actions">
            <Button type="submit" busy={users.isPending}>
              Find
            </Button>
          </div>
        </form>
        {notFound && <p role="status">No user with that username. Check the spelling on the Users and groups page.</p>}
      </section>

      {chosen && <PersonRecovery key={chosen.id} person={chosen} />}
    </div>
  );
}

function findUser(users: TenantUser[] | undefined, username: string): TenantUser | null {
  const name = username.trim().toLowerCase();
  return (name && users?.find((user) => user.username.toLowerCase() === name)) || null;
}

function PersonRecovery({ person }: { person: TenantUser }) {
  const passkeys = usePersonPasskeys(person.id);
  const remove = useRemovePersonPasskey(person.id);
  const [removed, setRemoved] = useState<string | null>(null);
  const issue = useIssueTap();
  const [issued, setIssued] = useState<IssuedTap | null>(null);

  return (
    <>
      <section className="card stack-sm" aria-labelledby="lost-passkey">
        <h2 id="lost-passkey">2. Remove the lost passkey of {person.username}</h2>
        <AdminQuery query={passkeys} what="passkeys">
          {(data) =>
            data.credentials.length === 0 ? (
              <p>{person.username} has no passkey left.</p>
            ) : (
              <ul className="stack-sm">
                {data.credentials.map((credential: Credential) => (
                  <li key={credential.id}>
                    <strong>{credential.nickname}</strong> ({simulatedProviderName(credential.providerName ?? 'unknown provider', credential)}, created{' '}
                    {formatDateTime(credential.createdAt)}, last used {formatDateTime(credential.lastUsedAt)}){' '}
                    <Button
                      variant="danger-outline"
                      busy={remove.isPending && remove.variables === credential.id}
                      aria-label={`Remove the passkey ${credential.nickname}`}
                      onClick={() => remove.mutate(credential.id, { onSuccess: () => setRemoved(credential.nickname) })}
                    >
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
            )
          }
        </AdminQuery>
        {remove.isError && <AdminErrorAlert error={remove.error} takeFocus />}
        {removed && <StatusMessage takeFocus>Removed the passkey “{removed}”. It no longer signs in.</StatusMessage>}
      </section>

      <section className="card stack-sm" aria-labelledby="issue-pass">
        <h2 id="issue-pass">3. Issue a Temporary Access Pass</h2>
        {issued ? (
          <StatusMessage takeFocus>
            <p>
              Temporary Access Pass for {issued.user.username}: <code className="tap-code">{issued.temporaryAccessPass}</code>{' '}
              <CopyButton text={issued.temporaryAccessPass} label="Copy the pass" copiedText="Copied the pass." />
            </p>
            <p>
              One-time use, valid until {formatDateTime(issued.expiresDateTime)}. It is shown only now. The person signs in with it and creates a
              new passkey; see the <Link to={paths.adminSignInLog.getHref()}>sign-in log</Link> to follow along.
            </p>
          </StatusMessage>
        ) : (
          <div className="actions">
            <Button
              busy={issue.isPending}
              onClick={() => issue.mutate({ username: person.username, isUsableOnce: true, lifetimeInMinutes: 60 }, { onSuccess: setIssued })}
            >
              Issue a one-time pass for {person.username}
            </Button>
          </div>
        )}
        {issue.isError && <AdminErrorAlert error={issue.error} takeFocus />}
      </section>
    </>
  );
}
