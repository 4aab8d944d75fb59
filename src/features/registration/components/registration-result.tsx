import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { CeremonyReportPanel } from '../../../components/ceremony-report-panel';
import { PasskeyFacts } from '../../../components/passkey-facts';
import { PhoneAfterText } from '../../../components/phone-passkey-notes';
import { isPhonePasskey, passkeyKindExplanation, passkeyKindLabel, providerLabel } from '../../../lib/passkey-words';
import { paths } from '../../../lib/paths';
import type { Hint, Verified } from '../../../shared/schemas';
import { simulatedProviderName } from '../../../shared/simulator-labels';

/** The outcome of a registration, in plain words; takes focus so it is read out first. */
export interface RegistrationResultProps {
  result: Verified;
  /** Where the person asked for the passkey to live. */
  hint?: Hint | undefined;
}

export function RegistrationResult({ result, hint }: RegistrationResultProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const { credential, user } = result;
  return (
    <section className="card card--success stack" aria-labelledby="result-heading">
      <h2 id="result-heading" ref={heading} tabIndex={-1}>
        Your passkey is ready
      </h2>
      <p>
        You are signed in as <strong>{user.username}</strong>, and your new passkey{' '}
        {/* The nickname is often the provider's name: then it is said once. */}
        {credential.nickname === providerLabel(credential) ? '' : `“${credential.nickname}” `}is kept by {simulatedProviderName(providerLabel(credential), credential)}.
      </p>
      <p>
        <strong>{passkeyKindLabel(credential)}.</strong> {passkeyKindExplanation(credential)}
      </p>
      <PasskeyFacts credential={credential} />
      {hint === 'hybrid' || isPhonePasskey(credential) ? (
        <PhoneAfterText />
      ) : (
        <p>Next time, sign in by choosing this passkey and unlocking your device: no password to type.</p>
      )}
      {result.report && <CeremonyReportPanel report={result.report} outcome="accepted" />}
      <p>
        <Link className="button button--primary" to={paths.account.getHref()}>
          Go to your account
        </Link>
      </p>
    </section>
  );
}
