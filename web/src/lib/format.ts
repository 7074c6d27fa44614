const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** A date and time on the course's clock, with the zone named so nobody misreads a deadline. */
export function formatDateTime(date: Date | string, timeZone = 'UTC'): string {
  return `${formatterFor(timeZone).format(typeof date === 'string' ? new Date(date) : date)} ${timeZone.replaceAll('_', ' ')}`;
}

export function formatScore(score: number | null | undefined): string {
  return score == null ? '—' : `${Math.round(score * 100)}%`;
}
