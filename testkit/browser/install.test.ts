/**
 * The browser layer, driven by @simplewebauthn/browser itself (as the SPA uses it) against the
 * real lab. Node stands in for the window: navigator, location and document are stubbed, and the
 * simulator defines PublicKeyCredential, as it does in a browser without WebAuthn.
 */
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  getBrowserCapabilities,
  platformAuthenticatorIsAvailable,
  sendSignal,
  startAuthentication,
  startRegistration,
  WebAuthnError,
} from '@simplewebauthn/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifiedSchema } from '../../src/shared/schemas';
import { type Client, createWorld } from '../../test/rp/helpers';
import type { Prompt, PromptDecision, PromptRequest } from '../core/types';
import { type InstalledSimulator, installSimulator, parseRequestOptionsFromJSON } from './install';
import { createLocalStorageStore, PASSKEYS_STORAGE_KEY } from './local-storage-store';
import { readSimulatedDeviceMarker, SIMULATED_DEVICE_MARKER } from './simulated-device-marker';

const approve: Prompt = async (request) => ({ action: 'approve', ...(request.candidates[0] ? { credentialId: request.candidates[0].id } : {}) });

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

let installed: InstalledSimulator | undefined;
beforeEach(() => {
  vi.stubGlobal('navigator', {});
  vi.stubGlobal('location', { origin: 'http://localhost:3000', hostname: 'localhost' });
  vi.stubGlobal('document', { querySelectorAll: () => [{}] });
});
afterEach(() => {
  installed?.uninstall();
  installed = undefined;
  vi.unstubAllGlobals();
});

function install(options: Partial<Parameters<typeof installSimulator>[0]> = {}) {
  installed = installSimulator({ device: { preset: 'microsoft-authenticator-ios' }, prompt: approve, window: globalThis as unknown as Window, ...options });
  return installed;
}

async function registerThroughPage(client: Client, username: string) {
  const optionsJSON = await client.registrationOptions({ username });
  const reply = await client.verifyRegistration(await startRegistration({ optionsJSON }));
  expect(reply.status, reply.text).toBe(200);
  return verifiedSchema.parse(reply.json);
}

