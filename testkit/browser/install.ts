/**
 * Puts a simulated device behind `navigator.credentials.create/get` and the `PublicKeyCredential`
 * statics of a window, so a page (and @simplewebauthn/browser in it) meets the simulator instead of
 * the browser's own authenticators. Works in a browser without WebAuthn too: the missing objects
 * are defined. The credential objects carry what pages read (WebAuthn L3 §5.1, §5.2): rawId,
 * response.getTransports(), getPublicKey(), getPublicKeyAlgorithm(), getAuthenticatorData(),
 * clientDataJSON, attestationObject, getClientExtensionResults(), authenticatorAttachment, toJSON().
 * The window is marked with the device's preset while it is installed (simulated-device-marker.ts).
 */
import { fromBase64url, toArrayBuffer, toBase64url } from '../core/bytes';
import { createMemoryStore } from '../core/memory-store';
import { assertionToJSON, registrationToJSON } from '../core/response-json';
import { type Assertion, type ClientExtensionResults, createSimulatedDevice, domError, type Mediation, type NewCredential, type SimulatedDevice } from '../core/soft-authenticator';
import type { AttestationIssuer, DeviceOptions, PasskeyStore, Prompt } from '../core/types';
import type { CreationOptionsJSON, CredentialDescriptorJSON, ExtensionInputsJSON, PrfValuesInput, PrfValuesJSON, RequestOptionsJSON } from '../core/webauthn-json';
import { SIMULATED_DEVICE_MARKER } from './simulated-device-marker';

export interface InstallOptions {
  device: DeviceOptions;
  prompt: Prompt;
  store?: PasskeyStore;
  issuer?: AttestationIssuer;
  window?: Window;
}

export interface InstalledSimulator {
  uninstall(): void;
  setDevice(device: DeviceOptions): void;
  /** The device behind the window (failNext, passkeys(), setPrompt …). */
  readonly simulator: SimulatedDevice;
}

type Bytesish = BufferSource | ArrayBufferLike;

