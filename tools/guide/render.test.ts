import { describe, expect, it } from 'vitest';
import { parseGuideConfig } from './config';
import type { Guide } from './model';
import { inlineHtml, renderHtml, renderMarkdown, withoutPdfDates } from './render';

const guide: Guide = {
  config: parseGuideConfig({ organisation: 'Contoso <Ltd>', appName: 'Contoso Sign-in', accentColor: '#0f766e' }),
  logo: 'logo.svg',
  sections: [
    {
      id: 'register-here',
      title: 'Create a passkey',
      summary: 'For everyone.',
      steps: [
        { number: 1, instruction: 'Select **Create a passkey**.', aside: 'Your device asks for your PIN.', image: 'images/01-register-here.png', device: 'computer' },
        { number: 2, instruction: 'Done.', why: 'Because.', image: 'images/02-register-here.png', device: 'phone' },
        {
          number: 3,
          instruction: 'Select **Approve**.',
          simulated: 'the real phone shows <its own> prompt.',
          image: 'images/03-register-here.png',
          device: 'phone',
        },
      ],
    },
  ],
};

describe('render', () => {
  it('escapes text and bolds the names of buttons', () => {
    expect(inlineHtml('Select **Create** <now> & go')).toBe('Select <strong>Create</strong> &lt;now&gt; &amp; go');
  });

  it('writes each step on its own page, with its picture, aside and why', () => {
    const html = renderHtml(guide);
    expect(html.match(/<article class="step/g)).toHaveLength(3);
    expect(html).toContain('break-before: page');
    expect(html).toContain('<img src="images/01-register-here.png" alt="Step 1: Select Create a passkey.">');
    expect(html).toContain('<strong>Outside the browser:</strong> Your device asks for your PIN.');
    expect(html).toContain('Contoso &lt;Ltd&gt;');
    expect(html).toContain('<img class="logo" src="logo.svg"');
  });

  it('writes the same steps as Markdown', () => {
    const markdown = renderMarkdown(guide);
    expect(markdown).toContain('# Contoso Sign-in: setting up and using passkeys');
    expect(markdown).toContain('### 1. Select **Create a passkey**.');
    expect(markdown).toContain('> **Why:** Because.');
    expect(markdown).toContain('![Step 2 (on the phone)](images/02-register-here.png)');
  });

  it('captions a picture of a simulated device as simulated, in HTML and Markdown', () => {
    expect(renderHtml(guide)).toContain('On the phone — <strong class="simulated">Simulated device:</strong> the real phone shows &lt;its own&gt; prompt.</figcaption>');
    expect(renderHtml(guide).match(/Simulated device:/g)).toHaveLength(1);
    expect(renderMarkdown(guide)).toContain('![Step 3 (on the phone)](images/03-register-here.png)\n\n*Simulated device:* the real phone shows <its own> prompt.');
  });

  it('replaces the PDF’s dates with a fixed one of the same length', () => {
    const pdf = Buffer.from("<< /CreationDate (D:20261129163000+00'00') /ModDate (D:20261129163001+00'00') >>", 'latin1');
    const fixed = withoutPdfDates(pdf).toString('latin1');
    expect(fixed).toBe("<< /CreationDate (D:20260115093000+00'00') /ModDate (D:20260115093000+00'00') >>");
    expect(fixed.length).toBe(pdf.length);
  });
});
