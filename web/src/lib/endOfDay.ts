/** Wall-clock parts of an instant in an IANA time zone. */
function zonedParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * 23:59 on the calendar day that `date` falls on in `timeZone` (a due date "end of the day"), as an instant.
 * Never earlier than `date` itself except within its last minute.
 */
export function endOfDay(date: Date, timeZone = 'UTC'): Date {
  const day = zonedParts(date, timeZone);
  const wallClock = Date.UTC(day.year, day.month - 1, day.day, 23, 59, 0);
  // The offset at 23:59 local can differ from the one at `date` (DST): correct once with the offset there.
  const guess = wallClock - offsetMs(new Date(wallClock), timeZone);
  return new Date(wallClock - offsetMs(new Date(guess), timeZone));
}
