import { browserSupportsWebAuthnAutofill, WebAuthnAbortService } from '@simplewebauthn/browser';
import { type FormEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CeremonyReportPanel } from '../../../components/ceremony-report-panel';
import { Field } from '../../../components/field';
import { type HintChoice, HintChoiceGroup, hintLabel } from '../../../components/hint-choice-group';
import { PhoneBeforeNote } from '../../../components/phone-passkey-notes';
import { isApiError } from '../../../lib/api-client';
import { authenticateWith, createAuthenticationOptions, type SignedIn, signInWithPasskey } from '../../../lib/authentication-ceremony';
import { outcomeOfError, reportOfError } from '../../../lib/ceremony-report';
import { afterTypedUsername, describeError, type ErrorMessage } from '../../../lib/error-messages';
import type { CeremonyReport } from '../../../shared/schemas';
import { NO_PASSKEY_AT_HAND, signInImmediately, supportsImmediateSignIn } from '../api/immediate-sign-in';

type Busy = 'discoverable' | 'username' | 'autofill' | 'immediate' | null;
/** Which control's outcome an error is: it is shown beside that control. */
type ErrorPlace = 'username' | 'discoverable' | 'immediate';

function refusedOf(error: unknown): { report: CeremonyReport; outcome: string } | null {
  const report = reportOfError(error);
  return report ? { report, outcome: outcomeOfError(error) } : null;
}

interface AutofillContext {
  generation: RefObject<number>;
  mounted: RefObject<boolean>;
  onResult: (result: SignedIn) => Promise<void>;
  onError: (error: unknown) => void;
}

/**
 * Passkey autofill (conditional mediation): the browser offers passkeys in the username field's
 * suggestions. Silent when unsupported, when the options cannot be fetched, when another
 * ceremony aborts it and when the browser ends it; a passkey the relying party refuses is
 * reported. The buttons restart it after their own failures.
 */
async function runAutofill(context: AutofillContext): Promise<void> {
  const { generation, mounted } = context;
  const started = generation.current;
  if (!(await browserSupportsWebAuthnAutofill())) return;
  let options;
  try {
    ({ options } = await createAuthenticationOptions({}));
  } catch {
    return; // Autofill is an extra; the buttons still work and report their own errors.
  }
  if (generation.current !== started || !mounted.current) return;
  let result: SignedIn;
  try {
    result = await authenticateWith(options, true);
  } catch (caught) {
    // The browser ends a conditional request by itself (no passkey for this site, the person
    // dismissed the suggestions): that is not an error to show, and retrying at once would
    // loop. Only the relying party's refusal of a chosen passkey is reported.
    if (!isApiError(caught) || generation.current !== started || !mounted.current) return;
    context.onError(caught);
    return;
  }
  await context.onResult(result);
}

export interface SignInFormProps {
  onSignedIn: (result: SignedIn) => void | Promise<void>;
  /** Called when the person starts a sign-in (to clear earlier messages). */
  onAttempt?: () => void;
}

/**
 * Three ways in: passkey autofill on the username field (started on load), username first
 * ("Continue"), or usernameless ("Sign in with a passkey"). Only one WebAuthn ceremony runs at a
 * time: starting a button path aborts the autofill one, and leaving the page cancels whatever runs.
 */
