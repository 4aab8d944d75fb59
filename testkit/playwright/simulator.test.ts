/**
 * The test-process side of the Playwright fixture, without a browser: how prompts wait and are
 * answered (autofill only by pick()), which ceremony takes failNext(), and the exported root.
 */
import type { Frame } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import type { PromptDecision, PromptRequest } from '../core/types';
import { PasskeySimulator } from './simulator';

function fakeFrame(): Frame {
  const page = { isClosed: () => false };
  return { isDetached: () => false, page: () => page, url: () => 'http://localhost:3000/sign-in' } as unknown as Frame;
}

function request(change: Partial<PromptRequest>): PromptRequest {
  return { ceremony: 'get', mediation: 'optional', rpId: 'localhost', origin: 'http://localhost:3000', candidates: [], hints: [], userVerification: 'preferred', ...change };
}

const candidate = { id: 'cred-1', userName: 'ana', userDisplayName: 'Ana' };

describe('PasskeySimulator (test-process side)', () => {
  it('approves dialogs at once by default, choosing the first passkey that fits', async () => {
    const simulator = new PasskeySimulator();
    await expect(simulator.handle({ type: 'prompt', id: 1, request: request({ candidates: [candidate] }) }, fakeFrame())).resolves.toEqual({
      action: 'approve',
      credentialId: 'cred-1',
    });
  });

  it('keeps an autofill request pending until pick(), and refuses a passkey the list does not offer', async () => {
    const simulator = new PasskeySimulator();
    let decision: PromptDecision | undefined;
    void (simulator.handle({ type: 'prompt', id: 1, request: request({ mediation: 'conditional', candidates: [candidate] }) }, fakeFrame()) as Promise<PromptDecision>).then(
      (answer) => (decision = answer),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(decision).toBeUndefined();
    await expect(simulator.nextPrompt({ kind: 'autofill' })).resolves.toMatchObject({ ceremony: 'get', mediation: 'conditional', candidates: [{ id: 'cred-1', userName: 'ana' }] });
    await expect(simulator.pick('someone-else')).rejects.toThrow('does not offer passkey someone-else');
    await simulator.pick('cred-1');
    await Promise.resolve();
    expect(decision).toEqual({ action: 'approve', credentialId: 'cred-1' });
  });

  it('with automatic approval off, a dialog waits for approve() or cancel(); nextPrompt() skips autofill by default', async () => {
    const simulator = new PasskeySimulator({ approveAutomatically: false });
    const frame = fakeFrame();
    void simulator.handle({ type: 'prompt', id: 1, request: request({ mediation: 'conditional' }) }, frame);
    const created = simulator.handle({ type: 'prompt', id: 2, request: request({ ceremony: 'create' }) }, frame);
    await expect(simulator.nextPrompt({ timeout: 200 })).resolves.toMatchObject({ ceremony: 'create', mediation: 'optional' });
    await simulator.cancel();
    await expect(created).resolves.toEqual({ action: 'cancel' });
    // Only the autofill request is left, and it is no dialog.
    await expect(simulator.nextPrompt({ timeout: 50 })).rejects.toThrow('waited 50 ms for a prompt');
  });

  it('forgets a prompt the page aborted', async () => {
    const simulator = new PasskeySimulator({ approveAutomatically: false });
    const frame = fakeFrame();
    void simulator.handle({ type: 'prompt', id: 7, request: request({ ceremony: 'create' }) }, frame);
    await simulator.handle({ type: 'prompt-aborted', id: 7 }, frame);
    await expect(simulator.nextPrompt({ timeout: 50 })).rejects.toThrow('the page made none');
  });

  it('hands failNext() to the next ceremony, not to a capability query or an autofill request', async () => {
    const simulator = new PasskeySimulator({ device: 'yubikey-5' });
    simulator.failNext('InvalidStateError');
    await expect(simulator.handle({ type: 'begin', failures: false }, fakeFrame())).resolves.toEqual({ device: { preset: 'yubikey-5' }, failure: null });
    simulator.use({ preset: 'icloud-keychain', userVerification: 'fails' });
    await expect(simulator.handle({ type: 'begin', failures: true }, fakeFrame())).resolves.toEqual({
      device: { preset: 'icloud-keychain', userVerification: 'fails' },
      failure: 'InvalidStateError',
    });
    await expect(simulator.handle({ type: 'begin', failures: true }, fakeFrame())).resolves.toMatchObject({ failure: null });
    expect(() => simulator.use('no-such-device' as never)).toThrow('Unknown preset');
  });

  it('issues attestation certificates from the test process CA, whose root it exports', async () => {
    const simulator = new PasskeySimulator();
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64url');
    const x5c = (await simulator.handle({ type: 'issue', publicKeySpki: spki, aaguid: '90a3ccdf-635c-4729-a248-9b709135078f', preset: 'microsoft-authenticator-ios' }, fakeFrame())) as string[];
    expect(x5c).toHaveLength(1);
    const root = await simulator.rootCertificate();
    expect(root).toMatch(/^-----BEGIN CERTIFICATE-----/);
    // One CA per test process: another device's root is the same.
    expect(await new PasskeySimulator().rootCertificate()).toBe(root);
  });

  it('carries passkeys by export() and seed()', async () => {
    const simulator = new PasskeySimulator();
    const passkey = {
      id: 'p1', rpId: 'localhost', userHandle: 'u1', userName: 'ana', userDisplayName: 'Ana', preset: 'yubikey-5' as const, aaguid: 'x', algorithm: -7,
      privateKeyJwk: {}, publicKeyCose: '', signCount: 3, backupEligible: false, backupState: false, createdAt: 0,
    };
    await simulator.handle({ type: 'put', passkey }, fakeFrame());
    const other = new PasskeySimulator();
    other.seed(simulator.export());
    expect(other.credentials()).toEqual([expect.objectContaining({ id: 'p1', signCount: 3, userName: 'ana', preset: 'yubikey-5' })]);
    await other.handle({ type: 'remove', id: 'p1' }, fakeFrame());
    expect(other.credentials()).toEqual([]);
    expect(simulator.credentials()).toHaveLength(1);
  });
});
