import { describe, expect, it } from 'vitest';
import { endOfDay } from '@/lib/endOfDay';
import { createTestDb } from '@deltalab/db/test';
import { listCourseExercises } from '@deltalab/db';
import { seed } from '@/server/seed';

describe('endOfDay', () => {
  it('is 23:59 UTC of the same UTC day by default', () => {
    expect(endOfDay(new Date('2026-11-30T11:21:07.123Z')).toISOString()).toBe('2026-11-30T23:59:00.000Z');
    expect(endOfDay(new Date('2026-11-30T00:00:00.000Z')).toISOString()).toBe('2026-11-30T23:59:00.000Z');
  });

  it('is 23:59 local time in other zones, across daylight-saving changes', () => {
    // 23:30 UTC on 30 Nov is already 1 Dec in Berlin (UTC+1 in winter).
    expect(endOfDay(new Date('2026-11-30T23:30:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-12-01T22:59:00.000Z');
    // Summer time: UTC+2.
    expect(endOfDay(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-07-01T21:59:00.000Z');
    // The day clocks go back (25 Oct 2026 in Berlin): 23:59 is in winter time again.
    expect(endOfDay(new Date('2026-10-25T06:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-10-25T22:59:00.000Z');
    // West of Greenwich: New York, UTC-5 in winter; 03:00 UTC on 1 Dec is still 30 Nov there.
    expect(endOfDay(new Date('2026-12-01T03:00:00Z'), 'America/New_York').toISOString()).toBe('2026-12-01T04:59:00.000Z');
  });
});

describe('seeded due dates', () => {
  it('fall at 23:59 UTC, a week apart per topic, all after the seed time', async () => {
    const handle = await createTestDb();
    try {
      const now = new Date('2026-11-23T11:21:00Z');
      const seeded = await seed(handle.db, { now });
      const rows = await listCourseExercises(handle.db, seeded.courseId, { includeUnpublished: true });
      const dueDates = [...new Set(rows.map((r) => r.dueAt?.toISOString()))].sort();
      expect(dueDates[0]).toBe('2026-11-30T23:59:00.000Z');
      for (const iso of dueDates) {
        expect(iso).toMatch(/T23:59:00\.000Z$/);
        expect(new Date(iso!).getTime()).toBeGreaterThan(now.getTime());
      }
    } finally {
      await handle.close();
    }
  });
});
