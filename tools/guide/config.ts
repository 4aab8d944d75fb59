/**
 * The trainer kit's settings: a config file (guide.config.json) and command-line flags.
 * Pure functions, unit-tested in config.test.ts.
 */
import { z } from 'zod';

/** The scenarios, in the order a rollout guide tells them. */
export const scenarioIds = ['admin-setup', 'register-here', 'register-phone', 'sign-in', 'tap-onboarding', 'step-up', 'not-allowed', 'lost-phone', 'dashboard'] as const;
export type ScenarioId = (typeof scenarioIds)[number];

export const formats = ['html', 'md', 'pdf'] as const;
export type Format = (typeof formats)[number];

const DEFAULT_INTRO =
  'Passkeys replace passwords with a key pair: your device keeps the private key and unlocks it with your face, fingerprint or PIN, ' +
  'and the sign-in service keeps only the public key. This guide shows, step by step, how to set up and use one.';

export const guideConfigSchema = z.strictObject({
  /** The organisation rolling passkeys out, e.g. "Contoso". */
  organisation: z.string().trim().max(80).default(''),
  /** The app's name in the screenshots and the guide's title. */
  appName: z.string().trim().min(1).max(40).default('Passkey Lab'),
  /** A logo file (SVG, PNG, JPEG or WebP), relative to the config file; the lab's key mark when absent. */
  logo: z.string().trim().min(1).nullable().default(null),
  /** #rrggbb: buttons, links and headings, in the app and in the guide. */
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d4ed8')
    .default('#1d4ed8'),
  /** Which scenarios, in this order. */
  scenarios: z.array(z.enum(scenarioIds)).min(1).default([...scenarioIds]),
  /** The opening paragraph. */
  intro: z.string().trim().min(1).max(2000).default(DEFAULT_INTRO),
  /** The guide's title; default "<appName>: setting up and using passkeys". */
  title: z.string().trim().min(1).max(120).optional(),
});
export type GuideConfig = z.infer<typeof guideConfigSchema>;

export interface GuideOptions {
  /** Path of the config file, when one was given. */
  configPath: string | null;
  /** Overrides the config file's scenarios. */
  scenarios: ScenarioId[] | null;
  out: string;
  formats: Format[];
}

export const USAGE = `npm run guide -- [--config guide.config.json] [--scenarios ${scenarioIds.join(',')}] [--out guide] [--format html,md,pdf]`;

function listOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (items.length === 0 || unknown.length > 0) {
    throw new Error(`${flag}: ${unknown.length ? `unknown ${unknown.map((u) => JSON.stringify(u)).join(', ')}` : 'empty'}; choose from ${allowed.join(', ')}`);
  }
  return [...new Set(items)] as T[];
}

/** Parses `--flag value` and `--flag=value` arguments. Throws an Error whose message says what to fix. */
export function parseArgs(argv: readonly string[]): GuideOptions {
  const options: GuideOptions = { configPath: null, scenarios: null, out: 'guide', formats: [...formats] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value. Usage: ${USAGE}`);
    if (flag === '--config') options.configPath = value;
    else if (flag === '--scenarios') options.scenarios = listOf(flag, value, scenarioIds);
    else if (flag === '--out') options.out = value;
    else if (flag === '--format') options.formats = listOf(flag, value, formats);
    else throw new Error(`unknown option ${flag}. Usage: ${USAGE}`);
  }
  return options;
}

/** Validates a parsed config file; the message names the field. */
export function parseGuideConfig(input: unknown): GuideConfig {
  const parsed = guideConfigSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`guide config: ${issue.path.join('.') || '(document)'} ${issue.message}`);
}
