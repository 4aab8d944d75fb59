/**
 * A screen the guide drives: a browser context (a computer at 1280×800, or a phone at 360×740)
 * with a virtual authenticator standing in for the person's device, and a clock that stands
 * still at GUIDE_TIME so that the pictures never change by themselves.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { phoneContextOptions } from '../../e2e/fixtures/device';
import { type AuthenticatorOptions, Authenticators, type VirtualAuthenticator } from '../../testkit/playwright/virtual-authenticator';
import { GUIDE_TIME } from './lab';

export type DeviceKind = 'computer' | 'phone';

export class GuideDevice {
  private constructor(
    readonly kind: DeviceKind,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly authenticators: Authenticators,
    readonly authenticator: VirtualAuthenticator,
  ) {}

  static async open(browser: Browser, origin: string, kind: DeviceKind, authenticator: AuthenticatorOptions = {}): Promise<GuideDevice> {
    const context = await browser.newContext({
      baseURL: origin,
      locale: 'en-GB',
      timezoneId: 'UTC',
      colorScheme: 'light',
      reducedMotion: 'reduce',
      ...(kind === 'phone' ? { ...phoneContextOptions, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }),
    });
    // A step that cannot happen should fail the run quickly, with the screens saved.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(GUIDE_TIME));
    const authenticators = await Authenticators.attach(page);
    return new GuideDevice(kind, context, page, authenticators, await authenticators.add(authenticator));
  }

  async close(): Promise<void> {
    await this.authenticators.dispose();
    await this.context.close();
  }
}
