/**
 * Usernames compared the way people read them, and names free of invisible tricks. Pure
 * functions, shared by the relying party (schemas, store) and the SPA (validate-username.ts).
 *
 * - `normaliseUsername`: trimmed, Unicode NFKC (fullwidth letters, ligatures, mathematical and
 *   other compatibility forms become their plain letters: "ｈｇ＿ａｄｍｉｎ" is "hg_admin").
 * - `usernameKey`: the normalised name case-folded ("Ärger" and "äRGER" are one account).
 * - `usernameSkeleton`: the skeleton of Unicode Technical Standard #39 (Unicode Security
 *   Mechanisms, section 4 "Confusable Detection"): NFD, each character replaced by its
 *   prototype, NFD again. Two names with one skeleton look alike ("hg_admin" and "hg_аdmin"
 *   with a Cyrillic а). The prototype table below is a compact subset of UTS #39's
 *   confusables.txt: the Cyrillic, Greek, Latin and digit look-alikes of Latin letters.
 * - `findHiddenCharacter`: control, bidirectional-control and invisible characters, which have
 *   no place in a display name, passkey nickname or group name (UTS #39 section 3.1 and Unicode
 *   Technical Report #36 describe how they spoof text).
 */

export function normaliseUsername(value: string): string {
  return value.trim().normalize('NFKC');
}

/**
 * Case-insensitive key. Upper- then lower-casing approximates Unicode full case folding
 * ("ß" and "SS" meet as "ss", final sigma as σ); NFKC again keeps the result composed.
 */
export function usernameKey(value: string): string {
  return normaliseUsername(value).toUpperCase().toLowerCase().normalize('NFKC');
}

/**
 * Prototypes by lower-case character. Case-insensitive names also meet in capitals, so a
 * letter maps to what either of its cases looks like (Cyrillic "в" because "В" reads as "B").
 * "m" and its look-alikes map to "rn", the prototype confusables.txt gives "m".
 */
const PROTOTYPES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', г: 'r', е: 'e', һ: 'h', і: 'i', ј: 'j', к: 'k', ӏ: 'l', м: 'rn', н: 'h', о: 'o', п: 'n', р: 'p', с: 'c',
  т: 't', у: 'y', ү: 'y', х: 'x', ѕ: 's', ь: 'b', ԁ: 'd', ԛ: 'q', ԝ: 'w', ԍ: 'g', ѵ: 'v',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', ζ: 'z', η: 'n', ι: 'i', κ: 'k', μ: 'rn', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ω: 'w', ϲ: 'c', ϳ: 'j',
  // Latin look-alikes, digits
  ı: 'i', ɩ: 'i', ɑ: 'a', ɡ: 'g', ɒ: 'a', ʏ: 'y', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', '0': 'o', '1': 'l', m: 'rn',
};

export function usernameSkeleton(value: string): string {
  let mapped = '';
  for (const char of usernameKey(value).normalize('NFD')) mapped += PROTOTYPES[char] ?? char;
  return mapped.normalize('NFD');
}

export interface HiddenCharacter {
  /** "U+202E" */
  codePoint: string;
  kind: 'control' | 'bidirectional control' | 'invisible';
}

const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// Embeddings, overrides, isolates and marks (Unicode Standard Annex #9).
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Other format characters (zero-width space and joiners, word joiner, BOM, soft hyphen, tags),
// and letters and marks that render as nothing (combining grapheme joiner, Hangul fillers,
// Khmer inherent vowels).
const FORMAT = /\p{Cf}/u;
const BLANK_LETTERS = new Set([0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x3164, 0xffa0]);
const ZWJ = '\u200D';
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** Emoji modifiers (skin tones) and variation selectors may sit between an emoji and a joiner. */
function isEmojiTrailer(char: string): boolean {
  const codePoint = char.codePointAt(0)!;
  return (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) || codePoint === 0xfe0e || codePoint === 0xfe0f;
}

function isInvisible(char: string): boolean {
  return FORMAT.test(char) || BLANK_LETTERS.has(char.codePointAt(0)!);
}

/**
 * The first control, bidirectional-control or invisible character, if any. A zero-width
 * joiner is accepted only inside an emoji sequence (between two pictographs, as in 👩‍💻,
 * Unicode Technical Standard #51), where it is what draws the emoji.
 */
export function findHiddenCharacter(value: string): HiddenCharacter | undefined {
  const chars = [...value];
  for (const [index, char] of chars.entries()) {
    const kind = CONTROL.test(char) ? 'control' : BIDI.test(char) ? 'bidirectional control' : isInvisible(char) ? 'invisible' : undefined;
    if (!kind) continue;
    if (char === ZWJ && joinsEmoji(chars, index)) continue;
    return { codePoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, kind };
  }
  return undefined;
}

function joinsEmoji(chars: string[], index: number): boolean {
  let before = index - 1;
  while (before >= 0 && isEmojiTrailer(chars[before]!)) before -= 1;
  return before >= 0 && PICTOGRAPHIC.test(chars[before]!) && index + 1 < chars.length && PICTOGRAPHIC.test(chars[index + 1]!);
}

/** A sentence for a refused name: which character, and why. */
export function describeHiddenCharacter(hidden: HiddenCharacter): string {
  return `Remove the ${hidden.kind} character ${hidden.codePoint}: names may not contain control, bidirectional or invisible characters.`;
}
