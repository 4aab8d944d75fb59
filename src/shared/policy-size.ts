/**
 * Microsoft Entra ID keeps the whole authentication methods policy under 20 KB (Microsoft Learn,
 * "How to enable passkey profiles", how-to-authentication-passkey-profiles): long AAGUID lists
 * in several profiles are what reach it. The lab measures the passkey method's document — the
 * part of that policy it models — as the UTF-8 bytes of its JSON, and refuses a change that would
 * reach the limit (400 `policy_too_large`). The policy page shows the same number as a meter.
 * Pure, no zod: the policy page and the relying party both use it.
 */

/** 20 KB, read as 20 × 1,024 bytes; a document must stay below it. */
export const POLICY_SIZE_LIMIT_BYTES = 20 * 1024;

/** The document's size as sent or stored: UTF-8 bytes of its compact JSON. */
export function policySizeBytes(document: unknown): number {
  return new TextEncoder().encode(JSON.stringify(document) ?? '').length;
}

export interface PolicySize {
  bytes: number;
  limit: number;
  /** Below the limit. */
  fits: boolean;
  /** 0–1 of the limit (capped at 1), for a meter. */
  share: number;
}

export function measurePolicy(document: unknown, limit: number = POLICY_SIZE_LIMIT_BYTES): PolicySize {
  const bytes = policySizeBytes(document);
  return { bytes, limit, fits: bytes < limit, share: Math.min(1, bytes / limit) };
}
