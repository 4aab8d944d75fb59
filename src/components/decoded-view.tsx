import type { ReactNode } from 'react';
import {
  algorithmWords,
  type AttestationPart,
  flagWords,
  inspectedParts,
  reportParts,
  statementAlgorithmWords,
  statementKindWords,
  trustWords,
} from '../lib/decoded-parts';
import { flagNames } from '../shared/authenticator-flags';
import type { AuthenticatorFlags, DecodedAuthenticatorData, DecodedClientData, InspectResult, JsonRecord } from '../shared/decoded';
import type { CeremonyReport } from '../shared/schemas';

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

function ClientDataView({ clientData, level }: { clientData: DecodedClientData; level: Level }) {
  return (
    <section className="decoded__part">
      <Heading level={level}>Client data (what the browser signed)</Heading>
      <dl className="facts">
        <Fact term="Type">
          <code>{clientData.type}</code>
        </Fact>
        <Fact term="Origin">
          <code>{clientData.origin}</code>
        </Fact>
        <Fact term="Challenge">
          <code className="decoded__id">{clientData.challenge}</code>
        </Fact>
        <Fact term="Cross-origin">{yesNo(clientData.crossOrigin)}</Fact>
        <Fact term="Top origin">{clientData.topOrigin && <code>{clientData.topOrigin}</code>}</Fact>
      </dl>
    </section>
  );
}

function FlagsTable({ flags }: { flags: AuthenticatorFlags }) {
  return (
    <table className="data-table flags-table">
      <caption>
        Flags (byte 0x{flags.value.toString(16).padStart(2, '0')})
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
              <span className={flags[name] ? 'badge badge--yes' : 'badge badge--no'}>{flags[name] ? 'yes' : 'no'}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AuthenticatorDataView({ data, level }: { data: DecodedAuthenticatorData; level: Level }) {
  const credential = data.attestedCredentialData;
  const provider = credential ? (credential.providerName ?? 'not in this lab’s list') : undefined;
  return (
    <section className="decoded__part">
      <Heading level={level}>Authenticator data (what the authenticator signed)</Heading>
      <dl className="facts">
        <Fact term="RP ID hash">
          <code className="decoded__id">{data.rpIdHash}</code>
        </Fact>
        <Fact term="Signature counter">{data.signCount}</Fact>
        <Fact term="AAGUID">{credential && <code>{credential.aaguid}</code>}</Fact>
        <Fact term="Provider">{provider}</Fact>
        <Fact term="Credential ID">{credential && <code className="decoded__id">{credential.credentialId}</code>}</Fact>
        <Fact term="Public key">{credential && algorithmWords(credential.publicKey)}</Fact>
      </dl>
      <FlagsTable flags={data.flags} />
      {data.extensions && (
        <>
          <p className="decoded__label">Authenticator extension data</p>
          <pre className="code-block">{JSON.stringify(data.extensions, null, 2)}</pre>
        </>
      )}
    </section>
  );
}

function AttestationView({ attestation, level }: { attestation: AttestationPart; level: Level }) {
  const { statement, trust } = attestation;
  return (
    <section className="decoded__part">
      <Heading level={level}>Attestation (what the authenticator says it is)</Heading>
      <dl className="facts">
        <Fact term="Format">
          <code>{statement.fmt}</code>
        </Fact>
        <Fact term="Statement">{statementKindWords[statement.statementKind]}</Fact>
        <Fact term="Algorithm">{statementAlgorithmWords(statement)}</Fact>
        <Fact term="Trust">{trust && trustWords[trust]}</Fact>
        {attestation.simulated && <Fact term="Simulated device">{attestation.label}</Fact>}
        <Fact term="Verification">{attestation.message}</Fact>
        <Fact term="Certificates">{statement.certificates.length === 0 ? 'none' : statement.certificates.length}</Fact>
      </dl>
      {statement.certificates.length > 0 && (
        <ol className="tight-list certificates">
          {statement.certificates.map((certificate, index) => (
            <li key={index}>
              <span className="decoded__label">Subject</span> {certificate.subject}
              <br />
              <span className="decoded__label">Issuer</span> {certificate.issuer}
              <br />
              <span className="decoded__label">Valid until</span> {certificate.notAfter}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const isJsonObject = (value: JsonRecord[string] | undefined): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

function ExtensionsView({ extensions, level }: { extensions: JsonRecord; level: Level }) {
  const credProps = isJsonObject(extensions.credProps) ? extensions.credProps : undefined;
  const prf = isJsonObject(extensions.prf) ? extensions.prf : undefined;
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

export type DecodedViewProps = (
  | {
      /** A verify call's report: its `decoded`. */
      report: CeremonyReport;
      inspected?: never;
    }
  | {
      /** The decoder's answer. */
      inspected: InspectResult;
      report?: never;
    }
) & {
  headingLevel?: Level;
  /** Show the raw JSON too (in a <pre>). */
  withRaw?: boolean;
};

/** Decoded response parts in words: client data, authenticator data and its flags, attestation, extensions, signature. */
export function DecodedView({ report, inspected, headingLevel = 3, withRaw = true }: DecodedViewProps) {
  const parts = report ? reportParts(report) : inspectedParts(inspected);
  const decoded = report ? report.decoded : inspected.decoded;
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
