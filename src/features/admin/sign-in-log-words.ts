/** How the sign-in log puts its entries into words. Pure: unit-tested in Node. */
import { apiErrorMessages } from '../../lib/error-messages';
import { isErrorCode } from '../../shared/error-codes';
import type { SignInLogEntry } from '../../shared/tenant';

export const ceremonyWords: Record<SignInLogEntry['ceremony'], string> = {
  registration: 'Passkey registration',
  authentication: 'Passkey sign-in',
  temporaryAccessPass: 'Temporary Access Pass sign-in',
};

/** "Success", or "Refused: <code>" and what the code means where the lab has words for it. */
export function resultWords(result: string): { success: boolean; text: string; meaning: string | null } {
  if (result === 'success') return { success: true, text: 'Success', meaning: null };
  // Not a refusal: an admin removed the passkey (the recovery drill, docs/api.md).
  if (result === 'removed_by_admin') return { success: false, text: 'Removed by an admin', meaning: 'An admin removed this passkey; it no longer signs in.' };
  const meaning = isErrorCode(result) ? (apiErrorMessages[result]?.title ?? null) : null;
  return { success: false, text: `Refused: ${result}`, meaning };
}
