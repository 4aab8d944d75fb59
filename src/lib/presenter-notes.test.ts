import { describe, expect, it } from 'vitest';
import { presenterNotes } from './presenter-notes';

describe('presenter notes', () => {
  it.each(Object.entries(presenterNotes))('%s: every step says what the device does, what the server checks and what can go wrong', (_flow, notes) => {
    expect(notes.steps.length).toBeGreaterThanOrEqual(3);
    for (const step of notes.steps) {
      for (const text of [step.title, step.device, step.server, step.wrong]) expect(text.trim().length).toBeGreaterThan(3);
    }
  });

  it('follows the registration flow’s own steps', () => {
    expect(presenterNotes.registration.steps.map((step) => step.title)).toEqual(['Choose a username', 'Create the passkey', 'Done']);
  });
});
