import { useDocumentTitle } from '../../components/use-document-title';
import { WebAuthnUnsupported } from '../../components/webauthn-unsupported';
import { UseMyPhone } from '../../features/handoff/components/use-my-phone';
import { PracticeModeButton } from '../../features/practice-mode/components/practice-mode-button';
import { RegisterFlow } from '../../features/registration/components/register-flow';
import { queryClient } from '../../lib/query-client';
import { getSessionQueryOptions, useSession } from '../../lib/session';
import { browserSupportsWebAuthn } from '../../lib/webauthn-support';

/** Knows before the first paint whether someone is signed in (then the passkey is added to their account). */
export async function loader() {
  await queryClient.ensureQueryData(getSessionQueryOptions()).catch(() => null);
  return null;
}

function RegisterPage() {
  useDocumentTitle('Create a passkey');
  const session = useSession();
  return (
    <>
      <h1>Create a passkey</h1>
      {browserSupportsWebAuthn() ? <RegisterFlow signedInAs={session.data?.user.username} PhoneHandoff={UseMyPhone} /> : <WebAuthnUnsupported />}
      <PracticeModeButton />
    </>
  );
}

export { RegisterPage as Component };
