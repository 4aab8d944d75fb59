import { Note } from '../../../components/alert';
import { useMetadataStatus } from '../api/get-metadata-status';

/**
 * Where provider names, icons and attestation roots come from (AAGUID_METADATA_PATH,
 * MDS_METADATA_PATH, the built-in table), and what was wrong with the files, if anything.
 */
export function MetadataStatus() {
  const { data } = useMetadataStatus();
  if (!data) return null;
  const { sources, problems } = data;
  return (
    <section className="stack" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading">Authenticator metadata</h2>
      <p>
        Provider names and icons come from a passkey-provider list file ({sources.names} authenticators), FIDO metadata
        statements ({sources.statements}) and the lab’s built-in table ({sources.builtIn}). The files are optional; see the
        README’s configuration table.
      </p>
      {problems.length > 0 && (
        <Note tone="warning">
          <p>The relying party could not use everything in its metadata files:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Note>
      )}
    </section>
  );
}
