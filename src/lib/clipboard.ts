/** Copying text to the clipboard (the Async Clipboard API, which needs a secure context). */

/** Copies text; resolves false where the clipboard is unavailable or refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
