/**
 * Generates the rollout guide: starts the lab in this process, drives it with Chromium and
 * virtual authenticators through the chosen scenarios, and writes index.html (+ images/),
 * guide.md and guide.pdf to the output folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../../e2e/chromium-executable';
import { imageDataUri } from '../../src/rp/branding';
import { brandingSchema } from '../../src/shared/branding';
import type { Format, GuideConfig, ScenarioId } from './config';
import { startLab } from './lab';
import type { Guide, GuideSection, GuideStep } from './model';
import { Recorder } from './recorder';
import { renderHtml, renderMarkdown, withoutPdfDates } from './render';
import { ScenarioRun } from './scenario';
import { scenarios as allScenarios } from './scenarios';

export interface GenerateOptions {
  config: GuideConfig;
  /** Where the config file is: its `logo` is relative to it. */
  configDir: string;
  scenarios: readonly ScenarioId[];
  out: string;
  formats: readonly Format[];
  /** The built SPA (vite build). */
  distDir: string;
  onProgress?: (message: string) => void;
}


export async function generateGuide(options: GenerateOptions): Promise<{ guide: Guide; files: string[] }> {
  const { config, out } = options;
  const progress = options.onProgress ?? (() => {});
  const logoFile = config.logo ? path.resolve(options.configDir, config.logo) : null;
  const branding = brandingSchema.parse({
    organisation: config.organisation,
    appName: config.appName,
    accentColor: config.accentColor,
    logo: logoFile ? imageDataUri(logoFile) : null,
  });

  fs.rmSync(path.join(out, 'images'), { recursive: true, force: true });
  if (fs.existsSync(out)) for (const file of fs.readdirSync(out)) if (file.startsWith('failure-')) fs.rmSync(path.join(out, file));
  fs.mkdirSync(path.join(out, 'images'), { recursive: true });
  const guide: Guide = { config, logo: null, sections: [] };
  if (logoFile) {
    guide.logo = `logo${path.extname(logoFile).toLowerCase()}`;
    fs.copyFileSync(logoFile, path.join(out, guide.logo));
  }

  const recorder = new Recorder(out, (step: GuideStep, section: GuideSection) => progress(`  ${step.number}. [${section.id}] ${step.instruction.replace(/\*\*/g, '')}`));
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    // Partial raster repaints only the changed part of a tile, and the anti-aliasing at the
    // seam can differ by one step from run to run (seen on a card's rounded border next to a
    // focused field): the same guide then gave different pictures. Whole tiles always.
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-partial-raster'],
  });
  const lab = await startLab({ distDir: options.distDir, branding });
  try {
    for (const id of options.scenarios) {
      const scenario = allScenarios[id];
      progress(`${scenario.title}`);
      const section: GuideSection = { id, title: scenario.title, summary: scenario.summary, steps: [] };
      guide.sections.push(section);
      lab.reset();
      const run = new ScenarioRun(lab, section, browser, recorder);
      try {
        await scenario.run(run);
      } catch (error) {
        const shots = await run.screenshotAll(path.join(out, `failure-${id}`));
        throw new Error(
          `scenario ${id} failed after ${section.steps.length} steps: ${error instanceof Error ? error.message : String(error)}` +
            (shots.length ? `\nWhat the screens showed: ${shots.join(', ')}` : ''),
          { cause: error },
        );
      } finally {
        await run.close();
      }
    }

    const files: string[] = [];
    const html = renderHtml(guide);
    if (options.formats.includes('html') || options.formats.includes('pdf')) {
      fs.writeFileSync(path.join(out, 'index.html'), html);
      files.push('index.html');
    }
    if (options.formats.includes('md')) {
      fs.writeFileSync(path.join(out, 'guide.md'), renderMarkdown(guide));
      files.push('guide.md');
    }
    if (options.formats.includes('pdf')) {
      progress('Printing the PDF');
      const page = await browser.newPage();
      await page.goto(`file://${path.resolve(out, 'index.html')}`);
      await page.evaluate(() => Promise.all([document.fonts.ready, ...[...document.images].map((image) => image.decode())]));
      const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
      fs.writeFileSync(path.join(out, 'guide.pdf'), withoutPdfDates(pdf));
      files.push('guide.pdf');
      await page.close();
    }
    return { guide, files };
  } finally {
    await lab.close();
    await browser.close();
  }
}
