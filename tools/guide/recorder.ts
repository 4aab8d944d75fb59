/**
 * Takes a guide step: the element to use outlined, a screenshot of the screen as a person sees
 * it (nothing random on it: QR codes, codes and links are masked), and the words around it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { GuideSection, GuideStep } from './model';

export interface StepInput {
  instruction: string;
  why?: string;
  aside?: string;
  /** The picture shows the simulator's prompt or practice mode: the caption says it is simulated (see GuideStep). */
  simulated?: string;
  /** The element to click or fill: outlined on the screenshot, scrolled into view. */
  target?: Locator;
  /** Anything that differs at every run (QR codes, one-time codes, links with ids): painted over. */
  mask?: Locator[];
}

/**
 * The outline around the element to use. Set through the elements' CSSOM style, which the lab's
 * Content-Security-Policy (`style-src 'self'`) allows; a stylesheet injected for the screenshot
 * would be blocked by it.
 */
const OUTLINE: Record<string, string> = { outline: '4px solid #e11d48', 'outline-offset': '3px', 'border-radius': '6px' };

/**
 * What differs at every run is masked, and its ink hidden too: the mask covers the element's box,
 * but an underline or a descender of a random link can reach a pixel below it.
 */
const HIDDEN_INK: Record<string, string> = { color: 'transparent', 'text-decoration-color': 'transparent', 'text-shadow': 'none' };

/** Sets CSSOM styles on every element a locator matches; returns how to put them back. */
async function setStyles(locator: Locator, styles: Record<string, string>): Promise<() => Promise<void>> {
  const before = await locator.evaluateAll(
    (elements: HTMLElement[], styles) =>
      elements.map((element) => {
        const old = Object.fromEntries(Object.keys(styles).map((name) => [name, element.style.getPropertyValue(name)]));
        for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
        return old;
      }),
    styles,
  );
  return async () => {
    await locator.evaluateAll(
      (elements: HTMLElement[], before) =>
        elements.forEach((element, i) => {
          for (const [name, value] of Object.entries(before[i] ?? {})) element.style.setProperty(name, value);
        }),
      before,
    );
  };
}

/**
 * A screenshot taken again until two in a row are the same: what is still painting (a control
 * that was just checked, a chunk that just arrived) settles first, so every run gives the same picture.
 */
async function stableScreenshot(page: Page, mask: Locator[] | undefined): Promise<Buffer> {
  const take = () => page.screenshot({ animations: 'disabled', caret: 'hide', ...(mask ? { mask, maskColor: '#9ca3af' } : {}) });
  let previous = await take();
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.waitForTimeout(100);
    const next = await take();
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('the page did not stop changing, so its screenshot would differ at every run');
}

export class Recorder {
  private count = 0;

  constructor(
    private readonly outDir: string,
    private readonly onStep: (step: GuideStep, section: GuideSection) => void = () => {},
  ) {}

  get steps(): number {
    return this.count;
  }

  async step(section: GuideSection, page: Page, device: GuideStep['device'], input: StepInput): Promise<void> {
    const number = ++this.count;
    const image = `images/${String(number).padStart(2, '0')}-${section.id}.png`;
    if (input.target) await input.target.scrollIntoViewIfNeeded();
    const restore = [
      ...(input.target ? [await setStyles(input.target, OUTLINE)] : []),
      ...(await Promise.all((input.mask ?? []).map((locator) => setStyles(locator, HIDDEN_INK)))),
    ];
    await page.evaluate(() => document.fonts.ready);
    fs.writeFileSync(path.join(this.outDir, image), await stableScreenshot(page, input.mask));
    for (const undo of restore.reverse()) await undo();
    const step: GuideStep = {
      number,
      instruction: input.instruction,
      image,
      device,
      ...(input.why ? { why: input.why } : {}),
      ...(input.aside ? { aside: input.aside } : {}),
      ...(input.simulated ? { simulated: input.simulated } : {}),
    };
    section.steps.push(step);
    this.onStep(step, section);
  }
}