function isBinary(value: unknown): value is Bytesish {
  return ArrayBuffer.isView(value) || Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

function bytesOf(value: unknown, what: string): Uint8Array {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  if (isBinary(value)) return new Uint8Array(value as ArrayBuffer).slice();
  throw new TypeError(`${what} must be an ArrayBuffer or a view of one.`);
}

const b64 = (value: unknown, what: string) => toBase64url(bytesOf(value, what));

function descriptorsToJSON(list: readonly PublicKeyCredentialDescriptor[] | undefined, what: string): CredentialDescriptorJSON[] | undefined {
  return list?.map((descriptor, index) => ({
    id: b64(descriptor.id, `${what}[${index}].id`),
    type: descriptor.type,
    ...(descriptor.transports ? { transports: [...descriptor.transports] } : {}),
  }));
}

interface PrfInputs {
  eval?: { first: BufferSource; second?: BufferSource };
  evalByCredential?: Record<string, { first: BufferSource; second?: BufferSource }>;
}

function prfValuesToJSON(values: { first: BufferSource; second?: BufferSource }, what: string): PrfValuesJSON {
  return { first: b64(values.first, `${what}.first`), ...(values.second !== undefined ? { second: b64(values.second, `${what}.second`) } : {}) };
}

function extensionsToJSON(extensions: AuthenticationExtensionsClientInputs | undefined): ExtensionInputsJSON | undefined {
  if (!extensions) return undefined;
  const { prf, ...rest } = extensions as AuthenticationExtensionsClientInputs & { prf?: PrfInputs };
  const json = { ...(rest as Record<string, unknown>) } as ExtensionInputsJSON;
  if (prf) {
    json.prf = {
      ...(prf.eval ? { eval: prfValuesToJSON(prf.eval, 'prf.eval') } : {}),
      ...(prf.evalByCredential
        ? { evalByCredential: Object.fromEntries(Object.entries(prf.evalByCredential).map(([id, values]) => [id, prfValuesToJSON(values, `prf.evalByCredential.${id}`)])) }
        : {}),
    };
  }
  return json;
}

export function creationOptionsToJSON(options: PublicKeyCredentialCreationOptions): CreationOptionsJSON {
  if (!options?.rp || !options.user || options.challenge === undefined || !options.pubKeyCredParams) throw new TypeError('publicKey needs rp, user, challenge and pubKeyCredParams.');
  const json: CreationOptionsJSON = {
    rp: { ...(options.rp.id !== undefined ? { id: options.rp.id } : {}), name: options.rp.name },
    user: { id: b64(options.user.id, 'user.id'), name: options.user.name, displayName: options.user.displayName },
    challenge: b64(options.challenge, 'challenge'),
    pubKeyCredParams: options.pubKeyCredParams.map((param) => ({ type: param.type, alg: param.alg })),
  };
  if (options.timeout !== undefined) json.timeout = options.timeout;
  const excluded = descriptorsToJSON(options.excludeCredentials, 'excludeCredentials');
  if (excluded) json.excludeCredentials = excluded;
  if (options.authenticatorSelection) json.authenticatorSelection = { ...options.authenticatorSelection };
  if (options.attestation) json.attestation = options.attestation;
  const hints = (options as { hints?: string[] }).hints;
  if (hints) json.hints = [...hints];
  const extensions = extensionsToJSON(options.extensions);
  if (extensions) json.extensions = extensions;
  return json;
}

export function requestOptionsToJSON(options: PublicKeyCredentialRequestOptions): RequestOptionsJSON {
  if (!options || options.challenge === undefined) throw new TypeError('publicKey needs a challenge.');
  const json: RequestOptionsJSON = { challenge: b64(options.challenge, 'challenge') };
  if (options.timeout !== undefined) json.timeout = options.timeout;
  if (options.rpId !== undefined) json.rpId = options.rpId;
  const allowed = descriptorsToJSON(options.allowCredentials, 'allowCredentials');
  if (allowed) json.allowCredentials = allowed;
  if (options.userVerification) json.userVerification = options.userVerification;
  const hints = (options as { hints?: string[] }).hints;
  if (hints) json.hints = [...hints];
  const extensions = extensionsToJSON(options.extensions);
  if (extensions) json.extensions = extensions;
  return json;
}

function descriptorsFromJSON(list: CredentialDescriptorJSON[] | undefined): PublicKeyCredentialDescriptor[] | undefined {
  return list?.map((descriptor) => ({
    id: toArrayBuffer(fromBase64url(descriptor.id)),
    type: descriptor.type as PublicKeyCredentialType,
    ...(descriptor.transports ? { transports: descriptor.transports as AuthenticatorTransport[] } : {}),
  }));
}

function prfInputFromJSON(value: unknown): ArrayBuffer {
  if (typeof value !== 'string') throw new TypeError('prf inputs in JSON must be base64url strings.');
  return toArrayBuffer(fromBase64url(value));
}

function prfFromJSON(values: PrfValuesInput) {
  return { first: prfInputFromJSON(values.first), ...(values.second !== undefined ? { second: prfInputFromJSON(values.second) } : {}) };
}

function extensionsFromJSON(extensions: ExtensionInputsJSON | undefined): AuthenticationExtensionsClientInputs | undefined {
  if (!extensions) return undefined;
  const { prf, ...rest } = extensions;
  if (!prf) return rest as AuthenticationExtensionsClientInputs;
  return {
    ...rest,
    prf: {
      ...(prf.eval ? { eval: prfFromJSON(prf.eval) } : {}),
      ...(prf.evalByCredential ? { evalByCredential: Object.fromEntries(Object.entries(prf.evalByCredential).map(([id, values]) => [id, prfFromJSON(values)])) } : {}),
    },
  } as AuthenticationExtensionsClientInputs;
}

/** PublicKeyCredential.parseCreationOptionsFromJSON (WebAuthn L3 §5.1.9). */
export function parseCreationOptionsFromJSON(json: CreationOptionsJSON): PublicKeyCredentialCreationOptions {
  const { challenge, user, excludeCredentials, extensions, ...rest } = json;
  const options = {
    ...rest,
    challenge: toArrayBuffer(fromBase64url(challenge)),
    user: { ...user, id: toArrayBuffer(fromBase64url(user.id)) },
    ...(excludeCredentials ? { excludeCredentials: descriptorsFromJSON(excludeCredentials) } : {}),
    ...(extensions ? { extensions: extensionsFromJSON(extensions) } : {}),
  };
  return options as PublicKeyCredentialCreationOptions;
}

/** PublicKeyCredential.parseRequestOptionsFromJSON (WebAuthn L3 §5.1.10). */
export function parseRequestOptionsFromJSON(json: RequestOptionsJSON): PublicKeyCredentialRequestOptions {
  const { challenge, allowCredentials, extensions, ...rest } = json;
  const options = {
    ...rest,
    challenge: toArrayBuffer(fromBase64url(challenge)),
    ...(allowCredentials ? { allowCredentials: descriptorsFromJSON(allowCredentials) } : {}),
    ...(extensions ? { extensions: extensionsFromJSON(extensions) } : {}),
  };
  return options as PublicKeyCredentialRequestOptions;
}

function extensionResults(results: ClientExtensionResults): AuthenticationExtensionsClientOutputs {
  const out: Record<string, unknown> = {};
  if (results.credProps) out.credProps = { ...results.credProps };
  if (results.prf) {
    const { enabled, results: outputs } = results.prf;
    out.prf = {
      ...(enabled !== undefined ? { enabled } : {}),
      ...(outputs ? { results: { first: toArrayBuffer(outputs.first), ...(outputs.second ? { second: toArrayBuffer(outputs.second) } : {}) } } : {}),
    };
  }
  return out as AuthenticationExtensionsClientOutputs;
}

/** An object whose prototype is the window's own (so instanceof works) and whose members are its own. */
function shaped<T extends object>(prototype: object | undefined, members: Record<string, unknown>): T {
  const target = Object.create(prototype ?? Object.prototype) as T;
  for (const [name, value] of Object.entries(members)) Object.defineProperty(target, name, { value, enumerable: true, configurable: true });
  return target;
}

type Win = Window & typeof globalThis;

function toCredential(win: Win, made: NewCredential): PublicKeyCredential {
  const response = shaped<AuthenticatorAttestationResponse>(win.AuthenticatorAttestationResponse?.prototype, {
    clientDataJSON: toArrayBuffer(made.clientDataJSON),
    attestationObject: toArrayBuffer(made.attestationObject),
    getTransports: () => [...made.transports],
    getPublicKey: () => toArrayBuffer(made.publicKey),
    getPublicKeyAlgorithm: () => made.publicKeyAlgorithm,
    getAuthenticatorData: () => toArrayBuffer(made.authenticatorData),
  });
  return shaped<PublicKeyCredential>(win.PublicKeyCredential?.prototype, {
    id: made.id,
    rawId: toArrayBuffer(made.rawId),
    type: 'public-key',
    authenticatorAttachment: made.authenticatorAttachment,
    response,
    getClientExtensionResults: () => extensionResults(made.clientExtensionResults),
    toJSON: () => registrationToJSON(made),
  });
}

function toAssertionCredential(win: Win, assertion: Assertion): PublicKeyCredential {
  const response = shaped<AuthenticatorAssertionResponse>(win.AuthenticatorAssertionResponse?.prototype, {
    clientDataJSON: toArrayBuffer(assertion.clientDataJSON),
    authenticatorData: toArrayBuffer(assertion.authenticatorData),
    signature: toArrayBuffer(assertion.signature),
    userHandle: assertion.userHandle ? toArrayBuffer(assertion.userHandle) : null,
  });
  return shaped<PublicKeyCredential>(win.PublicKeyCredential?.prototype, {
    id: assertion.id,
    rawId: toArrayBuffer(assertion.rawId),
    type: 'public-key',
    authenticatorAttachment: assertion.authenticatorAttachment,
    response,
    getClientExtensionResults: () => extensionResults(assertion.clientExtensionResults),
    toJSON: () => assertionToJSON(assertion),
  });
}

/** Remembers how a property looked, so uninstall() can put it back exactly. */
function overrider() {
  const undo: (() => void)[] = [];
  const define = (target: object, name: PropertyKey, descriptor: PropertyDescriptor) => {
    const before = Object.getOwnPropertyDescriptor(target, name);
    Object.defineProperty(target, name, { configurable: true, enumerable: before?.enumerable ?? false, ...descriptor });
    undo.push(() => (before ? Object.defineProperty(target, name, before) : Reflect.deleteProperty(target, name)));
  };
  return {
    set(target: object, name: string, value: unknown) {
      define(target, name, { value, writable: true });
    },
    /** A read-only property whose value `get` computes each time it is read. */
    getter(target: object, name: PropertyKey, get: () => unknown) {
      define(target, name, { get, enumerable: false });
    },
    restore() {
      while (undo.length) undo.pop()!();
    },
  };
}

export function installSimulator(options: InstallOptions): InstalledSimulator {
  const win = (options.window ?? globalThis) as Win;
  const simulator = createSimulatedDevice({
    device: options.device,
    prompt: options.prompt,
    store: options.store ?? createMemoryStore(),
    ...(options.issuer ? { issuer: options.issuer } : {}),
  });
  const origin = () => win.location.origin;
  const changes = overrider();

  // A browser without WebAuthn (or without the Credential Management API) gets stand-ins.
  let container = win.navigator.credentials as CredentialsContainer | undefined;
  if (!container) {
    container = {} as CredentialsContainer;
    changes.set(win.navigator, 'credentials', container);
  }
  const nativeCreate = typeof container.create === 'function' ? container.create.bind(container) : undefined;
  const nativeGet = typeof container.get === 'function' ? container.get.bind(container) : undefined;
  let PKC = win.PublicKeyCredential as (typeof PublicKeyCredential & Record<string, unknown>) | undefined;
  if (typeof PKC !== 'function') {
    const standIn = function PublicKeyCredential() {
      throw new TypeError('Illegal constructor');
    } as unknown as typeof PublicKeyCredential & Record<string, unknown>;
    changes.set(win, 'PublicKeyCredential', standIn);
    PKC = standIn;
  }

  changes.set(container, 'create', async (request?: CredentialCreationOptions) => {
    if (!request?.publicKey) {
      if (nativeCreate) return nativeCreate(request);
      throw domError('NotSupportedError', 'Only public-key credentials are simulated.');
    }
    const options = creationOptionsToJSON(request.publicKey);
    const mediation = (request as { mediation?: Mediation }).mediation;
    const made = await simulator.create({ origin: origin(), options, ...(mediation ? { mediation } : {}), ...(request.signal ? { signal: request.signal } : {}) });
    for (const notice of made.notices) console.info(`[simulated device] ${notice}`);
    return toCredential(win, made);
  });

  changes.set(container, 'get', async (request?: CredentialRequestOptions) => {
    if (!request?.publicKey) {
      if (nativeGet) return nativeGet(request);
      throw domError('NotSupportedError', 'Only public-key credentials are simulated.');
    }
    const options = requestOptionsToJSON(request.publicKey);
    // Chrome 149+'s immediate sign-in is `uiMode: 'immediate'` beside `publicKey` (not yet in the
    // WebAuthn spec, w3c/webauthn#2291); the simulator models it as the mediation it behaves like.
    const uiMode = (request as { uiMode?: string }).uiMode;
    const mediation = (uiMode === 'immediate' ? 'immediate' : request.mediation) as Mediation | undefined;
    const assertion = await simulator.get({ origin: origin(), options, ...(mediation ? { mediation } : {}), ...(request.signal ? { signal: request.signal } : {}) });
    return toAssertionCredential(win, assertion);
  });

  const platformCapable = () => simulator.preset.attachment === 'platform';
  changes.set(PKC, 'isUserVerifyingPlatformAuthenticatorAvailable', async () => platformCapable());
  changes.set(PKC, 'isConditionalMediationAvailable', async () => true);
  changes.set(PKC, 'getClientCapabilities', async () => ({
    conditionalCreate: true,
    conditionalGet: true,
    immediateGet: true,
    hybridTransport: simulator.preset.transports.includes('hybrid'),
    passkeyPlatformAuthenticator: platformCapable(),
    userVerifyingPlatformAuthenticator: platformCapable(),
    relatedOrigins: false,
    signalAllAcceptedCredentials: true,
    signalCurrentUserDetails: true,
    signalUnknownCredential: true,
    'extension:credProps': true,
    'extension:prf': simulator.device.prf !== false,
  }));
  changes.set(PKC, 'signalUnknownCredential', (signal: { rpId: string; credentialId: string }) => simulator.signalUnknownCredential(origin(), signal));
  changes.set(PKC, 'signalAllAcceptedCredentials', (signal: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }) =>
    simulator.signalAllAcceptedCredentials(origin(), signal),
  );
  changes.set(PKC, 'signalCurrentUserDetails', (signal: { rpId: string; userId: string; name: string; displayName: string }) =>
    simulator.signalCurrentUserDetails(origin(), signal),
  );
  changes.set(PKC, 'parseCreationOptionsFromJSON', parseCreationOptionsFromJSON);
  changes.set(PKC, 'parseRequestOptionsFromJSON', parseRequestOptionsFromJSON);
  // Says which simulated device answers this window (current after setDevice), until uninstall.
  changes.getter(win, SIMULATED_DEVICE_MARKER, () => simulator.device.preset ?? 'custom');

  return {
    simulator,
    setDevice: (device) => simulator.setDevice(device),
    uninstall: () => changes.restore(),
  };
}
