/**
 * The test-process side of the kit: one simulated device per browser context, whose passkeys,
 * prompt answers and attestation CA live here (so passkeys carry across the context's pages and
 * the test can read them). Installed by init script and one binding: no CDP, so it works in every
 * browser Playwright drives.
 */
import type { BrowserContext, Frame } from '@playwright/test';
import { fromBase64url, toBase64url } from '../core/bytes';
import { presets } from '../core/presets';
import { createSimulatorCa, type SimulatorCa } from '../core/simulator-ca';
import type { FailureKind, Mediation } from '../core/soft-authenticator';
import type { AttestationIssuer, DeviceId, DeviceOptions, PresetId, PromptDecision, PromptRequest, StoredPasskey } from '../core/types';
import { simulatorInitScript } from './bundle';
import { type BeginAnswer, BINDING_NAME, type PageMessage } from './protocol';

/** Where attestation certificates come from. */
export type IssuerOption =
  /** The test process plays the CA (default); `rootCertificate()` exports its root for your relying party to trust. */
  | 'test-process'
  /**
   * A relying party's own endpoint that issues them, such as the Passkey Lab's
   * `/api/simulator/attestation-certificate` (relative URLs resolve against the page).
   */
  | { url: string }
  /** Your own issuer, such as a CA from `createSimulatorCa()` kept between runs. */
  | AttestationIssuer;

export interface SimulatorOptions {
  /** The device at first: a preset name or device options. Default: `microsoft-authenticator-ios`. */
  device?: PresetId | DeviceOptions;
  issuer?: IssuerOption;
  /** Approve create/get prompts at once (default true). Autofill requests always wait for `pick()`. */
  approveAutomatically?: boolean;
  /** Passkeys the device holds from the start (from `export()`). */
  passkeys?: StoredPasskey[];
}

/** A passkey as the test sees it. Binary values are base64url. */
export interface SimulatedCredential {
  id: string;
  rpId: string;
  userHandle: string;
  userName: string;
  /** The preset of the device that made it, or 'custom' (a device without a preset). */
  preset: DeviceId;
  aaguid: string;
  signCount: number;
  backupEligible: boolean;
  backupState: boolean;
}

export interface PromptInfo {
  ceremony: 'create' | 'get';
  mediation: Mediation;
  rpId: string;
  origin: string;
  /** get: the passkeys the device would offer. */
  candidates: { id: string; userName: string }[];
}

interface PendingPrompt {
  id: number;
  frame: Frame;
  request: PromptRequest;
  seen: boolean;
  answer(decision: PromptDecision): void;
}

let sharedCa: Promise<SimulatorCa> | undefined;

/** The test process's CA: made once per process (Playwright worker), so a relying party started per worker can trust it. */
function testProcessCa(): Promise<SimulatorCa> {
  sharedCa ??= createSimulatorCa();
  return sharedCa;
}

/** The root certificate (PEM) of the test process's simulator CA, before any test runs (for a worker-scoped relying party). */
export async function testProcessRootCertificate(): Promise<string> {
  return (await testProcessCa()).rootPem;
}

/** An autofill request: a conditional get, answered only by pick(). */
const isAutofill = (request: PromptRequest) => request.ceremony === 'get' && request.mediation === 'conditional';

/** Which prompts nextPrompt() reports: the dialogs (create/get, the default), autofill requests, or both. */
export type PromptKind = 'dialog' | 'autofill' | 'any';

/** How long approve(), cancel(), pick() and nextPrompt() wait for the page to ask. */
const WAIT_MS = 10_000;

function deviceOf(value: PresetId | DeviceOptions): DeviceOptions {
  const device = typeof value === 'string' ? { preset: value } : { ...value };
  if (device.preset !== undefined && !(device.preset in presets)) throw new Error(`Unknown preset "${device.preset}". Presets: ${Object.keys(presets).join(', ')}.`);
  return device;
}

