import { describe, expect, it } from 'vitest';
import { describeHiddenCharacter, findHiddenCharacter, normaliseUsername, usernameKey, usernameSkeleton } from './usernames';

describe('normaliseUsername (NFKC)', () => {
  it.each([
    ['ｈｇ＿ａｄｍｉｎ', 'hg_admin'], // fullwidth
    ['ﬁle', 'file'], // ligature
    ['𝐚𝐥𝐢𝐜𝐞', 'alice'], // mathematical bold
    ['  bob ', 'bob'],
    ['A\u0308rger', 'Ärger'], // decomposed → composed
  ])('%j → %j', (input, expected) => {
    expect(normaliseUsername(input)).toBe(expected);
  });
});

describe('usernameKey', () => {
  it('is case-insensitive beyond ASCII', () => {
    expect(usernameKey('Ärger')).toBe(usernameKey('äRGER'));
    expect(usernameKey('STRASSE')).toBe(usernameKey('straße'));
    expect(usernameKey('ΣΟΦΙΑ')).toBe(usernameKey('σοφια'));
    expect(usernameKey('ＡＤＭＩＮ')).toBe('admin');
  });

  it('keeps different names apart', () => {
    expect(usernameKey('ärger')).not.toBe(usernameKey('arger'));
    expect(usernameKey('hg_admin')).not.toBe(usernameKey('hg_аdmin'));
  });
});

describe('usernameSkeleton (UTS #39)', () => {
  it.each([
    ['hg_admin', 'hg_аdmin'], // Cyrillic а
    ['paypal', 'раураl'], // Cyrillic р, а, у
    ['BOB', 'ВОВ'], // Cyrillic capitals
    ['nikos', 'nικοs'], // Greek ι, κ, ο
    ['alice', 'аlicе'],
    ['modern', 'rnodern'], // rn for m
    ['oliver1', 'o1iver1'], // 1 for l
    ['john0', 'johno'],
    ['ｍａｒｋ', 'mark'],
  ])('%j and %j share a skeleton', (a, b) => {
    expect(usernameSkeleton(a)).toBe(usernameSkeleton(b));
  });

  it.each([
    ['alice', 'alicia'],
    ['ärger', 'arger'], // a diacritic is a different letter, not a look-alike
    ['bob', 'rob'],
  ])('%j and %j do not', (a, b) => {
    expect(usernameSkeleton(a)).not.toBe(usernameSkeleton(b));
  });
});

describe('findHiddenCharacter', () => {
  it.each([
    ['tab\there', 'control', 'U+0009'],
    ['new\nline', 'control', 'U+000A'],
    ['del\u007f', 'control', 'U+007F'],
    ['c1\u0085', 'control', 'U+0085'],
    ['evil\u202Egnp.exe', 'bidirectional control', 'U+202E'],
    ['isolate\u2066x\u2069', 'bidirectional control', 'U+2066'],
    ['rtl\u200Fmark', 'bidirectional control', 'U+200F'],
    ['zero\u200Bwidth', 'invisible', 'U+200B'],
    ['non\u200Cjoiner', 'invisible', 'U+200C'],
    ['joiner\u200Dalone', 'invisible', 'U+200D'],
    ['word\u2060joiner', 'invisible', 'U+2060'],
    ['\uFEFFbom', 'invisible', 'U+FEFF'],
    ['soft\u00ADhyphen', 'invisible', 'U+00AD'],
    ['filler\u3164', 'invisible', 'U+3164'],
    ['line\u2028sep', 'control', 'U+2028'],
  ])('%j: %s %s', (value, kind, codePoint) => {
    expect(findHiddenCharacter(value)).toEqual({ kind, codePoint });
  });

  it.each(['Work laptop', 'Zoë’s YubiKey 5C', '名前', 'مرحبا', '👩‍💻 laptop', '👨🏽‍🚀', '❤️‍🔥 key', 'Ärger & Co.'])('accepts %j', (value) => {
    expect(findHiddenCharacter(value)).toBeUndefined();
  });

  it('says which character and why', () => {
    expect(describeHiddenCharacter(findHiddenCharacter('a\u202Eb')!)).toMatch(/bidirectional control character U\+202E/);
  });
});
