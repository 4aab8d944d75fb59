import { normaliseUsername } from '../shared/usernames';

/**
 * The same rule as the relying party's `username` schema (src/shared/schemas.ts), checked in the
 * browser so a typo gets a sentence before any request. Kept free of zod so pages stay light;
 * validate-username.test.ts checks that both agree. Like the schema, it checks the NFKC form
 * (fullwidth letters and ligatures become plain letters first).
 */
export function validateUsername(value: string): string | undefined {
  const username = normaliseUsername(value);
  if (username.length === 0) return 'Enter a username.';
  if (username.length > 64) return 'Use at most 64 characters.';
  if (!/^[\p{L}\p{N}._@+-]+$/u.test(username)) return 'Use letters, digits and . _ @ + - only (no spaces).';
  return undefined;
}
