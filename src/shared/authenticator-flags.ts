/**
 * The authenticator data flags the lab shows, in bit order (WebAuthn L3 §6.1). Kept apart from
 * the zod schemas in decoded.ts so that end-user pages can name them without loading zod.
 */
export const flagNames = ['up', 'uv', 'be', 'bs', 'at', 'ed'] as const;
export type FlagName = (typeof flagNames)[number];
