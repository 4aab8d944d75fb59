/**
 * The one place the benchmark gets its software authenticator from (real key pairs, real
 * attestation objects and signatures): the relying-party tests' adapter over the kit's Node
 * export (testkit/node.ts), asynchronous like WebCrypto.
 */
export { createAuthenticator, type SoftAuthenticator } from '../../test/soft-authenticator.js';
