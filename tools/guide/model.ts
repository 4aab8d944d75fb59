/** What a generated guide holds: sections (one per scenario) of numbered steps with a screenshot each. */
import type { GuideConfig } from './config';

export interface GuideStep {
  /** Numbered across the whole guide. */
  number: number;
  /** What to do, in plain words. May use **bold** for the names of buttons and fields. */
  instruction: string;
  /** Why it matters (optional). */
  why?: string;
  /** What happens outside the browser page (the device's own dialog, the phone): said, not pictured. */
  aside?: string;
  /**
   * The picture shows a simulated device (practice mode) where a real one would show its own
   * dialog: the caption says so, and what the real device would do.
   */
  simulated?: string;
  /** The screenshot, relative to the guide's folder. */
  image: string;
  /** Which screen it was taken on. */
  device: 'computer' | 'phone';
}

export interface GuideSection {
  id: string;
  title: string;
  /** Who this part is for and what it achieves. */
  summary: string;
  steps: GuideStep[];
}

export interface Guide {
  config: GuideConfig;
  /** The logo as a file in the guide's folder (relative path), or null for none. */
  logo: string | null;
  sections: GuideSection[];
}

export const guideTitle = (config: GuideConfig) => config.title ?? `${config.appName}: setting up and using passkeys`;