describe('@simplewebauthn/browser against the lab, through the simulator', () => {
  it('a browser without WebAuthn gets one; registration and sign-in pass, with the preset’s AAGUID', async () => {
    expect(browserSupportsWebAuthn()).toBe(false);
    install();
    expect(browserSupportsWebAuthn()).toBe(true);
    const world = createWorld();
    const client = world.client();
    const verified = await registerThroughPage(client, 'alice');
    expect(verified.credential).toMatchObject({ aaguid: '90a3ccdf-635c-4729-a248-9b709135078f', transports: ['hybrid', 'internal'], backedUp: false });

    await client.signOut();
    const optionsJSON = await client.authenticationOptions({});
    const reply = await client.verifyAuthentication(await startAuthentication({ optionsJSON }));
    expect(reply.status, reply.text).toBe(200);
  });

  it('an excluded passkey gives ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED; a cancel passes NotAllowedError through', async () => {
    const { simulator } = install();
    const world = createWorld();
    const client = world.client();
    await registerThroughPage(client, 'alice');
    const again = await client.registrationOptions({ username: 'alice' });
    expect(again.excludeCredentials?.length).toBe(1);
    await expect(startRegistration({ optionsJSON: again })).rejects.toMatchObject({ code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' });

    simulator.setPrompt(async () => ({ action: 'cancel' }));
    const error = await startRegistration({ optionsJSON: await world.client().registrationOptions({ username: 'bob' }) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebAuthnError);
    expect((error as WebAuthnError).cause).toMatchObject({ name: 'NotAllowedError' });
  });

  it('autofill stays pending until the person picks, then signs in with the picked passkey', async () => {
    const seen: PromptRequest[] = [];
    let pick: ((decision: PromptDecision) => void) | undefined;
    const { simulator } = install();
    const world = createWorld();
    await registerThroughPage(world.client(), 'alice');
    const bob = await registerThroughPage(world.client(), 'bob');
    simulator.setPrompt(
      (request) =>
        new Promise((resolve) => {
          seen.push(request);
          pick = resolve;
        }),
    );

    expect(await browserSupportsWebAuthnAutofill()).toBe(true);
    const client = world.client();
    let settled = false;
    const pending = startAuthentication({ optionsJSON: await client.authenticationOptions({}), useBrowserAutofill: true }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    expect(seen[0]).toMatchObject({ ceremony: 'get', mediation: 'conditional' });
    pick!({ action: 'approve', credentialId: bob.credential.id });
    const reply = await client.verifyAuthentication(await pending);
    expect(reply.status, reply.text).toBe(200);
    expect(verifiedSchema.parse(reply.json).user.username).toBe('bob');
  });

  it("uiMode 'immediate' (Chrome 149+) reaches the device as immediate mediation: no passkey, no prompt", async () => {
    const seen: PromptRequest[] = [];
    install({ prompt: async (request) => (seen.push(request), approve(request, new AbortController().signal)) });
    const world = createWorld();
    const client = world.client();
    const publicKey = parseRequestOptionsFromJSON(await client.authenticationOptions({}));
    const immediate = { publicKey, uiMode: 'immediate' } as CredentialRequestOptions;
    await expect(navigator.credentials.get(immediate)).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(seen).toEqual([]);
    await registerThroughPage(world.client(), 'alice');
    await expect(navigator.credentials.get(immediate)).resolves.toBeTruthy();
    expect(seen.at(-1)).toMatchObject({ ceremony: 'get', mediation: 'immediate' });
  });

  it('capabilities and the Signal API as @simplewebauthn/browser reads them', async () => {
    const { simulator } = install({ device: { preset: 'yubikey-5' } });
    expect(await platformAuthenticatorIsAvailable()).toBe(false); // a security key is not built in
    expect(await getBrowserCapabilities()).toMatchObject({ conditionalGet: 'supported', signalUnknownCredential: 'supported', hybridTransport: 'unsupported' });
    const world = createWorld();
    const { credential } = await registerThroughPage(world.client(), 'alice');
    await sendSignal({ signalName: 'unknownCredential', rpID: 'localhost', credentialID: credential.id });
    expect(await simulator.passkeys()).toEqual([]);
  });
});

describe('a custom device (device options without a preset) in the page', () => {
  it('a roaming key with Ed25519 keys: not a platform authenticator, the lab stores its zero AAGUID, localStorage keeps its passkey', async () => {
    const storage = new MemoryStorage();
    install({ device: { transports: ['usb'], algorithms: ['EdDSA'] }, store: createLocalStorageStore(storage) });
    expect(await platformAuthenticatorIsAvailable()).toBe(false);
    const world = createWorld();
    const client = world.client();
    const verified = await registerThroughPage(client, 'alice');
    expect(verified.credential).toMatchObject({ aaguid: '00000000-0000-0000-0000-000000000000', transports: ['usb'], backedUp: false });
    expect(JSON.parse(storage.getItem(PASSKEYS_STORAGE_KEY)!)).toMatchObject([{ preset: 'custom', algorithm: -8 }]);

    await client.signOut();
    const reply = await client.verifyAuthentication(await startAuthentication({ optionsJSON: await client.authenticationOptions({}) }));
    expect(reply.status, reply.text).toBe(200);
  });
});

describe('the objects pages read', () => {
  it('credential members, getClientExtensionResults (PRF as ArrayBuffers) and toJSON (base64url)', async () => {
    install();
    const first = new TextEncoder().encode('salt');
    const created = (await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON({
        rp: { id: 'localhost', name: 'Lab' },
        user: { id: 'AQID', name: 'alice', displayName: 'Alice' },
        challenge: 'Y2hhbGxlbmdl',
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
        extensions: { credProps: true },
      }),
    })) as PublicKeyCredential;
    const attestation = created.response as AuthenticatorAttestationResponse;
    expect(created.type).toBe('public-key');
    expect(new Uint8Array(created.rawId).length).toBe(32);
    expect(attestation.getTransports()).toEqual(['hybrid', 'internal']);
    expect(attestation.getPublicKeyAlgorithm()).toBe(-7);
    expect(new Uint8Array(attestation.getPublicKey()!)[0]).toBe(0x30); // DER SPKI
    expect(created.getClientExtensionResults()).toEqual({ credProps: { rk: true } });
    expect(created.toJSON()).toMatchObject({ id: created.id, rawId: created.id, response: { transports: ['hybrid', 'internal'] } });

    const assertion = (await navigator.credentials.get({
      publicKey: { challenge: new Uint8Array(16), rpId: 'localhost', extensions: { prf: { eval: { first } } } },
    })) as PublicKeyCredential;
    const output = (assertion.getClientExtensionResults() as { prf?: { results?: { first: ArrayBuffer } } }).prf?.results?.first;
    expect(output).toBeInstanceOf(ArrayBuffer);
    expect(output!.byteLength).toBe(32);
    const json = assertion.toJSON() as { clientExtensionResults: { prf: { results: { first: string } } }; response: { userHandle: string } };
    expect(json.clientExtensionResults.prf.results.first).toBe(Buffer.from(output!).toString('base64url'));
    expect(json.response.userHandle).toBe('AQID');
  });

  it('uninstall puts the window back as it was', () => {
    const { uninstall } = install();
    expect(typeof globalThis.PublicKeyCredential).toBe('function');
    uninstall();
    installed = undefined;
    expect('PublicKeyCredential' in globalThis).toBe(false);
    expect((navigator as { credentials?: unknown }).credentials).toBeUndefined();
    expect(SIMULATED_DEVICE_MARKER in globalThis).toBe(false);
  });

  it('the window marker names the device’s preset, follows setDevice, is read-only and goes with uninstall', () => {
    expect(readSimulatedDeviceMarker()).toBeUndefined();
    const { setDevice, uninstall } = install({ device: { preset: 'yubikey-5' } });
    expect(SIMULATED_DEVICE_MARKER).toBe(Symbol.for('passkey-lab.simulated-device'));
    expect((globalThis as Record<symbol, unknown>)[SIMULATED_DEVICE_MARKER]).toBe('yubikey-5');
    expect(Object.getOwnPropertySymbols(globalThis).filter((key) => Object.getOwnPropertyDescriptor(globalThis, key)?.enumerable)).not.toContain(SIMULATED_DEVICE_MARKER);

    setDevice({ preset: 'icloud-keychain' });
    expect(readSimulatedDeviceMarker()).toBe('icloud-keychain');
    // Read-only: a page cannot rename the device by assigning (strict mode code gets a TypeError).
    expect(() => ((globalThis as Record<symbol, unknown>)[SIMULATED_DEVICE_MARKER] = 'bitwarden')).toThrow(TypeError);
    expect(readSimulatedDeviceMarker()).toBe('icloud-keychain');
    // A device made of options, without a preset, is marked 'custom': simulated all the same.
    setDevice({ aaguid: '00000000-0000-0000-0000-000000000000' });
    expect(readSimulatedDeviceMarker()).toBe('custom');

    uninstall();
    installed = undefined;
    expect(readSimulatedDeviceMarker()).toBeUndefined();
  });

  it('a simulator installed over another one marks the window until it goes, then the first one’s mark is back', () => {
    const first = install({ device: { preset: 'windows-hello-hardware' } });
    const second = installSimulator({ device: { preset: 'bitwarden' }, prompt: approve, window: globalThis as unknown as Window });
    expect(readSimulatedDeviceMarker()).toBe('bitwarden');
    second.uninstall();
    expect(readSimulatedDeviceMarker()).toBe('windows-hello-hardware');
    first.setDevice({ preset: 'yubikey-5' });
    expect(readSimulatedDeviceMarker()).toBe('yubikey-5');
  });
});

describe('passkeys in localStorage', () => {
  it('a person comes back later (a new page) and signs in with the passkey made before', async () => {
    const storage = new MemoryStorage();
    install({ store: createLocalStorageStore(storage) });
    const world = createWorld();
    await registerThroughPage(world.client(), 'alice');
    installed!.uninstall();
    expect(JSON.parse(storage.getItem(PASSKEYS_STORAGE_KEY)!)).toHaveLength(1);

    install({ store: createLocalStorageStore(storage) });
    const client = world.client();
    const reply = await client.verifyAuthentication(await startAuthentication({ optionsJSON: await client.authenticationOptions({}) }));
    expect(reply.status, reply.text).toBe(200);
  });

  it('garbage in storage is skipped, not trusted', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PASSKEYS_STORAGE_KEY, '{not json');
    expect(await createLocalStorageStore(storage).list()).toEqual([]);
    storage.setItem(PASSKEYS_STORAGE_KEY, JSON.stringify([{ id: 'x' }, 42, null]));
    expect(await createLocalStorageStore(storage).list()).toEqual([]);
  });
});
