/** Saving text from the browser as a file (a JSON download by default), with no server round trip. */

/** Starts a download of `text` as `fileName` (no server round trip). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start reading the blob before it goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
