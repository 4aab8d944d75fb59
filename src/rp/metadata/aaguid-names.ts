import { acceptIcon, isRecord, type LoadResult, normaliseAaguid, ProblemList, readJsonFile } from './files.js';

/** One provider in the community passkey-provider list (passkey-authenticator-aaguids `aaguid.json`). */
export interface AaguidName {
  name: string;
  /** `data:image/...` URI for dark backgrounds. */
  iconDark?: string;
  /** `data:image/...` URI for light backgrounds. */
  iconLight?: string;
}

const MAX_NAME_LENGTH = 200;

/**
 * Reads a file in the community passkey-provider list format:
 * `{ "<lowercase aaguid>": { "name": "...", "icon_dark"?: "data:image/...", "icon_light"?: "data:image/..." } }`.
 *
 * Never throws: without a path nothing is loaded (and nothing is wrong); a missing, empty
 * (`{}`) or invalid file, and every entry that had to be skipped, is listed in `problems`.
 * Icons that are not `data:image/` URIs are dropped (they are never fetched).
 */
export function loadAaguidNames(path?: string): LoadResult<AaguidName> {
  const entries = new Map<string, AaguidName>();
  const problems: string[] = [];
  if (!path?.trim()) return { entries, problems };
  const file = readJsonFile(path, problems);
  if (!file.ok) return { entries, problems };
  if (!isRecord(file.value)) {
    problems.push(`${path}: expected a JSON object keyed by AAGUID (the passkey-authenticator-aaguids aaguid.json format), got ${describe(file.value)}.`);
    return { entries, problems };
  }
  const keys = Object.keys(file.value);
  if (keys.length === 0) {
    problems.push(`${path}: the file lists no authenticators ({}).`);
    return { entries, problems };
  }
  const list = new ProblemList(path, problems);
  let droppedIcons = 0;
  for (const key of keys) {
    const aaguid = normaliseAaguid(key);
    if (!aaguid) {
      list.add(`"${clip(key)}" is not an AAGUID (expected a UUID like ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4); skipped.`);
      continue;
    }
    const value = file.value[key];
    if (!isRecord(value) || typeof value.name !== 'string' || !value.name.trim()) {
      list.add(`${aaguid} has no "name"; skipped.`);
      continue;
    }
    const entry: AaguidName = { name: value.name.trim().slice(0, MAX_NAME_LENGTH) };
    const iconDark = acceptIcon(value.icon_dark);
    const iconLight = acceptIcon(value.icon_light);
    if (value.icon_dark !== undefined && !iconDark) droppedIcons += 1;
    if (value.icon_light !== undefined && !iconLight) droppedIcons += 1;
    if (iconDark) entry.iconDark = iconDark;
    if (iconLight) entry.iconLight = iconLight;
    entries.set(aaguid, entry);
  }
  list.finish();
  if (droppedIcons > 0) problems.push(`${path}: ${droppedIcons} icon(s) were not data:image/ URIs and were dropped (icons are never fetched).`);
  if (entries.size === 0) problems.push(`${path}: no usable entries.`);
  return { entries, problems };
}

export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

export const clip = (text: string, length = 60): string => (text.length > length ? `${text.slice(0, length - 3)}...` : text);
