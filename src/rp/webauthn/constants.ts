/** A challenge answers one ceremony within 5 minutes (also the ceremony timeout we ask for). */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** COSE algorithms offered, in order of preference: EdDSA (-8), ES256 (-7), RS256 (-257). */
export const SUPPORTED_ALGORITHMS = [-8, -7, -257] as const;
