/**
 * The relying party's configuration, read once from the environment. Handlers never
 * hard-code an origin or an RP ID; they get them from here.
 */
export interface RpConfig {
  /** WebAuthn relying-party ID: a registrable domain, never an IP address. Default `localhost`. */
  rpId: string;
  /** Name shown by authenticators. Default `Passkey Lab`. */
  rpName: string;
  /** Origins allowed in clientDataJSON and in the `Origin` header. Default `http://localhost:<port>`. */
  origins: string[];
  /** Port of the production server. Default 3000. */
  port: number;
  /** SQLite file, or `:memory:`. Default `data/passkey-lab.db`. */
  databasePath: string;
  /** Mark the session cookie Secure: true when every allowed origin is https. */
  secureCookies: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { port?: number } = {}): RpConfig {
  const port = parsePort(env.PORT) ?? defaults.port ?? 3000;
  const origins = (env.RP_ORIGINS ?? `http://localhost:${port}`)
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return {
    rpId: env.RP_ID?.trim() || 'localhost',
    rpName: env.RP_NAME?.trim() || 'Passkey Lab',
    origins,
    port,
    databasePath: env.DATABASE_PATH?.trim() || 'data/passkey-lab.db',
    secureCookies: origins.every((origin) => origin.startsWith('https://')),
  };
}

function parsePort(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}
