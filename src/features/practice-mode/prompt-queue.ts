/**
 * The simulated device's questions waiting for the person: the `Prompt` handed to the simulator
 * puts each request here, and the prompt dialog (or, for autofill, the suggestions under the
 * username field) answers it. "Approve automatically" answers at once, except autofill: a real
 * browser waits until the person picks a passkey, and so does this.
 */
import { useSyncExternalStore } from 'react';
import type { Prompt, PromptDecision, PromptRequest } from '../../../testkit/core/types';

export interface PendingPrompt {
  id: number;
  request: PromptRequest;
  answer(decision: PromptDecision): void;
}

let pending: readonly PendingPrompt[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: readonly PendingPrompt[]) {
  pending = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => pending;

export function usePendingPrompts(): readonly PendingPrompt[] {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The first candidate: what "Approve automatically" picks, as a device with one passkey would. */
export function automaticDecision(request: PromptRequest): PromptDecision {
  return { action: 'approve', ...(request.candidates[0] ? { credentialId: request.candidates[0].id } : {}) };
}

export function createQueuedPrompt(options: { autoApprove: () => boolean }): Prompt {
  return (request, signal) =>
    new Promise<PromptDecision>((resolve, reject) => {
      if (request.mediation !== 'conditional' && options.autoApprove()) {
        resolve(automaticDecision(request));
        return;
      }
      const entry: PendingPrompt = {
        id: nextId++,
        request,
        answer(decision) {
          signal.removeEventListener('abort', onAbort);
          set(pending.filter((other) => other !== entry));
          resolve(decision);
        },
      };
      function onAbort() {
        set(pending.filter((other) => other !== entry));
        reject(signal.reason);
      }
      signal.addEventListener('abort', onAbort, { once: true });
      set([...pending, entry]);
    });
}

/** Every open question ends as "Cancel" (practice mode stopped, or another device chosen). */
export function cancelAllPrompts(): void {
  for (const entry of pending) entry.answer({ action: 'cancel' });
}
