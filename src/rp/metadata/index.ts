export { type AaguidName, loadAaguidNames } from './aaguid-names.js';
export {
  type AuthenticatorDirectory,
  type AuthenticatorInfo,
  builtInDirectory,
  createAuthenticatorDirectory,
  loadAuthenticatorDirectory,
} from './directory.js';
export type { LoadResult } from './files.js';
export { loadMdsStatements, type MdsStatement } from './mds.js';
