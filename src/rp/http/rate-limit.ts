/**
 * Small in-process tools against floods: who the client is (its network address), a
 * sliding-window counter per key, and a semaphore that bounds how much expensive work runs at
 * once. Pure bookkeeping; the callers decide what a refusal answers.
 */
import type { Context } from 'hono';

/** The key of a caller that app.request() (tests, the guide generator) does not give an address. */
export const LOCAL_CLIENT = 'local';

/**
 * The caller's network address as the Node server saw it (the socket's peer; `X-Forwarded-For`
 * is not trusted: the lab runs without a proxy). IPv4-mapped IPv6 becomes IPv4, and IPv6 counts
 * per /64, the block one host usually gets (RFC 6177), so rotating addresses inside it does not
 * reset a limit.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  return address ? clientKey(address) : LOCAL_CLIENT;
}

export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts events per key within a sliding window (exact: one timestamp per event, at most
 * `limit` live ones per key because callers stop adding at the limit). Keys whose events all
 * left the window are dropped as the map grows, so its size follows the live events.
 */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  count(key: string, now: number): number {
    const times = this.events.get(key);
    if (!times) return 0;
    const live = times.filter((at) => at > now - this.windowMs);
    if (live.length === 0) this.events.delete(key);
    else if (live.length !== times.length) this.events.set(key, live);
    return live.length;
  }

  isFull(key: string, now: number): boolean {
    return this.count(key, now) >= this.limit;
  }

  add(key: string, at: number): void {
    if (this.events.size > 1024) this.prune(at);
    this.events.set(key, [...(this.events.get(key) ?? []), at]);
  }

  /** Takes back one event added at `at` (it turned out not to count). */
  remove(key: string, at: number): void {
    const times = this.events.get(key);
    const index = times?.indexOf(at) ?? -1;
    if (index >= 0) times!.splice(index, 1);
    if (times?.length === 0) this.events.delete(key);
  }

  get keys(): number {
    return this.events.size;
  }

  private prune(now: number): void {
    for (const key of [...this.events.keys()]) this.count(key, now);
  }
}

/** Thrown by Semaphore.run when the queue is full or the wait took too long. */
export class Busy extends Error {
  constructor() {
    super('busy');
  }
}

/**
 * At most `max` tasks at once; up to `maxWaiting` more wait, each at most `maxWaitMs`, then
 * Busy. `peak` records the most that ever ran at once (the tests read it).
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  peak = 0;

  constructor(readonly options: { max: number; maxWaiting: number; maxWaitMs: number }) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter, so a newcomer cannot slip in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.max) {
      this.active += 1;
      this.peak = Math.max(this.peak, this.active);
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.maxWaiting) return Promise.reject(new Busy());
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(wake);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new Busy());
      }, this.options.maxWaitMs);
      timer.unref?.();
      this.waiting.push(wake);
    });
  }
}
