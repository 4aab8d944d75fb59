/**
 * How deeply JSON text nests, found by scanning the text rather than parsing it: a parser or
 * a serialiser that recurses (JSON.stringify does) overflows the stack on a few thousand
 * levels, so depth is refused before anything recurses. Pure; runs in one pass.
 */

/**
 * Objects and arrays may nest this deep, in request bodies and in JSON carried inside them
 * (clientDataJSON). No WebAuthn structure comes close: clientDataJSON is flat, and extension
 * outputs nest two or three levels.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * The deepest nesting of objects and arrays in `text` (0 for a scalar). Brackets inside
 * strings do not count. The scan stops as soon as the depth passes `stopAbove`, so a
 * hostile input costs no more than it takes to find out.
 */
export function jsonNestingDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i += 1;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_OBJECT || char === OPEN_ARRAY) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
  return deepest;
}

/** How many `{` and `[` `text` holds (strings included), counting no further than `stopAbove` + 1. */
function openingBrackets(text: string, stopAbove: number): number {
  let count = 0;
  for (const char of ['{', '[']) {
    // indexOf skips ahead far faster than a loop over every character.
    for (let at = text.indexOf(char); at !== -1 && count <= stopAbove; at = text.indexOf(char, at + 1)) count += 1;
  }
  return count;
}

/**
 * True when `text` nests objects and arrays deeper than `limit`. A text with no more than
 * `limit` opening brackets in all cannot, which spares the character scan for almost every
 * request: a WebAuthn response is long base64url strings around a handful of braces.
 */
export function nestsTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  return openingBrackets(text, limit) > limit && jsonNestingDepth(text, limit) > limit;
}
