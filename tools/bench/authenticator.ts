/**
 * The one place the benchmark gets its software authenticator from (real key pairs, real
 * attestation objects and signatures). Swap this import when the shared test kit replaces
 * test/soft-authenticator.ts.
 */
export { createAuthenticator, type SoftAuthenticator } from '../../test/soft-authenticator.js';
