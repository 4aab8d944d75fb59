/**
 * The guide as HTML (self-contained: inline styles, images beside it, works offline; printed to
 * PDF with one step per page after a cover page) and as Markdown. Pure functions of the model:
 * the same guide always gives the same bytes.
 */
import { contrastingText } from '../../src/shared/branding';
import { type Guide, type GuideStep, guideTitle } from './model';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Escapes, then turns **words** into <strong>words</strong> (the names of buttons and fields). */
export function inlineHtml(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

function stepHtml(step: GuideStep, sectionHeading: string): string {
  const alt = `Step ${step.number}: ${step.instruction.replace(/\*\*/g, '')}`;
  return `
    <article class="step step--${step.device}" id="step-${step.number}">
      ${sectionHeading}
      <h3><span class="step__number">${step.number}</span><span>${inlineHtml(step.instruction)}</span></h3>
      ${step.aside ? `<p class="aside"><strong>Outside the browser:</strong> ${inlineHtml(step.aside)}</p>` : ''}
      ${step.why ? `<p class="why"><strong>Why:</strong> ${inlineHtml(step.why)}</p>` : ''}
      <figure><img src="${escapeHtml(step.image)}" alt="${escapeHtml(alt)}"><figcaption>${step.device === 'phone' ? 'On the phone' : 'On the computer'}${
        step.simulated ? ` — <strong class="simulated">Simulated device:</strong> ${inlineHtml(step.simulated)}` : ''
      }</figcaption></figure>
    </article>`;
}

export function renderHtml(guide: Guide): string {
  const { config } = guide;
  const title = guideTitle(config);
  const accent = config.accentColor;
  const contents = guide.sections.map((section) => `<li><a href="#${section.id}">${escapeHtml(section.title)}</a></li>`).join('');
  const body = guide.sections
    .map((section) =>
      section.steps
        .map((step, index) =>
          stepHtml(
            step,
            index === 0 ? `<header class="section" id="${section.id}"><h2>${escapeHtml(section.title)}</h2><p>${inlineHtml(section.summary)}</p></header>` : '',
          ),
        )
        .join(''),
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { --accent: ${accent}; --accent-text: ${contrastingText(accent)}; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; color: #1a1d23; margin: 0; background: #f7f8fa; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  .cover { background: #fff; border-top: 0.5rem solid var(--accent); padding: 2rem; border-radius: 0.5rem; }
  .cover img.logo { height: 3rem; }
  .cover h1 { color: var(--accent); margin: 0.5rem 0; }
  .organisation { font-weight: 600; color: #4a5260; margin: 0; }
  .section h2 { color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 0.25rem; }
  .step { background: #fff; border-radius: 0.5rem; padding: 1rem 1.5rem; margin: 1.5rem 0; }
  .step h3 { font-size: 1.1rem; display: flex; gap: 0.6rem; align-items: baseline; }
  .step__number { flex: none; display: inline-grid; place-items: center; min-width: 1.8rem; height: 1.8rem; border-radius: 50%; background: var(--accent); color: var(--accent-text); font-size: 0.95rem; }
  .why, .aside { margin: 0.5rem 0; padding: 0.5rem 0.75rem; border-left: 4px solid var(--accent); background: #f3f4f6; }
  figure { margin: 1rem 0 0; }
  figure img { display: block; max-width: 100%; border: 1px solid #c9ced8; border-radius: 0.35rem; }
  .step--phone figure img { max-width: 22rem; }
  figcaption { color: #4a5260; font-size: 0.85rem; margin-top: 0.25rem; }
  figcaption .simulated { color: #854d0e; }
  @media print {
    body { background: #fff; }
    main { padding: 0; }
    .cover, .step { break-inside: avoid; padding: 0; margin: 0; }
    .step { break-before: page; }
    figure img { max-height: 150mm; width: auto; }
    a { color: inherit; text-decoration: none; }
  }
</style>
</head>
<body>
<main>
  <section class="cover">
    ${guide.logo ? `<img class="logo" src="${escapeHtml(guide.logo)}" alt="${escapeHtml(config.organisation || config.appName)} logo">` : ''}
    ${config.organisation ? `<p class="organisation">${escapeHtml(config.organisation)}</p>` : ''}
    <h1>${escapeHtml(title)}</h1>
    <p>${inlineHtml(config.intro)}</p>
    <h2>Contents</h2>
    <ol>${contents}</ol>
    <p class="organisation">Generated from the real flows of ${escapeHtml(config.appName)}: every picture is what the app shows today.</p>
  </section>
  ${body}
</main>
</body>
</html>
`;
}

export function renderMarkdown(guide: Guide): string {
  const { config } = guide;
  const lines: string[] = [];
  if (guide.logo) lines.push(`![${config.organisation || config.appName} logo](${guide.logo})`, '');
  lines.push(`# ${guideTitle(config)}`, '');
  if (config.organisation) lines.push(`*${config.organisation}*`, '');
  lines.push(config.intro, '', '## Contents', '');
  guide.sections.forEach((section, i) => lines.push(`${i + 1}. [${section.title}](#${section.id})`));
  lines.push('');
  for (const section of guide.sections) {
    lines.push(`<a id="${section.id}"></a>`, '', `## ${section.title}`, '', section.summary, '');
    for (const step of section.steps) {
      lines.push(`### ${step.number}. ${step.instruction}`, '');
      if (step.aside) lines.push(`> **Outside the browser:** ${step.aside}`, '');
      if (step.why) lines.push(`> **Why:** ${step.why}`, '');
      lines.push(`![Step ${step.number}${step.device === 'phone' ? ' (on the phone)' : ''}](${step.image})`, '');
      if (step.simulated) lines.push(`*Simulated device:* ${step.simulated}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Chromium writes the time into a PDF's metadata; the guide's PDF carries a fixed one instead. */
export function withoutPdfDates(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, (match, key: string) => {
    const fixed = `/${key} (D:20260115093000+00'00')`;
    // Same length keeps the cross-reference table's byte offsets right.
    return fixed.length <= match.length ? fixed.padEnd(match.length, ' ') : match;
  });
  return Buffer.from(text, 'latin1');
}
