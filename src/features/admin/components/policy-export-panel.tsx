import { useId } from 'react';
import type { Fido2Policy } from '../../../shared/policy';
import { GRAPH_FIDO2_CONFIGURATION_URI, toGraphPatchJson, toGraphPowerShell } from '../../../shared/policy-export';
import { CopyButton } from './copy-button';

/** The saved policy as one would apply it to a real Entra ID tenant: Graph PATCH body and PowerShell. */
export function PolicyExportPanel({ policy }: { policy: Fido2Policy }) {
  const ids = useId();
  const json = toGraphPatchJson(policy);
  const script = toGraphPowerShell(policy);
  return (
    <section className="card stack-sm" aria-labelledby={`${ids}-export`}>
      <h2 id={`${ids}-export`}>Export for a real tenant</h2>
      <p>
        What you would run against a real Microsoft Entra ID tenant to give it the <strong>saved</strong> policy above. The lab itself does not
        contact Microsoft. Group ids are the lab’s: replace them with your tenant’s group object ids.
      </p>
      <h3 id={`${ids}-json`}>Microsoft Graph PATCH body</h3>
      <p className="field__hint">
        Send it with <code>PATCH {GRAPH_FIDO2_CONFIGURATION_URI}</code> (Graph Explorer, or any HTTP client with a token that has
        Policy.ReadWrite.AuthenticationMethod).
      </p>
      <pre className="code-block" tabIndex={0} role="region" aria-labelledby={`${ids}-json`}>
        {json}
      </pre>
      <CopyButton text={json} label="Copy JSON" copiedText="JSON copied." />
      <h3 id={`${ids}-ps`}>Microsoft Graph PowerShell</h3>
      <p className="field__hint">Run it in PowerShell 7 with the Microsoft Graph PowerShell SDK installed.</p>
      <pre className="code-block" tabIndex={0} role="region" aria-labelledby={`${ids}-ps`}>
        {script}
      </pre>
      <CopyButton text={script} label="Copy PowerShell" copiedText="PowerShell script copied." />
    </section>
  );
}
