import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Note, StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CeremonyReportPanel } from '../../../components/ceremony-report-panel';
import { type HintChoice, HintChoiceGroup } from '../../../components/hint-choice-group';
import { PhoneAfterText, PhoneBeforeNote } from '../../../components/phone-passkey-notes';
import { ApiError } from '../../../lib/api-client';
import { signedInSentence, type SignInMethod } from '../../../lib/authenticator-used';
import { outcomeOfError, reportOfError } from '../../../lib/ceremony-report';
import { describeError } from '../../../lib/error-messages';
import { isPhonePasskey } from '../../../lib/passkey-words';
import { rpIdOf, signalAllAcceptedCredentials, signalCurrentUserDetails, signalUnknownCredential } from '../../../lib/webauthn-signals';
import type { CeremonyReport, Credential, Session } from '../../../shared/schemas';
import { useAddPasskey } from '../api/add-passkey';
import { useCredentials } from '../api/get-credentials';
import { DisplayNameForm } from './display-name-form';
import { PasskeyItem } from './passkey-item';
import { PasskeyUpgrade, type UpgradeReason } from './passkey-upgrade';
import { RecentSignInStepUp } from './recent-sign-in-step-up';

/** 403 recent_sign_in_required: the account page asks for a step-up instead of showing an error. */
function needsRecentSignIn(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'recent_sign_in_required';
}

/** The WebAuthn user handle (base64url) the session answers with beside `user`, where it does. */
function userHandleOf(session: Session): string | null {
  const handle = (session as Session & { userHandle?: unknown }).userHandle;
  return typeof handle === 'string' && handle.length > 0 ? handle : null;
}

/** The organisation's registration campaign asks for a passkey: its words and its "Not now". */
export interface CampaignRequest {
  explanation: ReactNode;
  /** "Not now", while snoozes are left. */
  notNow?: ReactNode;
}

export interface AccountOverviewProps {
  session: Session;
  /** How the person just signed in (from the sign-in or hand-off page), if they just did. */
  signedInWith?: SignInMethod | null;
  /** The report of the sign-in that just happened, if it was a passkey ceremony in this browser. */
  signInReport?: CeremonyReport | null;
  /** The person just signed in with a Temporary Access Pass (from /sign-in): lead straight to creating a passkey. */
  justUsedTemporaryAccessPass?: boolean;
  /** Where the person was going before signing in, offered once a passkey exists. */
  continueTo?: string | null;
  /** Set while the registration campaign nudges this person. */
  campaign?: CampaignRequest | null;
  /** False until the campaign is known, so that its card does not replace another one just shown. */
  campaignKnown?: boolean;
  /** Called after a passkey was created on this page (any button, or automatically). */
  onPasskeyCreated?: () => void;
}

type StatusPlace = 'top' | 'profile' | 'list' | 'add';

function signedInWithTemporaryAccessPass(session: Session): boolean {
  return session.method === 'temporaryAccessPass';
}

