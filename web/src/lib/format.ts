const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** An IANA zone as people read it: "America/New York". */
export function formatTimeZone(timeZone: string): string {
  return timeZone.replaceAll('_', ' ');
}

/** A date and time on the course's clock, with the zone named so nobody misreads a deadline. */
export function formatDateTime(date: Date | string, timeZone = 'UTC'): string {
  return `${formatterFor(timeZone).format(typeof date === 'string' ? new Date(date) : date)} ${formatTimeZone(timeZone)}`;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** A date alone on the given clock ("6 Dec 2026"), in the site's fixed locale like every date it shows. */
export function formatDate(date: Date | string, timeZone = 'UTC'): string {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter.format(typeof date === 'string' ? new Date(date) : date);
}

export function formatScore(score: number | null | undefined): string {
  return score == null ? '—' : `${Math.round(score * 100)}%`;
}
