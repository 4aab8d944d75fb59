import type { RpConfig } from '../config.js';
import type { AuthenticatorDirectory } from '../metadata/directory.js';
import type { Db } from '../store/database.js';
import type { PendingStore } from '../store/pending.js';
import type { SessionRow } from '../store/sessions.js';

/** What every handler can reach: configuration, the database and the clock. */
export interface Deps {
  config: RpConfig;
  db: Db;
  /** Epoch milliseconds; injectable so tests can expire challenges. */
  now: () => number;
  /** Provider names, icons and attestation roots by AAGUID (built-in table plus metadata files). */
  directory: AuthenticatorDirectory;
  /** What was wrong with the metadata files, if anything (logged at start-up). */
  metadataProblems: string[];
  /** Anonymous sessions and pending ceremonies (memory only). */
  pending: PendingStore;
}

/** Read with `c.get('deps')`, not `c.var.deps`: Hono's `c.var` copies every variable into a new object on each read. */
export interface Env {
  Variables: {
    deps: Deps;
    /** The caller's session row when the cookie names a live one. */
    session: SessionRow | undefined;
  };
}
