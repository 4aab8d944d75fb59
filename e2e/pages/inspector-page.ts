import type { Locator, Page } from '@playwright/test';
import { CeremonyPanel, type DownloadedJson, downloadJson, type TranscriptBundle } from './ceremony-panel';

/** One entry of "Recent ceremonies in this browser session": a title line and its panel. */
export class RecentCeremony {
  /** "<time> · Sign-in · accepted" / "… · Registration · refused (signature_invalid)". */
  readonly title: Locator;
  readonly panel: CeremonyPanel;

  constructor(
    page: Page,
    readonly root: Locator,
  ) {
    this.title = root.locator(':scope > p').first();
    this.panel = new CeremonyPanel(page, root);
  }
}

/**
 * /inspector: this browser session's recent ceremonies (sessionStorage, newest first), each with
 * its "Show what happened" panel, and the decoder ("Decode a response", POST /api/inspect).
 */
export class InspectorPage {
  readonly heading: Locator;
  readonly recentSection: Locator;
  /** One item per ceremony, newest first (the items of the list itself, not of the panels' check lists). */
  readonly ceremonies: Locator;
  /** "No ceremonies yet in this browser session. …" */
  readonly empty: Locator;
  readonly downloadAllButton: Locator;
  readonly copyAllButton: Locator;
  readonly clearButton: Locator;

  /** The "Decode a response" section. */
  readonly decoder: Locator;
  readonly decoderInput: Locator;
  readonly decodeButton: Locator;
  /** role="status": "Recognised as: registration response". */
  readonly recognisedAs: Locator;
  /** role="alert" in the decoder: "This could not be decoded." + the relying party's message naming the part. */
  readonly decoderError: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Ceremony inspector', exact: true, level: 1 });
    this.recentSection = page.getByRole('region', { name: 'Recent ceremonies in this browser session', exact: true });
    this.ceremonies = this.recentSection.getByRole('list', { name: 'Recent ceremonies in this browser session', exact: true }).locator(':scope > li');
    this.empty = this.recentSection.getByText(/^No ceremonies yet in this browser session\./);
    this.downloadAllButton = this.recentSection.getByRole('button', { name: 'Download all', exact: true });
    this.copyAllButton = this.recentSection.getByRole('button', { name: 'Copy all', exact: true });
    this.clearButton = this.recentSection.getByRole('button', { name: 'Clear', exact: true });

    this.decoder = page.getByRole('region', { name: 'Decode a response', exact: true });
    this.decoderInput = this.decoder.getByRole('textbox', { name: 'Response to decode', exact: true });
    this.decodeButton = this.decoder.getByRole('button', { name: 'Decode', exact: true });
    this.recognisedAs = this.decoder.getByRole('status').filter({ hasText: /^Recognised as: / });
    this.decoderError = this.decoder.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.goto('/inspector');
  }

  /** The n-th ceremony of the list, 0 = the newest. */
  ceremony(index: number): RecentCeremony {
    return new RecentCeremony(this.page, this.ceremonies.nth(index));
  }

  /** "Download all": every listed ceremony in one JSON file. */
  async downloadAll(): Promise<DownloadedJson<TranscriptBundle>> {
    return downloadJson<TranscriptBundle>(this.page, this.downloadAllButton);
  }

  async clear(): Promise<void> {
    await this.clearButton.click();
  }

  /** Pastes text into "Response to decode" and presses "Decode". */
  async decode(text: string): Promise<void> {
    await this.decoderInput.fill(text);
    await this.decodeButton.click();
  }

  /**
   * The decoded value of a fact ("AAGUID", "Provider", "Format", …): the <dd> after the <dt>
   * with exactly that text, anywhere in the decoder's result.
   */
  decodedFact(term: string): Locator {
    return this.decoder
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }
}
