import '../inspector.css';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { CeremonyReportPanel } from '../../../components/ceremony-report-panel';
import { TranscriptActions } from '../../../components/transcript-actions';
import { ceremonyWords, outcomeWords } from '../../../lib/ceremony-report';
import { formatDateTime } from '../../../lib/format-date';
import { paths } from '../../../lib/paths';
import { MAX_RECENT_CEREMONIES, reportStore } from '../../../lib/report-store';
import { buildTranscriptBundle } from '../../../lib/transcript';
import { useRecentCeremonies } from '../use-recent-ceremonies';

/** This browser session's last ceremonies (newest first), each with its report; export all or clear. */
export function RecentCeremonies() {
  const entries = useRecentCeremonies();
  return (
    <section className="stack" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent ceremonies in this browser session</h2>
      {entries.length === 0 ? (
        <p className="empty-state">
          No ceremonies yet in this browser session. <Link to={paths.register.getHref()}>Create a passkey</Link> or{' '}
          <Link to={paths.signIn.getHref()}>sign in</Link>, and each registration and sign-in the server checks appears here.
        </p>
      ) : (
        <>
          <p className="muted">
            The last {MAX_RECENT_CEREMONIES} registrations and sign-ins the server checked, newest first. They stay in this tab
            only and are gone when you close it.
          </p>
          <ol className="ceremony-list" aria-labelledby="recent-heading">
            {entries.map((entry) => (
              <li key={entry.id} className="card ceremony-item stack-sm">
                <p className="ceremony-item__title">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  {' · '}
                  <strong>{ceremonyWords[entry.report.ceremony]}</strong>
                  {' · '}
                  <span className={entry.outcome === 'accepted' ? 'outcome outcome--accepted' : 'outcome outcome--refused'}>
                    {outcomeWords(entry.outcome)}
                  </span>
                </p>
                <CeremonyReportPanel report={entry.report} outcome={entry.outcome} />
              </li>
            ))}
          </ol>
          <TranscriptActions
            build={() => buildTranscriptBundle(entries)}
            fileLabel="ceremonies"
            copyLabel="Copy all"
            downloadLabel="Download all"
          >
            <Button variant="danger-outline" onClick={() => reportStore.clear()}>
              Clear
            </Button>
          </TranscriptActions>
        </>
      )}
    </section>
  );
}
