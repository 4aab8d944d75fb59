/** What a scenario script gets: the lab, its screens, and `step()` to record what a person does. */
import type { Browser } from '@playwright/test';
import { PracticeMode } from '../../e2e/pages/practice-mode';
import { PRACTICE_STORAGE_KEY } from '../../src/features/practice-mode/practice-store';
import type { AuthenticatorOptions } from '../../testkit/playwright/virtual-authenticator';
import type { ScenarioId } from './config';
import { GuideDevice } from './device';
import { GUIDE_ADMIN, type Lab } from './lab';
import type { GuideSection } from './model';
import type { Recorder, StepInput } from './recorder';

export interface Scenario {
  id: ScenarioId;
  title: string;
  summary: string;
  run(run: ScenarioRun): Promise<void>;
}

export class ScenarioRun {
  private readonly devices: GuideDevice[] = [];

  constructor(
    readonly lab: Lab,
    readonly section: GuideSection,
    private readonly browser: Browser,
    private readonly recorder: Recorder,
  ) {}

  /** A new screen with its own cookies and authenticator. */
  async open(kind: GuideDevice['kind'], authenticator: AuthenticatorOptions = {}): Promise<GuideDevice> {
    const device = await GuideDevice.open(this.browser, this.lab.origin, kind, authenticator);
    this.devices.push(device);
    return device;
  }

  /**
   * The tenant admin's computer, already signed in (the admin registered off camera). With
   * `simulated`, the admin's passkey is on that simulated device (practice mode, approving by
   * itself), e.g. "Microsoft Authenticator on iPhone", so a Microsoft-only allow list keeps them in.
   */
  async admin({ simulated }: { simulated?: string } = {}): Promise<GuideDevice> {
    const device = await this.open('computer');
    if (simulated) {
      await device.page.goto('/register');
      await this.practise(device, simulated, { autoApprove: true });
    }
    await this.register(device, GUIDE_ADMIN, 'Alex Admin');
    return device;
  }

  /**
   * Turns practice mode on in this screen's tab, off camera: the simulated `deviceName` answers
   * every passkey request there (through the page's button, or the header menu on a page without one).
   */
  async practise(device: GuideDevice, deviceName: string, { autoApprove = false }: { autoApprove?: boolean } = {}): Promise<PracticeMode> {
    const practice = new PracticeMode(device.page);
    await practice.use(deviceName);
    if (autoApprove) await practice.approveAutomatically.check();
    return practice;
  }

  /** Practice mode's chooser, once it is open (opened on camera by the scenario). */
  async practiseReady(device: GuideDevice): Promise<PracticeMode> {
    const practice = new PracticeMode(device.page);
    await practice.chooser.waitFor();
    return practice;
  }

  /** Registers an account through the UI without recording it (a scenario's starting point). */
  async register(device: GuideDevice, username: string, displayName: string): Promise<void> {
    await device.page.goto('/register');
    await device.page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
    await device.page.getByRole('textbox', { name: 'Display name', exact: true }).fill(displayName);
    await device.page.getByRole('button', { name: 'Create a passkey', exact: true }).click();
    await device.page.getByRole('heading', { name: 'Your passkey is ready' }).waitFor();
  }

  async step(device: GuideDevice, input: StepInput): Promise<void> {
    // Practice mode's banner mounts once its code has loaded after a page load: a screen in
    // practice mode is pictured with it, never in the moment before it appears.
    const practising = await device.page.evaluate((key) => sessionStorage.getItem(key) !== null, PRACTICE_STORAGE_KEY);
    if (practising) await new PracticeMode(device.page).banner.waitFor();
    return this.recorder.step(this.section, device.page, device.kind, input);
  }

  /** After a failure: what each screen showed, to see why (written beside the guide). */
  async screenshotAll(prefix: string): Promise<string[]> {
    const files: string[] = [];
    for (const [i, device] of this.devices.entries()) {
      const file = `${prefix}-${i + 1}-${device.kind}.png`;
      await device.page.screenshot({ path: file }).then(() => files.push(file), () => {});
    }
    return files;
  }

  async close(): Promise<void> {
    for (const device of this.devices.splice(0)) await device.close();
  }
}
