import type { ReactNode } from 'react';
import {
  decodedParts,
  flagNames,
  flagWords,
  isRecord,
  type AttestationPart,
  type AuthenticatorDataPart,
  type ClientDataPart,
  type InspectKind,
} from '../decoded-parts';

type Level = 3 | 4;

function Heading({ level, children }: { level: Level; children: ReactNode }) {
  return level === 3 ? <h3 className="decoded__heading">{children}</h3> : <h4 className="decoded__heading">{children}</h4>;
}

/** A row of a description list; nothing when there is no value. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'yes' : 'no');

function ClientDataView({ clientData, level }: { clientData: ClientDataPart; level: Level }) {
  return (
    <section className="decoded__part">
      <Heading level={level}>Client data (what the browser signed)</Heading>
      <dl className="facts">
        <Fact term="Type">{clientData.type && <code>{clientData.type}</code>}</Fact>
        <Fact term="Origin">{clientData.origin && <code>{clientData.origin}</code>}</Fact>
        <Fact term="Challenge">{clientData.challenge && <code className="decoded__id">{clientData.challenge}</code>}</Fact>
        <Fact term="Cross-origin">{yesNo(clientData.crossOrigin)}</Fact>
        <Fact term="Top origin">{clientData.topOrigin && <code>{clientData.topOrigin}</code>}</Fact>
      </dl>
    </section>
  );
}

function FlagsTable({ flags }: { flags: NonNullable<AuthenticatorDataPart['flags']> }) {
  return (
    <table className="data-table flags-table">
      <caption>
        Flags{flags.value !== undefined && <> (byte 0x{flags.value.toString(16).padStart(2, '0')})</>}
      </caption>
      <thead>
        <tr>
          <th scope="col">Flag</th>
          <th scope="col">Meaning</th>
          <th scope="col">Set</th>
        </tr>
      </thead>
      <tbody>
        {flagNames.map((name) => (
          <tr key={name}>
            <th scope="row">{flagWords[name].label}</th>
            <td>{flagWords[name].meaning}</td>
            <td>
              <span className={flags[name] ? 'badge badge--yes' : 'badge badge--no'}>
                {flags[name] === undefined ? 'unknown' : flags[name] ? 'yes' : 'no'}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AuthenticatorDataView({ data, level }: { data: AuthenticatorDataPart; level: Level }) {
  const provider = data.aaguid ? (data.providerName ?? 'not in this lab’s list') : undefined;
  return (
    <section className="decoded__part">
      <Heading level={level}>Authenticator data (what the authenticator signed)</Heading>
      <dl className="facts">
        <Fact term="RP ID hash">{data.rpIdHash && <code className="decoded__id">{data.rpIdHash}</code>}</Fact>
        <Fact term="Signature counter">{data.signCount}</Fact>
        <Fact term="AAGUID">{data.aaguid && <code>{data.aaguid}</code>}</Fact>
        <Fact term="Provider">{provider}</Fact>
        <Fact term="Credential ID">{data.credentialId && <code className="decoded__id">{data.credentialId}</code>}</Fact>
        <Fact term="Public key">{data.algorithm}</Fact>
      </dl>
      {data.flags && <FlagsTable flags={data.flags} />}
      {data.extensions && (
        <>
          <p className="decoded__label">Authenticator extension data</p>
          <pre className="code-block">{JSON.stringify(data.extensions, null, 2)}</pre>
        </>
      )}
    </section>
  );
}

const statementKindWords: Record<string, string> = {
  none: 'none: the authenticator did not say what it is',
  self: 'self: signed with the passkey’s own key (proves nothing about the make)',
  basic: 'basic: signed with the maker’s certificate',
  attca: 'attestation CA: signed with a certificate from an attestation CA',
  anonca: 'anonymous CA: signed with a one-off certificate from the maker’s CA',
  unknown: 'unknown',
};

const trustWords: Record<string, string> = {
  'not applicable': 'not applicable: there is no statement to check',
  self: 'self: the statement verifies, signed by the passkey itself',
  trusted: 'trusted: the certificate chain leads to a known root',
  simulated: 'simulated: the certificate chain leads to this lab’s simulator root (a simulated device, not a real authenticator)',
  'not checked': 'not checked: the signature verifies, but no known root to check the chain against',
  untrusted: 'untrusted: the statement or its chain did not verify',
};

function AttestationView({ attestation, level }: { attestation: AttestationPart; level: Level }) {
  const kind = attestation.statementKind;
  const trust = attestation.trust;
  return (
    <section className="decoded__part">
      <Heading level={level}>Attestation (what the authenticator says it is)</Heading>
      <dl className="facts">
        <Fact term="Format">{attestation.fmt && <code>{attestation.fmt}</code>}</Fact>
        <Fact term="Statement">{kind && (statementKindWords[kind] ?? kind)}</Fact>
        <Fact term="Algorithm">{attestation.algorithm}</Fact>
        <Fact term="Trust">{trust && (trustWords[trust] ?? trust)}</Fact>
        {attestation.simulated && <Fact term="Simulated device">{attestation.label}</Fact>}
        <Fact term="Verification">{attestation.message}</Fact>
        <Fact term="Certificates">{attestation.certificates.length === 0 ? 'none' : attestation.certificates.length}</Fact>
      </dl>
      {attestation.certificates.length > 0 && (
        <ol className="tight-list certificates">
          {attestation.certificates.map((certificate, index) => (
            <li key={index}>
              <span className="decoded__label">Subject</span> {certificate.subject ?? 'not given'}
              <br />
              <span className="decoded__label">Issuer</span> {certificate.issuer ?? 'not given'}
              {certificate.notAfter && (
                <>
                  <br />
                  <span className="decoded__label">Valid until</span> {certificate.notAfter}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ExtensionsView({ extensions, level }: { extensions: Record<string, unknown>; level: Level }) {
  const credProps = isRecord(extensions.credProps) ? extensions.credProps : undefined;
  const prf = isRecord(extensions.prf) ? extensions.prf : undefined;
  return (
    <section className="decoded__part">
      <Heading level={level}>Extension results (from the browser)</Heading>
      <dl className="facts">
        <Fact term="Discoverable (credProps.rk)">{typeof credProps?.rk === 'boolean' ? yesNo(credProps.rk) : undefined}</Fact>
        <Fact term="PRF enabled">{typeof prf?.enabled === 'boolean' ? yesNo(prf.enabled) : undefined}</Fact>
      </dl>
      <pre className="code-block">{Object.keys(extensions).length === 0 ? 'none' : JSON.stringify(extensions, null, 2)}</pre>
    </section>
  );
}

export interface DecodedViewProps {
  decoded: unknown;
  /** What the decoder recognised; absent for a ceremony report's `decoded`. */
  kind?: InspectKind;
  headingLevel?: Level;
  /** Show the raw JSON too (in a <pre>). */
  withRaw?: boolean;
}

