import { useId } from 'react';
import { type CeremonyOutcome, ceremonyWords, checkName, failedCheck, outcomeWords } from '../lib/ceremony-report';
import { buildTranscript } from '../lib/transcript';
import type { CeremonyReport } from '../shared/schemas';
import { DecodedView } from './decoded-view';
import { TranscriptActions } from './transcript-actions';

export interface CeremonyReportPanelProps {
  report: CeremonyReport;
  /** 'accepted', or the error code the relying party refused with. */
  outcome: CeremonyOutcome;
  /** Open from the start (the inspector page opens none; a ceremony page may open a refusal). */
  defaultOpen?: boolean;
  /**
   * Which ceremony this is, where a page shows more than one panel (e.g. "Your sign-in"): the
   * summary's description, so that two "Show what happened" can be told apart.
   */
  about?: string;
}

/** The ordered checks: each with its name, passed or failed, and the relying party's message. */
function CheckList({ report }: { report: CeremonyReport }) {
  const labelId = useId();
  if (report.checks.length === 0) {
    return <p>The relying party made no checks: the response did not decode, so it stopped before the first one.</p>;
  }
  return (
    <>
      <p id={labelId} className="decoded__label">
        The checks the relying party made, in order
      </p>
      <ol className="check-list" aria-labelledby={labelId}>
        {report.checks.map((check, index) => (
          <li key={`${check.id}-${index}`} className={check.passed ? 'check check--passed' : 'check check--failed'}>
            <span className="check__mark" aria-hidden="true">
              {check.passed ? '✓' : '✗'}
            </span>
            <span>
              <strong>{checkName(check.id)}</strong> <span className="check__result">{check.passed ? 'passed' : 'failed'}</span>:{' '}
              {check.message}
              {!check.passed && check.code && (
                <>
                  {' '}
                  <code>({check.code})</code>
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * "Show what happened": the checks of a ceremony in words, what the relying party asked
 * (the options), what came back (decoded), and the transcript to copy or download.
 */
export function CeremonyReportPanel({ report, outcome, defaultOpen = false, about }: CeremonyReportPanelProps) {
  const failed = failedCheck(report);
  const aboutId = useId();
  const summaryLine =
    outcome === 'accepted'
      ? `${ceremonyWords[report.ceremony]} accepted: all ${report.checks.length} checks passed.`
      : failed
        ? `${ceremonyWords[report.ceremony]} refused at the check “${checkName(failed.id)}”.`
        : `${ceremonyWords[report.ceremony]} ${outcomeWords(outcome)}.`;
  return (
    <details className="report-panel" open={defaultOpen || undefined}>
      <summary aria-describedby={about ? aboutId : undefined}>Show what happened</summary>
      {about && (
        <span id={aboutId} hidden>
          {about}
        </span>
      )}
      <div className="report-panel__body stack-sm">
        <p className={outcome === 'accepted' ? 'report-panel__outcome' : 'report-panel__outcome report-panel__outcome--refused'}>
          {summaryLine}
        </p>
        <CheckList report={report} />
        <details className="report-section">
          <summary>What the server asked</summary>
          <div className="report-section__body">
            {report.options === null || report.options === undefined ? (
              <p>No options: there was no registration or sign-in in progress for this browser.</p>
            ) : (
              <pre className="code-block" tabIndex={0}>
                {JSON.stringify(report.options, null, 2)}
              </pre>
            )}
          </div>
        </details>
        <details className="report-section">
          <summary>What came back</summary>
          <div className="report-section__body">
            {/* Under the page's h2 (a section, or the inspector's list): the next level, never skipping one. */}
            <DecodedView report={report} headingLevel={3} />
          </div>
        </details>
        <TranscriptActions build={() => buildTranscript(report, outcome)} fileLabel={report.ceremony} />
      </div>
    </details>
  );
}