export class PasskeySimulator {
  private device: DeviceOptions;
  private autoApprove: boolean;
  private readonly passkeys = new Map<string, StoredPasskey>();
  private readonly failures: FailureKind[] = [];
  private pending: PendingPrompt[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly issuer: IssuerOption;

  constructor(options: SimulatorOptions = {}) {
    this.device = deviceOf(options.device ?? 'microsoft-authenticator-ios');
    this.autoApprove = options.approveAutomatically ?? true;
    this.issuer = options.issuer ?? 'test-process';
    for (const passkey of options.passkeys ?? []) this.passkeys.set(passkey.id, structuredClone(passkey));
  }

  /** Which device answers the next ceremonies (call it before the page loads to set its capabilities too). */
  use(device: PresetId | DeviceOptions): void {
    this.device = deviceOf(device);
  }

  /** Every passkey the context's devices hold, in the order they were made. */
  credentials(): SimulatedCredential[] {
    return [...this.passkeys.values()].map((passkey) => ({
      id: passkey.id,
      rpId: passkey.rpId,
      userHandle: passkey.userHandle,
      userName: passkey.userName,
      preset: passkey.preset,
      aaguid: passkey.aaguid,
      signCount: passkey.signCount,
      backupEligible: passkey.backupEligible,
      backupState: passkey.backupState,
    }));
  }

  /** On (default): create/get prompts are approved at once. Off: each waits for approve() or cancel(). */
  approveAutomatically(on: boolean): void {
    this.autoApprove = on;
  }

  /**
   * The next prompt the device shows that this method has not returned before. By default the
   * dialogs (create, and get other than autofill); `{ kind: 'autofill' }` for autofill requests
   * (a get with mediation 'conditional'), `'any'` for both.
   */
  async nextPrompt(options: { kind?: PromptKind; timeout?: number } = {}): Promise<PromptInfo> {
    const kind = options.kind ?? 'dialog';
    const fits = (p: PendingPrompt) => kind === 'any' || (kind === 'autofill') === isAutofill(p.request);
    const prompt = await this.waitFor((p) => !p.seen && fits(p), kind === 'autofill' ? 'an autofill request' : 'a prompt', options.timeout);
    prompt.seen = true;
    const { ceremony, mediation, rpId, origin, candidates } = prompt.request;
    return { ceremony, mediation, rpId, origin, candidates: candidates.map(({ id, userName }) => ({ id, userName })) };
  }

  /** The person approves the oldest waiting create/get prompt (optionally choosing a passkey from its list). */
  async approve(credentialId?: string): Promise<void> {
    const prompt = await this.waitFor((p) => !isAutofill(p.request), 'a create/get prompt');
    this.answer(prompt, { action: 'approve', ...(credentialId ? { credentialId } : {}) });
  }

  /** The person cancels the oldest waiting create/get prompt: the page gets NotAllowedError. */
  async cancel(): Promise<void> {
    const prompt = await this.waitFor((p) => !isAutofill(p.request), 'a create/get prompt');
    this.answer(prompt, { action: 'cancel' });
  }

  /**
   * The person picks this passkey from the autofill dropdown: answers the waiting conditional
   * request (waiting for the page to make one). Without a waiting request, nothing happens — as
   * with a real browser, the page's autofill request stays pending until someone picks.
   */
  async pick(credentialId: string): Promise<void> {
    // The newest: the one under the username field of the page the person is looking at.
    const prompt = await this.waitFor((p) => isAutofill(p.request), 'an autofill (conditional) request', WAIT_MS, 'newest');
    if (!prompt.request.candidates.some((candidate) => candidate.id === credentialId)) {
      const offered = prompt.request.candidates.map((candidate) => `${candidate.id} (${candidate.userName})`).join(', ') || 'none';
      throw new Error(`The autofill dropdown does not offer passkey ${credentialId}. It offers: ${offered}.`);
    }
    this.answer(prompt, { action: 'approve', credentialId });
  }

  /**
   * The next create or get (not an autofill request) fails this way: NotAllowedError,
   * InvalidStateError (after the person approves) or failed user verification.
   */
  failNext(kind: FailureKind): void {
    this.failures.push(kind);
  }

  /** Puts passkeys (from `export()`, maybe of another test) on the device. */
  seed(credential: StoredPasskey | StoredPasskey[]): void {
    for (const passkey of Array.isArray(credential) ? credential : [credential]) this.passkeys.set(passkey.id, structuredClone(passkey));
  }

  /** The passkeys with their private keys, to `seed()` elsewhere. Treat as secrets of the test. */
  export(): StoredPasskey[] {
    return [...this.passkeys.values()].map((passkey) => structuredClone(passkey));
  }

  /**
   * The root certificate (PEM) of the CA this device's attestations chain to, for a relying party
   * to trust: the test process's CA (the same for every test of this process), or your own CA.
   */
  async rootCertificate(): Promise<string> {
    if (this.issuer === 'test-process') return testProcessRootCertificate();
    if ('rootPem' in this.issuer && typeof this.issuer.rootPem === 'string') return this.issuer.rootPem;
    throw new Error('This device uses a relying party\'s endpoint for attestation certificates: ask that relying party for its root.');
  }

  /** Answers a page's message (protocol.ts). */
  async handle(message: PageMessage, frame: Frame): Promise<unknown> {
    switch (message.type) {
      case 'begin':
        return { device: { ...this.device }, failure: message.failures ? (this.failures.shift() ?? null) : null } satisfies BeginAnswer;
      case 'list':
        return [...this.passkeys.values()];
      case 'put':
        this.passkeys.set(message.passkey.id, message.passkey);
        return null;
      case 'remove':
        this.passkeys.delete(message.id);
        return null;
      case 'prompt':
        return this.ask(message.id, message.request, frame);
      case 'prompt-aborted':
        this.pending = this.pending.filter((prompt) => prompt.id !== message.id || prompt.frame !== frame);
        return null;
      case 'issue':
        return this.issue(message, frame.url());
    }
  }

  private ask(id: number, request: PromptRequest, frame: Frame): Promise<PromptDecision> {
    // A conditional create (automatic passkey upgrade) happens without a dialog: approved like the others.
    if (this.autoApprove && !isAutofill(request)) {
      return Promise.resolve({ action: 'approve', ...(request.candidates[0] ? { credentialId: request.candidates[0].id } : {}) });
    }
    return new Promise((resolve) => {
      this.pending.push({ id, frame, request, seen: false, answer: resolve });
      for (const listener of [...this.listeners]) listener();
    });
  }

  private answer(prompt: PendingPrompt, decision: PromptDecision): void {
    this.pending = this.pending.filter((p) => p !== prompt);
    prompt.answer(decision);
  }

  private waitFor(match: (prompt: PendingPrompt) => boolean, what: string, timeout = WAIT_MS, which: 'oldest' | 'newest' = 'oldest'): Promise<PendingPrompt> {
    return new Promise((resolve, reject) => {
      const check = () => {
        // Questions of closed pages and detached frames are nobody's to answer any more.
        this.pending = this.pending.filter((p) => !p.frame.isDetached() && !p.frame.page().isClosed());
        const found = which === 'oldest' ? this.pending.find(match) : this.pending.findLast(match);
        if (!found) return false;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`The simulated device waited ${timeout} ms for ${what}; the page made none.`));
      }, timeout);
      if (!check()) this.listeners.add(check);
    });
  }

  private async issue(message: Extract<PageMessage, { type: 'issue' }>, pageUrl: string): Promise<string[]> {
    if (this.issuer === 'test-process' || 'issue' in this.issuer) {
      const issuer = this.issuer === 'test-process' ? await testProcessCa() : this.issuer;
      const x5c = await issuer.issue({ publicKeySpki: fromBase64url(message.publicKeySpki), aaguid: message.aaguid, preset: message.preset });
      return x5c.map((certificate) => toBase64url(certificate));
    }
    // The relying party's endpoint (docs/api.md "Simulated devices" for the lab's): { publicKey, aaguid, preset } → { x5c }.
    const response = await fetch(new URL(this.issuer.url, pageUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ publicKey: message.publicKeySpki, aaguid: message.aaguid, preset: message.preset }),
    });
    if (!response.ok) throw new Error(`${this.issuer.url} answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { x5c: string[] }).x5c;
  }
}

/**
 * Installs a simulated device in every page (current and future) of a browser context. Call it
 * before the context's pages load the site. Returns the device's test-process side.
 */
export async function installSimulatorInContext(context: BrowserContext, options: SimulatorOptions = {}): Promise<PasskeySimulator> {
  const simulator = new PasskeySimulator(options);
  await context.exposeBinding(BINDING_NAME, (source, message: PageMessage) => simulator.handle(message, source.frame));
  await context.addInitScript({ content: await simulatorInitScript() });
  return simulator;
}
