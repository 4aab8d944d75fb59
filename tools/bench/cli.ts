/**
 * `npm run bench` — the lab against the floor (a bare relying party), side by side in one run.
 *
 *   npm run bench                      # 10 s per phase, 60 s soak: about 5 minutes
 *   npm run bench -- --quick           # a smoke run: a second or so per phase
 *   npm run bench -- --duration 5 --soak 30 --json bench.json
 *   npm run bench -- --profile .prof   # the lab runs under node --cpu-prof, profiles land there
 *
 * Both servers run in their own Node processes on loopback ports; this process is the load
 * generator. See "Benchmark" in the README for what is measured and the targets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SoftAuthenticator } from './authenticator.js';
import { mergePhases, type PhaseResult } from './load.js';
import { type BenchReport, formatReport, type LevelResult, type SoakResult } from './report.js';
import type { ServerKind } from './server-process.js';
import { enrol, registrationPhase, type RunningServer, signInPhase, startServer } from './servers.js';

const LEVELS = [1, 16, 64] as const;

/**
 * Each level's phase is run as this many slices per server, floor and lab alternating in the
 * order floor, lab, lab, floor, … (ABBA): a machine whose speed drifts during the run (these
 * are shared machines) slows both alike, instead of whichever ran second.
 */
const SLICES = 4;

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      soak: { type: 'string' },
      window: { type: 'string' },
      json: { type: 'string' },
      profile: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('npm run bench -- [--quick] [--duration seconds per phase] [--soak seconds] [--window seconds] [--json file] [--profile dir]');
    return;
  }
  const seconds = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!(number > 0 && number <= 600)) throw new Error(`--${name} must be a number of seconds between 0 and 600`);
    return number;
  };
  const phaseMs = seconds(values.duration, values.quick ? 1 : 10, 'duration') * 1000;
  const soakMs = seconds(values.soak, values.quick ? 3 : 60, 'soak') * 1000;
  const windowMs = seconds(values.window, values.quick ? 1 : 10, 'window') * 1000;
  const warmupMs = Math.min(3000, phaseMs);
  const profileDir = values.profile ? path.resolve(values.profile) : undefined;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });

  const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const servers = { floor: await startServer('floor'), lab: await startServer('lab', profileArgs) };
  const stopAll = () => Promise.all(Object.values(servers).map((server) => server.stop()));
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const order = [servers.floor, servers.lab];
    const maxWorkers = Math.max(...LEVELS);
    const users = new Map<ServerKind, SoftAuthenticator[]>();
    for (const server of order) users.set(server.kind, await enrol(server, maxWorkers, 'bench-user'));
    // Warm both up (JIT, connection pool) before anything is measured.
    for (const server of order) {
      await signInPhase(server, users.get(server.kind)!, 16, warmupMs);
      await registrationPhase(server, 'warm', 16, warmupMs);
    }

    const levels: LevelResult[] = [];
    const loadStart = os.loadavg();
    const sliceMs = phaseMs / SLICES;
    const alternating = async (phase: (server: RunningServer, slice: number) => Promise<PhaseResult>) => {
      const slices: Record<ServerKind, PhaseResult[]> = { floor: [], lab: [] };
      for (let slice = 0; slice < SLICES; slice++) {
        for (const server of slice % 2 === 0 ? order : [...order].reverse()) slices[server.kind].push(await phase(server, slice));
      }
      return { floor: mergePhases(slices.floor), lab: mergePhases(slices.lab) };
    };
    for (const concurrency of LEVELS) {
      const signIn = await alternating((server) => signInPhase(server, users.get(server.kind)!, concurrency, sliceMs));
      const registration = await alternating((server, slice) => registrationPhase(server, `reg${concurrency}s${slice}`, concurrency, sliceMs));
      levels.push({ concurrency, signIn, registration });
    }

    const soak: SoakResult[] = [];
    for (const server of order) {
      const rssStart = (await server.usage()).rss;
      const phase = await signInPhase(server, users.get(server.kind)!, maxWorkers, soakMs, windowMs);
      const rssEnd = (await server.usage()).rss;
      soak.push({ server: server.kind, phase, rssStart, rssEnd, windowMs });
    }

    const report: BenchReport = {
      at: new Date().toISOString(),
      cores: os.cpus().length,
      loadAverageStart: loadStart,
      loadAverageEnd: os.loadavg(),
      phaseSeconds: phaseMs / 1000,
      slices: SLICES,
      modes: { floor: servers.floor.mode, lab: servers.lab.mode },
      levels,
      soak,
    };
    console.log(formatReport(report));
    if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(report, (key, value: unknown) => (key === 'latenciesMs' ? undefined : value), 2)}\n`);
  } finally {
    await stopAll();
  }
  if (profileDir) console.log(`CPU profile of the lab: ${profileDir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