export function AccountOverview({
  session,
  signedInWith = null,
  signInReport = null,
  justUsedTemporaryAccessPass = false,
  continueTo = null,
  campaign = null,
  campaignKnown = true,
  onPasskeyCreated,
}: AccountOverviewProps) {
  const credentials = useCredentials();
  const addPasskey = useAddPasskey();
  /**
   * The latest outcome on this page, shown beside what caused it: the sign-in that led here and a
   * first passkey at the top, a display name in its card, a rename or deletion under the list's
   * heading, an added passkey by "Add a passkey". One at a time: a new one replaces the last.
   */
  const [status, setStatusAt] = useState<{ at: StatusPlace; content: ReactNode; focus: boolean } | null>(() =>
    // How the person just signed in: said on arrival, where focus is on the page's heading.
    signedInWith ? { at: 'top', content: signedInSentence(signedInWith), focus: false } : null,
  );
  const [hint, setHint] = useState<HintChoice>('');
  /** The passkey the "Create your passkey" / "Set up a passkey" card just created: the card is done. */
  const [createdFirst, setCreatedFirst] = useState<Credential | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const { user } = session;
  const list = credentials.data?.credentials ?? [];
  const userHandle = userHandleOf(session);
  const viaPass = signedInWithTemporaryAccessPass(session);

  // Which card asks for a passkey, if any: the hand-off's (it stays, and says what it did), else
  // the campaign's, else the Temporary Access Pass's (until a passkey exists). The last two go
  // once their passkey exists, and the page says so in its status line.
  const upgradeReason: UpgradeReason | null =
    signedInWith === 'handoff'
      ? 'handoff'
      : createdFirst
        ? null
        : campaign
          ? 'campaign'
          : campaignKnown && viaPass && (justUsedTemporaryAccessPass || (credentials.isSuccess && list.length === 0))
            ? 'temporaryAccessPass'
            : null;

  function onFirstPasskey(credential: Credential, automatically: boolean) {
    setCreatedFirst(credential);
    showStatus(
      'top',
      <>
        <p>
          {automatically ? `Your browser created the passkey “${credential.nickname}” automatically.` : `Created the passkey “${credential.nickname}”.`}{' '}
          {viaPass ? 'From now on, sign in with it: you no longer need the Temporary Access Pass.' : 'From now on, you can sign in with it.'}
        </p>
        {continueTo && (
          <p>
            <Link to={continueTo}>Continue to the page you were going to</Link>
          </p>
        )}
      </>,
    );
    onPasskeyCreated?.();
  }

  /** A new outcome: the previous one goes, and so does an earlier "Add a passkey" error. */
  function showStatus(at: StatusPlace, content: ReactNode) {
    addPasskey.reset();
    setStatusAt({ at, content, focus: true });
  }

  /** The status message at `place`, if the latest outcome is there. */
  function statusAt(place: StatusPlace) {
    if (status?.at !== place) return null;
    return <StatusMessage takeFocus={status.focus}>{status.content}</StatusMessage>;
  }

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
    setStatusAt(null);
    addPasskey.mutate(
      { username: user.username, hint: hint || undefined },
      {
        onSuccess: ({ credential }) => {
          onPasskeyCreated?.();
          const added = `Added the passkey “${credential.nickname}”. It is now in your list.`;
          setStatusAt({
            at: 'add',
            focus: true,
            content:
            hint === 'hybrid' || isPhonePasskey(credential) ? (
              <>
                <p>{added}</p>
                <PhoneAfterText />
              </>
            ) : (
              added
            ),
          });
        },
      },
    );
  }

  return (
    <div className="stack">
      {statusAt('top')}
      {signInReport && <CeremonyReportPanel report={signInReport} outcome="accepted" about="The sign-in that brought you here" />}
      {upgradeReason === 'handoff' && <PasskeyUpgrade username={user.username} reason="handoff" onCreated={() => onPasskeyCreated?.()} />}
      {upgradeReason === 'campaign' && campaign && (
        <PasskeyUpgrade
          key="campaign"
          username={user.username}
          reason="campaign"
          automatic={viaPass}
          secondaryAction={campaign.notNow}
          onCreated={onFirstPasskey}
        >
          {campaign.explanation}
        </PasskeyUpgrade>
      )}
      {upgradeReason === 'temporaryAccessPass' && (
        <PasskeyUpgrade key="temporaryAccessPass" username={user.username} reason="temporaryAccessPass" onCreated={onFirstPasskey} />
      )}

      <div className="account-summary card">
        <p>
          {/* The display name is the next line's. */}
          Signed in as <strong>{user.username}</strong>
        </p>
        <DisplayNameForm
          user={user}
          onChanged={(updated) => {
            showStatus('profile', `Your display name is now “${updated.displayName}”.`);
            if (userHandle) void signalCurrentUserDetails(rpIdOf(), userHandle, updated.username, updated.displayName);
          }}
        />
        {statusAt('profile')}
      </div>

      <section aria-labelledby="passkeys-heading" className="stack">
        <h2 id="passkeys-heading" ref={listHeading} tabIndex={-1}>
          Your passkeys
        </h2>
        {statusAt('list')}
        <ul className="passkey-list">
          {list.map((credential) => (
            <PasskeyItem
              key={credential.id}
              credential={credential}
              isLast={list.length === 1}
              onRenamed={(renamed) => showStatus('list', `Renamed the passkey to “${renamed.nickname}”.`)}
              onDeleted={(deleted) => {
                // Said under the list's heading, which takes focus with it: the item is gone.
                showStatus('list', `Deleted the passkey “${deleted.nickname}”.`);
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
          list.length === 0 &&
          (viaPass ? (
            // Signed in with a Temporary Access Pass: never had one, or lost them all; the pass is the way in until then.
            <p>You have no passkey yet. Until you create one, you can only sign in with a Temporary Access Pass from your admin.</p>
          ) : (
            <Note tone="warning">
              <p>You have no passkeys left, so this account cannot be signed into again. Add one now to keep it.</p>
            </Note>
          ))
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
          <div className="actions">
            <Button busy={addPasskey.isPending} onClick={onAdd}>
              Add a passkey
            </Button>
            {addPasskey.isPending && <p className="muted">Follow the prompts from your browser or device…</p>}
          </div>
          {addPasskey.isError &&
            (needsRecentSignIn(addPasskey.error) ? (
              <RecentSignInStepUp username={user.username} hasPasskeys={list.length > 0} onContinue={onAdd} />
            ) : (
              <ErrorAlert message={describeError(addPasskey.error)} takeFocus />
            ))}
          {statusAt('add')}
          {addPasskeyReport && (
            <CeremonyReportPanel
              report={addPasskeyReport}
              outcome={addPasskey.isSuccess ? 'accepted' : outcomeOfError(addPasskey.error)}
              about="Adding a passkey"
            />
          )}
        </div>
      </section>
    </div>
  );
}
