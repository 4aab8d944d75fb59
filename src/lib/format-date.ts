const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date and time in the reader's locale; "never" for null. */
export function formatDateTime(iso: string | null, never = 'never'): string {
  if (iso === null) return never;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'unknown' : formatter.format(date);
}

const timeFormatter = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A time of day in the reader's locale ("14:03", "2:03 PM"). */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'an unknown time' : timeFormatter.format(date);
}
