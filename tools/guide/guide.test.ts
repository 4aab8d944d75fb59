/**
 * Runs the guide generator for real (the lab in this process, Chromium, virtual authenticators)
 * on a small subset of scenarios, and checks what a trainer gets: every step has an instruction
 * and a picture that decodes, the HTML and Markdown link only to files that exist, the PDF has
 * a cover page plus one page per step, and a second run gives the same bytes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGuideConfig, type ScenarioId } from './config';
import { generateGuide } from './generate';
import type { Guide } from './model';

/** Decodes a PNG (8-bit RGB or RGBA, as Chromium writes them): signature, chunk CRCs, IHDR, and the pixels, unfiltered. */
function decodePng(bytes: Buffer): { width: number; height: number; channels: number; pixels: Buffer } {
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colourType: number } | undefined;
  const data: Buffer[] = [];
  for (;;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8]!, colourType: body[9]! };
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (!header) throw new Error('no IHDR');
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[header.colourType as 0 | 2 | 3 | 4 | 6];
  const rowBytes = Math.ceil((header.width * channels * header.bitDepth) / 8);
  const pixels = inflateSync(Buffer.concat(data));
  if (pixels.length !== header.height * (rowBytes + 1)) throw new Error(`pixel data is ${pixels.length} bytes, expected ${header.height * (rowBytes + 1)}`);
  if (header.bitDepth !== 8 || (channels !== 3 && channels !== 4)) throw new Error('only 8-bit RGB(A) is decoded further');
  // Undo each row's filter (PNG spec §9): None, Sub, Up, Average, Paeth.
  const out = Buffer.alloc(header.height * rowBytes);
  for (let y = 0; y < header.height; y++) {
    const filter = pixels[y * (rowBytes + 1)]!;
    const row = y * rowBytes;
    const source = row + y + 1;
    for (let x = 0; x < rowBytes; x++) {
      const a = x >= channels ? out[row + x - channels]! : 0;
      const b = y > 0 ? out[row - rowBytes + x]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const c = x >= channels && y > 0 ? out[row - rowBytes + x - channels]! : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[row + x] = (pixels[source + x]! + predictor) & 0xff;
    }
  }
  return { width: header.width, height: header.height, channels, pixels: out };
}

/** How many pixels have exactly this colour. */
function pixelsOfColour({ pixels, channels }: { pixels: Buffer; channels: number }, [r, g, b]: [number, number, number]): number {
  let count = 0;
  for (let i = 0; i + 2 < pixels.length; i += channels) if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) count++;
  return count;
}

/** Pages of a PDF as Chromium writes it (one `/Type /Page` object per page). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

// The admin's set-up too: it drives the policy editor, whose rules change more often than the rest.
const SCENARIOS: ScenarioId[] = ['admin-setup', 'register-here', 'not-allowed'];
let dist: string;
let out: string;
let guide: Guide;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-guide-'));
  dist = path.join(root, 'dist');
  out = path.join(root, 'guide');
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--logLevel', 'error']);
  const config = parseGuideConfig({ organisation: 'Contoso', appName: 'Contoso Sign-in', accentColor: '#0f766e', scenarios: SCENARIOS });
  ({ guide } = await generateGuide({ config, configDir: process.cwd(), scenarios: SCENARIOS, out, formats: ['html', 'md', 'pdf'], distDir: dist }));
}, 180_000);

afterAll(() => {
  if (dist) fs.rmSync(path.dirname(dist), { recursive: true, force: true });
});

describe('the generated guide', () => {
  it('has the chosen sections, and every step an instruction and a picture that decodes', () => {
    expect(guide.sections.map((section) => section.id)).toEqual(SCENARIOS);
    const steps = guide.sections.flatMap((section) => section.steps);
    expect(steps.length).toBeGreaterThanOrEqual(6);
    expect(steps.map((step) => step.number)).toEqual(steps.map((_, i) => i + 1));
    for (const step of steps) {
      expect(step.instruction.trim().length, `step ${step.number}`).toBeGreaterThan(10);
      const { width, height } = decodePng(fs.readFileSync(path.join(out, step.image)));
      expect(width).toBe(step.device === 'phone' ? 720 : 1280);
      expect(height).toBeGreaterThan(500);
    }
  });

  it('outlines the element to use on the pictures (drawn under the lab’s Content-Security-Policy)', () => {
    // The recorder's outline colour, #e11d48. Every scenario here has steps with a target.
    const outlined = guide.sections
      .flatMap((section) => section.steps)
      .filter((step) => pixelsOfColour(decodePng(fs.readFileSync(path.join(out, step.image))), [0xe1, 0x1d, 0x48]) > 100);
    expect(outlined.length).toBeGreaterThanOrEqual(3);
  });

  it('links only to pictures that exist, in the HTML and in the Markdown', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const markdown = fs.readFileSync(path.join(out, 'guide.md'), 'utf8');
    const htmlImages = [...html.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const mdImages = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    const steps = guide.sections.flatMap((section) => section.steps);
    expect(htmlImages).toHaveLength(steps.length);
    expect(mdImages).toHaveLength(steps.length);
    for (const image of [...htmlImages, ...mdImages]) expect(fs.existsSync(path.join(out, image)), image).toBe(true);
    expect(html).toContain('Contoso Sign-in: setting up and using passkeys');
    expect(html).not.toMatch(/https?:\/\//); // works offline: nothing is fetched from anywhere
  });

  it('prints a cover page and one page per step to PDF', () => {
    const steps = guide.sections.flatMap((section) => section.steps).length;
    expect(pdfPages(fs.readFileSync(path.join(out, 'guide.pdf')))).toBe(1 + steps);
  });

  it('captions the simulated device’s prompt as simulated, where a real device would show its own', () => {
    // not-allowed: the person's iCloud Keychain is simulated by practice mode.
    const simulated = guide.sections.flatMap((section) => section.steps).filter((step) => step.simulated);
    expect(simulated.length).toBeGreaterThanOrEqual(1);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<strong class="simulated">Simulated device:</strong>');
    expect(fs.readFileSync(path.join(out, 'guide.md'), 'utf8')).toContain('*Simulated device:*');
  });

  it('carries the organisation’s accent colour', () => {
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('--accent: #0f766e');
  });

  it('is the same, byte for byte, when generated again', async () => {
    const again = path.join(path.dirname(out), 'again');
    const config = parseGuideConfig({ organisation: 'Contoso', appName: 'Contoso Sign-in', accentColor: '#0f766e', scenarios: SCENARIOS });
    await generateGuide({ config, configDir: process.cwd(), scenarios: SCENARIOS, out: again, formats: ['html', 'md', 'pdf'], distDir: dist });
    const files = ['index.html', 'guide.md', 'guide.pdf', ...guide.sections.flatMap((s) => s.steps.map((step) => step.image))];
    const differing = files.filter((file) => !fs.readFileSync(path.join(again, file)).equals(fs.readFileSync(path.join(out, file))));
    // Every file that differs is named (a picture that differs also changes the PDF), and both runs
    // are kept for a look when GUIDE_KEEP_OUTPUT is set.
    if (differing.length && process.env.GUIDE_KEEP_OUTPUT) fs.cpSync(path.dirname(out), process.env.GUIDE_KEEP_OUTPUT, { recursive: true });
    expect(differing).toEqual([]);
  }, 180_000);
});
