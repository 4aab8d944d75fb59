/**
 * The browser's rules around the simulated device, each shown to fail when its condition holds
 * and to pass when it does not; PRF, credProps, counters and the Signal API.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSoftAuthenticator, type CreationOptionsJSON, type RequestOptionsJSON } from '../node';
import { createMemoryStore } from './memory-store';
import { createSimulatedDevice } from './soft-authenticator';
import type { Prompt, PromptDecision, PromptRequest } from './types';

const ORIGIN = 'https://login.example.com';
const b64 = (text: string) => Buffer.from(text).toString('base64url');

function creation(overrides: Partial<CreationOptionsJSON> = {}, user = 'alice'): CreationOptionsJSON {
  return {
    rp: { id: 'example.com', name: 'Example' },
    user: { id: b64(`id-${user}`), name: user, displayName: user.toUpperCase() },
    challenge: b64('challenge'),
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    ...overrides,
  };
}

function request(overrides: Partial<RequestOptionsJSON> = {}): RequestOptionsJSON {
  return { challenge: b64('sign-in'), rpId: 'example.com', userVerification: 'required', ...overrides };
}

const rejectsWith = async (promise: Promise<unknown>, name: string) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `expected ${name}`).toBeInstanceOf(Error);
  expect((error as Error).name).toBe(name);
  return error as Error;
};

describe('RP ID and origin (§5.1.3 step 8)', () => {
  it('the origin’s own host or a registrable suffix of it is accepted', async () => {
    const device = createSoftAuthenticator('icloud-keychain', { origin: ORIGIN });
    await expect(device.register(creation())).resolves.toBeDefined();
    await expect(device.register(creation({ rp: { id: 'login.example.com', name: 'x' } }, 'bob'))).resolves.toBeDefined();
    // Without rp.id the origin's host is used.
    await expect(device.register(creation({ rp: { name: 'x' } }, 'carol'))).resolves.toBeDefined();
  });

  it.each([
    ['another site', ORIGIN, 'other.com'],
    ['a look-alike suffix', ORIGIN, 'ample.com'],
    ['a public suffix', ORIGIN, 'com'],
    ['a multi-label public suffix', 'https://lab.example.co.uk', 'co.uk'],
    ['an IP origin', 'http://127.0.0.1:3000', '127.0.0.1'],
    ['an insecure origin', 'http://example.com', 'example.com'],
  ])('%s → SecurityError, nothing stored', async (_name, origin, rpId) => {
    const device = createSoftAuthenticator('icloud-keychain', { origin });
    await rejectsWith(device.register(creation({ rp: { id: rpId, name: 'x' } })), 'SecurityError');
    await rejectsWith(device.authenticate(request({ rpId })), 'SecurityError');
    expect(await device.credentials()).toEqual([]);
  });

  it('http://localhost is a secure context, and localhost the RP ID of its subdomains', async () => {
    const device = createSoftAuthenticator('bitwarden', { origin: 'http://localhost:5173' });
    await expect(device.register(creation({ rp: { id: 'localhost', name: 'x' } }))).resolves.toBeDefined();
    const sub = createSoftAuthenticator('bitwarden', { origin: 'http://lab.localhost:5173' });
    await expect(sub.register(creation({ rp: { id: 'localhost', name: 'x' } }))).resolves.toBeDefined();
  });
});

describe('excludeCredentials (§6.3.2 step 3)', () => {
  it('a held excluded passkey → InvalidStateError; nothing new stored', async () => {
    const device = createSoftAuthenticator('microsoft-authenticator-ios', { origin: ORIGIN });
    const first = await device.register(creation());
    await rejectsWith(device.register(creation({ excludeCredentials: [{ id: first.id, type: 'public-key' }] }, 'alice')), 'InvalidStateError');
    expect((await device.credentials()).map((passkey) => passkey.id)).toEqual([first.id]);
  });

  it('an excluded passkey held by another device does not stop this one', async () => {
    const store = createMemoryStore();
    const phone = createSoftAuthenticator('microsoft-authenticator-ios', { origin: ORIGIN, store });
    const key = createSoftAuthenticator('yubikey-5', { origin: ORIGIN, store });
    const first = await phone.register(creation());
    await expect(key.register(creation({ excludeCredentials: [{ id: first.id, type: 'public-key' }] }))).resolves.toBeDefined();
  });

  it('registering the same account again replaces the passkey on the device (CTAP2 makeCredential)', async () => {
    const device = createSoftAuthenticator('google-password-manager', { origin: ORIGIN });
    await device.register(creation());
    const second = await device.register(creation());
    expect((await device.credentials()).map((passkey) => passkey.id)).toEqual([second.id]);
  });
});

describe('allowCredentials', () => {
  it('only a listed passkey answers; none listed here → NotAllowedError', async () => {
    const device = createSoftAuthenticator('yubikey-5', { origin: ORIGIN });
    const alice = await device.register(creation({}, 'alice'));
    const bob = await device.register(creation({}, 'bob'));
    expect((await device.authenticate(request({ allowCredentials: [{ id: bob.id, type: 'public-key' }] }))).id).toBe(bob.id);
    expect((await device.authenticate(request({ allowCredentials: [{ id: alice.id, type: 'public-key' }] }))).id).toBe(alice.id);
    await rejectsWith(device.authenticate(request({ allowCredentials: [{ id: b64('unknown'), type: 'public-key' }] })), 'NotAllowedError');
  });

  it('passkeys of another RP never answer', async () => {
    const device = createSoftAuthenticator('yubikey-5', { origin: ORIGIN });
    await device.register(creation());
    const elsewhere = createSoftAuthenticator('yubikey-5', { origin: 'https://other.org', store: device.store });
    await rejectsWith(elsewhere.authenticate(request({ rpId: 'other.org' })), 'NotAllowedError');
  });
});

describe('user verification', () => {
  it('UV required and failing → NotAllowedError (create and get)', async () => {
    const device = createSoftAuthenticator({ preset: 'windows-hello-hardware', userVerification: 'fails' }, { origin: ORIGIN });
    await rejectsWith(device.register(creation()), 'NotAllowedError');
    expect(await device.credentials()).toEqual([]);
  });

  it('UV preferred and failing → the response goes through with UV = 0', async () => {
    const device = createSoftAuthenticator({ preset: 'windows-hello-hardware', userVerification: 'fails' }, { origin: ORIGIN });
    const created = await device.register(creation({ authenticatorSelection: { userVerification: 'preferred' } }));
    const flags = Buffer.from(created.response.authenticatorData!, 'base64url')[32]!;
    expect(flags & 0x04).toBe(0);
    await rejectsWith(device.authenticate(request()), 'NotAllowedError');
    const assertion = await device.authenticate(request({ userVerification: 'preferred' }));
    expect(Buffer.from(assertion.response.authenticatorData, 'base64url')[32]! & 0x04).toBe(0);
  });

  it('UV succeeding sets UV = 1', async () => {
    const device = createSoftAuthenticator('windows-hello-hardware', { origin: ORIGIN });
    await device.register(creation());
    const assertion = await device.authenticate(request());
    expect(Buffer.from(assertion.response.authenticatorData, 'base64url')[32]! & 0x05).toBe(0x05);
  });
});

describe('the person, the clock and the page', () => {
  it('cancel → NotAllowedError', async () => {
    const device = createSoftAuthenticator('icloud-keychain', { origin: ORIGIN, prompt: 'cancel' });
    await rejectsWith(device.register(creation()), 'NotAllowedError');
  });

  it('no answer within the timeout → NotAllowedError', async () => {
    const device = createSoftAuthenticator({ preset: 'icloud-keychain', timeoutMs: 30 }, { origin: ORIGIN, prompt: 'never' });
    const error = await rejectsWith(device.register(creation()), 'NotAllowedError');
    expect(error.message).toMatch(/30 ms/);
    const byOptions = createSoftAuthenticator('icloud-keychain', { origin: ORIGIN, prompt: 'never' });
    await rejectsWith(byOptions.register(creation({ timeout: 30 })), 'NotAllowedError');
  });

  it('the page aborts → the signal’s reason (AbortError)', async () => {
    const device = createSoftAuthenticator('icloud-keychain', { origin: ORIGIN, prompt: 'never' });
    const controller = new AbortController();
    const pending = device.register(creation(), { signal: controller.signal });
    controller.abort();
    await rejectsWith(pending, 'AbortError');
  });

  it('failNext: NotAllowedError, InvalidStateError and failed UV, once each', async () => {
    const device = createSoftAuthenticator('yubikey-5', { origin: ORIGIN });
    device.failNext('NotAllowedError');
    await rejectsWith(device.register(creation()), 'NotAllowedError');
    device.failNext('InvalidStateError');
    await rejectsWith(device.register(creation()), 'InvalidStateError');
    device.failNext('userVerification');
    await rejectsWith(device.register(creation()), 'NotAllowedError');
    await expect(device.register(creation())).resolves.toBeDefined();
  });

  it('only ES256 is made: a site offering none of it → NotSupportedError; a bad user.id → TypeError', async () => {
    const device = createSoftAuthenticator('yubikey-5', { origin: ORIGIN });
    await rejectsWith(device.register(creation({ pubKeyCredParams: [{ type: 'public-key', alg: -8 }] })), 'NotSupportedError');
    await rejectsWith(device.register(creation({ user: { id: '', name: 'a', displayName: 'a' } })), 'TypeError');
    await rejectsWith(device.register(creation({ user: { id: Buffer.alloc(65).toString('base64url'), name: 'a', displayName: 'a' } })), 'TypeError');
  });

  it('authenticatorAttachment: a security key is not offered for "platform", Windows Hello not for "cross-platform"', async () => {
    const key = createSoftAuthenticator('yubikey-5', { origin: ORIGIN });
    await rejectsWith(key.register(creation({ authenticatorSelection: { authenticatorAttachment: 'platform' } })), 'NotAllowedError');
    const hello = createSoftAuthenticator('windows-hello-software', { origin: ORIGIN });
    await rejectsWith(hello.register(creation({ authenticatorSelection: { authenticatorAttachment: 'cross-platform' } })), 'NotAllowedError');
    const phone = createSoftAuthenticator('microsoft-authenticator-ios', { origin: ORIGIN });
    const overHybrid = await phone.register(creation({ authenticatorSelection: { authenticatorAttachment: 'cross-platform' }, hints: ['hybrid'] }));
    expect(overHybrid.authenticatorAttachment).toBe('cross-platform');
  });
});

describe('conditional mediation (autofill)', () => {
  function pickablePrompt() {
    const seen: PromptRequest[] = [];
    let answer: ((decision: PromptDecision) => void) | undefined;
    const prompt: Prompt = (request) =>
      new Promise((resolve) => {
        seen.push(request);
        answer = resolve;
      });
    return { prompt, seen, pick: (credentialId: string) => answer?.({ action: 'approve', credentialId }) };
  }

  it('stays pending (past any timeout) until the person picks a passkey, then answers with that one', async () => {
    const person = pickablePrompt();
    const store = createMemoryStore();
    const setup = createSoftAuthenticator('icloud-keychain', { origin: ORIGIN, store });
    await setup.register(creation({}, 'alice'));
    const bob = await setup.register(creation({}, 'bob'));
    const device = createSimulatedDevice({ device: { preset: 'icloud-keychain' }, store, prompt: person.prompt });

    let settled = false;
    const pending = device.get({ origin: ORIGIN, options: request({ timeout: 10 }), mediation: 'conditional' }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(settled).toBe(false);
    expect(person.seen[0]).toMatchObject({ ceremony: 'get', mediation: 'conditional', rpId: 'example.com' });
    expect(person.seen[0]?.candidates.map((candidate) => candidate.userName).sort()).toEqual(['alice', 'bob']);

    person.pick(bob.id);
    expect((await pending).id).toBe(bob.id);
  });

  it('the page can abort a pending autofill request', async () => {
    const person = pickablePrompt();
    const device = createSimulatedDevice({ device: { preset: 'icloud-keychain' }, prompt: person.prompt });
    const controller = new AbortController();
    const pending = device.get({ origin: ORIGIN, options: request(), mediation: 'conditional', signal: controller.signal });
    controller.abort();
    await rejectsWith(pending, 'AbortError');
  });
});

describe('immediate mediation', () => {
  it('with no passkey to offer → NotAllowedError at once, without asking the person', async () => {
    const asked: PromptRequest[] = [];
    const device = createSimulatedDevice({ device: { preset: 'icloud-keychain' }, prompt: async (request) => (asked.push(request), { action: 'approve' }) });
    await rejectsWith(device.get({ origin: ORIGIN, options: request(), mediation: 'immediate' }), 'NotAllowedError');
    expect(asked).toEqual([]);
    await device.create({ origin: ORIGIN, options: creation() });
    await expect(device.get({ origin: ORIGIN, options: request(), mediation: 'immediate' })).resolves.toBeDefined();
    expect(asked.at(-1)).toMatchObject({ ceremony: 'get', mediation: 'immediate' });
  });
});

describe('extensions', () => {
  const salt = (text: string) => Buffer.from(text).toString('base64url');
  // WebAuthn §10.1.4: output = HMAC-SHA-256(secret, SHA-256("WebAuthn PRF" || 0x00 || input)).
  const expected = (seed: string, input: string) =>
    createHmac('sha256', Buffer.from(seed, 'base64url'))
      .update(createHash('sha256').update(Buffer.concat([Buffer.from('WebAuthn PRF'), Buffer.from([0]), Buffer.from(input)])).digest())
      .digest('base64url');

  it('PRF: deterministic per passkey and input, as the spec computes it; evalByCredential wins', async () => {
    const device = createSoftAuthenticator('microsoft-authenticator-android', { origin: ORIGIN });
    const created = await device.register(creation({ extensions: { prf: {} } }));
    expect(created.clientExtensionResults.prf).toEqual({ enabled: true });
    const seed = (await device.credentials())[0]!.prfSeed!;
    const ask = (extensions: RequestOptionsJSON['extensions']) => device.authenticate(request({ extensions }));

    const once = await ask({ prf: { eval: { first: salt('a'), second: salt('b') } } });
    const twice = await ask({ prf: { eval: { first: salt('a') } } });
    expect(once.clientExtensionResults.prf?.results?.first).toBe(expected(seed, 'a'));
    expect(once.clientExtensionResults.prf?.results?.second).toBe(expected(seed, 'b'));
    expect(twice.clientExtensionResults.prf?.results?.first).toBe(once.clientExtensionResults.prf?.results?.first);
    expect(twice.clientExtensionResults.prf?.results?.second).toBeUndefined();

    const byCredential = await ask({ prf: { eval: { first: salt('a') }, evalByCredential: { [created.id]: { first: salt('c') } } } });
    expect(byCredential.clientExtensionResults.prf?.results?.first).toBe(expected(seed, 'c'));

    const other = createSoftAuthenticator('microsoft-authenticator-android', { origin: ORIGIN });
    await other.register(creation());
    expect((await other.authenticate(request({ extensions: { prf: { eval: { first: salt('a') } } } }))).clientExtensionResults.prf?.results?.first).not.toBe(
      once.clientExtensionResults.prf?.results?.first,
    );
  });

  it('PRF off: enabled false at creation, no results at sign-in', async () => {
    const device = createSoftAuthenticator({ preset: 'yubikey-5', prf: false }, { origin: ORIGIN });
    expect((await device.register(creation({ extensions: { prf: {} } }))).clientExtensionResults.prf).toEqual({ enabled: false });
    expect((await device.authenticate(request({ extensions: { prf: { eval: { first: salt('a') } } } }))).clientExtensionResults).toEqual({});
  });

  it('credProps reports a discoverable credential', async () => {
    const device = createSoftAuthenticator('1password', { origin: ORIGIN });
    expect((await device.register(creation({ extensions: { credProps: true } }))).clientExtensionResults.credProps).toEqual({ rk: true });
  });
});

describe('counters', () => {
  it('a synced passkey’s counter stays 0; a device-bound one counts', async () => {
    const synced = createSoftAuthenticator('bitwarden', { origin: ORIGIN });
    const bound = createSoftAuthenticator('yubikey-5', { origin: ORIGIN });
    for (const device of [synced, bound]) await device.register(creation());
    const counterOf = (response: { response: { authenticatorData: string } }) => Buffer.from(response.response.authenticatorData, 'base64url').readUInt32BE(33);
    for (let round = 1; round <= 3; round += 1) {
      expect(counterOf(await synced.authenticate(request()))).toBe(0);
      expect(counterOf(await bound.authenticate(request()))).toBe(round);
    }
  });
});

describe('Signal API on the stored passkeys', () => {
  it('signalUnknownCredential removes that passkey only', async () => {
    const device = createSoftAuthenticator('icloud-keychain', { origin: ORIGIN });
    const alice = await device.register(creation({}, 'alice'));
    const bob = await device.register(creation({}, 'bob'));
    await device.signalUnknownCredential({ rpId: 'example.com', credentialId: alice.id });
    expect((await device.credentials()).map((passkey) => passkey.id)).toEqual([bob.id]);
  });

  it('signalAllAcceptedCredentials removes the user’s other passkeys, not other users’', async () => {
    const store = createMemoryStore();
    const phone = createSoftAuthenticator('microsoft-authenticator-ios', { origin: ORIGIN, store });
    const key = createSoftAuthenticator('yubikey-5', { origin: ORIGIN, store });
    const kept = await phone.register(creation({}, 'alice'));
    await key.register(creation({}, 'alice'));
    const bob = await key.register(creation({}, 'bob'));
    await phone.signalAllAcceptedCredentials({ rpId: 'example.com', userId: b64('id-alice'), allAcceptedCredentialIds: [kept.id] });
    expect((await store.list()).map((passkey) => passkey.id).sort()).toEqual([kept.id, bob.id].sort());
  });

  it('signalCurrentUserDetails renames the user’s passkeys', async () => {
    const device = createSoftAuthenticator('icloud-keychain', { origin: ORIGIN });
    await device.register(creation({}, 'alice'));
    await device.signalCurrentUserDetails({ rpId: 'example.com', userId: b64('id-alice'), name: 'alice@new', displayName: 'Alice New' });
    expect((await device.credentials())[0]).toMatchObject({ userName: 'alice@new', userDisplayName: 'Alice New' });
  });

  it('signals for another site’s RP ID → SecurityError, nothing removed', async () => {
    const device = createSoftAuthenticator('icloud-keychain', { origin: ORIGIN });
    const alice = await device.register(creation());
    await rejectsWith(device.signalUnknownCredential({ rpId: 'other.com', credentialId: alice.id }), 'SecurityError');
    await rejectsWith(device.signalUnknownCredential({ rpId: 'example.com', credentialId: 'not base64url!' }), 'TypeError');
    expect(await device.credentials()).toHaveLength(1);
  });
});
