import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { checkName } from '../../src/lib/ceremony-report';
import type { CeremonyReport } from '../../src/shared/schemas';

/** The relying party's check ids (docs/api.md, "Ceremony report"), in the order it makes them. */
export type CheckId = CeremonyReport['checks'][number]['id'];

/** Registration of a new account, every check passing (docs/api.md, "Ceremony report"). */
export const registrationChecks: readonly CheckId[] = [
  'challenge',
  'origin',
  'type',
  'rpIdHash',
  'userPresence',
  'userVerification',
  'backupFlags',
  'credentialId',
  'publicKey',
  'attestation',
  'credentialUnique',
  'policy',
];

/** A sign-in, every check passing. */
export const authenticationChecks: readonly CheckId[] = [
  'challenge',
  'origin',
  'type',
  'credential',
  'userHandle',
  'rpIdHash',
  'userPresence',
  'userVerification',
  'backupFlags',
  'signature',
  'counter',
  'policy',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text of one item of the check list, as the panel shows it: the check in the SPA's words
 * (src/lib/ceremony-report.ts `checkNames`), "passed" or "failed", then the relying party's
 * message — e.g. "✓ Signature counter passed: signCount rose from 1 to 2.".
 */
export function checkLine(id: CheckId, passed: boolean): RegExp {
  return new RegExp(`^[✓✗]?\\s*${escapeRegExp(checkName(id))} ${passed ? 'passed' : 'failed'}:`);
}

/** Every check of `ids` passed, in that order: for `expect(panel.checks).toHaveText(...)`. */
export function allPassed(ids: readonly CheckId[]): RegExp[] {
  return ids.map((id) => checkLine(id, true));
}

/** A transcript file as "Download transcript" saves it (src/lib/transcript.ts). */
export interface Transcript {
  lab: string;
  exportedAt: string;
  ceremony: CeremonyReport['ceremony'];
  outcome: string;
  report: CeremonyReport;
}

/** What "Download all" on /inspector saves. */
export interface TranscriptBundle {
  lab: string;
  exportedAt: string;
  ceremonies: (Omit<Transcript, 'lab' | 'exportedAt'> & { at: string })[];
}

/** A file the page downloaded: its text as saved, and that text parsed. */
export interface DownloadedJson<T> {
  fileName: string;
  text: string;
  json: T;
}

/** Clicks a button that downloads a JSON file and reads the file. */
export async function downloadJson<T>(page: Page, button: Locator): Promise<DownloadedJson<T>> {
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  const text = await readFile(await download.path(), 'utf8');
  return { fileName: download.suggestedFilename(), text, json: JSON.parse(text) as T };
}

/** Clicks the summary of a closed <details>; an open one stays open. */
async function openDetails(details: Locator): Promise<void> {
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator(':scope > summary').click();
}

/**
 * "Show what happened": the <details> beside every ceremony (on /register, /sign-in, /account,
 * and one per ceremony on /inspector). Closed at first; `open()` opens it like a person would.
 */
export class CeremonyPanel {
  readonly root: Locator;
  readonly summary: Locator;
  /** "Registration accepted: all 8 checks passed." / "Sign-in refused at the check “Signature”." */
  readonly outcome: Locator;
  /** The ordered list "The checks the relying party made, in order". */
  readonly checkList: Locator;
  /** Its items, in order: "<check in words> passed|failed: <message>". */
  readonly checks: Locator;
  /** The failed items (at most one: the relying party stops at the first failure). */
  readonly failedChecks: Locator;
  /** "What the server asked": the options, as JSON. */
  readonly serverAsked: Locator;
  /** "What came back": the response, decoded. */
  readonly cameBack: Locator;
  readonly copyButton: Locator;
  readonly downloadButton: Locator;

  /** The panel inside `scope` (a page, or e.g. one entry of the inspector's list). */
  constructor(
    readonly page: Page,
    scope: Page | Locator = page,
  ) {
    this.root = scope.locator('details').filter({ has: page.locator('summary').filter({ hasText: /^Show what happened$/ }) });
    this.summary = this.root.locator('summary').filter({ hasText: /^Show what happened$/ });
    this.outcome = this.root.getByText(/^(Registration|Sign-in) (accepted|refused)/);
    this.checkList = this.root.getByRole('list', { name: 'The checks the relying party made, in order', exact: true });
    this.checks = this.checkList.getByRole('listitem');
    this.failedChecks = this.checks.filter({ hasText: / failed:/ });
    this.serverAsked = this.root.locator('details').filter({ has: page.locator('summary').filter({ hasText: /^What the server asked$/ }) });
    this.cameBack = this.root.locator('details').filter({ has: page.locator('summary').filter({ hasText: /^What came back$/ }) });
    this.copyButton = this.root.getByRole('button', { name: 'Copy transcript', exact: true });
    this.downloadButton = this.root.getByRole('button', { name: 'Download transcript', exact: true });
  }

  /** The item of one check, e.g. `check('signature')`. */
  check(id: CheckId): Locator {
    return this.checks.filter({ has: this.page.locator('strong').filter({ hasText: new RegExp(`^${escapeRegExp(checkName(id))}$`) }) });
  }

  async isOpen(): Promise<boolean> {
    return this.root.evaluate((details) => (details as HTMLDetailsElement).open);
  }

  /** Opens the panel (clicks "Show what happened" unless it is open already). */
  async open(): Promise<void> {
    await openDetails(this.root);
  }

  /** Opens "What the server asked" (the panel must be open). */
  async showServerAsked(): Promise<void> {
    await openDetails(this.serverAsked);
  }

  /** Opens "What came back" (the panel must be open). */
  async showWhatCameBack(): Promise<void> {
    await openDetails(this.cameBack);
  }

  /** "Download transcript": the saved file, parsed. */
  async downloadTranscript(): Promise<DownloadedJson<Transcript>> {
    return downloadJson<Transcript>(this.page, this.downloadButton);
  }
}
