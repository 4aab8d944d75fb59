import { type ReactNode, useState } from 'react';
import { copyText } from '../lib/clipboard';
import { downloadText } from '../lib/download';
import { toJsonText, transcriptFileName } from '../lib/transcript';
import { Button } from './button';

export interface TranscriptActionsProps {
  /** Builds the JSON to copy or save (called on click, so `exportedAt` is the moment of export). */
  build: () => unknown;
  /** Part of the file name: "registration", "authentication", "ceremonies". */
  fileLabel: string;
  copyLabel?: string;
  downloadLabel?: string;
  /** More buttons for the same row. */
  children?: ReactNode;
}

/** "Copy transcript" (clipboard) and "Download transcript" (a JSON file), with a line saying what happened. */
export function TranscriptActions({
  build,
  fileLabel,
  copyLabel = 'Copy transcript',
  downloadLabel = 'Download transcript',
  children,
}: TranscriptActionsProps) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function onCopy() {
    const copied = await copyText(toJsonText(build()));
    setResult(
      copied
        ? { ok: true, text: 'Transcript copied. Paste it into your bug report.' }
        : { ok: false, text: 'This browser did not allow copying. Use “Download transcript” instead.' },
    );
  }

  function onDownload() {
    downloadText(transcriptFileName(fileLabel), toJsonText(build()));
    setResult({ ok: true, text: 'Transcript downloaded as a JSON file.' });
  }

  return (
    <div className="stack-sm">
      <div className="actions">
        <Button variant="secondary" onClick={() => void onCopy()}>
          {copyLabel}
        </Button>
        <Button variant="secondary" onClick={onDownload}>
          {downloadLabel}
        </Button>
        {children}
      </div>
      {result &&
        (result.ok ? (
          <p role="status" className="muted">
            {result.text}
          </p>
        ) : (
          <p role="alert" className="field__error">
            {result.text}
          </p>
        ))}
    </div>
  );
}
