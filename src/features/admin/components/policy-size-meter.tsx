import { useId } from 'react';
import { measurePolicy } from '../../../shared/policy-size';

/**
 * How much of Entra's 20 KB limit the policy in the form would use (src/shared/policy-size.ts):
 * the relying party refuses a policy at or over it (400 policy_too_large).
 */
export function PolicySizeMeter({ document }: { document: unknown }) {
  const id = useId();
  const size = measurePolicy(document);
  const percent = Math.round(size.share * 100);
  return (
    <div className="stack-sm policy-size">
      <label htmlFor={id}>Policy size (Microsoft Entra ID keeps it under 20 KB)</label>
      <meter id={id} min={0} max={size.limit} low={size.limit * 0.75} high={size.limit * 0.9} optimum={0} value={Math.min(size.bytes, size.limit)} aria-describedby={`${id}-words`} />
      <p id={`${id}-words`} className={size.fits ? 'muted' : undefined}>
        {size.bytes.toLocaleString('en')} of {size.limit.toLocaleString('en')} bytes ({percent}%)
        {size.fits ? '' : ': too large to save. Shorten the AAGUID lists or remove a profile.'}
      </p>
    </div>
  );
}
