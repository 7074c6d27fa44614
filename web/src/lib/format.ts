const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function formatDateTime(date: Date | string): string {
  return `${dateTime.format(typeof date === 'string' ? new Date(date) : date)} UTC`;
}

export function formatScore(score: number | null | undefined): string {
  return score == null ? '—' : `${Math.round(score * 100)}%`;
}
