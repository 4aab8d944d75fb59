import { knownAaguids } from '../../shared/aaguids.js';
import type { ProviderIcon } from '../../shared/schemas.js';
import { type AaguidName, loadAaguidNames } from './aaguid-names.js';
import { normaliseAaguid } from './files.js';
import { loadMdsStatements, type MdsStatement } from './mds.js';

/** What the lab knows about one authenticator model. */
export interface AuthenticatorInfo {
  /** Provider or model name; null when no source knows the AAGUID (or it is all zeros). */
  name: string | null;
  iconLight?: string;
  iconDark?: string;
  /** Base64 DER attestation root certificates from the MDS metadata statement (empty without one). */
  attestationRoots: string[];
}

export interface AuthenticatorDirectory {
  lookup(aaguid: string): AuthenticatorInfo;
  /** How many AAGUIDs each source knows (for the admin screen). */
  readonly sizes: { names: number; statements: number; builtIn: number };
}

const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';

/**
 * One place to ask "which authenticator is this AAGUID?". The name comes from the
 * passkey-provider list, else the MDS statement's description, else the built-in table
 * (src/shared/aaguids.ts). Icons from the provider list, else the MDS icon.
 */
export function createAuthenticatorDirectory({
  names = new Map(),
  statements = new Map(),
}: {
  names?: ReadonlyMap<string, AaguidName>;
  statements?: ReadonlyMap<string, MdsStatement>;
} = {}): AuthenticatorDirectory {
  return {
    sizes: { names: names.size, statements: statements.size, builtIn: Object.keys(knownAaguids).length },
    lookup(value: string): AuthenticatorInfo {
      const aaguid = normaliseAaguid(value);
      if (!aaguid || aaguid === ZERO_AAGUID) return { name: null, attestationRoots: [] };
      const named = names.get(aaguid);
      const statement = statements.get(aaguid);
      const info: AuthenticatorInfo = {
        name: named?.name ?? statement?.description ?? knownAaguids[aaguid] ?? null,
        attestationRoots: [...(statement?.attestationRootCertificates ?? [])],
      };
      const iconLight = named?.iconLight ?? statement?.icon;
      const iconDark = named?.iconDark ?? statement?.icon;
      if (iconLight) info.iconLight = iconLight;
      if (iconDark) info.iconDark = iconDark;
      return info;
    },
  };
}

/** The contract's `providerIcon` (both variants), or null when no source has an icon for it. */
export function providerIcon(info: AuthenticatorInfo): ProviderIcon | null {
  return info.iconLight || info.iconDark ? { light: info.iconLight ?? null, dark: info.iconDark ?? null } : null;
}

/** The directory with only the built-in table. */
export const builtInDirectory: AuthenticatorDirectory = createAuthenticatorDirectory();

/**
 * Loads both files (either path may be missing) and builds the directory. Never throws;
 * `problems` lists everything that was wrong, for the log and the admin screen.
 */
export function loadAuthenticatorDirectory(paths: { aaguidMetadataPath?: string; mdsMetadataPath?: string }): {
  directory: AuthenticatorDirectory;
  problems: string[];
} {
  const names = loadAaguidNames(paths.aaguidMetadataPath);
  const statements = loadMdsStatements(paths.mdsMetadataPath);
  return {
    directory: createAuthenticatorDirectory({ names: names.entries, statements: statements.entries }),
    problems: [...names.problems, ...statements.problems],
  };
}
