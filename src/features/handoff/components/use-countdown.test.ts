import { describe, expect, it } from 'vitest';
import { formatCountdown, localDeadline } from './use-countdown';

const handoff = { createdAt: '2026-01-01T10:00:00.000Z', expiresAt: '2026-01-01T10:05:00.000Z' };
const created = Date.parse(handoff.createdAt);

describe('formatCountdown', () => {
  it('shows minutes and seconds, rounding up', () => {
    expect(formatCountdown(300_000)).toBe('5:00');
    expect(formatCountdown(299_000)).toBe('4:59');
    expect(formatCountdown(299_001)).toBe('5:00');
    expect(formatCountdown(9_000)).toBe('0:09');
    expect(formatCountdown(0)).toBe('0:00');
  });
});

describe('localDeadline', () => {
  it('counts from when the page saw it, minus its age when the clocks agree', () => {
    expect(localDeadline(handoff, created)).toBe(created + 300_000);
    expect(localDeadline(handoff, created + 60_000)).toBe(created + 300_000);
  });

  it('gives the whole lifetime when this clock is off (ahead or behind)', () => {
    const ahead = created + 10 * 60_000;
    expect(localDeadline(handoff, ahead)).toBe(ahead + 300_000);
    const behind = created - 2 * 60_000;
    expect(localDeadline(handoff, behind)).toBe(behind + 300_000);
  });
});
