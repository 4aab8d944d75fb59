/**
 * The load generator: passkey registrations and sign-ins over real HTTP (Node's fetch), each
 * in a new "browser" (its own cookie jar), with a software authenticator making real
 * responses. Loops are bounded by time and by count, so a phase always ends.
 */
import { createAuthenticator, type SoftAuthenticator } from './authenticator.js';

export interface Target {
  name: string;
  /** http://localhost:PORT (loopback only). */
  baseUrl: string;
}

/** Hard cap on operations per phase, whatever the duration: a runaway loop still stops. */
export const MAX_OPERATIONS_PER_PHASE = 1_000_000;

/** One browser: keeps the cookies the server sets, sends JSON with Origin like the SPA. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly target: Target) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async post(path: string, body: unknown): Promise<{ status: number; json: unknown; text: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', origin: this.target.baseUrl, 'accept-encoding': 'br, gzip' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.target.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0\b/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text };
  }
}

class CeremonyFailed extends Error {}

function expectOk(step: string, reply: { status: number; text: string }): void {
  if (reply.status !== 200) throw new CeremonyFailed(`${step}: ${reply.status} ${reply.text.slice(0, 300)}`);
}

/** A passkey registration of a new account in a new browser (or in `browser`, to keep its cookie). */
export async function register(
  target: Target,
  username: string,
  authenticator: SoftAuthenticator = createAuthenticator({ origin: target.baseUrl }),
  browser: Browser = new Browser(target),
): Promise<SoftAuthenticator> {
  const options = await browser.post('/api/registration/options', { username, displayName: username });
  expectOk('registration/options', options);
  const response = await authenticator.register((options.json as { options: Parameters<SoftAuthenticator['register']>[0] }).options);
  const verify = await browser.post('/api/registration/verify', { response });
  expectOk('registration/verify', verify);
  return authenticator;
}

/** A usernameless passkey sign-in in a new browser (the authenticator holds one passkey). */
export async function signIn(target: Target, authenticator: SoftAuthenticator): Promise<void> {
  const browser = new Browser(target);
  const options = await browser.post('/api/authentication/options', {});
  expectOk('authentication/options', options);
  const response = await authenticator.authenticate((options.json as { options: Parameters<SoftAuthenticator['authenticate']>[0] }).options);
  const verify = await browser.post('/api/authentication/verify', { response });
  expectOk('authentication/verify', verify);
}

export interface PhaseResult {
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Completed operations per `windowMs` window, in order. */
  windows: number[];
  firstError?: string;
  /** CPU time (user + system) the server process spent during the phase, when known. */
  serverCpuMs?: number;
  /** Every completed operation's latency, ascending (for merging slices; left out of --json). */
  latenciesMs: number[];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/**
 * Runs `operation` from `concurrency` workers until `durationMs` has passed (or the count cap
 * is reached) and measures it. Each worker waits for its operation before starting the next.
 */
export async function runPhase({
  concurrency,
  durationMs,
  windowMs = 1000,
  operation,
}: {
  concurrency: number;
  durationMs: number;
  windowMs?: number;
  operation: (worker: number, iteration: number) => Promise<unknown>;
}): Promise<PhaseResult> {
  const latencies: number[] = [];
  const windows: number[] = new Array<number>(Math.max(1, Math.ceil(durationMs / windowMs))).fill(0);
  let failed = 0;
  let started = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + durationMs;

  const worker = async (index: number) => {
    for (let iteration = 0; performance.now() < deadline && started < MAX_OPERATIONS_PER_PHASE; iteration++) {
      started++;
      const begun = performance.now();
      try {
        await operation(index, iteration);
        const ended = performance.now();
        latencies.push(ended - begun);
        const window = Math.floor((ended - start) / windowMs);
        if (window < windows.length) windows[window]! += 1;
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ok: latencies.length,
    failed,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    windows,
    ...(firstError === undefined ? {} : { firstError }),
    latenciesMs: latencies,
  };
}

/**
 * One phase from slices of it run at different times (the benchmark alternates floor and lab
 * slices): counts, seconds and server CPU add up, the rate is over the slices' total time,
 * percentiles are over every latency, windows follow one another.
 */
export function mergePhases(slices: readonly PhaseResult[]): PhaseResult {
  const latencies = slices.flatMap((slice) => slice.latenciesMs).sort((a, b) => a - b);
  const ok = slices.reduce((sum, slice) => sum + slice.ok, 0);
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0);
  const cpu = slices.map((slice) => slice.serverCpuMs);
  const firstError = slices.find((slice) => slice.firstError !== undefined)?.firstError;
  return {
    ok,
    failed: slices.reduce((sum, slice) => sum + slice.failed, 0),
    seconds,
    perSecond: seconds > 0 ? ok / seconds : 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    windows: slices.flatMap((slice) => slice.windows),
    ...(firstError === undefined ? {} : { firstError }),
    ...(cpu.every((ms) => ms !== undefined) ? { serverCpuMs: cpu.reduce((sum, ms) => sum + ms, 0) } : {}),
    latenciesMs: latencies,
  };
}
