/**
 * The benchmark's printed report: a pure function of the measurements, with the targets of
 * the performance issue (sign-ins ≥ 0.8× the floor, registrations ≥ 0.7×, the soak's last
 * window ≥ 0.9× its first).
 */
import type { PhaseResult } from './load.js';

export const TARGETS = { signIn: 0.8, registration: 0.7, soak: 0.9 } as const;

type Kind = 'floor' | 'lab';

export interface LevelResult {
  concurrency: number;
  signIn: Record<Kind, PhaseResult>;
  registration: Record<Kind, PhaseResult>;
}

export interface SoakResult {
  server: Kind;
  phase: PhaseResult;
  rssStart: number;
  rssEnd: number;
  windowMs: number;
}

export interface BenchReport {
  at: string;
  cores: number;
  loadAverageStart: number[];
  loadAverageEnd: number[];
  phaseSeconds: number;
  /** Slices per phase and server, floor and lab alternating. */
  slices: number;
  modes: Record<Kind, string>;
  levels: LevelResult[];
  soak: SoakResult[];
}

const rate = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '-');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const verdict = (value: number, target: number) => (value >= target ? `ok (≥ ${target})` : `BELOW ${target}`);

/** Server CPU milliseconds per completed ceremony. */
export const cpuPerOp = (phase: PhaseResult) => (phase.serverCpuMs === undefined || phase.ok === 0 ? NaN : phase.serverCpuMs / phase.ok);

/** First and last complete window of a soak (the last may be cut short by the deadline). */
export function soakWindows(soak: SoakResult): { first: number; last: number; ratio: number } {
  const windows = soak.phase.windows;
  const first = windows[0] ?? 0;
  const last = windows.at(-1) ?? 0;
  return { first, last, ratio: first > 0 ? last / first : NaN };
}

export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  lines.push(`Passkey Lab benchmark, ${report.at}: ${report.cores} cores, load average ${report.loadAverageStart.map((n) => n.toFixed(2)).join(' ')} at start, ${report.loadAverageEnd.map((n) => n.toFixed(2)).join(' ')} at end`);
  lines.push(`lab: ${report.modes.lab}; floor: ${report.modes.floor}; ${report.phaseSeconds} s per phase in ${report.slices} slices, floor and lab alternating (floor, lab, lab, floor, …), a new browser (cookie jar) per ceremony`);
  lines.push('CPU ms/op: the server process\'s CPU time per ceremony; its ratio (floor/lab) is what lab/floor would be if the server\'s CPU were the only limit, and holds on a busy machine where rates do not.');
  lines.push('');
  lines.push('ceremony      in flight   floor/s     lab/s   lab/floor   floor p50/p99 ms   lab p50/p99 ms   CPU ms/op floor/lab (ratio)   target');
  for (const level of report.levels) {
    for (const [name, key, target] of [
      ['sign-in', 'signIn', TARGETS.signIn],
      ['registration', 'registration', TARGETS.registration],
    ] as const) {
      const { floor, lab } = level[key];
      const r = lab.perSecond / floor.perSecond;
      lines.push(
        [
          name.padEnd(13),
          String(level.concurrency).padStart(9),
          rate(floor.perSecond).padStart(9),
          rate(lab.perSecond).padStart(9),
          ratio(r).padStart(11),
          `${ms(floor.p50Ms)}/${ms(floor.p99Ms)}`.padStart(18),
          `${ms(lab.p50Ms)}/${ms(lab.p99Ms)}`.padStart(16),
          `${cpuPerOp(floor).toFixed(2)}/${cpuPerOp(lab).toFixed(2)} (${ratio(cpuPerOp(floor) / cpuPerOp(lab))})`.padStart(29),
          `  ${verdict(r, target)}`,
        ].join(' '),
      );
      for (const [kind, phase] of Object.entries(level[key])) {
        if (phase.failed) lines.push(`    ${kind}: ${phase.failed} failed, first: ${phase.firstError}`);
      }
    }
  }
  for (const soak of report.soak) {
    const { first, last, ratio: r } = soakWindows(soak);
    const window = soak.windowMs / 1000;
    lines.push('');
    lines.push(
      `${soak.server}: ${soak.phase.seconds.toFixed(0)} s of sign-ins at 64 in flight: ${rate(soak.phase.perSecond)}/s, ` +
        `first ${window} s ${first}, last ${window} s ${last}: ratio ${ratio(r)} ${verdict(r, TARGETS.soak)}; RSS ${mb(soak.rssStart)} → ${mb(soak.rssEnd)}`,
    );
    lines.push(`    per ${window} s: ${soak.phase.windows.join(' ')}${soak.phase.failed ? `; ${soak.phase.failed} failed, first: ${soak.phase.firstError}` : ''}`);
  }
  return lines.join('\n');
}
