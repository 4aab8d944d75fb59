/** The CPU breakdown's sorting of perf samples into buckets (the perf run itself is manual). */
import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketShares } from './cpu-breakdown';

// `perf script -F comm,tid,ip,sym`: a header line, then the stack from the leaf up.
const sample = (...frames: string[]) => ['node 4242', ...frames.map((frame, index) => `\t${(0x1000 + index).toString(16)} ${frame}`)].join('\n');

describe('bucketShares', () => {
  it('files each sample under the first bucket its stack matches, leaf to root', () => {
    const script = [
      // SQLite called from lab code is SQLite.
      sample('sqlite3VdbeExec', 'Statement::JS_run', 'JS:*findCredential file:///repo/src/rp/store/credentials.ts:1:10'),
      sample('deflate_slow', 'JS:^compressBody file:///repo/src/rp/http/compression.ts:1:980'),
      sample('__ecp_nistz256_mul_montx', 'node::crypto::CryptoJob<node::crypto::SignTraits>::DoThreadPoolWork'),
      // A finished crypto job resuming lab code is the lab's, not crypto's.
      sample('JS:*checkRpIdHash file:///repo/src/rp/webauthn/checks.ts:1:2346', 'node::crypto::CryptoJob<node::crypto::HashTraits>::AfterThreadPoolWork'),
      sample('JS:*verifyAuthenticationResponse file:///repo/node_modules/@simplewebauthn/server/esm/authentication/x.js:26:1', 'JS:* file:///repo/src/rp/webauthn/authentication.ts:1:2089'),
      sample('v8::internal::Heap::CollectGarbage', 'Builtins_RunMicrotasks'),
      sample('llhttp__internal_execute', 'uv__read'),
      sample('tcp_sendmsg', 'entry_SYSCALL_64_after_hwframe'),
    ].join('\n\n');
    const shares = bucketShares(`${script}\n\n`);
    expect(Object.fromEntries(shares)).toEqual({
      'SQLite: statements, commits, WAL writes': 1 / 8,
      'compressing answers': 1 / 8,
      'crypto: key import, signature, hashes': 1 / 8,
      '@simplewebauthn/server: decoding and checks': 1 / 8,
      "the lab's own code": 1 / 8,
      'JIT compiler and garbage collector': 1 / 8,
      'HTTP, Hono, event loop, kernel': 2 / 8,
    });
  });

  it('names every bucket, even one without samples, and the last catches everything', () => {
    expect([...bucketShares('').keys()]).toEqual(BUCKETS.map((bucket) => bucket.name));
    expect(BUCKETS.at(-1)!.pattern.test('anything at all')).toBe(true);
  });
});