export function SignInForm({ onSignedIn, onAttempt }: SignInFormProps) {
  const [username, setUsername] = useState('');
  const [usernameError, setUsernameError] = useState<string | undefined>();
  const [error, setError] = useState<{ message: ErrorMessage; at: ErrorPlace } | null>(null);
  /** The relying party's report of a refused sign-in, for "Show what happened". */
  const [refused, setRefused] = useState<{ report: CeremonyReport; outcome: string } | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [hint, setHint] = useState<HintChoice>('');
  /** The browser can sign in immediately (a passkey at hand, else no dialog at all). */
  const [immediate, setImmediate] = useState(false);
  /** Immediate sign-in found no passkey on this device: the username form is the way on. */
  const [noPasskeyHere, setNoPasskeyHere] = useState(false);
  const usernameInput = useRef<HTMLInputElement>(null);
  /** Bumped whenever a ceremony replaces the current one or the page goes away. */
  const generation = useRef(0);
  const mounted = useRef(false);

  const startAutofill = useCallback(
    () =>
      runAutofill({
        generation,
        mounted,
        onResult: async (result) => {
          setBusy('autofill');
          await onSignedIn(result);
        },
        onError: (caught) => {
          onAttempt?.();
          // Autofill belongs to the username field: its refusal is shown there.
          setError({ message: describeError(caught), at: 'username' });
          setRefused(refusedOf(caught));
          setBusy(null);
        },
      }),
    [onSignedIn, onAttempt],
  );

  useEffect(() => {
    let current = true;
    void supportsImmediateSignIn().then((supported) => current && setImmediate(supported));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    mounted.current = true;
    void startAutofill();
    return () => {
      mounted.current = false;
      generation.current += 1;
      WebAuthnAbortService.cancelCeremony();
    };
  }, [startAutofill]);

  async function run(kind: Exclude<Busy, null>, name?: string) {
    const mine = ++generation.current;
    onAttempt?.();
    setError(null);
    setRefused(null);
    setBusy(kind);
    try {
      const result = await signInWithPasskey(name, hint || undefined);
      await onSignedIn(result);
    } catch (caught) {
      if (generation.current !== mine) return; // replaced by another attempt or the page was left
      const message = describeError(caught);
      setError(kind === 'discoverable' ? { message, at: 'discoverable' } : { message: name ? afterTypedUsername(message) : message, at: 'username' });
      setRefused(refusedOf(caught));
      setBusy(null);
      if (mounted.current) void startAutofill();
    }
  }

  /** Immediate sign-in: signed in if a passkey is at hand, else straight to the username form. */
  async function runImmediate() {
    const mine = ++generation.current;
    onAttempt?.();
    setError(null);
    setRefused(null);
    setNoPasskeyHere(false);
    setBusy('immediate');
    try {
      const result = await signInImmediately();
      if (generation.current !== mine) return;
      if (result === NO_PASSKEY_AT_HAND) {
        setBusy(null);
        setNoPasskeyHere(true);
        usernameInput.current?.focus();
        if (mounted.current) void startAutofill();
        return;
      }
      await onSignedIn(result);
    } catch (caught) {
      if (generation.current !== mine) return;
      setError({ message: describeError(caught), at: 'immediate' });
      setRefused(refusedOf(caught));
      setBusy(null);
      if (mounted.current) void startAutofill();
    }
  }

  function onContinue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = username.trim();
    if (!name) {
      setError(null);
      setRefused(null);
      setUsernameError('Enter your username, or use “Sign in with a passkey” below.');
      usernameInput.current?.focus();
      return;
    }
    setUsernameError(undefined);
    void run('username', name);
  }

  /** The outcome of the control at `place`: the error, and "Show what happened" of a refusal. */
  function outcomeAt(place: ErrorPlace) {
    if (error?.at !== place) return null;
    return (
      <div className="stack-sm">
        <ErrorAlert message={error.message} takeFocus />
        {refused && <CeremonyReportPanel report={refused.report} outcome={refused.outcome} />}
      </div>
    );
  }

  const following = <p className="muted">Follow the prompts from your browser or device…</p>;

  // The actions come first, so that a phone shows them on its first screen; where the passkey
  // is (a WebAuthn hint, rarely needed) is a disclosure after them.
  return (
    <div className="stack">
      <form className="card stack" onSubmit={onContinue} noValidate aria-labelledby="username-first-heading">
        <h2 id="username-first-heading">With your username</h2>
        <Field
          ref={usernameInput}
          label="Username"
          name="username"
          autoComplete="username webauthn"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          hint="Your browser may suggest your passkeys for this site here."
          error={usernameError}
        />
        <div className="actions">
          <Button type="submit" busy={busy === 'username'}>
            Continue
          </Button>
          {(busy === 'username' || busy === 'autofill') && following}
        </div>
        {noPasskeyHere && <p role="status">No passkey for this site on this device. Enter your username to go on.</p>}
        {outcomeAt('username')}
      </form>
      <p className="divider">
        <span>or</span>
      </p>
      <section className="card stack" aria-labelledby="usernameless-heading">
        <h2 id="usernameless-heading">Without typing anything</h2>
        <p>Your browser lists the passkeys it has for this site: on this device, a security key or a phone nearby.</p>
        <div className="actions">
          <Button variant="secondary" busy={busy === 'discoverable'} onClick={() => void run('discoverable')}>
            Sign in with a passkey
          </Button>
          {busy === 'discoverable' && following}
        </div>
        {outcomeAt('discoverable')}
      </section>
      {immediate && (
        // After the two ways every browser has, so that a phone's first screen still shows them.
        <section className="card stack" aria-labelledby="immediate-heading">
          <h2 id="immediate-heading">Sign in with this device</h2>
          <p>If this device has a passkey for this site, your browser offers it at once. If not, nothing opens and you go on with your username above.</p>
          <div className="actions">
            <Button variant="secondary" busy={busy === 'immediate'} onClick={() => void runImmediate()}>
              Use a passkey on this device
            </Button>
          </div>
          {outcomeAt('immediate')}
        </section>
      )}
      <details className="card disclosure">
        <summary>
          Where is your passkey?
          {hint && <span className="disclosure__value"> ({hintLabel(hint)})</span>}
        </summary>
        <div className="stack">
          <HintChoiceGroup legend="Where is your passkey?" legendHidden purpose="sign-in" value={hint} onChange={setHint} />
          {hint === 'hybrid' && <PhoneBeforeNote purpose="sign-in" />}
        </div>
      </details>
    </div>
  );
}
