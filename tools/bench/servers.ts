/**
 * The servers under test, each in its own Node process (server-process.ts), and the phases the
 * load generator runs against them: shared by `npm run bench` (cli.ts) and the CPU breakdown
 * (cpu-breakdown.ts).
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SoftAuthenticator } from './authenticator.js';
import { type PhaseResult, register, runPhase, signIn, type Target } from './load.js';
import type { ChildMessage, ServerKind } from './server-process.js';

export interface RunningServer extends Target {
  kind: ServerKind;
  mode: string;
  child: ChildProcess;
  usage(): Promise<{ rss: number; cpuMicros: number }>;
  stop(): Promise<void>;
}

/** Starts a server; `nodeArgs` go to its Node process (a profiler's flags). */
export async function startServer(kind: ServerKind, nodeArgs: readonly string[] = []): Promise<RunningServer> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const execArgv = ['--import', 'tsx', ...nodeArgs];
  const child = fork(path.join(here, 'server-process.ts'), [kind], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start within 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}) before it was ready`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
      }
    });
  });
  return {
    kind,
    name: kind,
    mode: ready.mode,
    baseUrl: `http://localhost:${ready.port}`,
    child,
    usage: () =>
      new Promise((resolve) => {
        const onMessage = (message: ChildMessage) => {
          if (message.type !== 'usage') return;
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.send('usage');
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/** One authenticator (one passkey, one account) per worker, so a passkey is never used twice at once. */
export async function enrol(server: RunningServer, count: number, prefix: string): Promise<SoftAuthenticator[]> {
  const authenticators: SoftAuthenticator[] = [];
  for (let index = 0; index < count; index++) authenticators.push(await register(server, `${prefix}-${index}`));
  return authenticators;
}

/** A phase, with the CPU time the server process spent during it (robust where wall-clock rates are not: a busy machine). */
export async function measured(server: RunningServer, phase: () => Promise<PhaseResult>): Promise<PhaseResult> {
  const before = await server.usage();
  const result = await phase();
  const after = await server.usage();
  return { ...result, serverCpuMs: (after.cpuMicros - before.cpuMicros) / 1000 };
}

export function signInPhase(server: RunningServer, users: SoftAuthenticator[], concurrency: number, durationMs: number, windowMs?: number) {
  return measured(server, () => runPhase({ concurrency, durationMs, ...(windowMs ? { windowMs } : {}), operation: (worker) => signIn(server, users[worker]!) }));
}

export function registrationPhase(server: RunningServer, label: string, concurrency: number, durationMs: number) {
  return measured(server, () => runPhase({ concurrency, durationMs, operation: (worker, iteration) => register(server, `${label}-w${worker}-${iteration}`) }));
}
