/** The JSON forms of a new credential and an assertion (WebAuthn L3 toJSON(), §5.1). Pure. */
import { toBase64url } from './bytes';
import type { Assertion, ClientExtensionResults, NewCredential } from './soft-authenticator';
import type { AuthenticationResponseJSON, ClientExtensionResultsJSON, RegistrationResponseJSON } from './webauthn-json';

export function extensionResultsToJSON(results: ClientExtensionResults): ClientExtensionResultsJSON {
  const json: ClientExtensionResultsJSON = {};
  if (results.credProps) json.credProps = { ...results.credProps };
  if (results.prf) {
    const { enabled, results: outputs } = results.prf;
    json.prf = {
      ...(enabled !== undefined ? { enabled } : {}),
      ...(outputs ? { results: { first: toBase64url(outputs.first), ...(outputs.second ? { second: toBase64url(outputs.second) } : {}) } } : {}),
    };
  }
  return json;
}

export function registrationToJSON(credential: NewCredential): RegistrationResponseJSON {
  return {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: 'public-key',
    authenticatorAttachment: credential.authenticatorAttachment,
    clientExtensionResults: extensionResultsToJSON(credential.clientExtensionResults),
    response: {
      clientDataJSON: toBase64url(credential.clientDataJSON),
      attestationObject: toBase64url(credential.attestationObject),
      authenticatorData: toBase64url(credential.authenticatorData),
      transports: [...credential.transports],
      publicKeyAlgorithm: credential.publicKeyAlgorithm,
      publicKey: toBase64url(credential.publicKey),
    },
  };
}

export function assertionToJSON(assertion: Assertion): AuthenticationResponseJSON {
  return {
    id: assertion.id,
    rawId: toBase64url(assertion.rawId),
    type: 'public-key',
    authenticatorAttachment: assertion.authenticatorAttachment,
    clientExtensionResults: extensionResultsToJSON(assertion.clientExtensionResults),
    response: {
      clientDataJSON: toBase64url(assertion.clientDataJSON),
      authenticatorData: toBase64url(assertion.authenticatorData),
      signature: toBase64url(assertion.signature),
      ...(assertion.userHandle ? { userHandle: toBase64url(assertion.userHandle) } : {}),
    },
  };
}