/** Decoded response parts in words: client data, authenticator data and its flags, attestation, extensions, signature. */
export function DecodedView({ decoded, kind, headingLevel = 3, withRaw = true }: DecodedViewProps) {
  const parts = decodedParts(decoded, kind);
  const level = headingLevel;
  const nothing =
    !parts.clientData && !parts.authenticatorData && !parts.attestation && !parts.extensions && !parts.signature && !parts.userHandle;
  return (
    <div className="decoded stack-sm">
      {nothing && <p>Nothing was decoded: the response stopped before its parts could be read.</p>}
      {parts.credentialId && (
        <dl className="facts">
          <Fact term="Credential ID">
            <code className="decoded__id">{parts.credentialId}</code>
          </Fact>
        </dl>
      )}
      {parts.clientData && <ClientDataView clientData={parts.clientData} level={level} />}
      {parts.authenticatorData && <AuthenticatorDataView data={parts.authenticatorData} level={level} />}
      {parts.attestation && <AttestationView attestation={parts.attestation} level={level} />}
      {parts.signature && (
        <section className="decoded__part">
          <Heading level={level}>Signature</Heading>
          <dl className="facts">
            <Fact term="Length">{parts.signature.byteLength !== undefined && `${parts.signature.byteLength} bytes`}</Fact>
            <Fact term="Encoding">{parts.signature.encoding}</Fact>
            <Fact term="Likely algorithm">{parts.signature.likelyAlgorithm}</Fact>
          </dl>
        </section>
      )}
      {parts.userHandle && (
        <section className="decoded__part">
          <Heading level={level}>User handle (the account’s id in the passkey)</Heading>
          <dl className="facts">
            <Fact term="base64url">{parts.userHandle.base64url && <code className="decoded__id">{parts.userHandle.base64url}</code>}</Fact>
            <Fact term="Length">{parts.userHandle.byteLength !== undefined && `${parts.userHandle.byteLength} bytes`}</Fact>
            <Fact term="As text">{parts.userHandle.text}</Fact>
          </dl>
        </section>
      )}
      {parts.extensions && <ExtensionsView extensions={parts.extensions} level={level} />}
      {withRaw && (
        <section className="decoded__part">
          <Heading level={level}>Raw JSON</Heading>
          <pre className="code-block" tabIndex={0}>
            {JSON.stringify(decoded, null, 2)}
          </pre>
        </section>
      )}
    </div>
  );
}
