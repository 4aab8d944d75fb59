export { loadAaguidNames, type AaguidName } from './aaguid-names.js';
export {
  builtInDirectory,
  createAuthenticatorDirectory,
  loadAuthenticatorDirectory,
  type AuthenticatorDirectory,
  type AuthenticatorInfo,
} from './directory.js';
export type { LoadResult } from './files.js';
export { loadMdsStatements, type MdsStatement } from './mds.js';
