/**
 * Runs in every page and frame of a browser context (bundled into an init script, see bundle.ts):
 * puts the simulated device behind navigator.credentials and the PublicKeyCredential statics,
 * with its passkeys, its prompt and its attestation issuer in the test process (protocol.ts).
 * Before each ceremony the page asks the test process which device to be, so `simulator.use()`
 * and `failNext()` act on the next ceremony of every page of the context.
 */
import { installSimulator } from '../browser/install';
import { fromBase64url, toBase64url } from '../core/bytes';
import type { AttestationIssuer, PasskeyStore, Prompt, StoredPasskey } from '../core/types';
import { type BeginAnswer, BINDING_NAME, type PageMessage, type PromptAnswer } from './protocol';

type Binding = (message: PageMessage) => Promise<unknown>;

(() => {
  const win = window as unknown as Record<string, unknown>;
  // Init scripts run again in each new document; a window keeps one simulator.
  if (win.__passkeyLabSimulatorInstalled) return;
  win.__passkeyLabSimulatorInstalled = true;

  const call = <T>(message: PageMessage): Promise<T> => {
    const binding = win[BINDING_NAME] as Binding | undefined;
    if (typeof binding !== 'function') return Promise.reject(new DOMException('The simulated device lost its test process.', 'NotAllowedError'));
    return binding(message) as Promise<T>;
  };

  const store: PasskeyStore = {
    list: () => call<StoredPasskey[]>({ type: 'list' }),
    put: async (passkey) => void (await call({ type: 'put', passkey })),
    remove: async (id) => void (await call({ type: 'remove', id })),
  };

  const issuer: AttestationIssuer = {
    issue: async ({ publicKeySpki, aaguid, preset }) => {
      const x5c = await call<string[]>({ type: 'issue', publicKeySpki: toBase64url(publicKeySpki), aaguid, preset });
      return x5c.map((certificate) => fromBase64url(certificate));
    },
  };

  // Prompt ids are unique per document; the test process tells documents apart by their frame.
  let nextPromptId = 1;
  const open = new Set<number>();
  const forget = (id: number) => {
    if (open.delete(id)) void call({ type: 'prompt-aborted', id }).catch(() => undefined);
  };
  // A document that goes away takes its questions with it (a real browser closes its dialog).
  addEventListener('pagehide', () => [...open].forEach(forget));
  const prompt: Prompt = (request, signal) =>
    new Promise((resolve, reject) => {
      const id = nextPromptId++;
      open.add(id);
      const onAbort = () => {
        forget(id);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      call<PromptAnswer>({ type: 'prompt', id, request }).then(
        (decision) => {
          open.delete(id);
          signal.removeEventListener('abort', onAbort);
          resolve(decision);
        },
        (error: unknown) => {
          open.delete(id);
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });

  // The placeholder device is replaced before every ceremony (begin).
  const installed = installSimulator({ device: { preset: 'microsoft-authenticator-ios' }, prompt, store, issuer });

  const begin = async (failures: boolean) => {
    const answer = await call<BeginAnswer>({ type: 'begin', failures });
    installed.setDevice(answer.device);
    if (answer.failure) installed.simulator.failNext(answer.failure);
  };

  /** Wraps a function the simulator installed so that it first learns the current device. */
  const refreshFirst = (target: Record<string, unknown> | undefined, name: string, failures: (args: unknown[]) => boolean) => {
    const installedFunction = target?.[name];
    if (!target || typeof installedFunction !== 'function') return;
    Object.defineProperty(target, name, {
      configurable: true,
      writable: true,
      value: async function (this: unknown, ...args: unknown[]) {
        await begin(failures(args));
        return (installedFunction as (...a: unknown[]) => unknown).apply(this, args);
      },
    });
  };

  const container = navigator.credentials as unknown as Record<string, unknown>;
  // failNext() is for the next ceremony the person takes part in: an autofill request (a
  // conditional get, pending from page load until a pick) does not take it.
  refreshFirst(container, 'create', () => true);
  refreshFirst(container, 'get', (args) => (args[0] as { mediation?: string } | undefined)?.mediation !== 'conditional');
  const statics = win.PublicKeyCredential as Record<string, unknown> | undefined;
  for (const name of ['isUserVerifyingPlatformAuthenticatorAvailable', 'getClientCapabilities', 'signalUnknownCredential', 'signalAllAcceptedCredentials', 'signalCurrentUserDetails']) {
    refreshFirst(statics, name, () => false);
  }
})();
