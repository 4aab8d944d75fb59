import { describe, expect, it } from 'vitest';
import { oneRequestAtATime } from './one-request-at-a-time';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('oneRequestAtATime', () => {
  it('starts a request only once the one before it has answered', async () => {
    const first = deferred<string>();
    const started: string[] = [];
    const send = oneRequestAtATime((name: string) => {
      started.push(name);
      return name === 'first' ? first.promise : Promise.resolve(name);
    });
    const a = send('first');
    const b = send('second');
    await settle();
    expect(started).toEqual(['first']);
    first.resolve('first');
    await expect(a).resolves.toBe('first');
    await expect(b).resolves.toBe('second');
    expect(started).toEqual(['first', 'second']);
  });

  it('goes on after a refused request, and the caller still sees the refusal', async () => {
    const first = deferred<string>();
    const send = oneRequestAtATime((name: string) => (name === 'first' ? first.promise : Promise.resolve(name)));
    const a = send('first');
    const b = send('second');
    first.reject(new Error('refused'));
    await expect(a).rejects.toThrow('refused');
    await expect(b).resolves.toBe('second');
  });
});
