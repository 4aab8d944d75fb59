import { describe, expect, it } from 'vitest';
import { presets } from '../../../testkit/core/presets';
import type { PromptRequest } from '../../../testkit/core/types';
import { PRACTICE_STORAGE_KEY, readSaved } from './practice-store';
import { automaticDecision, cancelAllPrompts, createQueuedPrompt } from './prompt-queue';
import { candidateLabel, promptWords } from './prompt-words';

const create: PromptRequest = {
  ceremony: 'create',
  mediation: 'optional',
  rpId: 'lab.example',
  origin: 'https://lab.example',
  user: { name: 'alice', displayName: 'Alice Doe' },
  candidates: [],
  hints: [],
  userVerification: 'required',
};
const get = (candidates: PromptRequest['candidates'], hints: string[] = []): PromptRequest => ({
  ...create,
  ceremony: 'get',
  user: undefined,
  candidates,
  hints,
});
const alice = { id: 'a', userName: 'alice', userDisplayName: 'Alice Doe' };
const bob = { id: 'b', userName: 'bob', userDisplayName: 'bob' };

describe('promptWords', () => {
  it('names the dialog after the device, said to be simulated, and asks as the device does', () => {
    const words = promptWords(presets['microsoft-authenticator-ios'], create);
    expect(words.name).toBe('Microsoft Authenticator on iPhone (simulated)');
    expect(words.question).toBe('Save a passkey for “alice” in Authenticator?');
    expect(words.details).toEqual(['Account: alice (Alice Doe)', 'Site: lab.example', expect.stringContaining('Microsoft Authenticator on this phone')]);
    expect(words.hybrid).toBeNull();
  });

  it('uses each kind of device’s own words', () => {
    expect(promptWords(presets['windows-hello-hardware'], create).question).toBe('Create a passkey for lab.example');
    expect(promptWords(presets['yubikey-5'], create).question).toBe('Use your security key with lab.example');
    expect(promptWords(presets['yubikey-5'], { ...create, userVerification: 'discouraged' }).verification).not.toContain('PIN');
    expect(promptWords(presets['icloud-keychain'], create).details[2]).toContain('iCloud Keychain');
    expect(promptWords(presets['icloud-keychain'], get([alice])).question).toBe('Use your saved passkey for lab.example?');
  });

  it('says what the real hybrid flow would show (QR code, Bluetooth), labelled simulated, only for a device reached over hybrid', () => {
    const phone = promptWords(presets['microsoft-authenticator-android'], get([alice], ['hybrid']));
    expect(phone.hybrid).toMatch(/^Simulated/);
    expect(phone.hybrid).toContain('QR code');
    expect(phone.hybrid).toContain('Bluetooth');
    expect(promptWords(presets['yubikey-5'], get([alice], ['hybrid'])).hybrid).toBeNull();
    expect(promptWords(presets['microsoft-authenticator-android'], get([alice], ['client-device'])).hybrid).toBeNull();
  });

  it('asks to choose when several passkeys fit, and offers only Cancel when none does', () => {
    expect(promptWords(presets['microsoft-authenticator-ios'], get([alice, bob])).details).toContain('Several passkeys fit: choose the account to sign in as.');
    expect(promptWords(presets['microsoft-authenticator-ios'], get([alice])).details).toContain('Account: alice');
    expect(promptWords(presets['microsoft-authenticator-ios'], get([])).nothingFits).toContain('no passkey for lab.example');
    expect(candidateLabel(alice)).toBe('alice (Alice Doe)');
    expect(candidateLabel(bob)).toBe('bob');
  });
});

describe('the queued prompt', () => {
  it('answers at once when approving automatically, picking the first passkey, but never for autofill', async () => {
    const prompt = createQueuedPrompt({ autoApprove: () => true });
    await expect(prompt(get([alice, bob]), new AbortController().signal)).resolves.toEqual({ action: 'approve', credentialId: 'a' });
    expect(automaticDecision(create)).toEqual({ action: 'approve' });
    let settled = false;
    const autofill = prompt({ ...get([alice]), mediation: 'conditional' }, new AbortController().signal).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    cancelAllPrompts();
    await expect(autofill).resolves.toEqual({ action: 'cancel' });
  });

  it('ends with the abort reason when the page aborts the request', async () => {
    const prompt = createQueuedPrompt({ autoApprove: () => false });
    const controller = new AbortController();
    const asked = prompt(create, controller.signal);
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(asked).rejects.toThrow('gone');
  });
});

describe('readSaved', () => {
  const storage = (value: string | null) => ({ getItem: (key: string) => (key === PRACTICE_STORAGE_KEY ? value : null) });
  it('reads a chosen preset, and treats anything else as off', () => {
    expect(readSaved(storage(JSON.stringify({ preset: 'icloud-keychain', autoApprove: true })))).toEqual({ preset: 'icloud-keychain', autoApprove: true });
    expect(readSaved(storage(JSON.stringify({ preset: 'made-up' })))).toBeNull();
    expect(readSaved(storage('{not json'))).toBeNull();
    expect(readSaved(storage(null))).toBeNull();
    expect(readSaved(undefined)).toBeNull();
  });
});
