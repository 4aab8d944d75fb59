import type { RpConfig } from '../config.js';
import type { Db } from '../store/database.js';
import type { SessionRow } from '../store/sessions.js';

/** What every handler can reach: configuration, the database and the clock. */
export interface Deps {
  config: RpConfig;
  db: Db;
  /** Epoch milliseconds; injectable so tests can expire challenges. */
  now: () => number;
}

export interface Env {
  Variables: {
    deps: Deps;
    /** The caller's session row when the cookie names a live one. */
    session: SessionRow | undefined;
  };
}
