import '../capabilities.css';
import { useEffect, useState } from 'react';
import { signalNames, supportsSignal } from '../../../lib/webauthn-signals';
import { detectWebAuthnSupport } from '../../../lib/webauthn-support';
import { answerWords, buildCapabilityRows, type CapabilityRow } from '../capabilities';

async function detectRows(): Promise<CapabilityRow[]> {
  const support = await detectWebAuthnSupport();
  const featureChecks = Object.fromEntries(signalNames.map((name) => [name, supportsSignal(name)]));
  return buildCapabilityRows({ ...support, featureChecks });
}

const answerClass = { yes: 'badge badge--yes', no: 'badge badge--no', unknown: 'badge badge--unknown' } as const;

/**
 * Explicit table roles: on narrow screens the rows are laid out as cards (CSS grid), and some
 * browsers drop table semantics when a table's display changes.
 */
/** Every capability and feature check, each with what it means and Yes / No / Unknown. */
export function CapabilityTable() {
  const [rows, setRows] = useState<CapabilityRow[] | null>(null);

  useEffect(() => {
    let active = true;
    void detectRows().then((result) => {
      if (active) setRows(result);
    });
    return () => {
      active = false;
    };
  }, []);

  if (rows === null) return <p aria-busy="true">Checking this browser…</p>;

  return (
    <div className="table-scroll">
      <table className="data-table capability-table" role="table">
        <caption>Passkey features of this browser</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">Feature</th>
            <th scope="col" role="columnheader">What it means</th>
            <th scope="col" role="columnheader">Supported</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={row.key} role="row">
              <th scope="row" role="rowheader">
                {row.name}
                <code className="capability-key">{row.key}</code>
              </th>
              <td role="cell">
                {row.meaning}
                <span className="capability-source">Answered by: {row.source}</span>
              </td>
              <td role="cell">
                <span className={answerClass[row.answer]}>{answerWords[row.answer]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
