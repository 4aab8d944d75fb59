/**
 * `npx tsx tools/bench/cpu-breakdown.ts [--seconds 9] [--in-flight 16]` — where each server's
 * CPU goes per ceremony, lab against floor, by Linux `perf` (Debian: linux-perf).
 *
 * For sign-ins and then registrations, each server is started under `node --perf-basic-prof`
 * (so perf can name JavaScript frames), warmed up for 6 s, and sampled with `perf record -e cpu-clock
 * -g` while the load generator runs. cpu-clock samples only while a thread is on a CPU, so a
 * thread waiting in a system call or for its turn on a busy machine is not counted, unlike
 * `node --cpu-prof`, which samples the main thread's wall time. Each sample is filed under the
 * first bucket (BUCKETS, in order) whose pattern its stack contains; the shares are scaled by
 * the server's own CPU time per ceremony over the same period. Not part of `npm test`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PhaseResult } from './load.js';
import type { ServerKind } from './server-process.js';
import { enrol, registrationPhase, type RunningServer, signInPhase, startServer } from './servers.js';

/** First match wins: a SQLite call made by lab code counts as SQLite, not as lab code. */
export const BUCKETS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'SQLite: statements, commits, WAL writes', pattern: /sqlite3|better_sqlite3|Statement::JS_/ },
  { name: 'compressing answers', pattern: /deflate|Zlib|compressBody|brotli/i },
  // The crypto itself (worker threads, key import), not the JavaScript a finished job resumes.
  { name: 'crypto: key import, signature, hashes', pattern: /DoThreadPoolWork|JS:\S*(?:importKey|ecImportKey|importJWKKey|signVerify|asyncDigest) |nistz256|EVP_|ossl_|BN_|sha256_block/ },
  { name: '@simplewebauthn/server: decoding and checks', pattern: /simplewebauthn/ },
  { name: "the lab's own code", pattern: /\/src\/rp\/|\/src\/shared\// },
  { name: 'JIT compiler and garbage collector', pattern: /OptimizingCompileDispatcher|compiler::Pipeline|Compiler::|v8::internal::Heap::|Scavenge|MarkCompact|ConcurrentMarking/ },
  { name: 'HTTP, Hono, event loop, kernel', pattern: /[\s\S]/ },
];

/**
 * Shares of the samples in `perf script -F comm,tid,ip,sym` output, by bucket: each sample is a
 * header line and then its stack, leaf first, one frame a line; samples are separated by a blank line.
 */
export function bucketShares(perfScript: string): Map<string, number> {
  const counts = new Map<string, number>(BUCKETS.map((bucket) => [bucket.name, 0]));
  let samples = 0;
  for (const sample of perfScript.split(/\n\s*\n/)) {
    const stack = sample.trim().split('\n').slice(1).join('\n');
    if (!stack) continue;
    samples += 1;
    const bucket = BUCKETS.find(({ pattern }) => pattern.test(stack))!;
    counts.set(bucket.name, counts.get(bucket.name)! + 1);
  }
  return new Map([...counts].map(([name, count]) => [name, samples ? count / samples : 0]));
}

const CEREMONIES = ['sign-in', 'registration'] as const;
type Ceremony = (typeof CEREMONIES)[number];

async function sample(kind: ServerKind, ceremony: Ceremony, seconds: number, inFlight: number, dir: string) {
  const server: RunningServer = await startServer(kind, ['--perf-basic-prof']);
  try {
    const users = await enrol(server, inFlight, 'breakdown');
    const phase = (ms: number, label: string): Promise<PhaseResult> =>
      ceremony === 'sign-in' ? signInPhase(server, users, inFlight, ms) : registrationPhase(server, label, inFlight, ms);
    await phase(6000, 'warm'); // past most of the JIT's first compilations
    const data = path.join(dir, `${kind}-${ceremony}.data`);
    const perf = spawn('perf', ['record', '-q', '-e', 'cpu-clock', '-F', '2000', '-g', '-p', String(server.child.pid), '-o', data, '--', 'sleep', String(seconds)], { stdio: 'ignore' });
    const recorded = new Promise<void>((resolve, reject) => perf.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`perf record exited with ${code}`)))));
    const measured = await phase(seconds * 1000, 'sampled');
    await recorded;
    const script = spawnSync('perf', ['script', '-i', data, '-F', 'comm,tid,ip,sym'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (script.status !== 0) throw new Error(`perf script failed: ${script.stderr}`);
    return { cpuMsPerOp: measured.serverCpuMs! / measured.ok, shares: bucketShares(script.stdout) };
  } finally {
    await server.stop();
  }
}

async function main() {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '9' }, 'in-flight': { type: 'string', default: '16' } } });
  const seconds = Number(values.seconds);
  const inFlight = Number(values['in-flight']);
  if (!(seconds > 0 && seconds <= 120) || !(Number.isInteger(inFlight) && inFlight >= 1 && inFlight <= 64)) {
    throw new Error('--seconds must be between 0 and 120, --in-flight a whole number from 1 to 64');
  }
  if (spawnSync('perf', ['--version']).status !== 0) throw new Error('needs Linux perf on the PATH (Debian: apt install linux-perf)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-perf-'));
  try {
    console.log(`CPU per ceremony by perf cpu-clock, ${inFlight} in flight, ${seconds} s sampled; µs per ceremony, lab (floor); load average ${os.loadavg()[0]!.toFixed(2)}\n`);
    console.log(`| | ${CEREMONIES.join(' | ')} |\n|---|${CEREMONIES.map(() => '---|').join('')}`);
    const results = new Map<string, { lab: { cpuMsPerOp: number; shares: Map<string, number> }; floor: { cpuMsPerOp: number; shares: Map<string, number> } }>();
    for (const ceremony of CEREMONIES) {
      results.set(ceremony, { floor: await sample('floor', ceremony, seconds, inFlight, dir), lab: await sample('lab', ceremony, seconds, inFlight, dir) });
    }
    const µs = (result: { cpuMsPerOp: number; shares: Map<string, number> }, bucket: string) => Math.round(result.cpuMsPerOp * 1000 * (result.shares.get(bucket) ?? 0));
    for (const { name } of BUCKETS) {
      console.log(`| ${name} | ${CEREMONIES.map((ceremony) => `${µs(results.get(ceremony)!.lab, name)} (${µs(results.get(ceremony)!.floor, name)})`).join(' | ')} |`);
    }
    const total = (result: { cpuMsPerOp: number }) => Math.round(result.cpuMsPerOp * 1000);
    console.log(`| total | ${CEREMONIES.map((ceremony) => `${total(results.get(ceremony)!.lab)} (${total(results.get(ceremony)!.floor)})`).join(' | ')} |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a command, not when a test imports bucketShares.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
