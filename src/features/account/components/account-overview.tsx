import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert, Note, StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { HintChoiceGroup, type HintChoice } from '../../../components/hint-choice-group';
import { PhoneAfterText, PhoneBeforeNote } from '../../../components/phone-passkey-notes';
import { signedInSentence, type SignInMethod } from '../../../lib/authenticator-used';
import { outcomeOfError, reportOfError } from '../../../lib/ceremony-report';
import { describeError } from '../../../lib/error-messages';
import { isPhonePasskey } from '../../../lib/passkey-words';
import { paths } from '../../../lib/paths';
import { rpIdOf, signalAllAcceptedCredentials, signalCurrentUserDetails, signalUnknownCredential } from '../../../lib/webauthn-signals';
import type { CeremonyReport, Session } from '../../../shared/schemas';
import { CeremonyReportPanel } from '../../inspector/components/ceremony-report-panel';
import { useAddPasskey } from '../api/add-passkey';
import { useCredentials } from '../api/get-credentials';
import { useSignOut } from '../api/sign-out';
import { DisplayNameForm } from './display-name-form';
import { PasskeyItem } from './passkey-item';
import { PasskeyUpgrade } from './passkey-upgrade';

/** The WebAuthn user handle (base64url) the session answers with beside `user`, where it does. */
function userHandleOf(session: Session): string | null {
  const handle = (session as Session & { userHandle?: unknown }).userHandle;
  return typeof handle === 'string' && handle.length > 0 ? handle : null;
}

export interface AccountOverviewProps {
  session: Session;
  /** How the person just signed in (from the sign-in or hand-off page), if they just did. */
  signedInWith?: SignInMethod | null;
  /** The report of the sign-in that just happened, if it was a passkey ceremony in this browser. */
  signInReport?: CeremonyReport | null;
}

export function AccountOverview({ session, signedInWith = null, signInReport = null }: AccountOverviewProps) {
  const credentials = useCredentials();
  const addPasskey = useAddPasskey();
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ReactNode>(() => (signedInWith ? signedInSentence(signedInWith) : null));
  const [hint, setHint] = useState<HintChoice>('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const { user } = session;
  const list = credentials.data?.credentials ?? [];
  const userHandle = userHandleOf(session);

  // Signal API: tell the passkey provider which of this account's passkeys still exist, when
  // the page loads and whenever the list changes.
  const acceptedIds = credentials.data ? credentials.data.credentials.map((credential) => credential.id).join(',') : null;
  const lastSignalled = useRef<string | null>(null);
  useEffect(() => {
    if (acceptedIds === null || !userHandle || lastSignalled.current === acceptedIds) return;
    lastSignalled.current = acceptedIds;
    void signalAllAcceptedCredentials(rpIdOf(), userHandle, acceptedIds ? acceptedIds.split(',') : []);
  }, [acceptedIds, userHandle]);

  const addPasskeyReport = addPasskey.isSuccess ? addPasskey.data.report : reportOfError(addPasskey.error);

  function onAdd() {
    setStatus(null);
    addPasskey.mutate(
      { username: user.username, hint: hint || undefined },
      {
        onSuccess: ({ credential }) => {
          const added = `Added the passkey “${credential.nickname}”. It is now in your list.`;
          setStatus(
            hint === 'hybrid' || isPhonePasskey(credential) ? (
              <>
                <p>{added}</p>
                <PhoneAfterText />
              </>
            ) : (
              added
            ),
          );
        },
      },
    );
  }

  function onSignOut() {
    setStatus(null);
    signOut.mutate(undefined, {
      onSuccess: async () => {
        await navigate(paths.signIn.getHref(), { replace: true, state: { signedOut: true } });
        queryClient.clear();
      },
    });
  }

  return (
    <div className="stack">
      <div className="account-summary card">
        <p>
          Signed in as <strong>{user.username}</strong>
          {user.displayName && user.displayName !== user.username ? ` (${user.displayName})` : ''}
        </p>
        <Button variant="secondary" busy={signOut.isPending} onClick={onSignOut}>
          Sign out
        </Button>
        <DisplayNameForm
          user={user}
          onChanged={(updated) => {
            setStatus(`Your display name is now “${updated.displayName}”.`);
            if (userHandle) void signalCurrentUserDetails(rpIdOf(), userHandle, updated.username, updated.displayName);
          }}
        />
      </div>
      {signOut.isError && <ErrorAlert message={describeError(signOut.error)} />}
      {status && <StatusMessage>{status}</StatusMessage>}
      {signInReport && <CeremonyReportPanel report={signInReport} outcome="accepted" />}
      {signedInWith === 'handoff' && <PasskeyUpgrade username={user.username} />}

      <section aria-labelledby="passkeys-heading" className="stack">
        <h2 id="passkeys-heading" ref={listHeading} tabIndex={-1}>
          Your passkeys
        </h2>
        <ul className="passkey-list">
          {list.map((credential) => (
            <PasskeyItem
              key={credential.id}
              credential={credential}
              isLast={list.length === 1}
              onRenamed={(renamed) => setStatus(`Renamed the passkey to “${renamed.nickname}”.`)}
              onDeleted={(deleted) => {
                setStatus(`Deleted the passkey “${deleted.nickname}”.`);
                listHeading.current?.focus();
                // The provider may stop offering it (feature-detected; nothing happens elsewhere).
                void signalUnknownCredential(rpIdOf(), deleted.id);
              }}
            />
          ))}
        </ul>
        {credentials.isPending ? (
          <p>Loading your passkeys…</p>
        ) : credentials.isError ? (
          <ErrorAlert message={describeError(credentials.error)} />
        ) : (
          list.length === 0 && (
            <Note tone="warning">
              <p>You have no passkeys left, so this account cannot be signed into again. Add one now to keep it.</p>
            </Note>
          )
        )}
        <div className="stack-sm">
          {list.length > 0 && (
            <p>Add a passkey on another device or a security key, so you can still get in if you lose this one.</p>
          )}
          <HintChoiceGroup
            legend="Where should the passkey live?"
            purpose="create"
            value={hint}
            onChange={setHint}
            disabled={addPasskey.isPending}
          />
          {hint === 'hybrid' && <PhoneBeforeNote purpose="create" />}
          {addPasskey.isError && <ErrorAlert message={describeError(addPasskey.error)} />}
          {addPasskeyReport && (
            <CeremonyReportPanel report={addPasskeyReport} outcome={addPasskey.isSuccess ? 'accepted' : outcomeOfError(addPasskey.error)} />
          )}
          <div className="actions">
            <Button busy={addPasskey.isPending} onClick={onAdd}>
              Add a passkey
            </Button>
            {addPasskey.isPending && <p className="muted">Follow the prompts from your browser or device…</p>}
          </div>
        </div>
      </section>
    </div>
  );
}
