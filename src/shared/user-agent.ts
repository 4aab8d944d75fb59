/**
 * A person-readable guess of the browser and system behind a User-Agent string ("Chrome",
 * "Windows"). Good enough to say "Chrome on Windows asked to sign in" — not for decisions.
 */
const browsers: ReadonlyArray<readonly [RegExp, string]> = [
  [/Edg(?:e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/HeadlessChrome\//, 'Headless Chromium'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const systems: ReadonlyArray<readonly [RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

export function describeUserAgent(userAgent: string): { browser: string; os: string } {
  const match = (table: typeof browsers, fallback: string) => table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? fallback;
  return { browser: match(browsers, 'an unknown browser'), os: match(systems, 'an unknown system') };
}
