import { useState } from 'react';
import { Button } from '../../../components/button';
import { copyText } from '../../../lib/clipboard';

/** A "Copy …" button with a line that says whether the clipboard took it. */
export function CopyButton({ text, label, copiedText }: { text: string; label: string; copiedText: string }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function onCopy() {
    const copied = await copyText(text);
    setResult(copied ? { ok: true, text: copiedText } : { ok: false, text: 'This browser did not allow copying. Select the text and copy it instead.' });
  }
  return (
    <div className="copy-button">
      <Button variant="secondary" onClick={() => void onCopy()}>
        {label}
      </Button>
      <p role="status" className={result && !result.ok ? 'field__error' : 'muted'}>
        {result?.text}
      </p>
    </div>
  );
}
