import { useMemo } from 'react';
import { renderSVG } from 'uqr';

/** The hand-off link as a QR code (inline SVG), drawn in the browser; this module is only in the waiting page's chunk. */
export function HandoffQrCode({ url }: { url: string }) {
  const svg = useMemo(() => renderSVG(url, { ecc: 'M', border: 2 }), [url]);
  return (
    <div
      className="qr-code"
      role="img"
      aria-label="QR code for the hand-off link"
      // uqr builds the SVG from the URL's bits only (rects and a path), never from markup.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
