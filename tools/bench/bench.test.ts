/**
 * Smoke test of the benchmark's parts, in this process and for a fraction of a second: the floor
 * and the lab both complete real registrations and sign-ins over loopback HTTP with the load
 * generator, and the report prints. No timing is asserted: it is a benchmark, not a timed test.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/rp/app';
import { loadConfig } from '../../src/rp/config';
import { openDatabase } from '../../src/rp/store/database';
import { createFloorServer } from './floor-server';
import { mergePhases, type PhaseResult, register, runPhase, signIn, type Target } from './load';
import { type BenchReport, formatReport } from './report';

const servers: ReturnType<typeof serve>[] = [];

async function start(create: (origin: string) => { fetch: Hono['fetch'] }): Promise<Target> {
  const holder: { app?: { fetch: Hono['fetch'] } } = {};
  const server = serve({ fetch: (request) => holder.app!.fetch(request), port: 0, hostname: 'localhost' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  holder.app = create(baseUrl);
  return { name: baseUrl, baseUrl };
}

afterAll(() => servers.forEach((server) => server.close()));

describe('npm run bench, in miniature', () => {
  it('drives the floor and the lab through registrations and sign-ins, and reports', async () => {
    const floor = await start((origin) => createFloorServer({ rpId: 'localhost', origin }));
    const lab = await start((origin) => createApp({ config: loadConfig({ RP_ORIGINS: origin }), db: openDatabase(':memory:') }));
    const phases = [];
    for (const target of [floor, lab]) {
      const users = [await register(target, 'smoke-0'), await register(target, 'smoke-1')];
      const signIns = await runPhase({ concurrency: 2, durationMs: 250, operation: (worker) => signIn(target, users[worker]!) });
      const registrations = await runPhase({ concurrency: 2, durationMs: 250, operation: (worker, i) => register(target, `smoke-w${worker}-${i}`) });
      for (const phase of [signIns, registrations]) {
        expect(phase.firstError).toBeUndefined();
        expect(phase.ok).toBeGreaterThan(0);
      }
      phases.push({ signIns, registrations });
    }
    const [f, l] = phases as [(typeof phases)[0], (typeof phases)[0]];
    const report: BenchReport = {
      at: new Date(0).toISOString(),
      cores: 2,
      loadAverageStart: [0, 0, 0],
      loadAverageEnd: [0, 0, 0],
      phaseSeconds: 0.25,
      slices: 1,
      modes: { floor: 'in-memory maps', lab: 'createApp, in-memory database' },
      levels: [{ concurrency: 2, signIn: { floor: f.signIns, lab: l.signIns }, registration: { floor: f.registrations, lab: l.registrations } }],
      soak: [{ server: 'lab', phase: l.signIns, rssStart: 1, rssEnd: 1, windowMs: 1000 }],
    };
    const text = formatReport(report);
    expect(text).toMatch(/sign-in\s+2\s/);
    expect(text).toMatch(/registration\s+2\s/);
    expect(text).toContain('lab:');
  }, 20_000);
});

describe('slices of a phase, merged', () => {
  const slice = (latenciesMs: number[], seconds: number, serverCpuMs?: number): PhaseResult => ({
    ok: latenciesMs.length,
    failed: 0,
    seconds,
    perSecond: latenciesMs.length / seconds,
    p50Ms: NaN,
    p99Ms: NaN,
    windows: [latenciesMs.length],
    latenciesMs,
    ...(serverCpuMs === undefined ? {} : { serverCpuMs }),
  });

  it('adds counts, time and CPU, and takes the rate and percentiles over all of it', () => {
    const merged = mergePhases([slice([10, 30], 1, 5), slice([20, 40, 50, 60], 3, 7)]);
    expect(merged).toMatchObject({ ok: 6, seconds: 4, perSecond: 1.5, p50Ms: 30, p99Ms: 60, windows: [2, 4], serverCpuMs: 12 });
    expect(merged.latenciesMs).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('has no server CPU when a slice lacks it, and keeps the first error', () => {
    const failing = { ...slice([5], 1), failed: 2, firstError: 'registration/verify: 500' };
    const merged = mergePhases([slice([1], 1, 3), failing, { ...slice([], 1, 1), failed: 1, firstError: 'later' }]);
    expect(merged.serverCpuMs).toBeUndefined();
    expect(merged).toMatchObject({ failed: 3, firstError: 'registration/verify: 500' });
  });
});
