import { readFileSync } from 'node:fs';

/** The result of reading a metadata file: what could be used, and what was wrong (never a throw). */
export interface LoadResult<T> {
  entries: Map<string, T>;
  problems: string[];
}

const AAGUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Problems listed one by one before the rest are summed up, so a broken file cannot flood the log. */
export const MAX_LISTED_PROBLEMS = 10;

/** A lowercase AAGUID, or null when the text is not one. */
export function normaliseAaguid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const aaguid = value.trim().toLowerCase();
  return AAGUID.test(aaguid) ? aaguid : null;
}

/** Icons are only ever inline images: anything but a `data:image/...` URI is dropped (nothing is fetched). */
export const MAX_ICON_CHARS = 100_000;
export function acceptIcon(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!/^data:image\/[a-z0-9.+-]+[;,]/i.test(value) || value.length > MAX_ICON_CHARS) return undefined;
  return value;
}

/** Reads and parses a JSON file; a missing, empty or unparsable file is a problem, not a throw. */
export function readJsonFile(
  path: string,
  problems: string[],
  /** A better explanation for text that is not JSON (e.g. a signed BLOB). */
  notJsonHint?: (text: string) => string | undefined,
): { ok: true; value: unknown } | { ok: false } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(
      code === 'ENOENT'
        ? `${path}: the file does not exist.`
        : code === 'EISDIR'
          ? `${path}: this is a folder, not a file.`
          : `${path}: the file could not be read (${code ?? 'unknown error'}).`,
    );
    return { ok: false };
  }
  if (!text.trim()) {
    problems.push(`${path}: the file is empty.`);
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    problems.push(`${path}: ${notJsonHint?.(text) ?? `the file is not valid JSON (${shortReason(error)}).`}`);
    return { ok: false };
  }
}

/** Collects per-entry problems, listing the first few and counting the rest. */
export class ProblemList {
  private listed = 0;
  private skipped = 0;

  constructor(
    private readonly path: string,
    private readonly problems: string[],
  ) {}

  add(message: string): void {
    if (this.listed < MAX_LISTED_PROBLEMS) {
      this.problems.push(`${this.path}: ${message}`);
      this.listed += 1;
    } else this.skipped += 1;
  }

  finish(): void {
    if (this.skipped > 0) this.problems.push(`${this.path}: ${this.skipped} more problem(s) like these were not listed.`);
  }
}

export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? '';
  return firstLine.length > 160 ? `${firstLine.slice(0, 157)}...` : firstLine;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
