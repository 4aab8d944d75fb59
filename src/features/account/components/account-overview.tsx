import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert, Note, StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { HintChoiceGroup, type HintChoice } from '../../../components/hint-choice-group';
import { PhoneAfterText, PhoneBeforeNote } from '../../../components/phone-passkey-notes';
import { signedInSentence, type SignInMethod } from '../../../lib/authenticator-used';
import { describeError } from '../../../lib/error-messages';
import { isPhonePasskey } from '../../../lib/passkey-words';
import { paths } from '../../../lib/paths';
import type { Session } from '../../../shared/schemas';
import { useAddPasskey } from '../api/add-passkey';
import { useCredentials } from '../api/get-credentials';
import { useSignOut } from '../api/sign-out';
import { PasskeyItem } from './passkey-item';

export interface AccountOverviewProps {
  session: Session;
  /** How the person just signed in (from the sign-in or hand-off page), if they just did. */
  signedInWith?: SignInMethod | null;
}

export function AccountOverview({ session, signedInWith = null }: AccountOverviewProps) {
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
      </div>
      {signOut.isError && <ErrorAlert message={describeError(signOut.error)} />}
      {status && <StatusMessage>{status}</StatusMessage>}

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
